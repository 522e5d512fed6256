import { Pool } from 'pg';

export interface PendingSpm { spmId: string; sppId: string; lineId: string; orgId: string; amount: string }

// Approved SPMs waiting for their SP2D, made in bulk SQL (setup, not measured):
// one LS SPP line each, with the COMMITMENT the SPM approval posts.
export async function createPendingSpms(pool: Pool, lines: { id: string; orgId: string }[], perLine: number, amount: string, tag: string): Promise<PendingSpm[]> {
  const users = Object.fromEntries((await pool.query(`SELECT username, id FROM users WHERE username IN ('treasurer-a','finance-officer-a','finance-head-a')`)).rows.map((r) => [r.username, r.id]));
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const rows: PendingSpm[] = (await c.query(`
      WITH src AS (
        SELECT row_number() OVER () AS n, l.id AS line_id, l.org_id, gen_random_uuid() AS spp_id, gen_random_uuid() AS spm_id
        FROM unnest($1::uuid[], $2::uuid[]) AS l(id, org_id) CROSS JOIN generate_series(1, $3) k),
      spp_ins AS (
        INSERT INTO spp (id, number, type, fiscal_year, organization_id, status, gross, taxes_total, net, payee_name, payee_npwp, payee_bank_name, payee_bank_account, created_by, submitted_at, verified_by, verified_at)
        SELECT spp_id, 'BENCH-' || $5 || '-SPP/' || n, 'LS', 2026, org_id, 'VERIFIED', $4::numeric, 0, $4::numeric, 'CV Bench', '012345678901234', 'Bank Jateng', '0011223344', $6, now(), $7, now() FROM src RETURNING id),
      line_ins AS (INSERT INTO spp_lines (spp_id, budget_line_id, amount) SELECT spp_id, line_id, $4::numeric FROM src RETURNING spp_id),
      spm_ins AS (
        INSERT INTO spm (id, number, spp_id, fiscal_year, organization_id, status, amount, created_by, approved_by, approved_at)
        SELECT spm_id, 'BENCH-' || $5 || '-SPM/' || n, spp_id, 2026, org_id, 'APPROVED', $4::numeric, $7, $8, now() FROM src RETURNING id)
      SELECT spm_id AS "spmId", spp_id AS "sppId", line_id AS "lineId", org_id AS "orgId", $4::numeric(20,2)::text AS amount FROM src ORDER BY n`,
      [lines.map((l) => l.id), lines.map((l) => l.orgId), perLine, amount, tag, users['treasurer-a'], users['finance-officer-a'], users['finance-head-a']])).rows;
    await c.query(`
      INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, request_id)
      SELECT line_id, 'COMMITMENT', amount, 'Spm', spm_id::text, 'SPM (bench setup)', 'bench' FROM unnest($1::uuid[], $2::uuid[], $3::numeric[]) AS t(line_id, spm_id, amount)`,
      [rows.map((r) => r.lineId), rows.map((r) => r.spmId), rows.map((r) => r.amount)]);
    await c.query(`
      UPDATE budget_lines b SET committed = committed + s.total, entry_count = entry_count + s.n
      FROM (SELECT line_id, sum(amount) AS total, count(*) AS n FROM unnest($1::uuid[], $2::numeric[]) AS t(line_id, amount) GROUP BY 1) s WHERE s.line_id = b.id`,
      [rows.map((r) => r.lineId), rows.map((r) => r.amount)]);
    await c.query('COMMIT');
    return rows;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}
