import { DomainError, Money } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ReceiptResponse } from './dto/receipt.dto';

export const RECEIPT_SELECT = `
  SELECT r.id, r.number, r.organization_id AS "organizationId", r.fiscal_year AS "fiscalYear", r.advance_sp2d_id AS "advanceSp2dId", d.number AS "advanceNumber",
    to_char(r.receipt_date, 'YYYY-MM-DD') AS "receiptDate", r.payee_name AS "payeeName", r.payee_npwp AS "payeeNpwp", r.budget_line_id AS "budgetLineId",
    b.account_code AS "accountCode", r.gross::text AS gross, r.dpp::text AS dpp, r.taxes_total::text AS "taxesTotal", r.net::text AS net, r.medium, r.officer, r.description, r.status,
    j.number AS "spjNumber", u.username AS "createdBy", r.cancel_reason AS "cancelReason",
    COALESCE((SELECT json_agg(json_build_object('code', t.code, 'name', t.name, 'base', t.base, 'baseAmount', t.base_amount::text, 'rate', t.rate::text,
      'surcharge', t.surcharge::text, 'amount', t.amount::text, 'note', t.note) ORDER BY t.code) FROM receipt_taxes t WHERE t.receipt_id = r.id), '[]') AS taxes
  FROM receipts r JOIN sp2d d ON d.id = r.advance_sp2d_id JOIN budget_lines b ON b.id = r.budget_line_id JOIN users u ON u.id = r.created_by
  LEFT JOIN spj j ON j.id = r.spj_id`;

export async function fetchReceipt(m: EntityManager, id: string): Promise<ReceiptResponse> {
  const [row] = await m.query(`${RECEIPT_SELECT} WHERE r.id = $1`, [id]);
  if (!row) throw DomainError.notFound('receipt', id);
  return row;
}

/** What of an advance is already spoken for: the SPJs' totals plus the receipts no SPJ gathers yet. */
export async function accountedOf(m: EntityManager, advanceSp2dId: string): Promise<Money> {
  const [{ spj, open }] = await m.query(
    `SELECT (SELECT COALESCE(sum(total), 0) FROM spj WHERE advance_sp2d_id = $1 AND status <> 'REJECTED')::text AS spj,
       (SELECT COALESCE(sum(gross), 0) FROM receipts WHERE advance_sp2d_id = $1 AND status = 'RECORDED')::text AS open`, [advanceSp2dId]);
  return Money.of(spj).plus(Money.of(open));
}
