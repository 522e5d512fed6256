import { Injectable } from '@nestjs/common';
import { AccessService, AuthUser, DomainError, JsonText, Permission } from '@grms/core';
import { EntityManager } from 'typeorm';
import { AccountTotalResponse, DocumentDetailResponse, DocumentKind, DocumentResponse, DocumentStatus, Stage } from './dto/document.dto';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

// A document's items as one JSON text, built by PostgreSQL in the statement
// that reads the document (decision 0237): the rows of ITEM_SELECT (amounts
// as numeric::text, so exactness is PostgreSQL's), in the detail's order
// (json_agg keeps the order of its sorted subquery), cast to text so that the
// driver does not parse it.
const ITEMS_JSON = (docId: string) =>
  `(SELECT COALESCE(json_agg(t), '[]')::text FROM (${ITEM_SELECT} WHERE i.document_id = ${docId} ORDER BY i.account_code, i.seq) t) AS "itemsJson"`;

// `from`: the documents table, or a CTE of updated rows named d (the state a
// transition leaves); `items`: also the items' JSON text, as "itemsJson".
const documentSelect = (from = 'budget_documents d', items = false) => `
  SELECT d.id, d.fiscal_year AS "fiscalYear", d.organization_id AS "organizationId", o.name AS "organizationName",
    d.sub_activity_code AS "subActivityCode", n.name AS "subActivityName", d.stage, d.kind, d.revision, d.previous_id AS "previousId",
    d.status, d.total, (SELECT count(*)::int FROM budget_document_items i WHERE i.document_id = d.id) AS "itemCount",
    d.rejection_reason AS "rejectionReason", d.shift_class AS "shiftClass", cu.username AS "createdBy", au.username AS "approvedBy",
    ${TS('d.approved_at')} AS "approvedAt", ${TS('d.updated_at')} AS "updatedAt"${items ? `, ${ITEMS_JSON('d.id')}` : ''}
  FROM ${from}
  JOIN organizations o ON o.id = d.organization_id
  JOIN nomenclature n ON n.code = d.sub_activity_code
  JOIN users cu ON cu.id = d.created_by
  LEFT JOIN users au ON au.id = d.approved_by`;

export const DOCUMENT_SELECT = documentSelect();

// The amounts are cast to text as the driver would give them, and as the items' JSON needs them.
// The catalogue item's code, version and price are read per item by primary key (decision 0237):
// joined, the planner expected ~200 items per document and hashed both catalogue tables whole
// (22,821 rows each on the province data set) for a document whose items mostly have none.
export const ITEM_SELECT = `
  SELECT i.id, i.account_code AS "accountCode", i.funding_source_code AS "fundingSourceCode", i.hsb_item_id AS "hsbItemId",
    (SELECT h.code FROM hsb_items h WHERE h.id = i.hsb_item_id) AS "hsbCode",
    (SELECT v.version FROM hsb_item_versions v WHERE v.id = i.hsb_version_id) AS "hsbVersion",
    (SELECT v.price::text FROM hsb_item_versions v WHERE v.id = i.hsb_version_id) AS "hsbPrice", i.description, i.coefficients, i.volume::text AS volume,
    i.volume_unit AS "volumeUnit", i.unit_price::text AS "unitPrice", i.vat, i.vat_rate::text AS "vatRate", i.subtotal::text AS subtotal, i.vat_amount::text AS "vatAmount",
    i.total::text AS total, i.justification
  FROM budget_document_items i`;

/**
 * A document's sums and its totals per budget line (account x funding source),
 * beside the previous approved version's: what the detail shows, and what the
 * workflow checks and posts from (decision 0235).
 */
export interface DocumentTotals {
  itemCount: number;
  total: string;
  subtotal: string;
  vatTotal: string;
  lines: AccountTotalResponse[];
  /** with `editorId`: whether that user changed the document (its items) */
  edited?: boolean;
}

// The lines of both versions, each with this version's total (0.00 when only
// the previous has it) and the previous version's (null when it has none).
const TOTALS_SQL = (extra: string) => `
  WITH l AS (
    SELECT x.account_code AS "accountCode", (SELECT a.name FROM accounts a WHERE a.code = x.account_code) AS "accountName", x.funding_source_code AS "fundingSourceCode",
      COALESCE(cur.total, 0)::numeric(20,2)::text AS total, prev.total::text AS "previousTotal"
    FROM (SELECT account_code, funding_source_code FROM budget_document_items WHERE document_id = $1
          UNION SELECT account_code, funding_source_code FROM budget_document_items WHERE document_id = $2) x
    LEFT JOIN (SELECT account_code, funding_source_code, sum(total) AS total FROM budget_document_items WHERE document_id = $1 GROUP BY 1, 2) cur
      USING (account_code, funding_source_code)
    LEFT JOIN (SELECT account_code, funding_source_code, sum(total)::numeric(20,2) AS total FROM budget_document_items WHERE document_id = $2 GROUP BY 1, 2) prev
      USING (account_code, funding_source_code))
  SELECT s.n AS "itemCount", s.total, s.subtotal, s.vat AS "vatTotal",
    COALESCE((SELECT json_agg(l ORDER BY l."accountCode", l."fundingSourceCode") FROM l), '[]') AS lines ${extra}
  FROM (SELECT count(*)::int AS n, COALESCE(sum(total), 0)::numeric(20,2)::text AS total, COALESCE(sum(subtotal), 0)::numeric(20,2)::text AS subtotal,
          COALESCE(sum(vat_amount), 0)::numeric(20,2)::text AS vat
        FROM budget_document_items WHERE document_id = $1) s`;

export interface DocumentRow {
  id: string;
  fiscalYear: number;
  organizationId: string;
  subActivityCode: string;
  stage: Stage;
  kind: DocumentKind;
  revision: number;
  previousId: string | null;
  status: DocumentStatus;
  total: string;
  createdBy: string;
  submittedBy: string | null;
}

