import { AccessService, AuthUser, DomainError, Money, Permission } from '@grms/core';
import { EntityManager } from 'typeorm';

export interface LineRef {
  id: string;
  organizationId: string;
  fiscalYear: number;
  subActivityCode: string;
  yearStatus: string;
}

/** Refuses a request that names one budget line twice. */
export function requireDistinctLines(lines: { budgetLineId: string }[]): void {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.budgetLineId)) {
      throw DomainError.invalid(`budget line ${l.budgetLineId} appears more than once`, [{ field: `lines.${i}.budgetLineId`, message: 'duplicate budget line' }], 'DUPLICATE_LINE');
    }
    seen.add(l.budgetLineId);
  });
}

/**
 * The named budget lines, each of which must belong to `organizationId`: a
 * line of another OPD (or an unknown one) is 404, never a hint that it exists.
 */
export async function loadOrgLines(m: EntityManager, ids: string[], organizationId: string): Promise<Map<string, LineRef>> {
  const rows: LineRef[] = await m.query(
    `SELECT b.id, b.organization_id AS "organizationId", b.fiscal_year AS "fiscalYear", b.sub_activity_code AS "subActivityCode", f.status AS "yearStatus"
     FROM budget_lines b JOIN fiscal_years f ON f.year = b.fiscal_year WHERE b.id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const r = byId.get(id);
    if (!r || r.organizationId !== organizationId) throw DomainError.notFound('budget line', id);
  }
  return byId;
}

/** The single fiscal year of the lines, which must be in EXECUTION. */
export function requireOneOpenYear(lines: LineRef[]): number {
  const years = [...new Set(lines.map((l) => l.fiscalYear))];
  if (years.length !== 1) throw DomainError.rule('MIXED_FISCAL_YEARS', `the lines belong to several fiscal years (${years.join(', ')}); one document covers one year`);
  const status = lines[0].yearStatus;
  if (status !== 'EXECUTION') {
    throw DomainError.rule('FISCAL_YEAR_NOT_OPEN', `fiscal year ${years[0]} is ${status}; payments need a fiscal year in EXECUTION`, [{ field: 'lines', message: `fiscal year is ${status}` }]);
  }
  return years[0];
}

export async function requireOrganizationExists(m: EntityManager, organizationId: string): Promise<void> {
  const [row] = await m.query(`SELECT 1 FROM organizations WHERE id = $1`, [organizationId]);
  if (!row) throw DomainError.notFound('organization', organizationId);
}

/** 404 when the document's OPD is outside the user's scope for `permission`. */
export function requireDocAccess(access: AccessService, user: AuthUser, permission: Permission, organizationId: string, entity: string, id: string): Promise<void> {
  return access.requireOrganization(user, permission, organizationId, entity, id);
}

export function sumOf(lines: { amount: string }[]): Money {
  return Money.sum(lines.map((l) => Money.of(l.amount)));
}

/**
 * A document number, e.g. SPP-LS/1.01.0.00.0.00.01.0000/2026/000042: per OPD,
 * document type and fiscal year, without gaps. The counter row stays locked
 * until the creating transaction ends, so a rolled-back request gives its
 * number back and a cancelled document keeps its own (docs/decisions/0223).
 */
export async function nextNumber(m: EntityManager, docType: string, organizationId: string, fiscalYear: number): Promise<string> {
  const [row] = await m.query(NEXT_NUMBER_SQL('$1', '$2', '$3'), [organizationId, fiscalYear, docType]);
  return row.number;
}

/**
 * The statement that takes the next number of a document type, RETURNING it as `number`
 * (TYPE/ORG-CODE/YEAR/000042), over the parameters named: to run alone or as a CTE.
 */
export const NEXT_NUMBER_SQL = (org: string, year: string, docType: string) => `
  INSERT INTO document_counters (organization_id, fiscal_year, doc_type, last_no) VALUES (${org}::uuid, ${year}::int, ${docType}::text, 1)
  ON CONFLICT (organization_id, fiscal_year, doc_type) DO UPDATE SET last_no = document_counters.last_no + 1
  RETURNING ${docType}::text || '/' || (SELECT code FROM organizations WHERE id = ${org}::uuid) || '/' || ${year}::int || '/'
    || lpad(last_no::text, greatest(6, length(last_no::text)), '0') AS number`;

export const ts = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
