import { DomainError } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ContractResponse } from './dto/contract.dto';

const d = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const PAYABLE = `(t.amount - t.advance_recovery - t.retention_held - t.penalty)`;

export const CONTRACT_SELECT = `
  SELECT c.id, c.number, c.package_id AS "packageId", p.code AS "packageCode", p.name AS "packageName", p.rup_code AS "rupCode", p.method,
    c.vendor_id AS "vendorId", v.name AS "vendorName", v.npwp AS "vendorNpwp", c.fiscal_year AS "fiscalYear", c.organization_id AS "organizationId",
    ${d('c.signed_on')} AS "signedOn", c.document_type AS "documentType", c.contract_type AS "contractType",
    c.original_value::text AS "originalValue", c.value::text AS value, c.dpp::text AS dpp, ${d('c.start_order_date')} AS "startOrderDate",
    ${d('c.start_date')} AS "startDate", ${d('c.end_date')} AS "endDate", c.maintenance_days AS "maintenanceDays", c.advance_amount::text AS advance,
    c.performance_bond::text AS "performanceBond", c.retention_percent::text AS "retentionPercent", c.maintenance_bond AS "maintenanceBond",
    c.bank_name AS "bankName", c.bank_account AS "bankAccount", c.status,
    COALESCE((SELECT max(r.cumulative_percent) FROM progress_reports r WHERE r.contract_id = c.id AND r.status = 'VERIFIED'), 0)::numeric(5,2)::text AS progress,
    COALESCE((SELECT sum(${PAYABLE}) FROM contract_termins t WHERE t.contract_id = c.id AND t.paid_sp2d_id IS NOT NULL), 0)::numeric(20,2)::text AS paid,
    (c.value - COALESCE((SELECT sum(${PAYABLE} + t.penalty) FROM contract_termins t WHERE t.contract_id = c.id AND t.paid_sp2d_id IS NOT NULL), 0))::numeric(20,2)::text AS remaining,
    COALESCE((SELECT sum(t.penalty) FROM contract_termins t WHERE t.contract_id = c.id AND t.paid_sp2d_id IS NOT NULL), 0)::numeric(20,2)::text AS "penaltyTotal",
    (SELECT count(*)::int FROM contract_addenda a WHERE a.contract_id = c.id AND a.status = 'APPROVED') AS "addendaCount",
    ${d('c.pho_date')} AS "phoDate", ${d('c.fho_date')} AS "fhoDate",
    COALESCE((SELECT json_agg(json_build_object('budgetLineId', f.budget_line_id, 'amount', f.amount::text, 'committed', f.committed::text) ORDER BY f.budget_line_id)
      FROM contract_funding f WHERE f.contract_id = c.id), '[]') AS "fundingLines",
    COALESCE((SELECT json_agg(json_build_object('terminNo', t.termin_no, 'kind', t.kind, 'percent', t.percent::numeric(7,2)::text, 'amount', t.amount::text,
        'progressThreshold', t.progress_threshold::text, 'advanceRecovery', t.advance_recovery::text, 'retentionHeld', t.retention_held::text,
        'penalty', t.penalty::text, 'payable', ${PAYABLE}::numeric(20,2)::text, 'paidSp2dNumber', t.paid_sp2d_number) ORDER BY t.termin_no)
      FROM contract_termins t WHERE t.contract_id = c.id), '[]') AS termins,
    cu.username AS "createdBy", su.username AS "signedBy"
  FROM contracts c JOIN packages p ON p.id = c.package_id JOIN vendors v ON v.id = c.vendor_id
  JOIN users cu ON cu.id = c.created_by LEFT JOIN users su ON su.id = c.signed_by`;

export async function fetchContract(m: EntityManager, id: string): Promise<ContractResponse> {
  const [row] = await m.query(`${CONTRACT_SELECT} WHERE c.id = $1`, [id]);
  if (!row) throw DomainError.notFound('contract', id);
  return row;
}

export interface ContractRow {
  id: string; number: string; status: string; organization_id: string; fiscal_year: number; package_id: string; vendor_id: string;
  value: string; original_value: string; end_date: string; created_by: string; maintenance_days: number; pho_date: string | null; retention_percent: string; bank_account: string;
}

/** The contract row, locked (FOR UPDATE); 404 when unknown. */
export async function lockContract(m: EntityManager, id: string): Promise<ContractRow> {
  const [row] = await m.query(
    `SELECT id, number, status, organization_id, fiscal_year, package_id, vendor_id, value::text, original_value::text, to_char(end_date, 'YYYY-MM-DD') AS end_date,
       created_by, maintenance_days, to_char(pho_date, 'YYYY-MM-DD') AS pho_date, retention_percent::text, bank_account
     FROM contracts WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw DomainError.notFound('contract', id);
  return row;
}
