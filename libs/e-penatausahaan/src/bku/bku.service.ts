import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService, AuditService, AuthUser, DomainError, Keyset, keysetAfterRow, keysetOrderBy, listPage, Money, Permission, ReadRouter, RequestContext, requireFiscalYear,
  snapshotPages, TailStatement, TransactionService, whereAnd,
} from '@grms/core';
import { DataSource, EntityManager } from 'typeorm';
import { requireOrganizationExists } from '../common/doc-lines';
import { requireBookDate } from './book-date';
import { BkuBalances, BkuEntryResponse, BkuQueryDto, BkuResponse, CreateBkuEntryDto, SubLedger } from './dto/bku.dto';

export interface BkuPosting {
  subLedger: SubLedger;
  /** signed: positive is a receipt, negative an expenditure */
  amount: Money;
  description: string;
  sourceType: string;
  sourceId: string | null;
  /** the number of the document that wrote the entry (exports show it, never the id) */
  documentNumber?: string | null;
  /** TAX entries: the tax type (PPN, PPH22, ...), for the tax book per type */
  taxCode?: string | null;
  /** PANJAR entries: the activity officer holding the advance */
  officer?: string | null;
}

export const ENTRY_SELECT = `SELECT id, entry_no AS no, entry_no AS seq, document_number AS "documentNumber", tax_code AS "taxCode", officer, to_char(entry_date, 'YYYY-MM-DD') AS "entryDate", sub_ledger AS "subLedger", description,
  source_type AS "sourceType", source_id AS "sourceId", GREATEST(amount, 0)::numeric(20,2)::text AS receipt,
  GREATEST(-amount, 0)::numeric(20,2)::text AS expenditure, sub_balance_after::text AS "subBalance", balance_after::text AS balance,
  CASE
    WHEN source_type IN ('Sp2d', 'Sp2dCancellation') THEN (SELECT d.number FROM sp2d d WHERE d.id::text = bku_entries.source_id)
    WHEN source_type = 'Spj' THEN (SELECT d.number FROM spj d WHERE d.id::text = bku_entries.source_id)
    WHEN source_type = 'Spm' THEN (SELECT d.number FROM spm d WHERE d.id::text = bku_entries.source_id)
    WHEN source_type = 'Spd' THEN (SELECT d.number FROM spd d WHERE d.id::text = bku_entries.source_id)
  END AS "sourceNumber"
  FROM bku_entries`;

