import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AuthUserCache } from '../auth/auth-user-cache';
import { hashPassword } from '../auth/password';
import { assertPasswordPolicy } from '../auth/password-policy';
import { assertCompatibleRoles } from '../auth/segregation';
import { OPD_ROLES, Role } from '../auth/roles';
import { queryRows } from '../database/query-rows';
import { TransactionService } from '../database/transaction.service';
import { DomainError } from '../errors/domain-error';
import { offsetOf, Page, pageOf } from '../http/pagination';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import { UserResponse } from './dto/user.response';

const COLUMNS = `id, username, full_name AS "fullName", roles, organization_id AS "organizationId", active,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

@Injectable()
export class UsersService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly authUsers: AuthUserCache) {}

  async list(q: UserQueryDto): Promise<Page<UserResponse>> {
    return this.tx.run(async (m) => {
      const params: unknown[] = [];
      const where: string[] = [];
      if (q.q) { params.push(`%${q.q.toLowerCase()}%`); where.push(`(lower(username) LIKE $${params.length} OR lower(full_name) LIKE $${params.length})`); }
      if (q.role) { params.push(q.role); where.push(`$${params.length} = ANY(roles)`); }
      if (q.organizationId) { params.push(q.organizationId); where.push(`organization_id = $${params.length}`); }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM users ${w}`, params);
      const rows = await m.query(`SELECT ${COLUMNS} FROM users ${w} ORDER BY username LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, q.limit, offsetOf(q)]);
      return pageOf(rows, total, q);
    });
  }

  async get(id: string): Promise<UserResponse> {
    return this.tx.run(async (m) => {
      const rows = await m.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
      if (!rows[0]) throw DomainError.notFound('user', id);
      return rows[0];
    });
  }

  private checkOrganization(roles: Role[], organizationId: string | null | undefined): void {
    if (roles.some((r) => OPD_ROLES.has(r)) && !organizationId) {
      throw DomainError.invalid(`organizationId is required for the roles ${[...OPD_ROLES].join(', ')}`, [
        { field: 'organizationId', message: 'required for an OPD role' },
      ]);
    }
  }

  async create(dto: CreateUserDto): Promise<UserResponse> {
    this.checkOrganization(dto.roles, dto.organizationId);
    assertCompatibleRoles(dto.roles);
    assertPasswordPolicy(dto.password, dto);
    const hash = await hashPassword(dto.password);
    return this.tx.run(async (m) => {
      const exists = await m.query(`SELECT 1 FROM users WHERE lower(username) = lower($1)`, [dto.username]);
      if (exists.length) throw DomainError.conflict('USERNAME_TAKEN', `username ${dto.username} is already taken`);
      if (dto.organizationId) await this.requireOrg(m, dto.organizationId);
      const [row] = await m.query(
        `INSERT INTO users (username, password_hash, full_name, roles, organization_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [dto.username, hash, dto.fullName, dto.roles, dto.organizationId ?? null],
      );
      this.audit.record({ action: 'USER.CREATE', entityType: 'User', entityId: row.id, after: row });
      return row;
    });
  }

  private async requireOrg(m: { query: (s: string, p: unknown[]) => Promise<unknown[]> }, id: string): Promise<void> {
    const rows = await m.query(`SELECT 1 FROM organizations WHERE id = $1`, [id]);
    if (!rows.length) throw DomainError.rule('UNKNOWN_ORGANIZATION', `organization ${id} does not exist`, [{ field: 'organizationId', message: 'unknown organization' }]);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserResponse> {
    try {
      return await this.updateInTx(id, dto);
    } finally {
      this.authUsers.evict(id); // committed (or not): the next request reads the user afresh
    }
  }

  private async updateInTx(id: string, dto: UpdateUserDto): Promise<UserResponse> {
    return this.tx.run(async (m) => {
      const [before] = await m.query(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw DomainError.notFound('user', id);
      if (dto.password !== undefined) assertPasswordPolicy(dto.password, { username: before.username, fullName: dto.fullName ?? before.fullName });
      const hash = dto.password ? await hashPassword(dto.password) : null;
      // A new password or a deactivation revokes every token issued before it.
      const revoke = !!hash || (dto.active === false && before.active);
      const roles = dto.roles ?? before.roles;
      const organizationId = dto.organizationId !== undefined ? dto.organizationId : before.organizationId;
      this.checkOrganization(roles, organizationId);
      // an active account holds compatible roles; an old one may still be deactivated
      if (dto.active ?? before.active) assertCompatibleRoles(roles);
      if (organizationId && organizationId !== before.organizationId) await this.requireOrg(m, organizationId);
      const [after] = await queryRows<UserResponse>(m,
        `UPDATE users SET full_name = $2, roles = $3, organization_id = $4, active = $5,
           password_hash = COALESCE($6, password_hash), updated_at = now(),
           token_version = token_version + CASE WHEN $7 THEN 1 ELSE 0 END
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, dto.fullName ?? before.fullName, roles, organizationId, dto.active ?? before.active, hash, revoke],
      );
      this.audit.record({ action: 'USER.UPDATE', entityType: 'User', entityId: id, before, after: { ...after, passwordChanged: !!hash, tokensRevoked: revoke } });
      return after;
    });
  }
}
