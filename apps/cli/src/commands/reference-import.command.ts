import { ReferenceImportService } from '@grms/budget';
import { DomainError, RequestContext } from '@grms/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomUUID } from 'node:crypto';

@Command({ name: 'reference:import', description: 'import the code lists (accounts, nomenclature, funding sources, functions) from data/reference; all or nothing' })
export class ReferenceImportCommand extends CommandRunner {
  constructor(private readonly importer: ReferenceImportService) {
    super();
  }

  async run(_: string[], opts: { dir?: string }): Promise<void> {
    try {
      const summary = await RequestContext.run({ requestId: `cli-${randomUUID()}` }, () => this.importer.importAll(opts.dir));
      for (const s of summary) {
        process.stdout.write(`${s.table.padEnd(16)} ${String(s.rows).padStart(6)} rows: ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged\n`);
      }
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      process.stderr.write(`${e.detail}\n`);
      for (const f of e.errors) process.stderr.write(`  line ${f.row}: ${f.field}: ${f.message}\n`);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '-d, --dir <dir>', description: 'folder holding the CSV files (default: data/reference)' })
  parseDir(v: string): string {
    return v;
  }
}
