import { Injectable, Logger } from '@nestjs/common';
import { ReferenceImportService } from '@grms/budget';
import { APP_CONFIG, AppConfig, AuditService, hashPassword, RequestContext, TransactionService } from '@grms/core';
import { Inject } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { findReferenceDir } from '@grms/budget';
import { BudgetingDemoSeeder } from '@grms/e-budgeting';
import { ControllingDemoSeeder } from '@grms/e-controlling';
import { HsbDemoSeeder } from '@grms/e-hsb';
import { PenatausahaanDemoSeeder, RevenueDemoSeeder } from '@grms/e-penatausahaan';
import { MonevDemoSeeder } from '@grms/e-monev';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { DeliveryDemoSeeder } from './delivery-demo.seeder';

// Seeds the demo province: reference data, organizations, fiscal years, the
// demo accounts, then the modules' demo data (approved 2026 budgets through
// e-budgeting). Idempotent: a second run
// changes nothing. Refused in production.
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceImportService,
    private readonly hsb: HsbDemoSeeder,
    private readonly budgeting: BudgetingDemoSeeder,
    private readonly penatausahaan: PenatausahaanDemoSeeder,
    private readonly delivery: DeliveryDemoSeeder,
    private readonly controlling: ControllingDemoSeeder,
    private readonly revenue: RevenueDemoSeeder,
    private readonly monev: MonevDemoSeeder,
  ) {}

  async isSeeded(): Promise<boolean> {
    return this.tx.run(async (m) => (await m.query(`SELECT 1 FROM users WHERE username = 'admin'`)).length > 0);
  }

  async seed(): Promise<void> {
    if (this.config.nodeEnv === 'production') throw new Error('demo seeding is refused when NODE_ENV=production');
    await RequestContext.run({ requestId: `seed-${randomUUID()}` }, async () => {
      await this.reference.importAll();
      const orgs = await this.seedOrganizations();
      await this.seedUsers(orgs);
      // Module seeders, in dependency order (each idempotent), go here.
      // e-HSB catalogue, then approved 2026 DPAs (appropriation posted by approval) with cash plans and the 2027 round.
      await this.hsb.seed();
      await this.budgeting.seed();
      // Revenue and financing estimates, the SiLPA in the treasury and deposits, before any SP2D is paid from it.
      await this.revenue.seed();
      await this.penatausahaan.seed(orgs.get('A')!);
      // Packages, contracts, progress and termins paid through SP2D.
      await this.delivery.seed(orgs.get('A')!);
      // Critical, late and on-track contracts as of September 2026, and the RFK of every month already over, frozen.
      await this.controlling.seed(orgs.get('A')!);
      // e-monev: OPD A's indicators with TW I and TW II realisations (one verified, one rejected).
      await this.monev.seed(orgs.get('A')!);
    });
    this.logger.log('demo province seeded');
  }

  private async seedOrganizations(): Promise<Map<string, string>> {
    const dir = join(findReferenceDir(), '..', 'demo');
    const rows = parse(readFileSync(join(dir, 'organizations.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    return this.tx.run(async (m) => {
      const byCode = new Map<string, string>();
      const byKey = new Map<string, string>();
      for (const r of rows) {
        const parentId = r.parent_code ? byCode.get(r.parent_code) ?? null : null;
        const [row] = await m.query(
          `INSERT INTO organizations (code, name, short_name, kind, parent_id) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id, (xmax = 0) AS inserted`,
          [r.code, r.name, r.short_name || null, r.kind, parentId],
        );
        if (row.inserted) this.audit.record({ action: 'ORGANIZATION.CREATE', entityType: 'Organization', entityId: row.id, after: r });
        byCode.set(r.code, row.id);
        if (r.demo_key) byKey.set(r.demo_key, row.id);
      }
      for (const [year, status] of [[2026, 'EXECUTION'], [2027, 'PLANNING']] as const) {
        const ins = await m.query(`INSERT INTO fiscal_years (year, status) VALUES ($1, $2) ON CONFLICT (year) DO NOTHING RETURNING year`, [year, status]);
        if (ins.length) this.audit.record({ action: 'FISCAL_YEAR.CREATE', entityType: 'FiscalYear', entityId: String(year), after: { year, status } });
      }
      return byKey;
    });
  }

  private async seedUsers(orgs: Map<string, string>): Promise<void> {
    const hash = await hashPassword(DEMO_PASSWORD);
    await this.tx.run(async (m) => {
      for (const u of DEMO_USERS) {
        const ins = await m.query(
          `INSERT INTO users (username, password_hash, full_name, roles, organization_id) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (lower(username)) DO NOTHING RETURNING id`,
          [u.username, hash, u.fullName, u.roles, u.org ? orgs.get(u.org) : null],
        );
        if (ins.length) this.audit.record({ action: 'USER.CREATE', entityType: 'User', entityId: ins[0].id, after: { username: u.username, roles: u.roles } });
      }
    });
  }

}
