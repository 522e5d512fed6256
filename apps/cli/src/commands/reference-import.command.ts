import { ReferenceImportService } from '@grms/budget';
import { DomainError, RequestContext } from '@grms/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomUUID } from 'node:crypto';

@Command({
  name: 'reference:import',
  description: 'import the code lists from data/reference: functions, and each code-list version (a folder with a version.json: the 2019 lists, current/); all or nothing, with a report of what changed',
})
export class ReferenceImportCommand extends CommandRunner {
  constructor(private readonly importer: ReferenceImportService) {
    super();
  }

  async run(_: string[], opts: { dir?: string }): Promise<void> {
    try {
      const report = await RequestContext.run({ requestId: `cli-${randomUUID()}` }, () => this.importer.importAll(opts.dir));
      const out = (s: string) => process.stdout.write(`${s}\n`);
      if (report.functions) {
        const f = report.functions;
        out(`functions ${f.rows} rows: ${f.inserted} inserted, ${f.updated} updated, ${f.unchanged} unchanged`);
      }
      for (const v of report.versions) {
        out(`version ${v.version}: ${v.name}`);
        out(`  compared with ${v.comparedWith ? `version ${v.comparedWith}` : 'nothing (first version)'}`);
        for (const l of v.lists) {
          out(`  ${l.list.padEnd(16)} ${String(l.rows).padStart(6)} codes: ${l.added} added, ${l.retired} retired, ${l.renamed} renamed, ${l.unchanged} unchanged`);
          for (const [what, codes] of Object.entries(l.examples)) if (codes.length) out(`    ${what}: ${codes.join(', ')}${codes.length === 5 ? ', ...' : ''}`);
        }
        for (const c of v.crosswalks) out(`  crosswalk ${c.list} from ${c.from}: ${c.rows} pairs`);
      }
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      process.stderr.write(`${e.detail}\n`);
      for (const f of e.errors) process.stderr.write(`  ${f.row ? `line ${f.row}: ` : ''}${f.field}: ${f.message}\n`);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '-d, --dir <dir>', description: 'folder holding functions.csv and/or version folders (default: data/reference)' })
  parseDir(v: string): string {
    return v;
  }
}
