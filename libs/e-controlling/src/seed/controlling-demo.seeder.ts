import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, Money, RequestContext, TransactionService } from '@grms/core';
import { ContractsService, ProgressService, VendorsService } from '@grms/e-delivery';
import { PackagesService, PackageWorkflowService } from '@grms/e-project-planning';
import { randomUUID } from 'node:crypto';
import { EscalationsService } from '../escalations/escalations.service';
import { RfkService } from '../rfk/rfk.service';
import { monthEnd } from '../status/s-curve';

const USERS = ['planner-a', 'budget-user-a', 'project-officer-a', 'supervisor-a', 'admin'];

/** The three contracts of the demo as of 30 September 2026, and their S-curves (cumulative % at each month end). */
export const CONTROLLING_DEMO = [
  { number: 'KTR/004/DISDIKBUD/2026', name: 'Rehabilitasi ruang kelas SMA N 7 Semarang', share: 0.3, vendor: ['PT Cipta Graha Semarang', '05.678.901.2-511.000', '2056789012'],
    curve: ['0', '0', '0', '5', '10', '15', '20', '30', '40', '60', '80', '100'], reports: [['2026-08-31', '22'], ['2026-09-30', '28']], expect: 'CRITICAL' },
  { number: 'KTR/005/DISDIKBUD/2026', name: 'Pembangunan pagar dan talud SMK N 4 Semarang', share: 0.3, vendor: ['CV Bangun Persada Kendal', '06.789.012.3-514.000', '2067890123'],
    curve: ['0', '0', '0', '10', '25', '40', '55', '70', '80', '90', '100', '100'], reports: [['2026-08-31', '55'], ['2026-09-02', '60'], ['2026-09-30', '76']], expect: 'LATE' },
  { number: 'KTR/006/DISDIKBUD/2026', name: 'Renovasi perpustakaan SMA N 1 Ungaran', share: 0.2, vendor: ['CV Tunas Karya Ungaran', '07.890.123.4-517.000', '2078901234'],
    curve: ['0', '0', '0', '10', '20', '30', '40', '50', '60', '70', '80', '100'], reports: [['2026-08-31', '50'], ['2026-09-30', '61']], expect: 'ON_TRACK' },
] as const;

// Demo data for e-controlling, through the services as the demo users would do
// it, on an OPD A line without packages: three construction contracts that on
// 30 September 2026 are CRITICAL (12 points behind at 40% planned, with a
// show-cause meeting), LATE (4 points behind at 80% planned, finishing in the
// year at its rate) and ON_TRACK; then the RFK of every month already over,
// frozen by admin. Idempotent; skipped before October 2026 (the progress
// reports would lie in the future).
@Injectable()
export class ControllingDemoSeeder {
  private readonly logger = new Logger('ControllingDemoSeed');

  constructor(
    private readonly tx: TransactionService, private readonly packages: PackagesService, private readonly packageFlow: PackageWorkflowService,
    private readonly vendors: VendorsService, private readonly contracts: ContractsService, private readonly progress: ProgressService,
    private readonly escalations: EscalationsService, private readonly rfk: RfkService,
  ) {}

