import { Injectable } from '@nestjs/common';
import { Money } from '@grms/core';
import { EntityManager } from 'typeorm';
import { HsbCategory, HsbCeiling, HsbItemContent } from './hsb-item.types';

export interface StoredHsbItem {
  id: string;
  version: number;
  locked: boolean;
  content: HsbItemContent;
}

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const HSB_ITEM_SELECT = `
  SELECT i.id, i.fiscal_year AS "fiscalYear", i.code, i.name, i.specification, i.unit, i.price, i.category,
    i.account_codes AS "accountCodes", i.ceiling, i.version, v.id AS "versionId", i.locked,
    ${TS('i.locked_at')} AS "lockedAt", ${TS('i.updated_at')} AS "updatedAt"
  FROM hsb_items i JOIN hsb_item_versions v ON v.item_id = i.id AND v.version = i.version`;

export const HSB_VERSION_SELECT = `
  SELECT v.id, v.version, v.name, v.specification, v.unit, v.price, v.category, v.ceiling, v.account_codes AS "accountCodes",
    v.source, ${TS('v.created_at')} AS "createdAt"
  FROM hsb_item_versions v`;

// The one place that writes catalogue rows: new items with version 1, and a
// new version whenever the content of an item changes. Runs in the caller's
// transaction; batch statements keep a 20,000-row import to a few queries.
@Injectable()
export class HsbItemWriter {
  async load(m: EntityManager, fiscalYear: number, codes: string[]): Promise<Map<string, StoredHsbItem>> {
    const rows: { id: string; code: string; name: string; specification: string; unit: string; price: string; category: HsbCategory; ceiling: HsbCeiling; account_codes: string[]; version: number; locked: boolean }[] =
      await m.query(`SELECT id, code, name, specification, unit, price, category, ceiling, account_codes, version, locked
        FROM hsb_items WHERE fiscal_year = $1 AND code = ANY($2::text[]) FOR UPDATE`, [fiscalYear, codes]);
    return new Map(rows.map((r) => [r.code, {
      id: r.id, version: r.version, locked: r.locked,
      content: { code: r.code, name: r.name, specification: r.specification, unit: r.unit, price: Money.of(r.price), category: r.category, ceiling: r.ceiling, accountCodes: r.account_codes },
    }]));
  }

  async insertMany(m: EntityManager, fiscalYear: number, items: HsbItemContent[], source: string, userId: string | null): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < items.length; i += 5000) {
      const chunk = items.slice(i, i + 5000);
      const rows: { id: string; code: string }[] = await m.query(
        `INSERT INTO hsb_items (fiscal_year, code, name, specification, unit, category, ceiling, account_codes, price)
         SELECT $1, t.code, t.name, t.spec, t.unit, t.category, t.ceiling, string_to_array(t.accounts, ';'), t.price
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[])
           AS t(code, name, spec, unit, category, ceiling, accounts, price)
         RETURNING id, code`,
        [fiscalYear, ...columns(chunk)],
      );
      await m.query(
        `INSERT INTO hsb_item_versions (item_id, version, name, specification, unit, category, ceiling, account_codes, price, source, created_by)
         SELECT id, 1, name, specification, unit, category, ceiling, account_codes, price, $2, $3 FROM hsb_items WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id), source, userId],
      );
      for (const r of rows) ids.set(r.code, r.id);
    }
    return ids;
  }

  /** Writes `content` as the next version of the item. */
  async newVersion(m: EntityManager, item: StoredHsbItem, content: HsbItemContent, source: string, userId: string | null): Promise<number> {
    const next = item.version + 1;
    await m.query(
      `UPDATE hsb_items SET name = $2, specification = $3, unit = $4, category = $5, ceiling = $6, account_codes = $7::text[], price = $8,
         version = $9, updated_at = now() WHERE id = $1`,
      [item.id, content.name, content.specification, content.unit, content.category, content.ceiling, content.accountCodes, content.price.toString(), next],
    );
    await m.query(
      `INSERT INTO hsb_item_versions (item_id, version, name, specification, unit, category, ceiling, account_codes, price, source, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10, $11)`,
      [item.id, next, content.name, content.specification, content.unit, content.category, content.ceiling, content.accountCodes, content.price.toString(), source, userId],
    );
    return next;
  }
}

function columns(items: HsbItemContent[]): unknown[] {
  return [
    items.map((i) => i.code), items.map((i) => i.name), items.map((i) => i.specification), items.map((i) => i.unit),
    items.map((i) => i.category), items.map((i) => i.ceiling), items.map((i) => i.accountCodes.join(';')), items.map((i) => i.price.toString()),
  ];
}

/** For audit records: a content as plain JSON. */
export function contentJson(c: HsbItemContent): Record<string, unknown> {
  return { ...c, price: c.price.toString() };
}