// The treasurer's general cash book (BKU) per OPD and fiscal year, with the
// sub-ledgers CASH, BANK and TAX. Documents (SP2D, SPJ) and manual entries
// append to it; the running balance of each sub-ledger never goes negative
// (checked here with the arithmetic, and by the database).
@Injectable()
export class BkuService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly reads: ReadRouter,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /** Appends entries in order, in the caller's transaction; refuses a negative balance. */
  async append(m: EntityManager, organizationId: string, fiscalYear: number, postings: BkuPosting[], entryDate?: string): Promise<string[]> {
    if (postings.length === 0) return [];
    // Postings that never take a sub-ledger below where it stands (an LS SP2D: received, then paid out) cannot
    // make the book negative, whatever its balances: the entries' row trigger creates the book if new and locks it
    // (decision 0026). Any other set is checked first against the book's latest balances, to refuse with them.
    const bal: Record<SubLedger, Money> = neverBelowStart(postings) ? { CASH: Money.ZERO, BANK: Money.ZERO, TAX: Money.ZERO, PANJAR: Money.ZERO } : await this.lockBook(m, organizationId, fiscalYear);
    const officers = new Map<string, Money>();
    for (const p of postings) {
      if ((p.subLedger === 'PANJAR') !== !!p.officer) throw DomainError.invalid('a PANJAR entry names the activity officer holding the advance, and only a PANJAR entry does', [{ field: 'officer', message: 'with PANJAR, and only then' }]);
      const next = bal[p.subLedger].plus(p.amount);
      if (next.isNegative()) {
        throw DomainError.rule('BKU_NEGATIVE_BALANCE',
          `the ${p.subLedger} balance of the cash book would become ${next} (balance ${bal[p.subLedger]}, entry ${p.amount}: ${p.description}); the BKU can never go negative`);
      }
      bal[p.subLedger] = next;
      if (p.officer) {
        const held = officers.get(p.officer) ?? Money.of((await m.query(
          `SELECT COALESCE(sum(amount), 0)::text AS s FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2 AND sub_ledger = 'PANJAR' AND officer = $3`, [organizationId, fiscalYear, p.officer]))[0].s);
        const after = held.plus(p.amount);
        if (after.isNegative()) throw DomainError.rule('PANJAR_EXCEEDED', `${p.officer} holds a panjar of ${held}; ${p.amount.negate()} cannot come out of it (${p.description})`, [{ field: 'officer', message: `holds ${held}` }]);
        officers.set(p.officer, after);
      }
    }
    const { sql, params } = insertEntries(organizationId, fiscalYear, postings, entryDate);
    const rows: { id: string; entry_no: string }[] = await m.query(`${sql} RETURNING id, entry_no`, params);
    return rows.sort((a, b) => Number(a.entry_no) - Number(b.entry_no)).map((r) => r.id);
  }

  /**
   * The entries as one statement to send inside another (LedgerService.post's `alongside`; decision 0029), where
   * `append` would check nothing: postings that never take a sub-ledger below where it stands, no PANJAR. Any
   * other set answers null and goes through `append`, which checks it against the book's locked balances.
   */
  appendStatement(organizationId: string, fiscalYear: number, postings: BkuPosting[], entryDate?: string): TailStatement | null {
    if (postings.length === 0 || !neverBelowStart(postings) || postings.some((p) => p.subLedger === 'PANJAR' || p.officer)) return null;
    return insertEntries(organizationId, fiscalYear, postings, entryDate);
  }

  /** The book created if new and locked, in one statement (DO UPDATE locks the row and answers its latest balances). */
  private async lockBook(m: EntityManager, organizationId: string, fiscalYear: number): Promise<Record<SubLedger, Money>> {
    const [book] = await m.query(
      `INSERT INTO bku_books AS b (organization_id, fiscal_year) VALUES ($1, $2)
       ON CONFLICT (organization_id, fiscal_year) DO UPDATE SET organization_id = b.organization_id RETURNING cash::text, bank::text, tax::text, panjar::text`,
      [organizationId, fiscalYear]);
    return { CASH: Money.of(book.cash), BANK: Money.of(book.bank), TAX: Money.of(book.tax), PANJAR: Money.of(book.panjar) };
  }

  /** Posts the opposite of every entry a source wrote, latest first. */
  async reverseSource(m: EntityManager, sourceType: string, sourceId: string, by: { sourceType: string; sourceId: string; description: string }): Promise<void> {
    const rows: { organization_id: string; fiscal_year: number; sub_ledger: SubLedger; amount: string; document_number: string | null; tax_code: string | null; officer: string | null }[] = await m.query(
      `SELECT organization_id, fiscal_year, sub_ledger, amount::text, document_number, tax_code, officer FROM bku_entries WHERE source_type = $1 AND source_id = $2 ORDER BY entry_no DESC`, [sourceType, sourceId]);
    if (rows.length === 0) return;
    await this.append(m, rows[0].organization_id, rows[0].fiscal_year, rows.map((r) => ({
      subLedger: r.sub_ledger, amount: Money.of(r.amount).negate(), description: by.description, sourceType: by.sourceType, sourceId: by.sourceId,
      documentNumber: r.document_number, taxCode: r.tax_code, officer: r.officer,
    })));
  }

  createEntry(user: AuthUser, dto: CreateBkuEntryDto): Promise<BkuEntryResponse[]> {
    if (dto.toSubLedger && (dto.direction !== 'OUT' || dto.toSubLedger === dto.subLedger)) {
      throw DomainError.invalid('toSubLedger moves money OUT of subLedger into another sub-ledger', [{ field: 'toSubLedger', message: 'needs direction OUT and a different sub-ledger' }]);
    }
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, dto.organizationId);
      await this.access.requireOrganization(user, Permission.BKU_WRITE, dto.organizationId, 'organization');
      const year = await requireBookDate(m, dto.organizationId, dto.entryDate, 'entryDate');
      const amount = Money.of(dto.amount);
      const officerOf = (l: SubLedger) => (l === 'PANJAR' ? dto.officer ?? null : null);
      const postings: BkuPosting[] = [{ subLedger: dto.subLedger, amount: dto.direction === 'IN' ? amount : amount.negate(), description: dto.description, sourceType: 'Manual', sourceId: null, officer: officerOf(dto.subLedger) }];
      if (dto.toSubLedger) postings.push({ subLedger: dto.toSubLedger, amount, description: dto.description, sourceType: 'Manual', sourceId: null, officer: officerOf(dto.toSubLedger) });
      const ids = await this.append(m, dto.organizationId, year, postings, dto.entryDate);
      const rows: BkuEntryResponse[] = await m.query(`${ENTRY_SELECT} WHERE id = ANY($1::uuid[]) ORDER BY entry_no`, [ids]);
      this.audit.record({ action: 'BKU.ENTRY', entityType: 'BkuEntry', entityId: rows[0]?.id ?? null, after: rows });
      return rows;
    });
  }

  /**
   * The book of a range: the opening and closing balances of the whole range
   * and one page of its entries, by number (with the real total) or after a
   * cursor (decision 0063).
   */
  async book(user: AuthUser, q: BkuQueryDto): Promise<BkuResponse> {
    return this.reads.report(async (m) => {
      const r = await this.range(m, user, q);
      const page = await listPage<BkuEntryResponse>(m, BKU_KEYSET, q, { select: ENTRY_SELECT, countFrom: 'bku_entries', where: { clause: r.clause, params: r.params } });
      const balancesAt = async (cond: string, params: unknown[]): Promise<BkuBalances> => {
        const [b] = await m.query(
          `SELECT COALESCE(sum(amount) FILTER (WHERE sub_ledger = 'CASH'), 0)::numeric(20,2)::text AS cash,
             COALESCE(sum(amount) FILTER (WHERE sub_ledger = 'BANK'), 0)::numeric(20,2)::text AS bank,
             COALESCE(sum(amount) FILTER (WHERE sub_ledger = 'TAX'), 0)::numeric(20,2)::text AS tax,
             COALESCE(sum(amount) FILTER (WHERE sub_ledger = 'PANJAR'), 0)::numeric(20,2)::text AS panjar,
             COALESCE(sum(amount), 0)::numeric(20,2)::text AS total
           FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2 AND ${cond}`, [q.organizationId, r.head.fiscalYear, ...params]);
        return b;
      };
      const { from, to } = r.head;
      const opening = from ? await balancesAt('entry_date < $3', [from]) : { cash: '0.00', bank: '0.00', tax: '0.00', panjar: '0.00', total: '0.00' };
      const closing = to ? await balancesAt('entry_date <= $3', [to]) : await balancesAt('true', []);
      return { organizationId: q.organizationId, ...r.head, opening, data: page.data, entries: page.data, closing, meta: page.meta };
    });
  }

  /** The range's heading and every entry of it, in entry order, as pages of one snapshot (the downloads). */
  async bookPages(user: AuthUser, q: BkuQueryDto): Promise<{ head: BkuHead; pages: AsyncIterable<BkuEntryResponse[]> }> {
    const r = await this.reads.report((m) => this.range(m, user, q), { export: true });
    const pages = snapshotPages<BkuEntryResponse>(this.ds, (m, last, limit) => {
      const after = keysetAfterRow(BKU_KEYSET, last, r.params.length);
      return m.query(`${ENTRY_SELECT} ${whereAnd(r.clause, after?.sql)} ${keysetOrderBy(BKU_KEYSET)} LIMIT ${limit}`, [...r.params, ...(after?.params ?? [])]);
    });
    return { head: r.head, pages };
  }

  /** Checks the OPD, the reader and the range; its fiscal year, and the condition of its entries. */
  private async range(m: EntityManager, user: AuthUser, q: BkuQueryDto): Promise<{ head: BkuHead; clause: string; params: unknown[] }> {
    await requireOrganizationExists(m, q.organizationId);
    await this.access.requireOrganization(user, Permission.BKU_READ, q.organizationId, 'organization');
    if (q.from && q.to && q.from > q.to) throw DomainError.invalid('from is after to', [{ field: 'from', message: 'after to' }]);
    let year: number;
    if (q.fiscalYear) year = q.fiscalYear;
    else if (q.from) year = Number(q.from.slice(0, 4));
    else {
      const [r] = await m.query(`SELECT max(year) AS y FROM fiscal_years WHERE status = 'EXECUTION'`);
      year = r.y ?? new Date().getUTCFullYear();
    }
    await requireFiscalYear(m, year, q.fiscalYear ? 'fiscalYear' : q.from ? 'from' : 'fiscalYear');
    const from = q.from ?? null;
    const to = q.to ?? null;
    const [org] = await m.query(`SELECT code, name FROM organizations WHERE id = $1`, [q.organizationId]);
    return {
      head: { organizationCode: org.code, organizationName: org.name, fiscalYear: year, from, to },
      clause: `WHERE organization_id = $1 AND fiscal_year = $2 AND ($3::date IS NULL OR entry_date >= $3) AND ($4::date IS NULL OR entry_date <= $4)`,
      params: [q.organizationId, year, from, to],
    };
  }
}