  async seed(orgA: string): Promise<void> {
    const users = await this.tx.run(async (m) => {
      const rows: AuthUser[] = await m.query(`SELECT id, username, roles, organization_id AS "organizationId" FROM users WHERE username = ANY($1)`, [USERS]);
      return new Map(rows.map((u) => [u.username, u]));
    });
    const today: string = (await this.tx.run((m) => m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`)))[0].d;
    if (users.size < USERS.length || today < '2026-10-01') { this.logger.warn('e-controlling demo data skipped (demo users missing, or before October 2026)'); return; }
    const as = <T>(username: string, fn: (u: AuthUser) => Promise<T>): Promise<T> => {
      const user = users.get(username)!;
      return RequestContext.run({ requestId: `seed-${randomUUID()}`, user }, () => fn(user));
    };
    if (!(await this.tx.run((m) => m.query(`SELECT 1 FROM contracts WHERE number = $1`, [CONTROLLING_DEMO[0].number]))).length) await this.contractsOn(orgA, as);
    await this.freezePastMonths(today, as);
    this.logger.log('e-controlling demo data seeded');
  }

  private async contractsOn(orgA: string, as: <T>(u: string, fn: (u: AuthUser) => Promise<T>) => Promise<T>): Promise<void> {
    const [line]: { id: string; appropriated: string; sub: string }[] = await this.tx.run((m) => m.query(
      `SELECT b.id, b.appropriated::text, b.sub_activity_code AS sub FROM budget_lines b
       WHERE b.fiscal_year = 2026 AND b.organization_id = $1 AND b.account_code LIKE '5.%' AND b.committed = 0 AND b.appropriated >= 1000000
         AND NOT EXISTS (SELECT 1 FROM planning_package_funding_v f WHERE f.budget_line_id = b.id)
       ORDER BY b.appropriated DESC, b.id LIMIT 1`, [orgA]));
    if (!line) { this.logger.warn('OPD A has no line free of packages; e-controlling demo contracts skipped'); return; }
    const total = Money.of(line.appropriated);
    for (const d of CONTROLLING_DEMO) {
      const value = total.times(d.share).floorRupiah();
      const p = await as('planner-a', (u) => this.packages.create(u, {
        fiscalYear: 2026, organizationId: orgA, subActivityCode: line.sub, name: d.name, type: 'CONSTRUCTION', method: 'TENDER', value: value.toString(), volume: '1', unit: 'paket',
        locations: [{ regionCode: '33.74', detail: 'Kota Semarang' }], fundingLines: [{ budgetLineId: line.id, amount: value.toString() }],
        procurementStart: '2026-02-01', procurementEnd: '2026-03-15', executionStart: '2026-04-01', executionEnd: '2026-12-15',
      }));
      await as('planner-a', (u) => this.packages.setPlan(u, p.id, { physical: [...d.curve], financial: [...Array(11).fill('0'), value.toString()] }));
      for (const [who, action] of [['planner-a', 'submit'], ['budget-user-a', 'approve'], ['planner-a', 'announce']] as const) await as(who, (u) => this.packageFlow.act(u, p.id, action));
      const [vendorName, npwp, account] = d.vendor;
      const v = await as('project-officer-a', (u) => this.vendors.create(u, {
        kind: 'COMPANY', name: vendorName, npwp, vatRegistered: true, qualification: 'SMALL', bankName: 'Bank Jateng', bankAccount: account,
        certificates: [{ code: 'SBU-BG004', qualification: 'SMALL', validFrom: '2025-01-01', validUntil: '2028-12-31' }],
      }));
      const c = await as('project-officer-a', (u) => this.contracts.create(u, {
        packageId: p.id, vendorId: v.id, number: d.number, signedOn: '2026-03-25', value: value.toString(), startDate: '2026-04-01', endDate: '2026-12-15', maintenanceDays: 180,
        termins: [{ percent: '50', progressThreshold: '50' }, { percent: '50', progressThreshold: '100' }],
      }));
      await as('budget-user-a', (u) => this.contracts.sign(u, c.id));
      for (const [reportedOn, pct] of d.reports) {
        const r = await as('project-officer-a', (u) => this.progress.report(u, c.id, { reportedOn, cumulativePercent: pct, note: `laporan ${reportedOn}` }));
        await as('supervisor-a', (u) => this.progress.decide(u, r.id, 'VERIFIED'));
      }
      if (d.expect === 'CRITICAL') {
        await as('project-officer-a', (u) => this.escalations.create(u, c.id, { kind: 'SHOW_CAUSE_MEETING', stage: 1, heldOn: '2026-10-05', targetPercent: '40.00', targetDate: '2026-10-26',
          note: 'SCM I: penyedia menambah tenaga kerja dan alat; uji coba 21 hari' }));
      }
    }
  }

  /** The RFK of every month of 2026 already over, frozen once (version 1). */
  private async freezePastMonths(today: string, as: <T>(u: string, fn: (u: AuthUser) => Promise<T>) => Promise<T>): Promise<void> {
    const frozen = new Set<number>((await this.tx.run((m) => m.query(`SELECT DISTINCT month FROM rfk_snapshots WHERE fiscal_year = 2026`))).map((r: { month: number }) => r.month));
    for (let month = 1; month <= 12 && monthEnd(2026, month) < today; month++) {
      if (!frozen.has(month)) await as('admin', (u) => this.rfk.freeze(u, 2026, month, {}));
    }
  }
}