// Reads documents for the services: one place that applies the
// organization scope (another OPD's document is a 404) and the row lock.
@Injectable()
export class DocumentStore {
  constructor(private readonly access: AccessService) {}

  async require(m: EntityManager, user: AuthUser, id: string, permission: Permission, lock = false): Promise<DocumentRow> {
    const [row] = await m.query(
      `SELECT id, fiscal_year AS "fiscalYear", organization_id AS "organizationId", sub_activity_code AS "subActivityCode", stage, kind, revision,
         previous_id AS "previousId", status, total, created_by AS "createdBy", submitted_by AS "submittedBy"
       FROM budget_documents WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!row) throw DomainError.notFound('budget document', id);
    await this.access.requireOrganization(user, permission, row.organizationId, 'budget document', id);
    return row;
  }

  async summary(m: EntityManager, id: string): Promise<DocumentResponse> {
    const [row] = await m.query(`${DOCUMENT_SELECT} WHERE d.id = $1`, [id]);
    return row;
  }

  /** The detail as a value (the export, the creation's answer). */
  async detail(m: EntityManager, id: string): Promise<DocumentDetailResponse> {
    return (await this.detailJson(m, id)).value();
  }

  /** The detail as the JSON text the API answers with: the document with its items' JSON in one statement, then its totals. */
  async detailJson(m: EntityManager, id: string): Promise<JsonText<DocumentDetailResponse>> {
    const [row] = await m.query(`${documentSelect('budget_documents d', true)} WHERE d.id = $1`, [id]);
    return this.detailOf(row, await this.totals(m, row));
  }

  /**
   * The detail from a summary read with its items' JSON (`documentSelect(..., true)`,
   * a transition `withItems`) and the totals: `{ ...summary, items, lines, subtotal,
   * vatTotal }`, the items spliced in as PostgreSQL wrote them (decision 0237).
   */
  detailOf(row: DocumentResponse & { itemsJson: string }, totals: DocumentTotals): JsonText<DocumentDetailResponse> {
    const { itemsJson, ...summary } = row;
    return new JsonText(`${JSON.stringify(summary).slice(0, -1)},"items":${itemsJson},"lines":${JSON.stringify(totals.lines)},"subtotal":${JSON.stringify(totals.subtotal)},"vatTotal":${JSON.stringify(totals.vatTotal)}}`);
  }

  /**
   * The document's sums and line totals in one statement. `ceilingLock` also
   * takes the OPD's ceiling lock (the statements after it see what the
   * holders before committed); `editorId` also tells whether that user is
   * one of the document's editors.
   */
  async totals(m: EntityManager, doc: { id: string; previousId: string | null; fiscalYear?: number; organizationId?: string },
    opts: { ceilingLock?: boolean; editorId?: string } = {}): Promise<DocumentTotals> {
    const params: unknown[] = [doc.id, doc.previousId];
    const extra: string[] = [];
    if (opts.ceilingLock) {
      params.push(doc.fiscalYear, doc.organizationId);
      extra.push(`, pg_advisory_xact_lock(hashtext('budget-ceiling:' || $${params.length - 1} || ':' || $${params.length})) AS "ceilingLock"`);
    }
    if (opts.editorId) {
      params.push(opts.editorId);
      extra.push(`, EXISTS (SELECT 1 FROM budget_document_editors e WHERE e.document_id = $1 AND e.user_id = $${params.length}) AS edited`);
    }
    const [row] = await m.query(TOTALS_SQL(extra.join(' ')), params);
    delete row.ceilingLock;
    return row;
  }

  /**
   * A workflow transition in one statement: the document's update (`set`,
   * parameters from $2), its event and the summary it leaves, with its items'
   * JSON (for `detailOf`).
   */
  async transition(m: EntityManager, id: string, set: string, params: unknown[],
    event: { action: string; from: string; to: string; actorId: string; reason?: string | null }): Promise<DocumentResponse & { itemsJson: string }> {
    const n = params.length + 1;
    const [row] = await m.query(
      `WITH d AS (UPDATE budget_documents SET ${set}, row_version = row_version + 1, updated_at = now() WHERE id = $1 RETURNING *),
         ev AS (INSERT INTO budget_document_events (document_id, action, from_status, to_status, total, item_count, reason, actor_id)
           SELECT d.id, $${n + 1}, $${n + 2}, $${n + 3}, d.total, (SELECT count(*) FROM budget_document_items i WHERE i.document_id = d.id), $${n + 4}, $${n + 5} FROM d)
       ${documentSelect('d', true)}`,
      [id, ...params, event.action, event.from, event.to, event.reason ?? null, event.actorId]);
    return row;
  }

  /** Records that the user changed the document (its items): an editor may not approve it. */
  async recordEditor(m: EntityManager, id: string, userId: string): Promise<void> {
    await m.query(`INSERT INTO budget_document_editors (document_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, userId]);
  }

  /** Recomputes the stored total from the items. */
  async refreshTotal(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE budget_documents SET total = (SELECT COALESCE(sum(total), 0) FROM budget_document_items WHERE document_id = $1),
      row_version = row_version + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  async event(m: EntityManager, id: string, action: string, from: string | null, to: string, actorId: string, reason: string | null = null): Promise<void> {
    await m.query(
      `INSERT INTO budget_document_events (document_id, action, from_status, to_status, total, item_count, reason, actor_id)
       SELECT d.id, $2, $3, $4, d.total, (SELECT count(*) FROM budget_document_items i WHERE i.document_id = d.id), $5, $6 FROM budget_documents d WHERE d.id = $1`,
      [id, action, from, to, reason, actorId]);
  }
}
