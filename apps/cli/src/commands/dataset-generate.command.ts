import { verifyLedger } from '@grms/budget';
import { treasuryCashReport, verifyTreasuryCashDays } from '@grms/e-penatausahaan';
import { AuditService, TransactionService } from '@grms/core';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { generateDataset } from '../dataset/generate-dataset';
import { SCALES } from '../dataset/province-dataset';

interface Opts { scale?: string; fiscalYear?: number; prefix?: string; payments?: boolean }

@Command({ name: 'dataset:generate', description: 'generate a synthetic data set (default --scale province) in bulk SQL, in one transaction, then verify the ledger' })
export class DatasetGenerateCommand extends CommandRunner {
  constructor(private readonly ds: DataSource, private readonly tx: TransactionService, private readonly audit: AuditService) {
    super();
  }

  async run(_: string[], opts: Opts): Promise<void> {
    const scale = SCALES[opts.scale ?? 'province'];
    if (!scale) throw new Error(`unknown scale ${opts.scale}: use ${Object.keys(SCALES).join(', ')}`);
    const bar = new SingleBar({ format: 'dataset [{bar}] {value}/{total} {step}', hideCursor: true }, Presets.shades_classic);
    bar.start(8, 0, { step: '' });
    const started = Date.now();
    const counts = await generateDataset(this.ds, this.tx, this.audit, {
      scale, fiscalYear: opts.fiscalYear ?? 2026, prefix: opts.prefix ?? '91', payments: opts.payments,
      onStep: (label, i, total) => { bar.setTotal(total); bar.update(i, { step: label }); },
    });
    bar.update(bar.getTotal(), { step: 'done' });
    bar.stop();
    process.stdout.write(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}\n`);
    await this.ds.query('ANALYZE');
    const v = await verifyLedger(this.ds);
    process.stdout.write(`${v.valid ? 'ledger OK' : 'LEDGER INCONSISTENT'}: ${v.linesChecked} budget lines, ${v.entriesChecked} entries\n`);
    // the treasury's cash days the generator rebuilt, against the documents it wrote (decision 0141)
    const c = await verifyTreasuryCashDays(this.ds);
    process.stdout.write(treasuryCashReport(c));
    if (!v.valid || !c.valid) process.exitCode = 1;
  }

  @Option({ flags: '-s, --scale <scale>', description: 'province (default) or small' })
  parseScale(v: string): string { return v; }

  @Option({ flags: '-y, --fiscal-year <year>', description: 'fiscal year (default 2026)' })
  parseYear(v: string): number { return Number.parseInt(v, 10); }

  @Option({ flags: '--no-payments', description: 'budgets only, without the year of payments' })
  parsePayments(): boolean { return false; }

  @Option({ flags: '-p, --prefix <digits>', description: 'organization code prefix of this data set (default 91)' })
  parsePrefix(v: string): string {
    if (!/^\d{1,4}$/.test(v)) throw new Error('--prefix takes 1-4 digits');
    return v;
  }
}
