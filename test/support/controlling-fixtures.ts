import { TestApp } from './test-app';

export type Row = Record<string, string | number | null>;

/** Every row of a paged controlling report, page by page. */
export async function allRows(t: TestApp, path: string, user: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const res = await t.get(`${path}&page=${page}&limit=500`, user);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    rows.push(...res.body.data);
    if (rows.length >= res.body.meta.total) return rows;
  }
}

/** The RFK row of a package whose contract is `contract`. */
export const packageRow = (rows: Row[], contract: string) => rows.find((r) => r.level === 'PACKAGE' && String(r.name).includes(contract));
