import { verifyLedger } from '@grms/budget';
import { AuditService, RequestContext, TransactionService } from '@grms/core';
import { SingleBar, Presets } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DATASET_STEPS, SCALES } from '../dataset/province-dataset';

interface Opts { scale: string; fiscalYear: number; prefix: string }

@Command({ name: 'dataset:generate', description: 'generate a synthetic data set at the given scale (bulk SQL, one transaction), then verify the ledger' })
export class DatasetGenerateCommand extends CommandRunner {
  constructor(private readonly ds: DataSource, private readonly tx: TransactionService, private readonly audit: AuditService) {
    super();
  }

  async run(_: string[], opts: Opts): Promise<void> {
    const scale = SCALES[opts.scale ?? 'province'];
    if (!scale) throw new Error(`unknown scale ${opts.scale}: use ${Object.keys(SCALES).join(', ')}`);
    const fiscalYear = opts.fiscalYear ?? 2026;
    const prefix = opts.prefix ?? '91';
    const [planner] = await this.ds.query(`SELECT id FROM users WHERE 'PLANNER' = ANY(roles) AND active ORDER BY username LIMIT 1`);
    const [verifier] = await this.ds.query(`SELECT id FROM users WHERE 'BUDGET_VERIFIER' = ANY(roles) AND active ORDER BY username LIMIT 1`);
    if (!planner || !verifier) throw new Error('the data set needs a PLANNER and a BUDGET_VERIFIER user: run `grms seed:demo` first');
    const [exists] = await this.ds.query(`SELECT count(*)::int AS n FROM organizations WHERE code LIKE $1`, [`${prefix}.%`]);
    if (exists.n > 0) throw new Error(`a data set with prefix ${prefix} already exists; use --prefix to add another`);
    const [fy] = await this.ds.query(`SELECT status FROM fiscal_years WHERE year = $1`, [fiscalYear]);
    if (!fy) await this.ds.query(`INSERT INTO fiscal_years (year, status) VALUES ($1, 'EXECUTION')`, [fiscalYear]);

    const bar = new SingleBar({ format: 'dataset [{bar}] {value}/{total} {step} ({duration}s)', hideCursor: true }, Presets.shades_classic);
    bar.start(DATASET_STEPS.length, 0, { step: '' });
    const started = Date.now();
    await RequestContext.run({ requestId: `dataset-${randomUUID()}` }, () => this.tx.run(async (m) => {
      await m.query(`SET LOCAL synchronous_commit = off`);
      for (const step of DATASET_STEPS) {
        bar.update({ step: step.label });
        await step.run(m, { scale, fiscalYear, prefix, plannerId: planner.id, verifierId: verifier.id });
        bar.increment();
      }
      const [c] = await m.query(`
        SELECT (SELECT count(*) FROM organizations WHERE code LIKE $1)::int AS organizations,
               (SELECT count(*) FROM budget_documents d JOIN organizations o ON o.id = d.organization_id WHERE o.code LIKE $1)::int AS documents,
               (SELECT count(*) FROM budget_lines l JOIN organizations o ON o.id = l.organization_id WHERE o.code LIKE $1)::int AS "budgetLines",
               (SELECT count(*) FROM budget_document_items i JOIN budget_documents d ON d.id = i.document_id JOIN organizations o ON o.id = d.organization_id WHERE o.code LIKE $1)::int AS items`, [`${prefix}.%`]);
      this.audit.record({ action: 'DATASET.GENERATE', entityType: 'Dataset', entityId: `${scale.name}:${prefix}`, after: { scale, fiscalYear, prefix, counts: c } });
      bar.stop();
      process.stdout.write(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(c)}\n`);
    }));
    await this.ds.query('ANALYZE');
    const v = await verifyLedger(this.ds);
    process.stdout.write(`${v.valid ? 'ledger OK' : 'LEDGER INCONSISTENT'}: ${v.linesChecked} budget lines, ${v.entriesChecked} entries\n`);
    if (!v.valid) process.exitCode = 1;
  }

  @Option({ flags: '-s, --scale <scale>', description: 'province (default) or small' })
  parseScale(v: string): string { return v; }

  @Option({ flags: '-y, --fiscal-year <year>', description: 'fiscal year (default 2026)' })
  parseYear(v: string): number { return Number.parseInt(v, 10); }

  @Option({ flags: '-p, --prefix <digits>', description: 'organization code prefix of this data set (default 91)' })
  parsePrefix(v: string): string {
    if (!/^\d{1,4}$/.test(v)) throw new Error('--prefix takes 1-4 digits');
    return v;
  }
}
