import { Injectable } from '@nestjs/common';
import { CodeListVersionsService, FiscalYearsService } from '@grms/budget';
import { AccessService, AuditService, AuthUser, DomainError, JsonText, offsetOf, Page, pageOf, PageQueryDto, Permission, TransactionService } from '@grms/core';
import { DOCUMENT_SELECT, DocumentStore } from './document-store';
import { requireFinancingOrganization } from './document-kind';
import { CreateDocumentDto, DocumentDetailResponse, DocumentEventResponse, DocumentQueryDto, DocumentResponse } from './dto/document.dto';

// Budget documents (RKA; a DPA once approved) per OPD and sub kegiatan. A
// revision (PERGESERAN, PERUBAHAN) starts as a copy of the approved version.
@Injectable()
export class DocumentsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly years: FiscalYearsService,
    private readonly store: DocumentStore,
    private readonly codes: CodeListVersionsService,
  ) {}

  async create(user: AuthUser, given: CreateDocumentDto): Promise<DocumentDetailResponse> {
    const dto = { ...given, kind: given.kind ?? 'EXPENDITURE', organizationId: this.access.organizationOrOwn(user, given.organizationId) };
    await this.access.requireOrganization(user, Permission.BUDGET_DOC_WRITE, dto.organizationId, 'organization');
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, dto.fiscalYear, ['PLANNING', 'EXECUTION']);
      const [org] = await m.query(`SELECT code, name FROM organizations WHERE id = $1`, [dto.organizationId]);
      if (!org) throw DomainError.notFound('organization', dto.organizationId);
      requireFinancingOrganization(dto.kind, org);
      const sub = await this.codes.require(m, dto.fiscalYear, 'nomenclature', dto.subActivityCode, 'subActivityCode', 'UNKNOWN_SUB_ACTIVITY');
      if (sub.level !== 5) throw DomainError.rule('INVALID_SUB_ACTIVITY', `${dto.subActivityCode} is not a sub kegiatan (level 5 of the nomenclature; it is level ${sub.level})`, [{ field: 'subActivityCode', message: `level ${sub.level}, not 5` }]);
      // One document chain per sub kegiatan: serialise its creation.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('budget-doc:' || $1 || ':' || $2 || ':' || $3))`, [dto.fiscalYear, dto.organizationId, dto.subActivityCode]);
      const docs: { id: string; status: string; revision: number; stage: string }[] = await m.query(
        `SELECT id, status, revision, stage FROM budget_documents WHERE fiscal_year = $1 AND organization_id = $2 AND sub_activity_code = $3 AND kind = $4 AND status <> 'DELETED' ORDER BY revision DESC`,
        [dto.fiscalYear, dto.organizationId, dto.subActivityCode, dto.kind]);
      const open = docs.find((d) => d.status === 'DRAFT' || d.status === 'SUBMITTED');
      if (open) throw DomainError.conflict('OPEN_DOCUMENT_EXISTS', `budget document ${open.id} (${open.stage}, ${open.status}) for this sub kegiatan is still open; finish it first`);
      const approved = docs.find((d) => d.status === 'APPROVED');
      if (dto.stage === 'MURNI' && docs.length > 0) {
        throw DomainError.conflict('DOCUMENT_EXISTS', `sub kegiatan ${dto.subActivityCode} already has ${dto.kind === 'EXPENDITURE' ? 'a' : `a ${dto.kind}`} budget document in ${dto.fiscalYear}; revise it with PERGESERAN or PERUBAHAN`);
      }
      if (dto.stage !== 'MURNI' && !approved) {
        throw DomainError.rule('NO_APPROVED_VERSION', `a ${dto.stage} revises an approved budget; sub kegiatan ${dto.subActivityCode} has none in ${dto.fiscalYear}`, [{ field: 'stage', message: 'nothing approved to revise' }]);
      }
      const revision = docs.length ? docs[0].revision + 1 : 0;
      const [{ id }] = await m.query(
        `INSERT INTO budget_documents (fiscal_year, organization_id, sub_activity_code, stage, revision, previous_id, status, created_by, kind)
         VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', $7, $8) RETURNING id`,
        [dto.fiscalYear, dto.organizationId, dto.subActivityCode, dto.stage, revision, approved?.id ?? null, user.id, dto.kind]);
      if (approved) {
        // The copy keeps the catalogue version each item was priced with.
        await m.query(
          `INSERT INTO budget_document_items (document_id, account_code, funding_source_code, hsb_item_id, hsb_version_id, description, coefficients,
             volume, volume_unit, unit_price, vat, vat_rate, subtotal, vat_amount, total, justification, created_at)
           SELECT $1, account_code, funding_source_code, hsb_item_id, hsb_version_id, description, coefficients, volume, volume_unit, unit_price,
             vat, vat_rate, subtotal, vat_amount, total, justification, created_at
           FROM budget_document_items WHERE document_id = $2 ORDER BY seq`, [id, approved.id]);
        await this.store.refreshTotal(m, id);
      }
      await this.store.event(m, id, 'CREATED', null, 'DRAFT', user.id);
      const detail = await this.store.detail(m, id);
      this.audit.record({ action: 'BUDGET_DOCUMENT.CREATE', entityType: 'BudgetDocument', entityId: id, after: { ...dto, revision, previousId: approved?.id ?? null, total: detail.total } });
      return detail;
    });
  }

  async list(user: AuthUser, q: DocumentQueryDto): Promise<Page<DocumentResponse>> {
    const scope = await this.access.scope(user, Permission.BUDGET_DOC_READ);
    return this.tx.run(async (m) => {
      const params: unknown[] = [];
      const where: string[] = [];
      const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace(/\?/g, `$${params.length}`)); };
      if (scope !== null) add('d.organization_id = ANY(?::uuid[])', scope);
      if (q.fiscalYear) add('d.fiscal_year = ?', q.fiscalYear);
      if (q.organizationId) add('d.organization_id = ?', q.organizationId);
      if (q.subActivityCode) add('d.sub_activity_code = ?', q.subActivityCode);
      if (q.status) add('d.status = ?', q.status);
      else where.push(`d.status <> 'DELETED'`);
      if (q.stage) add('d.stage = ?', q.stage);
      if (q.kind) add('d.kind = ?', q.kind);
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM budget_documents d ${w}`, params);
      const rows = await m.query(`${DOCUMENT_SELECT} ${w} ORDER BY d.fiscal_year DESC, o.code, d.sub_activity_code, d.revision DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, q.limit, offsetOf(q)]);
      return pageOf(rows, total, q);
    });
  }

  /** A DRAFT is deleted by its OPD's planner: kept as DELETED (its history is append-only), out of lists and ceilings, the reason audited. */
  async remove(user: AuthUser, id: string, reason: string): Promise<DocumentResponse> {
    return this.tx.run(async (m) => {
      const doc = await this.store.require(m, user, id, Permission.BUDGET_DOC_WRITE, true);
      if (doc.status !== 'DRAFT') throw DomainError.invalidTransition('budget document', doc.status, 'deleted (only a DRAFT)');
      await m.query(`UPDATE budget_documents SET status = 'DELETED', row_version = row_version + 1, updated_at = now() WHERE id = $1`, [id]);
      await this.store.event(m, id, 'DELETED', doc.status, 'DELETED', user.id, reason);
      const after = await this.store.summary(m, id);
      this.audit.record({ action: 'BUDGET_DOCUMENT.DELETE', entityType: 'BudgetDocument', entityId: id, before: { status: doc.status, total: doc.total }, after: { status: after.status, total: after.total, reason } });
      return after;
    });
  }

  async get(user: AuthUser, id: string): Promise<JsonText<DocumentDetailResponse>> {
    return this.tx.run(async (m) => {
      await this.store.require(m, user, id, Permission.BUDGET_DOC_READ);
      return this.store.detailJson(m, id);
    });
  }

  async history(user: AuthUser, id: string, q: PageQueryDto): Promise<Page<DocumentEventResponse>> {
    return this.tx.run(async (m) => {
      await this.store.require(m, user, id, Permission.BUDGET_DOC_READ);
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM budget_document_events WHERE document_id = $1`, [id]);
      const rows = await m.query(
        `SELECT e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.total, e.item_count AS "itemCount", e.reason,
           u.username AS "actorUsername", to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt"
         FROM budget_document_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.document_id = $1 ORDER BY e.id LIMIT $2 OFFSET $3`,
        [id, q.limit, offsetOf(q)]);
      return pageOf(rows, total, q);
    });
  }
}
