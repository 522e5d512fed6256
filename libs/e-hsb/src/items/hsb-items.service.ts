import { Injectable } from '@nestjs/common';
import { CodeListVersionsService, FiscalYearsService } from '@grms/budget';
import { AuditService, AuthUser, CursorPage, DomainError, Keyset, listPage, Money, ReadRouter, SqlWhere, TransactionService, withKeyColumn } from '@grms/core';
import { EntityManager } from 'typeorm';
import { CreateHsbItemDto, HsbItemDetailResponse, HsbItemQueryDto, HsbItemResponse, UpdateHsbItemDto } from './dto/hsb-item.dto';
import { cleanText, contentDiffers, HsbItemContent, HsbPricing, normaliseAccounts } from './hsb-item.types';
import { contentJson, HSB_ITEM_SELECT, HSB_VERSION_SELECT, HsbItemWriter } from './hsb-item.writer';

// The catalogue: search, create, change (a new version), lock and unlock.
// Every user with HSB_READ sees the whole catalogue (it is province-wide).
@Injectable()
export class HsbItemsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly years: FiscalYearsService,
    private readonly writer: HsbItemWriter,
    private readonly codes: CodeListVersionsService,
    private readonly reads: ReadRouter,
  ) {}

  /**
   * One page of the catalogue, by number (with the real total) or after a
   * cursor (decision 0063): newest year first, then code; with search words,
   * the best matches first, then code. Both orders end in the id.
   */
  async list(q: HsbItemQueryDto): Promise<CursorPage<HsbItemResponse>> {
    return this.reads.report(async (m) => {
      const w = new SqlWhere()
        // the year negated, as the list-order index holds it
        .add('-i.fiscal_year = ?', q.fiscalYear === undefined ? undefined : -q.fiscalYear)
        .add('i.category = ?', q.category)
        .add('i.locked = ?', q.locked === undefined ? undefined : q.locked === 'true');
      if (q.accountCode) {
        if (q.accountCode.split('.').length === 6) w.add('i.account_codes @> ARRAY[?]::text[]', q.accountCode);
        else w.add(`EXISTS (SELECT 1 FROM unnest(i.account_codes) a WHERE a LIKE ? || '.%')`, q.accountCode);
      }
      const words = searchWords(q.q);
      // Each word must occur in code, name or specification (the item's own search text); the
      // candidates are the trigram index's matches and the items whose entry is not written yet (decision 0108).
      for (const word of words) w.add(`i.search_text LIKE '%' || ? || '%'`, escapeLike(word));
      if (words.length) w.add(searchCandidates(words.length), words.map((word) => `%${escapeLike(word)}%`));
      if (!words.length) {
        return listPage<HsbItemRow>(m, HSB_ITEM_KEYSET, q, { select: withKeyColumn(HSB_ITEM_SELECT, '-i.fiscal_year AS "__negYear"'), countFrom: 'hsb_items i', where: w });
      }
      // the relevance of the words, to the millionth, negated so that the key ascends
      w.params.push(words.join(' '));
      const rank = `-round(similarity(i.search_text, $${w.params.length}::text) * 1000000)::int`;
      return listPage<HsbItemRow>(m, searchKeyset(rank), q, { select: withKeyColumn(HSB_ITEM_SELECT, `${rank} AS "__rank"`), countFrom: 'hsb_items i', where: w });
    });
  }

  async get(id: string): Promise<HsbItemDetailResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`${HSB_ITEM_SELECT} WHERE i.id = $1`, [id]);
      if (!row) throw DomainError.notFound('e-HSB item', id);
      row.versions = await m.query(`${HSB_VERSION_SELECT} WHERE v.item_id = $1 ORDER BY v.version DESC`, [id]);
      return row;
    });
  }

  async create(user: AuthUser, dto: CreateHsbItemDto): Promise<HsbItemResponse> {
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, dto.fiscalYear, ['PLANNING', 'EXECUTION']);
      const content = await this.validated(m, dto.fiscalYear, { ...dto, price: Money.of(dto.price), specification: dto.specification ?? '' });
      const existing = await this.writer.load(m, dto.fiscalYear, [content.code]);
      if (existing.size) throw DomainError.conflict('DUPLICATE_HSB_CODE', `e-HSB item ${content.code} already exists in fiscal year ${dto.fiscalYear}; change it with PATCH`);
      const ids = await this.writer.insertMany(m, dto.fiscalYear, [content], 'API', user.id);
      const id = ids.get(content.code)!;
      this.audit.record({ action: 'HSB_ITEM.CREATE', entityType: 'HsbItem', entityId: id, after: { fiscalYear: dto.fiscalYear, ...contentJson(content), version: 1 } });
      return this.row(m, id);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateHsbItemDto): Promise<HsbItemResponse> {
    return this.tx.run(async (m) => {
      const [head] = await m.query(`SELECT fiscal_year AS "fiscalYear", code FROM hsb_items WHERE id = $1`, [id]);
      if (!head) throw DomainError.notFound('e-HSB item', id);
      const item = (await this.writer.load(m, head.fiscalYear, [head.code])).get(head.code)!;
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== item.version) {
        throw DomainError.conflict('STALE_VERSION', `e-HSB item ${head.code} is at version ${item.version}, not ${dto.expectedVersion}`);
      }
      const c = item.content;
      const next = await this.validated(m, head.fiscalYear, {
        code: c.code, name: dto.name ?? c.name, specification: dto.specification ?? c.specification, unit: dto.unit ?? c.unit,
        price: dto.price !== undefined ? Money.of(dto.price) : c.price, category: dto.category ?? c.category,
        ceiling: dto.ceiling ?? c.ceiling, accountCodes: dto.accountCodes ?? c.accountCodes,
      });
      if (!contentDiffers(c, next)) return this.row(m, id);
      if (item.locked) throw DomainError.conflict('HSB_ITEM_LOCKED', `e-HSB item ${c.code} is locked for the budgeting round; a PRICE_ADMIN must unlock it before it can change`);
      await this.years.requireStatus(m, head.fiscalYear, ['PLANNING', 'EXECUTION']);
      const version = await this.writer.newVersion(m, item, next, 'API', user.id);
      this.audit.record({ action: 'HSB_ITEM.UPDATE', entityType: 'HsbItem', entityId: id, before: { ...contentJson(c), version: item.version }, after: { ...contentJson(next), version } });
      return this.row(m, id);
    });
  }

  async setLock(user: AuthUser, id: string, locked: boolean): Promise<HsbItemResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT code, locked FROM hsb_items WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw DomainError.notFound('e-HSB item', id);
      if (row.locked !== locked) {
        await m.query(`UPDATE hsb_items SET locked = $2, locked_at = CASE WHEN $2 THEN now() END, locked_by = CASE WHEN $2 THEN $3::uuid END, updated_at = now() WHERE id = $1`, [id, locked, user.id]);
        this.audit.record({ action: locked ? 'HSB_ITEM.LOCK' : 'HSB_ITEM.UNLOCK', entityType: 'HsbItem', entityId: id, before: { locked: row.locked }, after: { locked } });
      }
      return this.row(m, id);
    });
  }

  /** For e-budgeting: the current version of an item, to price a budget item with. */
  async pricing(m: EntityManager, itemId: string): Promise<HsbPricing | null> {
    const [r] = await m.query(
      `SELECT i.id AS "itemId", v.id AS "versionId", v.version, i.fiscal_year AS "fiscalYear", i.code, v.name, v.unit, v.price, v.ceiling,
         v.account_codes AS "accountCodes", i.locked
       FROM hsb_items i JOIN hsb_item_versions v ON v.item_id = i.id AND v.version = i.version WHERE i.id = $1 FOR SHARE OF i`, [itemId]);
    return r ? { ...r, price: Money.of(r.price) } : null;
  }

  /** For e-budgeting: a given version (the one a budget item was priced with). */
  async versionPricing(m: EntityManager, versionId: string): Promise<HsbPricing | null> {
    const [r] = await m.query(
      `SELECT i.id AS "itemId", v.id AS "versionId", v.version, i.fiscal_year AS "fiscalYear", i.code, v.name, v.unit, v.price, v.ceiling,
         v.account_codes AS "accountCodes", i.locked
       FROM hsb_item_versions v JOIN hsb_items i ON i.id = v.item_id WHERE v.id = $1`, [versionId]);
    return r ? { ...r, price: Money.of(r.price) } : null;
  }

  private async row(m: EntityManager, id: string): Promise<HsbItemResponse> {
    const [row] = await m.query(`${HSB_ITEM_SELECT} WHERE i.id = $1`, [id]);
    return row;
  }

  private async validated(m: EntityManager, fiscalYear: number, c: HsbItemContent): Promise<HsbItemContent> {
    const accountCodes = normaliseAccounts(c.accountCodes);
    const leaves = await this.codes.leaves(m, fiscalYear, 'accounts', '5.');
    const unknown = accountCodes.filter((a) => !leaves.has(a));
    if (unknown.length) {
      const version = await this.codes.versionOf(m, fiscalYear);
      throw DomainError.rule('UNKNOWN_ACCOUNT', `account codes ${unknown.join(', ')} are not expenditure account leaves of code list version ${version} used by fiscal year ${fiscalYear}`,
        [{ field: 'accountCodes', message: `not in ${version}: ${unknown.join(', ')}` }]);
    }
    const out = { ...c, code: c.code.trim(), name: cleanText(c.name), specification: cleanText(c.specification), unit: cleanText(c.unit), accountCodes };
    if (!out.name) throw DomainError.invalid('name must not be blank', [{ field: 'name', message: 'blank' }]);
    if (!out.unit) throw DomainError.invalid('unit must not be blank', [{ field: 'unit', message: 'blank' }]);
    return out;
  }
}

