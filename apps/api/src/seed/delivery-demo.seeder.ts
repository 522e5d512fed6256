import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, Money, RequestContext, TransactionService } from '@grms/core';
import { CashPlansService } from '@grms/e-budgeting';
import { ContractLifecycleService, ContractResponse, ContractsService, ProgressService, VendorsService } from '@grms/e-delivery';
import { Sp2dService, SpdService, SpmService, SppService, SppWorkflowService } from '@grms/e-penatausahaan';
import { PackagesService, PackageWorkflowService } from '@grms/e-project-planning';
import { randomUUID } from 'node:crypto';

const USERS = ['planner-a', 'budget-user-a', 'project-officer-a', 'supervisor-a', 'treasurer-a', 'finance-officer-a', 'finance-head-a', 'cash-authority', 'cash-authority-2'];

// Demo data for e-project planning and e-delivery, through the services as the
// demo users would do it, on OPD A's largest 2026 line without an SPD: three
// packages and contracts (a construction contract with an advance, an
// addendum and progress behind plan; one on track; one finished with PHO),
// progress over the months, and termins paid through SP2D. Idempotent: does
// nothing when OPD A already has a contract.
@Injectable()
export class DeliveryDemoSeeder {
  private readonly logger = new Logger('DeliveryDemoSeed');

  constructor(
    private readonly tx: TransactionService, private readonly cashPlans: CashPlansService, private readonly packages: PackagesService,
    private readonly packageFlow: PackageWorkflowService, private readonly vendors: VendorsService, private readonly contracts: ContractsService,
    private readonly lifecycle: ContractLifecycleService, private readonly progress: ProgressService, private readonly spd: SpdService,
    private readonly spp: SppService, private readonly sppFlow: SppWorkflowService, private readonly spm: SpmService, private readonly sp2d: Sp2dService,
  ) {}

