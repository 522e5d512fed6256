import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, Money, RequestContext, TransactionService } from '@grms/core';
import { CashPlansService } from '@grms/e-budgeting';
import { randomUUID } from 'node:crypto';
import { BkuService } from '../bku/bku.service';
import { ReceiptsService } from '../receipts/receipts.service';
import { Sp2dService } from '../sp2d/sp2d.service';
import { TaxDepositsService } from '../tax-deposits/tax-deposits.service';
import { SpdService } from '../spd/spd.service';
import { SpjService } from '../spj/spj.service';
import { SpmService } from '../spm/spm.service';
import { SppWorkflowService } from '../spp/spp-workflow.service';
import { SppService } from '../spp/spp.service';

const SPLIT = (total: Money): string[] => {
  const month = Money.fromDecimal(total.toDecimal().dividedBy(12)).floorRupiah();
  return [...Array(11).fill(month.toString()), total.minus(month.times(11)).toString()];
};

// Demo data for e-penatausahaan, through the services as the demo users would
// do it: 2026 cash plans where missing, SPDs for OPD A, an LS payment with
// taxes, a UP advance spent by receipts (bukti) gathered by an SPJ, a tax deposit,
// the GU replenishment, and BKU entries.
// Idempotent: does nothing when OPD A already has an SPD.
@Injectable()
export class PenatausahaanDemoSeeder {
  private readonly logger = new Logger('PenatausahaanDemoSeed');

  constructor(
    private readonly tx: TransactionService, private readonly cashPlans: CashPlansService, private readonly spd: SpdService,
    private readonly spp: SppService, private readonly sppFlow: SppWorkflowService, private readonly spm: SpmService,
    private readonly sp2d: Sp2dService, private readonly spj: SpjService, private readonly bku: BkuService,
    private readonly receipts: ReceiptsService, private readonly deposits: TaxDepositsService,
  ) {}