type HsbItemRow = HsbItemResponse & { __negYear?: number; __rank?: number };

/** The catalogue's order: newest year first, then code (unique in a year), then id; on the index hsb_items_list_order_idx. */
const HSB_ITEM_KEYSET: Keyset<HsbItemRow> = {
  name: 'hsb-items',
  parts: [{ sql: '(-i.fiscal_year)', type: 'int', field: '__negYear' }, { sql: 'i.code', type: 'text', field: 'code' }, { sql: 'i.id', type: 'uuid', field: 'id' }],
};

/** A search's order: best match first, then code, then id. */
function searchKeyset(rank: string): Keyset<HsbItemRow> {
  return { name: 'hsb-items-search', parts: [{ sql: `(${rank})`, type: 'int', field: '__rank' }, { sql: 'i.code', type: 'text', field: 'code' }, { sql: 'i.id', type: 'uuid', field: 'id' }] };
}

/**
 * The items a search may find (decision 0108): the trigram index's matches of every word and every
 * item whose entry is still pending. `?` is the array of LIKE patterns; one condition per element,
 * so that the index answers each (it does not answer `LIKE ALL (array)`).
 */
function searchCandidates(words: number): string {
  const likes = Array.from({ length: words }, (_, k) => `s.search_text LIKE (?::text[])[${k + 1}]`).join(' AND ');
  return `i.id IN (SELECT s.item_id FROM hsb_item_search s WHERE ${likes} UNION ALL SELECT p.item_id FROM hsb_search_pending p)`;
}

export function searchWords(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).map((w) => w.trim()).filter((w) => w.length > 0).slice(0, 8);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