  async seed(orgA: string): Promise<void> {
    const users = await this.tx.run(async (m) => {
      const rows: AuthUser[] = await m.query(`SELECT id, username, roles, organization_id AS "organizationId" FROM users WHERE username = ANY($1)`, [USERS]);
      return new Map(rows.map((u) => [u.username, u]));
    });
    if (users.size < USERS.length) { this.logger.warn('demo users missing; e-delivery demo data skipped'); return; }
    if ((await this.tx.run((m) => m.query(`SELECT 1 FROM contracts WHERE organization_id = $1 LIMIT 1`, [orgA]))).length) return;
    const as = <T>(username: string, fn: (u: AuthUser) => Promise<T>): Promise<T> => {
      const user = users.get(username)!;
      return RequestContext.run({ requestId: `seed-${randomUUID()}`, user }, () => fn(user));
    };
    const [line]: { id: string; appropriated: string; sub: string; hasPlan: boolean }[] = await this.tx.run((m) => m.query(
      `SELECT b.id, b.appropriated::text, b.sub_activity_code AS sub, (c.budget_line_id IS NOT NULL AND c.total = b.appropriated) AS "hasPlan"
       FROM budget_lines b LEFT JOIN cash_plans c ON c.budget_line_id = b.id
       WHERE b.fiscal_year = 2026 AND b.organization_id = $1 AND b.committed = 0 AND b.disbursed = 0 AND b.appropriated >= 1000000
         AND NOT EXISTS (SELECT 1 FROM spd_lines s WHERE s.budget_line_id = b.id)
       ORDER BY b.appropriated DESC, b.id LIMIT 1`, [orgA]));
    if (!line) { this.logger.warn('OPD A has no free 2026 line; e-delivery demo data skipped'); return; }
    const total = Money.of(line.appropriated);
    if (!line.hasPlan) {
      const month = Money.fromDecimal(total.toDecimal().dividedBy(12)).floorRupiah();
      await as('planner-a', (u) => this.cashPlans.put(u, line.id, { months: [...Array(11).fill(month.toString()), total.minus(month.times(11)).toString()] }));
    }
    const spd = await as('cash-authority', (u) => this.spd.create(u, { fiscalYear: 2026, organizationId: orgA, month: 12, lines: [{ budgetLineId: line.id, amount: total.toString() }] }));
    await as('cash-authority-2', (u) => this.spd.approve(u, spd.id));

    const share = (f: number) => total.times(f).floorRupiah();
    const pkg = async (name: string, type: 'CONSTRUCTION' | 'GOODS', value: Money, physical: string[]) => {
      const financial = [...Array(11).fill('0'), value.toString()];
      const p = await as('planner-a', (u) => this.packages.create(u, {
        fiscalYear: 2026, organizationId: orgA, subActivityCode: line.sub, name, type, method: 'TENDER', value: value.toString(), volume: '1', unit: 'paket',
        locations: [{ regionCode: '33.74', detail: 'Kota Semarang' }], fundingLines: [{ budgetLineId: line.id, amount: value.toString() }],
        procurementStart: '2026-02-01', procurementEnd: '2026-03-15', executionStart: '2026-04-01', executionEnd: '2026-11-30',
      }));
      await as('planner-a', (u) => this.packages.setPlan(u, p.id, { physical, financial }));
      for (const [who, action] of [['planner-a', 'submit'], ['budget-user-a', 'approve'], ['planner-a', 'announce']] as const) {
        await as(who, (u) => this.packageFlow.act(u, p.id, action));
      }
      return p.id;
    };
    const curve = ['0', '0', '0', '15', '30', '60', '75', '85', '95', '100', '100', '100'];
    const vendor = async (name: string, npwp: string, qualification: string, account: string) => (await as('project-officer-a', (u) => this.vendors.create(u, {
      kind: 'COMPANY', name, npwp, vatRegistered: true, qualification, bankName: 'Bank Jateng', bankAccount: account,
      certificates: [{ code: 'SBU-BG004', qualification, validFrom: '2025-01-01', validUntil: '2028-12-31' }],
    }))).id;
    const contract = async (packageId: string, vendorId: string, number: string, value: Money, advance: Money, termins: { percent: string; progressThreshold: string }[], endDate: string) => {
      const c = await as('project-officer-a', (u) => this.contracts.create(u, {
        packageId, vendorId, number, signedOn: '2026-03-20', value: value.toString(), startDate: '2026-04-01', endDate, maintenanceDays: 90, advance: advance.toString(), termins,
      }));
      return as('budget-user-a', (u) => this.contracts.sign(u, c.id));
    };
    const report = async (id: string, reportedOn: string, pct: string) => {
      const r = await as('project-officer-a', (u) => this.progress.report(u, id, { reportedOn, cumulativePercent: pct, note: `laporan ${reportedOn}` }));
      await as('supervisor-a', (u) => this.progress.decide(u, r.id, 'VERIFIED'));
    };
    const pay = async (c: ContractResponse, terminNo: number) => {
      const t = (await as('project-officer-a', (u) => this.contracts.get(u, c.id))).termins.find((x) => x.terminNo === terminNo)!;
      const s = await as('treasurer-a', (u) => this.spp.create(u, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: line.id, amount: t.payable }],
        payee: { name: c.vendorName, npwp: c.vendorNpwp, bankName: c.bankName, bankAccount: c.bankAccount }, contractId: c.id, terminNo }));
      await as('treasurer-a', (u) => this.sppFlow.submit(u, s.id));
      const spm = await as('finance-officer-a', (u) => this.spm.create(u, { sppId: s.id }));
      await as('budget-user-a', (u) => this.spm.approve(u, spm.id));
      await as('cash-authority', (u) => this.sp2d.issue(u, { spmId: spm.id }));
    };

    // 1. Construction, advance 20%, an addendum (+5%, extension), progress behind plan.
    const v1 = await vendor('PT Wijaya Karya Bangun Jateng', '02.345.678.9-512.000', 'MEDIUM', '2023456789');
    const value1 = share(0.4);
    const c1 = await contract(await pkg('Rehabilitasi gedung SMA N 3 Semarang', 'CONSTRUCTION', value1, curve), v1, 'KTR/001/DISDIKBUD/2026', value1.times(0.95).floorRupiah(),
      value1.times(0.95 * 0.2).floorRupiah(), [{ percent: '30', progressThreshold: '30' }, { percent: '30', progressThreshold: '60' }, { percent: '40', progressThreshold: '100' }], '2026-11-15');
    await pay(c1, 1);
    await report(c1.id, '2026-04-30', '10');
    await report(c1.id, '2026-05-31', '25');
    await report(c1.id, '2026-06-30', '40');
    await pay(c1, 2);
    await as('project-officer-a', (u) => this.lifecycle.proposeAddendum(u, c1.id, { value: value1.toString(), endDate: '2026-12-15', reason: 'pekerjaan tambah talud dan perpanjangan waktu' }));
    await as('budget-user-a', (u) => this.lifecycle.approveAddendum(u, c1.id));

    // 2. On track.
    const v2 = await vendor('CV Karya Mandiri Semarang', '03.456.789.0-517.000', 'SMALL', '2034567890');
    const value2 = share(0.2);
    const c2 = await contract(await pkg('Pembangunan ruang laboratorium SMA N 5', 'CONSTRUCTION', value2, curve), v2, 'KTR/002/DISDIKBUD/2026', value2, Money.ZERO,
      [{ percent: '50', progressThreshold: '50' }, { percent: '50', progressThreshold: '100' }], '2026-11-30');
    await report(c2.id, '2026-04-30', '15');
    await report(c2.id, '2026-05-31', '30');
    await report(c2.id, '2026-06-30', '60');
    await pay(c2, 1);

    // 3. Finished, handed over (PHO), in its maintenance period.
    const v3 = await vendor('CV Sinar Meubel Jepara', '04.567.890.1-516.000', 'SMALL', '2045678901');
    const value3 = share(0.1);
    const c3 = await contract(await pkg('Pengadaan meubelair SMK N 2', 'GOODS', value3, ['0', '0', '0', '50', '100', '100', '100', '100', '100', '100', '100', '100']), v3,
      'KTR/003/DISDIKBUD/2026', value3, Money.ZERO, [{ percent: '100', progressThreshold: '100' }], '2026-06-30');
    await report(c3.id, '2026-04-30', '50');
    await report(c3.id, '2026-05-29', '100');
    await pay(c3, 1);
    await as('project-officer-a', (u) => this.lifecycle.handover(u, c3.id, { kind: 'PHO', date: '2026-05-29', number: 'BAST/PHO/003/2026' }));
    this.logger.log('e-project planning and e-delivery demo data seeded');
  }
}
