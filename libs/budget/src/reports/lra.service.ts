import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthUser, DomainError, Money, Permission, statementPages, TransactionService, wholeGroups } from '@grms/core';
import { DataSource, EntityManager } from 'typeorm';
import { CodeListVersionsService } from '../reference/code-list-versions.service';
import { amounts, LraSums, minus, plus, statutoryTotals, ZERO_SUMS } from './lra-figures';
import { LraGroup, LraQueryDto, LraResponse, LraRow, LraTotals } from './lra.dto';
import { lraSql } from './lra.sql';

interface SqlRow {
  part: 'row' | 'total'; code: string; level: number; akun: string | null; organizationCode: string | null; organizationName: string | null;
  name: string; budget: string; amended: string; amendedYet: boolean; realized: string;
}

const SECTION: Record<string, string> = { 4: 'REVENUE', 5: 'EXPENDITURE', 6: 'FINANCING' };
// codes in numeric segment order ("5.1.2" before "5.1.10"); one collator, built once (localeCompare with options builds one per call)
const CODE_ORDER = new Intl.Collator('en', { numeric: true });
/** What a report reads: the grouping and level, the year's code-list version, the date and the OPDs (null: all). */
interface LraRun { groupBy: LraGroup; level: number; version: string; asOf: string; orgs: string[] | null; levels: number[] }
/** The head of a download: what its name and columns say. */
export type LraHead = Pick<LraResponse, 'fiscalYear' | 'asOf' | 'groupBy'>;

const sumsOf = (r: SqlRow): LraSums => ({ budget: Money.of(r.budget), amended: r.amendedYet ? Money.of(r.amended) : null, realized: Money.of(r.realized) });

