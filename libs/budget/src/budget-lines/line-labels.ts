import { EntityManager } from 'typeorm';

/**
 * How a user knows a budget line: `sub kegiatan 1.01.02.1.01.0070 / account 5.1.02.02.01.0004 / funding source 1.1.1.01`,
 * by id. Refusals about money name the line this way beside its id (decision 0117), so that whoever reads the
 * arithmetic also knows which line of the DPA it is about.
 */
export async function lineLabels(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; label: string }[] = await m.query(
    `SELECT id, 'sub kegiatan ' || sub_activity_code || ' / account ' || account_code || ' / funding source ' || funding_source_code AS label
       FROM budget_lines WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** ` (label)` of a line, or nothing when unknown. */
export const labelSuffix = (labels: Map<string, string>, id: string): string => (labels.has(id) ? ` (${labels.get(id)})` : '');