  async seed(orgA: string): Promise<void> {
    const users = await this.tx.run(async (m) => {
      const rows: AuthUser[] = await m.query(`SELECT id, username, roles, organization_id AS "organizationId" FROM users WHERE username = ANY($1)`,
        [['planner-a', 'treasurer-a', 'finance-officer-a', 'budget-user-a', 'cash-authority', 'cash-authority-2']]);
      return new Map(rows.map((u) => [u.username, u]));
    });
    if (users.size < 6) { this.logger.warn('demo users missing; e-penatausahaan demo data skipped'); return; }
    const existing = await this.tx.run((m) => m.query(`SELECT 1 FROM spd WHERE organization_id = $1 AND fiscal_year = 2026 LIMIT 1`, [orgA]));
    if (existing.length) return;
    const as = <T>(username: string, fn: (u: AuthUser) => Promise<T>): Promise<T> => {
      const user = users.get(username)!;
      return RequestContext.run({ requestId: `seed-${randomUUID()}`, user }, () => fn(user));
    };
    const all: { id: string; appropriated: string; accountCode: string; hasPlan: boolean }[] = await this.tx.run((m) => m.query(
      `SELECT b.id, b.appropriated::text, b.account_code AS "accountCode", (c.budget_line_id IS NOT NULL AND c.total = b.appropriated) AS "hasPlan"
       FROM budget_lines b LEFT JOIN cash_plans c ON c.budget_line_id = b.id
       WHERE b.fiscal_year = 2026 AND b.organization_id = $1 AND b.appropriated >= 24000000 ORDER BY b.appropriated, b.id`, [orgA]));
    // Two lines: the smallest goods-and-services line for the advances, the largest other line for LS.
    const goods = all.find((l) => l.accountCode.startsWith('5.1.02.'));
    const ls = [...all].reverse().find((l) => l.id !== goods?.id);
    if (!goods || !ls) { this.logger.warn('OPD A has too few 2026 lines; e-penatausahaan demo data skipped'); return; }
    const lines = [goods, ls];
    for (const l of lines) {
      if (!l.hasPlan) await as('planner-a', (u) => this.cashPlans.put(u, l.id, { months: SPLIT(Money.of(l.appropriated)) }));
    }
    // SPD to June: half the year's plan, as cash authority, approved by the second one.
    const plans = await this.tx.run((m) => this.cashPlans.cumulative(m, lines.map((l) => l.id), 6));
    const spd = await as('cash-authority', (u) => this.spd.create(u, { fiscalYear: 2026, organizationId: orgA, month: 6,
      lines: lines.map((l) => ({ budgetLineId: l.id, amount: plans.get(l.id)!.toString() })) }));
    await as('cash-authority-2', (u) => this.spd.approve(u, spd.id));

    const pay = async (sppId: string): Promise<string> => {
      await as('treasurer-a', (u) => this.sppFlow.submit(u, sppId));
      const spm = await as('finance-officer-a', (u) => this.spm.create(u, { sppId }));
      await as('budget-user-a', (u) => this.spm.approve(u, spm.id));
      return (await as('cash-authority', (u) => this.sp2d.issue(u, { spmId: spm.id }))).id;
    };
    // LS to a supplier with PPN and PPh 22 withheld.
    const lsSpp = await as('treasurer-a', (u) => this.spp.create(u, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: ls.id, amount: '10000000.00' }],
      payee: { name: 'CV Sinar Komputer Semarang', npwp: '01.234.567.8-517.000', bankName: 'Bank Jateng', bankAccount: '2012345678', vatRegistered: true },
      purpose: 'Pengadaan komputer untuk ruang guru', lsSubtype: 'GOODS_SERVICES', taxes: [{ code: 'PPN' }, { code: 'PPH22' }] }));
    await pay(lsSpp.id);
    // UP advance, spent and accounted by an SPJ, then replenished by GU.
    const treasurerAccount = { name: 'Bendahara Pengeluaran Disdikbud', bankName: 'Bank Jateng', bankAccount: '2019876543' };
    const up = await as('treasurer-a', (u) => this.spp.create(u, { type: 'UP', organizationId: orgA, lines: [{ budgetLineId: goods.id, amount: '5000000.00' }], payee: treasurerAccount }));
    const upSp2d = await pay(up.id);
    const today = await this.tx.run(async (m) => (await m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`))[0].d as string);
    // Spending from the advance: receipts (bukti) on their day, then the SPJ gathers them (only while 2026 is the calendar year).
    let spjBody: { organizationId: string; advanceSp2dId: string; receiptIds?: string[]; lines?: { budgetLineId: string; amount: string; description: string }[] };
    if (today.startsWith('2026')) {
      await as('treasurer-a', (u) => this.bku.createEntry(u, { organizationId: orgA, entryDate: today, subLedger: 'BANK', direction: 'OUT', toSubLedger: 'CASH', amount: '500000.00', description: 'penarikan kas tunai' }));
      const receipt = (number: string, gross: string, medium: 'CASH' | 'BANK', payee: { name: string; npwp?: string; vatRegistered?: boolean }, taxes: string[], description: string) =>
        as('treasurer-a', (u) => this.receipts.create(u, { organizationId: orgA, advanceSp2dId: upSp2d, receiptDate: today, number, payee, budgetLineId: goods.id, gross, medium, description,
          taxes: taxes.map((code) => ({ code })) }));
      const r1 = await receipt('BKT-0001', '2997000.00', 'BANK', { name: 'CV Sinar Abadi', npwp: '02.345.678.9-517.000', vatRegistered: true }, ['PPN', 'PPH22'], 'kertas HVS dan tinta printer');
      const r2 = await receipt('BKT-0002', '253000.00', 'CASH', { name: 'Toko Murah' }, [], 'alat tulis kantor');
      spjBody = { organizationId: orgA, advanceSp2dId: upSp2d, receiptIds: [r1.id, r2.id] };
      const ppn = r1.taxes.find((x) => x.code === 'PPN')!;
      await as('treasurer-a', (u) => this.deposits.create(u, { organizationId: orgA, taxCode: 'PPN', amount: ppn.amount, depositDate: today, billingCode: '820260300000001', ntpn: 'DEMO0000PPN00001' }));
    } else {
      spjBody = { organizationId: orgA, advanceSp2dId: upSp2d, lines: [{ budgetLineId: goods.id, amount: '3250000.00', description: 'alat tulis kantor, kuitansi 1-14' }] };
    }
    const spj = await as('treasurer-a', (u) => this.spj.create(u, spjBody));
    await as('budget-user-a', (u) => this.spj.approve(u, spj.id));
    const gu = await as('treasurer-a', (u) => this.spp.create(u, { type: 'GU', organizationId: orgA, spjId: spj.id, lines: [{ budgetLineId: goods.id, amount: '3250000.00' }], payee: treasurerAccount }));
    await pay(gu.id);
    this.logger.log('e-penatausahaan demo data seeded');
  }
}