export interface BkuHead { organizationCode: string; organizationName: string; fiscalYear: number; from: string | null; to: string | null }

/** The book's order: the entry number (unique in the OPD's book of the year, whose unique index serves it), then the id. */
const BKU_KEYSET: Keyset<BkuEntryResponse> = {
  name: 'bku-entries',
  parts: [{ sql: 'entry_no', type: 'int', field: 'no' }, { sql: 'id', type: 'uuid', field: 'id' }],
};

/** Every entry in one statement, in order (the row trigger numbers them, keeps the balances, and creates and locks the book). */
function insertEntries(organizationId: string, fiscalYear: number, postings: BkuPosting[], entryDate?: string): TailStatement {
  const params: unknown[] = [organizationId, fiscalYear, entryDate ?? null, RequestContext.user()?.id ?? null];
  const values = postings.map((p) => {
    const i = params.length;
    params.push(p.subLedger, p.amount.toString(), p.description, p.sourceType, p.sourceId, p.documentNumber ?? null, p.taxCode ?? null, p.officer ?? null);
    return `($1::uuid, $2::int, COALESCE($3::date, current_date), $${i + 1}, $${i + 2}::numeric, $${i + 3}, $${i + 4}, $${i + 5}, 0, 0, $4::uuid, $${i + 6}, $${i + 7}, $${i + 8})`;
  });
  return {
    sql: `INSERT INTO bku_entries (organization_id, fiscal_year, entry_date, sub_ledger, amount, description, source_type, source_id, sub_balance_after, balance_after, created_by,
         document_number, tax_code, officer)
       VALUES ${values.join(', ')}`,
    params,
  };
}

/**
 * True when, posted in order, no sub-ledger ever falls below the balance it started from and no entry
 * names a panjar officer: then no starting balance (never negative: bku_balance_nonnegative) can go negative.
 */
export function neverBelowStart(postings: Pick<BkuPosting, 'subLedger' | 'amount' | 'officer'>[]): boolean {
  const run = new Map<SubLedger, Money>();
  for (const p of postings) {
    if (p.officer) return false;
    const next = (run.get(p.subLedger) ?? Money.ZERO).plus(p.amount);
    if (next.isNegative()) return false;
    run.set(p.subLedger, next);
  }
  return true;
}
