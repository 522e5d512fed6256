import { Client } from 'pg';

/** A node of PostgreSQL's EXPLAIN (FORMAT JSON) plan, with the fields the plan tests read. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const flatten = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(flatten)];

/**
 * The plan of a statement as the API sent it (its text and parameters from a
 * StatementLog), explained over `url` with `settings` (e.g. `enable_seqscan =
 * off`) set for that transaction only: every node, the top one first.
 */
export async function planNodes(url: string, statement: { text: string; params: unknown[] }, settings: string[] = []): Promise<PlanNode[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    for (const s of settings) await c.query(`SET LOCAL ${s}`);
    const [{ 'QUERY PLAN': [plan] }] = (await c.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params)).rows as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
    return flatten(plan.Plan);
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    await c.end();
  }
}
