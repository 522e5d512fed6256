import { EntityManager } from 'typeorm';

export interface PaymentParams {
  fiscalYear: number;
  prefix: string;
  users: { treasurer: string; financeOfficer: string; financeHead: string; cashAuthority: string; cashAuthority2: string };
}

const like = (p: PaymentParams) => `${p.prefix}.%`;

// A year of payments for the generated OPDs, in bulk SQL: one approved SPD per
// OPD allotting every line in full, then three or four LS payments per line
// (SPP -> SPM -> SP2D), each 5% of the line, with their ledger entries:
// ALLOTMENT (SPD), COMMITMENT + (SPM), DISBURSEMENT + and COMMITMENT - (SP2D).
export const PAYMENT_STEPS: { label: string; run(m: EntityManager, p: PaymentParams): Promise<void> }[] = [
  {
    label: 'SPD (fund provision)',
    run: async (m, p) => {
      await m.query(`
        INSERT INTO spd (number, fiscal_year, organization_id, month, status, total, created_by, approved_by, approved_at)
        SELECT 'DS' || $2 || '-SPD/' || $1::int || '/' || lpad((row_number() OVER (ORDER BY o.code))::text, 5, '0'), $1, o.id, 12, 'APPROVED', s.total, $4, $5, now()
        FROM organizations o JOIN (SELECT organization_id, sum(appropriated) AS total FROM budget_lines WHERE fiscal_year = $1 GROUP BY 1) s ON s.organization_id = o.id
        WHERE o.code LIKE $3 AND s.total > 0`, [p.fiscalYear, p.prefix, like(p), p.users.cashAuthority, p.users.cashAuthority2]);
      await m.query(`
        INSERT INTO spd_lines (spd_id, budget_line_id, amount)
        SELECT d.id, l.id, l.appropriated - l.allotted FROM spd d JOIN budget_lines l ON l.organization_id = d.organization_id AND l.fiscal_year = d.fiscal_year
        WHERE d.number LIKE 'DS' || $2 || '-SPD/%' AND d.fiscal_year = $1 AND l.appropriated > l.allotted`, [p.fiscalYear, p.prefix]);
      await m.query(`
        INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, actor_id, request_id)
        SELECT sl.budget_line_id, 'ALLOTMENT', sl.amount, 'Spd', d.id::text, 'SPD ' || d.number, $3, 'dataset:generate'
        FROM spd d JOIN spd_lines sl ON sl.spd_id = d.id WHERE d.number LIKE 'DS' || $2 || '-SPD/%' AND d.fiscal_year = $1 ORDER BY sl.budget_line_id`,
        [p.fiscalYear, p.prefix, p.users.cashAuthority2]);
      await m.query(`
        UPDATE budget_lines l SET allotted = l.allotted + sl.amount, entry_count = entry_count + 1
        FROM spd_lines sl JOIN spd d ON d.id = sl.spd_id WHERE sl.budget_line_id = l.id AND d.number LIKE 'DS' || $2 || '-SPD/%' AND d.fiscal_year = $1`,
        [p.fiscalYear, p.prefix]);
    },
  },
  {
    label: 'LS payments (SPP, SPM, SP2D)',
    run: async (m, p) => {
      await m.query(`
        CREATE TEMP TABLE ds_pay ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY l.id, k) AS n, l.id AS line_id, l.organization_id, trunc(l.appropriated * 0.05, 2) AS amount,
               gen_random_uuid() AS spp_id, gen_random_uuid() AS spm_id, gen_random_uuid() AS sp2d_id
        FROM budget_lines l JOIN organizations o ON o.id = l.organization_id
        CROSS JOIN LATERAL generate_series(1, 3 + (abs(hashtext(l.id::text)::bigint) % 3 = 0)::int) k
        WHERE o.code LIKE $2 AND l.fiscal_year = $1 AND trunc(l.appropriated * 0.05, 2) > 0`, [p.fiscalYear, like(p)]);
      const num = (kind: string) => `'DS' || $2 || '-${kind}/' || $1::int || '/' || lpad(n::text, 7, '0')`;
      await m.query(`
        INSERT INTO spp (id, number, type, fiscal_year, organization_id, status, gross, taxes_total, net, payee_name, payee_npwp, payee_bank_name, payee_bank_account,
                         created_by, submitted_at, verified_by, verified_at)
        SELECT spp_id, ${num('SPP-LS')}, 'LS', $1, organization_id, 'PAID', amount, 0, amount, 'CV Penyedia ' || (n % 997), lpad((n % 999999999999999)::text, 15, '0'),
               'Bank Jateng', lpad((n % 9999999999)::text, 10, '0'), $3, now(), $4, now()
        FROM ds_pay`, [p.fiscalYear, p.prefix, p.users.treasurer, p.users.financeOfficer]);
      await m.query(`INSERT INTO spp_lines (spp_id, budget_line_id, amount) SELECT spp_id, line_id, amount FROM ds_pay`);
      await m.query(`
        INSERT INTO spm (id, number, spp_id, fiscal_year, organization_id, status, amount, created_by, approved_by, approved_at)
        SELECT spm_id, ${num('SPM-LS')}, spp_id, $1, organization_id, 'APPROVED', amount, $3, $4, now() FROM ds_pay`,
        [p.fiscalYear, p.prefix, p.users.financeOfficer, p.users.financeHead]);
      await m.query(`
        INSERT INTO sp2d (id, number, spm_id, spp_id, type, fiscal_year, organization_id, status, gross, net, issued_on, issued_by)
        SELECT sp2d_id, ${num('SP2D-LS')}, spm_id, spp_id, 'LS', $1, organization_id, 'ISSUED', amount, amount,
               make_date($1, 1 + (n % 12)::int, 1 + (n % 28)::int), $3 FROM ds_pay`, [p.fiscalYear, p.prefix, p.users.cashAuthority]);
      await m.query(`
        INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, actor_id, request_id)
        SELECT line_id, e.kind, e.sign * amount, e.source_type, CASE WHEN e.source_type = 'Spm' THEN spm_id ELSE sp2d_id END::text, e.description, $1, 'dataset:generate'
        FROM ds_pay CROSS JOIN (VALUES (1, 'COMMITMENT', 1, 'Spm', 'SPM (generated)'), (2, 'DISBURSEMENT', 1, 'Sp2d', 'SP2D (generated)'),
                                       (3, 'COMMITMENT', -1, 'Sp2d', 'SP2D releases SPM (generated)')) e(o, kind, sign, source_type, description)
        ORDER BY n, e.o`, [p.users.cashAuthority]);
      await m.query(`
        UPDATE budget_lines l SET disbursed = l.disbursed + s.total, entry_count = entry_count + 3 * s.n
        FROM (SELECT line_id, sum(amount) AS total, count(*) AS n FROM ds_pay GROUP BY line_id) s WHERE s.line_id = l.id`);
    },
  },
];

export async function paymentUsers(m: EntityManager): Promise<PaymentParams['users'] | null> {
  const rows: { username: string; id: string }[] = await m.query(
    `SELECT username, id FROM users WHERE username IN ('treasurer-a', 'finance-officer-a', 'finance-head-a', 'cash-authority', 'cash-authority-2')`);
  const u = Object.fromEntries(rows.map((r) => [r.username, r.id]));
  if (rows.length < 5) return null;
  return { treasurer: u['treasurer-a'], financeOfficer: u['finance-officer-a'], financeHead: u['finance-head-a'], cashAuthority: u['cash-authority'], cashAuthority2: u['cash-authority-2'] };
}
