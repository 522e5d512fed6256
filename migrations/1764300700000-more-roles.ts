import { MigrationInterface, QueryRunner } from 'typeorm';

// The roles DOMAIN.md adds as the modules need them: PA/KPA (BUDGET_USER),
// PPKD (REGIONAL_FINANCE_HEAD), Sekda (REGIONAL_SECRETARY), revenue treasurer,
// progress supervisor and the monitoring team (MONEV_VERIFIER). OPD-bound
// roles need an organization.
const OLD = ['ADMIN', 'PRICE_ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR'];
const NEW = [...OLD, 'BUDGET_USER', 'REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY', 'REVENUE_TREASURER', 'SUPERVISOR', 'MONEV_VERIFIER'];
const OLD_OPD = ['PLANNER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER'];
const NEW_OPD = [...OLD_OPD, 'BUDGET_USER', 'REVENUE_TREASURER', 'SUPERVISOR'];

const list = (xs: string[]): string => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;

export class MoreRoles1764300700000 implements MigrationInterface {
  name = 'MoreRoles1764300700000';

  async up(q: QueryRunner): Promise<void> {
    await this.constrain(q, NEW, NEW_OPD);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.constrain(q, OLD, OLD_OPD);
  }

  private async constrain(q: QueryRunner, roles: string[], opd: string[]): Promise<void> {
    const checks: { conname: string }[] = await q.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c'`);
    for (const c of checks) await q.query(`ALTER TABLE users DROP CONSTRAINT "${c.conname}"`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (cardinality(roles) > 0 AND roles <@ ${list(roles)})`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_opd_roles_need_org CHECK (organization_id IS NOT NULL OR NOT (roles && ${list(opd)}))`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$')`);
  }
}
