import { DomainError } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ts } from '../common/doc-lines';
import { Sp2dResponse } from './dto/sp2d.dto';

export const SP2D_SELECT = `
  SELECT d.id, d.number, d.spm_id AS "spmId", sm.number AS "spmNumber", d.spp_id AS "sppId", p.number AS "sppNumber", d.type,
    d.fiscal_year AS "fiscalYear", d.organization_id AS "organizationId", d.status, d.gross, d.net, p.payee_name AS "payeeName",
    o.code AS "organizationCode", o.name AS "organizationName", p.purpose, p.ls_subtype AS "lsSubtype", p.taxes_total::text AS "deductionsTotal",
    COALESCE((SELECT json_object_agg(t.code, t.amount::text ORDER BY t.code) FROM spp_taxes t WHERE t.spp_id = p.id AND t.amount > 0), '{}') AS deductions,
    iu.full_name AS "issuedByName",
    to_char(d.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(d.account_due_on, 'YYYY-MM-DD') AS "accountDueOn",
    (d.type = 'TU' AND d.status = 'ISSUED' AND d.account_due_on < current_date
      AND NOT EXISTS (SELECT 1 FROM spj j WHERE j.advance_sp2d_id = d.id AND j.status = 'APPROVED')) AS "accountOverdue",
    iu.username AS "issuedBy", cu.username AS "cancelledBy", ${ts('d.cancelled_at')} AS "cancelledAt", d.cancel_reason AS "cancelReason",
    ${ts('d.created_at')} AS "createdAt"
  FROM sp2d d JOIN spm sm ON sm.id = d.spm_id JOIN spp p ON p.id = d.spp_id JOIN organizations o ON o.id = d.organization_id JOIN users iu ON iu.id = d.issued_by LEFT JOIN users cu ON cu.id = d.cancelled_by`;

export async function fetchSp2d(m: EntityManager, id: string): Promise<Sp2dResponse> {
  const [row] = await m.query(`${SP2D_SELECT} WHERE d.id = $1`, [id]);
  if (!row) throw DomainError.notFound('SP2D', id);
  return row;
}
