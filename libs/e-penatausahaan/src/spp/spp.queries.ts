import { DomainError } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ts } from '../common/doc-lines';
import { SppResponse } from './dto/spp.dto';

export const SPP_SELECT = `
  SELECT s.id, s.number, s.type, s.fiscal_year AS "fiscalYear", s.organization_id AS "organizationId", s.status,
    o.name AS "organizationName", s.purpose, s.ls_subtype AS "lsSubtype", s.gross, s.dpp::text AS dpp, s.taxes_total AS "taxesTotal", s.net,
    json_build_object('name', s.payee_name, 'npwp', s.payee_npwp, 'bankName', s.payee_bank_name, 'bankAccount', s.payee_bank_account,
      'vatRegistered', s.payee_vat_registered, 'qualification', s.payee_qualification) AS payee,
    s.contract_id AS "contractId", s.termin_no AS "terminNo", s.spj_id AS "spjId", s.reject_reason AS "rejectReason",
    COALESCE((SELECT json_agg(json_build_object('budgetLineId', l.budget_line_id, 'amount', l.amount::text) ORDER BY l.budget_line_id)
      FROM spp_lines l WHERE l.spp_id = s.id), '[]') AS lines,
    COALESCE((SELECT json_agg(json_build_object('code', t.code, 'name', t.name, 'base', t.base, 'baseAmount', t.base_amount::text,
      'rate', t.rate::text, 'surcharge', t.surcharge::text, 'amount', t.amount::text, 'note', t.note) ORDER BY t.code)
      FROM spp_taxes t WHERE t.spp_id = s.id), '[]') AS taxes,
    cu.username AS "createdBy", vu.username AS "verifiedBy", ${ts('s.submitted_at')} AS "submittedAt", ${ts('s.created_at')} AS "createdAt"
  FROM spp s JOIN organizations o ON o.id = s.organization_id JOIN users cu ON cu.id = s.created_by LEFT JOIN users vu ON vu.id = s.verified_by`;

export async function fetchSpp(m: EntityManager, id: string): Promise<SppResponse> {
  const [row] = await m.query(`${SPP_SELECT} WHERE s.id = $1`, [id]);
  if (!row) throw DomainError.notFound('SPP', id);
  return row;
}

/** Payments in process per line: SPP lines submitted or verified (SPM stage) and not yet paid. */
export async function inProcessByLine(m: EntityManager, lineIds: string[], excludeSppId: string | null): Promise<Map<string, string>> {
  const rows: { id: string; total: string }[] = await m.query(
    `SELECT l.budget_line_id AS id, sum(l.amount)::text AS total FROM spp_lines l JOIN spp s ON s.id = l.spp_id
     WHERE l.budget_line_id = ANY($1::uuid[]) AND s.status IN ('SUBMITTED', 'VERIFIED') AND ($2::uuid IS NULL OR s.id <> $2)
     GROUP BY l.budget_line_id`,
    [lineIds, excludeSppId],
  );
  return new Map(rows.map((r) => [r.id, r.total]));
}
