import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthUser, Permission, statementPages, TransactionService } from '@grms/core';
import { DataSource, EntityManager } from 'typeorm';
import { requireOrganizationExists } from '../common/doc-lines';
import { BookKind, BookQueryDto, BookResponse, BookRow } from './dto/books.dto';

const money = (expr: string) => `(${expr})::numeric(20,2)::text`;

// The subsidiary books (buku pembantu) a treasurer signs beside the BKU:
// cash, bank, tax per tax type, panjar per activity officer (each read from the BKU's own entries, in
// entry order, with the running balance of that sub-ledger or tax type),
// and spending per rincian objek (the DISBURSEMENT entries of the OPD's
// lines, with the cumulative spending per rincian objek).
@Injectable()
export class BooksService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, @InjectDataSource() private readonly ds: DataSource) {}

  book(user: AuthUser, kind: BookKind, q: BookQueryDto): Promise<BookResponse> {
    return this.tx.run(async (m) => {
      const name = await this.organizationName(m, user, q);
      const { sql, params } = bookStatement(kind, q);
      const rows: BookRow[] = await m.query(sql, params);
      return { book: kind, organizationId: q.organizationId, organizationName: name, fiscalYear: q.fiscalYear, rows };
    });
  }

  /** The book's rows for a download: the same statement read through a cursor in one read-only snapshot (the running balances need the whole set), the OPD checked before the first byte. */
  async bookPages(user: AuthUser, kind: BookKind, q: BookQueryDto): Promise<AsyncIterable<BookRow[]>> {
    await this.tx.run((m) => this.organizationName(m, user, q));
    const { sql, params } = bookStatement(kind, q);
    return statementPages<BookRow>(this.ds, sql, params);
  }

  /** The OPD's name, once it is known to exist and the user may read its books (else 404). */
  private async organizationName(m: EntityManager, user: AuthUser, q: BookQueryDto): Promise<string> {
    await requireOrganizationExists(m, q.organizationId);
    await this.access.requireOrganization(user, Permission.BKU_READ, q.organizationId, 'organization');
    const [{ name }] = await m.query(`SELECT name FROM organizations WHERE id = $1`, [q.organizationId]);
    return name;
  }
}

/** The statement of a book, in its order, with its running balances. */
function bookStatement(kind: BookKind, q: BookQueryDto): { sql: string; params: unknown[] } {
  const to = q.to ?? null;
  if (kind === 'rincian-objek') {
    return {
      sql: `SELECT row_number() OVER (ORDER BY x.ro, x.seq)::int AS no, NULL::int AS "bkuNo", to_char(x.created_at, 'YYYY-MM-DD') AS date,
             x.description AS "documentNumber", x.description, x.ro AS "group", a.name AS "groupName", '0.00' AS receipt,
             ${money('x.amount')} AS expenditure, ${money('sum(x.amount) OVER (PARTITION BY x.ro ORDER BY x.seq)')} AS balance
           FROM (SELECT e.seq, e.created_at, e.amount, e.description, array_to_string((string_to_array(b.account_code, '.'))[1:5], '.') AS ro
                 FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id
                 WHERE e.kind = 'DISBURSEMENT' AND b.organization_id = $1 AND b.fiscal_year = $2 AND ($3::text IS NULL OR b.account_code LIKE $3 || '%')
                   AND ($4::date IS NULL OR e.created_at::date <= $4)) x
           LEFT JOIN accounts a ON a.code = x.ro
           ORDER BY x.ro, x.seq`,
      params: [q.organizationId, q.fiscalYear, q.accountCode ?? null, to],
    };
  }
  // the group within the book: the tax type, the officer holding a panjar, or the sub-ledger itself
  const subLedger = kind.toUpperCase();
  const group = `COALESCE(tax_code, officer, sub_ledger)`;
  return {
    sql: `SELECT row_number() OVER (ORDER BY ${group}, entry_no)::int AS no, entry_no AS "bkuNo", to_char(entry_date, 'YYYY-MM-DD') AS date,
             document_number AS "documentNumber", description, ${group} AS "group", NULL AS "groupName",
             ${money('GREATEST(amount, 0)')} AS receipt, ${money('GREATEST(-amount, 0)')} AS expenditure,
             ${money(`sum(amount) OVER (PARTITION BY ${group} ORDER BY entry_no)`)} AS balance
           FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2 AND sub_ledger = $3 AND ($4::text IS NULL OR tax_code = $4)
             AND ($5::date IS NULL OR entry_date <= $5) AND ($6::text IS NULL OR officer = $6)
           ORDER BY ${group}, entry_no`,
    params: [q.organizationId, q.fiscalYear, subLedger, kind === 'tax' ? q.taxCode ?? null : null, to, kind === 'panjar' ? q.officer ?? null : null],
  };
}
