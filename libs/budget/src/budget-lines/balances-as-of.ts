import { Money } from '@grms/core';
import { EntityManager } from 'typeorm';
import { BudgetLineResponse } from './dto/budget-line.dto';

// The balances of budget lines as of the end of a date: the sums of their
// entries with a value date up to it (the balance row holds only today's).
export async function balancesAsOf(m: EntityManager, rows: BudgetLineResponse[], asOf: string): Promise<BudgetLineResponse[]> {
  if (rows.length === 0) return rows;
  const sums: { id: string; appropriated: string; allotted: string; committed: string; disbursed: string; estimated: string; realized: string }[] = await m.query(
    `SELECT budget_line_id AS id,
       COALESCE(sum(amount) FILTER (WHERE kind = 'APPROPRIATION'), 0)::numeric(20,2)::text AS appropriated,
       COALESCE(sum(amount) FILTER (WHERE kind = 'ALLOTMENT'), 0)::numeric(20,2)::text AS allotted,
       COALESCE(sum(amount) FILTER (WHERE kind = 'COMMITMENT'), 0)::numeric(20,2)::text AS committed,
       COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT'), 0)::numeric(20,2)::text AS disbursed,
       COALESCE(sum(amount) FILTER (WHERE kind = 'ESTIMATE'), 0)::numeric(20,2)::text AS estimated,
       COALESCE(sum(amount) FILTER (WHERE kind = 'REALIZATION'), 0)::numeric(20,2)::text AS realized
     FROM ledger_entries WHERE budget_line_id = ANY($1::uuid[]) AND value_date <= $2::date GROUP BY budget_line_id`,
    [rows.map((r) => r.id), asOf],
  );
  const byId = new Map(sums.map((s) => [s.id, s]));
  return rows.map((r) => {
    const s = byId.get(r.id);
    const [appropriated, allotted, committed, disbursed] = [s?.appropriated, s?.allotted, s?.committed, s?.disbursed].map((x) => Money.of(x ?? '0'));
    return {
      ...r, asOf,
      appropriated: appropriated.toString(), allotted: allotted.toString(), committed: committed.toString(), disbursed: disbursed.toString(),
      available: appropriated.minus(committed).minus(disbursed).toString(), allottedUnspent: allotted.minus(disbursed).toString(),
      estimated: Money.of(s?.estimated ?? '0').toString(), realized: Money.of(s?.realized ?? '0').toString(),
    };
  });
}
