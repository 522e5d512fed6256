import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../context/request-context';
import { TransactionService } from '../database/transaction.service';
import { DomainError } from '../errors/domain-error';
import { Permission, ROLE_PERMISSIONS } from './permissions';
import { OPD_ROLES, Role } from './roles';

/** null: every organization; otherwise the organization ids the user may see. */
export type OrgScope = string[] | null;

// Which records a user may touch is decided by organization: a holder of an
// OPD role sees its organization and the units under it; a province-wide role
// sees all. Outside the scope a record does not exist (404).
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly tx: TransactionService) {}

  /**
   * The organization a request is about: the one given, else the user's own
   * (a planner or treasurer works for one OPD); a province-wide user must name it.
   */
  organizationOrOwn(user: AuthUser, given: string | undefined, field = 'organizationId'): string {
    const id = given ?? user.organizationId;
    if (!id) throw DomainError.invalid(`${field} is required: this user belongs to no organization`, [{ field, message: `${field} is required` }]);
    return id;
  }

  async scope(user: AuthUser, permission: Permission): Promise<OrgScope> {
    const granting = user.roles.filter((r) => ROLE_PERMISSIONS[r as Role]?.includes(permission)) as Role[];
    if (granting.some((r) => !OPD_ROLES.has(r))) return null;
    if (!user.organizationId) return [];
    // Inside a unit of work use its connection: asking the pool for a second
    // one while holding the first can exhaust the pool under load.
    const db = this.tx.current()?.manager ?? this.ds;
    const rows: { id: string }[] = await db.query(
      `WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = $1
         UNION ALL SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id)
       SELECT id FROM tree`,
      [user.organizationId],
    );
    return rows.map((r) => r.id);
  }

  inScope(scope: OrgScope, organizationId: string): boolean {
    return scope === null || scope.includes(organizationId);
  }

  /** Throws NOT_FOUND (never 403) when the organization is outside the user's scope. */
  async requireOrganization(user: AuthUser, permission: Permission, organizationId: string, entity = 'record', id?: string): Promise<void> {
    const scope = await this.scope(user, permission);
    if (!this.inScope(scope, organizationId)) throw DomainError.notFound(entity, id ?? organizationId);
  }
}
