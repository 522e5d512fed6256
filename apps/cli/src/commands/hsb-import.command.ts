import { DomainError, NUMBER_LOCALES, NumberLocale, RequestContext } from '@grms/core';
import { HsbImportResult, HsbImportService, IMPORT_PROFILES } from '@grms/e-hsb';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomUUID } from 'node:crypto';

interface Opts { fiscalYear?: number; profile?: string; partial?: boolean; dryRun?: boolean; category?: 'SSH' | 'HSPK' | 'ASB' | 'SBU'; ceiling?: 'HARD' | 'ESTIMATE'; locale?: string }

function report(r: { errors: { row: number; field: string; message: string }[]; warnings?: { row: number; field: string; message: string }[] }): void {
  for (const e of r.errors) process.stdout.write(`  line ${e.row}: ${e.field}: ${e.message}\n`);
  for (const w of r.warnings ?? []) process.stdout.write(`  line ${w.row} (imported, note): ${w.field}: ${w.message}\n`);
}

@Command({ name: 'hsb:import', arguments: '<file>', description: 'import an e-HSB price list (CSV or XLSX) through an import profile; strict by default (any bad row: nothing written)' })
export class HsbImportCommand extends CommandRunner {
  constructor(private readonly importer: HsbImportService) {
    super();
  }

  async run([file]: string[], o: Opts): Promise<void> {
    if (o.locale !== undefined && !(NUMBER_LOCALES as readonly string[]).includes(o.locale)) {
      process.stdout.write(`VALIDATION_FAILED: --locale must be one of ${NUMBER_LOCALES.join(', ')} (en: 1250000.50 or 1,250,000.50; id: 1250000,50 or 1.250.000,50), not "${o.locale}"\n`);
      process.exitCode = 1;
      return;
    }
    const bar = new SingleBar({ format: 'e-HSB import [{bar}] {value}/{total} {phase}', hideCursor: true }, Presets.shades_classic);
    let started = false;
    try {
      const r: HsbImportResult = await RequestContext.run({ requestId: `cli-${randomUUID()}` }, () => this.importer.importFile({ path: file }, {
        fiscalYear: o.fiscalYear ?? new Date().getFullYear(), profile: o.profile, mode: o.partial ? 'partial' : 'strict', dryRun: o.dryRun,
        category: o.category, ceiling: o.ceiling, locale: o.locale as NumberLocale | undefined,
      }, (p) => {
        if (!started) { bar.start(p.total, 0, { phase: p.phase }); started = true; }
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.done, { phase: p.phase });
      }));
      if (started) bar.stop();
      process.stdout.write(`${r.dryRun ? 'dry run (nothing written): ' : ''}${r.rows} rows: ${r.imported} imported, ${r.updated} updated (new versions), ${r.unchanged} unchanged, ${r.skipped} skipped\n`);
      report(r);
    } catch (e) {
      if (started) bar.stop();
      if (!(e instanceof DomainError)) throw e;
      process.stdout.write(`${e.code}: ${e.detail}\n`);
      report({ errors: e.errors.map((x) => ({ row: x.row ?? 0, field: x.field, message: x.message })) });
      process.exitCode = 1;
    }
  }

  @Option({ flags: '-y, --fiscal-year <year>', description: 'fiscal year of the catalogue (default: this year)' })
  parseYear(v: string): number { return Number.parseInt(v, 10); }

  @Option({ flags: '-p, --profile <name>', description: `import profile: ${Object.keys(IMPORT_PROFILES).join(', ')} (default: default)` })
  parseProfile(v: string): string { return v; }

  @Option({ flags: '--partial', description: 'import the good rows and report the bad ones (default: strict)' })
  parsePartial(): boolean { return true; }

  @Option({ flags: '--dry-run', description: 'report what would be imported, write nothing' })
  parseDryRun(): boolean { return true; }

  @Option({ flags: '--category <category>', description: 'SSH, HSPK, ASB or SBU, for profiles without a category column' })
  parseCategory(v: string): string { return v; }

  @Option({ flags: '--locale <locale>', description: 'how the file writes amounts: en 1250000.50 or 1,250,000.50; id 1250000,50 or 1.250.000,50 (default: the profile\'s: en, kota-malang-ssh id; docs/decisions/0414)' })
  parseLocale(v: string): string { return v; }

  @Option({ flags: '--ceiling <ceiling>', description: 'HARD or ESTIMATE, for profiles without a ceiling column' })
  parseCeiling(v: string): string { return v; }
}
