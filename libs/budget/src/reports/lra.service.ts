import { Injectable } from '@nestjs/common';
import { AccessService, AuthUser, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { CodeListVersionsService } from '../reference/code-list-versions.service';
import { amounts, LraSums, minus, plus, statutoryTotals, ZERO_SUMS } from './lra-figures';
import { LraQueryDto, LraResponse, LraRow, LraTotals } from './lra.dto';
import { lraSql } from './lra.sql';

interface SqlRow {
  part: 'row' | 'total'; code: string; level: number; akun: string | null; organizationCode: string | null; organizationName: string | null;
  name: string; budget: string; amended: string; amendedYet: boolean; realized: string;
}

const SECTION: Record<string, string> = { 4: 'REVENUE', 5: 'EXPENDITURE', 6: 'FINANCING' };
// codes in numeric segment order ("5.1.2" before "5.1.10"); one collator, built once (localeCompare with options builds one per call)
const CODE_ORDER = new Intl.Collator('en', { numeric: true });
const sumsOf = (r: SqlRow): LraSums => ({ budget: Money.of(r.budget), amended: r.amendedYet ? Money.of(r.amended) : null, realized: Money.of(r.realized) });

// The budget realisation report (LRA, Laporan Realisasi Anggaran) from the
// ledger: Pendapatan, Belanja, Surplus/(Defisit), Pembiayaan (receipts,
// expenditures, net) and SiLPA, per account level, per OPD or per program.
// Auditors and province-wide roles read every OPD; OPD roles their own.
@Injectable()
export class LraService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly codes: CodeListVersionsService) {}

  async report(user: AuthUser, q: LraQueryDto): Promise<LraResponse> {
    const groupBy = q.groupBy ?? 'account';
    const level = q.level ?? (groupBy === 'program' ? 5 : 3);
    if (groupBy === 'program' && (level < 3 || level > 5)) {
      throw DomainError.invalid('with groupBy=program, level is 3 (program), 4 (kegiatan) or 5 (sub kegiatan)', [{ field: 'level', message: 'between 3 and 5 with groupBy=program' }]);
    }
    const scope = await this.access.scope(user, Permission.LRA_READ);
    return this.tx.run(async (m) => {
      const version = await this.codes.versionOf(m, q.fiscalYear);
      const asOf = q.asOf ?? (await this.defaultAsOf(m, q.fiscalYear));
      const orgs = await this.organizations(m, scope, q.organizationId);
      const levels = groupBy === 'program' ? [1, ...[3, 4, 5].filter((n) => n <= level)] : [...Array(level).keys()].map((i) => i + 1);
      const rows: SqlRow[] = await m.query(lraSql(groupBy), [q.fiscalYear, asOf, orgs, levels, version]);
      const { rows: out, totals } = this.assemble(groupBy, rows.filter((r) => r.part === 'row'), rows.filter((r) => r.part === 'total'));
      return { fiscalYear: q.fiscalYear, asOf, groupBy, level, organizationId: q.organizationId ?? null, codeListVersion: version, rows: out, totals };
    });
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
