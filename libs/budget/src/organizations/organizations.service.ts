import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, offsetOf, Page, pageOf, TransactionService } from '@grms/core';
import { CreateOrganizationDto, OrganizationQueryDto, OrganizationResponse } from './dto/organization.dto';

const COLUMNS = `id, code, name, short_name AS "shortName", kind, parent_id AS "parentId"`;

// Organizations are public reference data: every signed-in user may list them.
@Injectable()
export class OrganizationsService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService) {}

  list(q: OrganizationQueryDto): Promise<Page<OrganizationResponse>> {
    return this.tx.run(async (m) => {
      const params: unknown[] = [];
      const where: string[] = [];
      if (q.q) { params.push(`%${q.q.toLowerCase()}%`, `${q.q}%`); where.push(`(lower(name) LIKE $${params.length - 1} OR code LIKE $${params.length})`); }
      if (q.parentId) { params.push(q.parentId); where.push(`parent_id = $${params.length}`); }
      if (q.kind) { params.push(q.kind); where.push(`kind = $${params.length}`); }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM organizations ${w}`, params);
      const rows = await m.query(`SELECT ${COLUMNS} FROM organizations ${w} ORDER BY code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, q.limit, offsetOf(q)]);
      return pageOf(rows, total, q);
    });
  }

  get(id: string): Promise<OrganizationResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT ${COLUMNS} FROM organizations WHERE id = $1`, [id]);
      if (!row) throw DomainError.notFound('organization', id);
      return row;
    });
  }

  create(dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.tx.run(async (m) => {
      if (dto.parentId) {
        const [p] = await m.query(`SELECT 1 FROM organizations WHERE id = $1`, [dto.parentId]);
        if (!p) throw DomainError.rule('UNKNOWN_ORGANIZATION', `parent organization ${dto.parentId} does not exist`, [{ field: 'parentId', message: 'unknown organization' }]);
      }
      const [dup] = await m.query(`SELECT 1 FROM organizations WHERE code = $1`, [dto.code]);
      if (dup) throw DomainError.conflict('ORGANIZATION_CODE_TAKEN', `an organization with code ${dto.code} already exists`);
      const [row] = await m.query(
        `INSERT INTO organizations (code, name, short_name, kind, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [dto.code, dto.name.trim(), dto.shortName ?? null, dto.kind, dto.parentId ?? null],
      );
      this.audit.record({ action: 'ORGANIZATION.CREATE', entityType: 'Organization', entityId: row.id, after: row });
      return row;
    });
  }
}