// The budget realisation report (LRA, Laporan Realisasi Anggaran) from the
// ledger: Pendapatan, Belanja, Surplus/(Defisit), Pembiayaan (receipts,
// expenditures, net) and SiLPA, per account level, per OPD or per program.
// Auditors and province-wide roles read every OPD; OPD roles their own.
@Injectable()
export class LraService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly codes: CodeListVersionsService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async report(user: AuthUser, q: LraQueryDto): Promise<LraResponse> {
    const level = this.checkLevel(q);
    const scope = await this.access.scope(user, Permission.LRA_READ);
    return this.tx.run(async (m) => {
      const run = await this.run(m, scope, q, level);
      const rows: SqlRow[] = await m.query(lraSql(run.groupBy), [q.fiscalYear, run.asOf, run.orgs, run.levels, run.version]);
      const { rows: out, totals } = this.assemble(run.groupBy, rows.filter((r) => r.part === 'row'), rows.filter((r) => r.part === 'total'));
      return { fiscalYear: q.fiscalYear, asOf: run.asOf, groupBy: run.groupBy, level, organizationId: q.organizationId ?? null, codeListVersion: run.version, rows: out, totals };
    });
  }

  /**
   * The rows of the LRA grouped by organization, for a download, without
   * holding the province: the same statement, read through a cursor in OPD
   * code order inside one read-only snapshot, each OPD assembled (its rows
   * in the statutory order, its surplus, net financing and SiLPA from its
   * own class sums) once all its rows have come. Memory holds one fetch and
   * one OPD's rows. The year, level and OPD are checked before the first byte.
   */
  async organizationPages(user: AuthUser, q: LraQueryDto): Promise<{ head: LraHead; pages: AsyncIterable<LraRow[]> }> {
    const level = this.checkLevel(q);
    const scope = await this.access.scope(user, Permission.LRA_READ);
    const run = await this.tx.run((m) => this.run(m, scope, q, level));
    const fetched = statementPages<SqlRow>(this.ds, `SELECT * FROM (${lraSql('organization')}) r ORDER BY r."organizationCode" COLLATE "C"`,
      [q.fiscalYear, run.asOf, run.orgs, run.levels, run.version]);
    return { head: { fiscalYear: q.fiscalYear, asOf: run.asOf, groupBy: 'organization' }, pages: this.byOrganization(fetched) };
  }

  /** The statement's rows (in OPD code order) assembled OPD by OPD: an OPD is written once the next one's first row has come, or the rows end. */
  private async *byOrganization(fetched: AsyncIterable<SqlRow[]>): AsyncGenerator<LraRow[]> {
    for await (const rows of wholeGroups(fetched, (r) => r.organizationCode)) yield this.assembleRows(rows);
  }

  private assembleRows(rows: SqlRow[]): LraRow[] {
    return this.assemble('organization', rows.filter((r) => r.part === 'row'), rows.filter((r) => r.part === 'total')).rows;
  }

  private checkLevel(q: LraQueryDto): number {
    const groupBy = q.groupBy ?? 'account';
    const level = q.level ?? (groupBy === 'program' ? 5 : 3);
    if (groupBy === 'program' && (level < 3 || level > 5)) {
      throw DomainError.invalid('with groupBy=program, level is 3 (program), 4 (kegiatan) or 5 (sub kegiatan)', [{ field: 'level', message: 'between 3 and 5 with groupBy=program' }]);
    }
    return level;
  }

  private async run(m: EntityManager, scope: string[] | null, q: LraQueryDto, level: number): Promise<LraRun> {
    const groupBy = q.groupBy ?? 'account';
    const version = await this.codes.versionOf(m, q.fiscalYear);
    const asOf = q.asOf ?? (await this.defaultAsOf(m, q.fiscalYear));
    const orgs = await this.organizations(m, scope, q.organizationId);
    const levels = groupBy === 'program' ? [1, ...[3, 4, 5].filter((n) => n <= level)] : [...Array(level).keys()].map((i) => i + 1);
    return { groupBy, level, version, asOf, orgs, levels };
  }

  private async defaultAsOf(m: EntityManager, year: number): Promise<string> {
    const [{ today }] = await m.query(`SELECT current_date::text AS today`);
    return Number(today.slice(0, 4)) === year ? today : `${year}-12-31`;
  }

  /** null: every OPD; else the OPDs (with their units) the report covers, within the user's scope (another OPD is 404). */
  private async organizations(m: EntityManager, scope: string[] | null, organizationId?: string): Promise<string[] | null> {
    if (!organizationId) return scope;
    if (!this.access.inScope(scope, organizationId)) throw DomainError.notFound('organization', organizationId);
    const rows: { id: string }[] = await m.query(
      `WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = $1 UNION ALL SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id) SELECT id FROM tree`,
      [organizationId]);
    if (!rows.length) throw DomainError.notFound('organization', organizationId);
    return rows.map((r) => r.id);
  }

  // Orders the rows in the statutory structure (4, 5, Surplus/(Defisit), 6
  // with 6 as net financing, Pembiayaan Netto, SiLPA), per OPD when grouped so.
  private assemble(groupBy: string, rows: SqlRow[], totalRows: SqlRow[]): { rows: LraRow[]; totals: LraTotals } {
    const byOrg = new Map<string, SqlRow[]>();
    for (const r of rows) {
      const group = byOrg.get(r.organizationCode ?? '');
      if (group) group.push(r); else byOrg.set(r.organizationCode ?? '', [r]);
    }
    const classSums = (org: string | null) => {
      const pick = (cls: string) => totalRows.filter((t) => org === null || (t.organizationCode ?? '') === org).filter((t) => t.code === cls)
        .map(sumsOf).reduce(plus, ZERO_SUMS);
      return statutoryTotals(pick('revenue'), pick('expenditure'), pick('financingReceipts'), pick('financingExpenditures'));
    };
    const out: LraRow[] = [];
    for (const org of [...byOrg.keys()].sort()) {
      const group = byOrg.get(org)!;
      const who = group[0].organizationCode ? { organizationCode: group[0].organizationCode, organizationName: group[0].organizationName! } : {};
      const { sums } = classSums(who.organizationCode ?? null);
      const total = (code: string, name: string, s: LraSums): LraRow => ({ code, name, level: 0, section: 'TOTAL', ...who, ...amounts(s) });
      const sorted = [...group].sort((a, b) => (a.akun ?? '').localeCompare(b.akun ?? '') || (a.level === 1 ? -1 : b.level === 1 ? 1 : CODE_ORDER.compare(a.code, b.code)));
      let surplusDone = false;
      for (const r of sorted) {
        const akun = r.akun ?? r.code.slice(0, 1);
        if (akun === '6' && !surplusDone) { out.push(total('SURPLUS', 'SURPLUS/(DEFISIT)', sums.surplus)); surplusDone = true; }
        // the akun 6 row carries net financing (receipts - expenditures), not their sum
        const s = akun === '6' && r.level === 1 ? minus(sums.financingReceipts, sums.financingExpenditures) : sumsOf(r);
        out.push({ code: r.code, name: r.name, level: r.level, section: SECTION[akun] ?? 'TOTAL', ...who, ...(groupBy === 'program' ? { accountCode: akun } : {}), ...amounts(s) });
      }
      if (!surplusDone) out.push(total('SURPLUS', 'SURPLUS/(DEFISIT)', sums.surplus));
      out.push(total('PEMBIAYAAN_NETTO', 'PEMBIAYAAN NETTO', sums.financingNet), total('SILPA', 'SISA LEBIH PEMBIAYAAN ANGGARAN (SiLPA)', sums.silpa));
    }
    return { rows: out, totals: classSums(null).totals };
  }
}
