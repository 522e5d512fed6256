import { EntityManager } from 'typeorm';

export interface RealizationDay {
  date: string;
  revenue: string;
  financingReceipts: string;
  financingExpenditures: string;
}

// The treasury's inflows and financing outflows from the ledger, by value
// date: REALIZATION entries on revenue (4.*), financing receipt (6.1.*) and
// financing expenditure (6.2.*) lines of a fiscal year, up to a date. The
// query face the treasury reads (it never reads ledger tables itself).
export async function realizationsByDay(m: EntityManager, fiscalYear: number, upTo?: string): Promise<RealizationDay[]> {
  return m.query(
    `SELECT e.value_date::text AS date,
       COALESCE(sum(e.amount) FILTER (WHERE b.account_code LIKE '4.%'), 0)::numeric(20,2)::text AS revenue,
       COALESCE(sum(e.amount) FILTER (WHERE b.account_code LIKE '6.1.%'), 0)::numeric(20,2)::text AS "financingReceipts",
       COALESCE(sum(e.amount) FILTER (WHERE b.account_code LIKE '6.2.%'), 0)::numeric(20,2)::text AS "financingExpenditures"
     FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id
     WHERE e.kind = 'REALIZATION' AND b.fiscal_year = $1 AND ($2::date IS NULL OR e.value_date <= $2::date)
     GROUP BY e.value_date ORDER BY e.value_date`,
    [fiscalYear, upTo ?? null]);
}
