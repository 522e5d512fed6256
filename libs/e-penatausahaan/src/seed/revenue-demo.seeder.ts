import { Injectable, Logger } from '@nestjs/common';
import { AuditService, AuthUser, hashPassword, RequestContext, TransactionService } from '@grms/core';
import { DocumentItemsService, DocumentKind, DocumentsService, DocumentWorkflowService } from '@grms/e-budgeting';
import { randomUUID } from 'node:crypto';
import { StsService } from '../sts/sts.service';
import { FinancingService } from '../treasury/financing.service';

const ORG_A = '1.01.0.00.0.00.01.0000';
const BPKAD = '5.02.0.00.0.00.01.0000';

interface DemoEstimate { account: string; source: string; description: string; months: string; perMonth: string }
interface DemoRevenueDocument { org: string; planner: string; kind: DocumentKind; subActivityCode: string; items: DemoEstimate[] }

/** 2026 revenue and financing budgets: OPD A's service charges, BPKAD's SiLPA and a capital participation. */
export const REVENUE_2026: DemoRevenueDocument[] = [
  { org: ORG_A, planner: 'planner-a', kind: 'REVENUE', subActivityCode: 'X.XX.01.1.04.0001', items: [
    { account: '4.1.02.02.01.004', source: '1.1.2.02', description: 'Retribusi pemakaian laboratorium SMA/SMK', months: '12', perMonth: '12500000' },
  ] },
  { org: BPKAD, planner: 'planner-bpkad', kind: 'FINANCING', subActivityCode: 'X.XX.01.1.02.0003', items: [
    { account: '6.1.01.05.01.007', source: '1.2.1.01.02', description: 'SiLPA 2025: penghematan belanja barang', months: '1', perMonth: '40000000000' },
    { account: '6.1.01.01.01.001', source: '1.2.1.01.02', description: 'SiLPA 2025: pelampauan penerimaan PKB', months: '1', perMonth: '10000000000' },
    { account: '6.2.02.02.01.001', source: '1.2.1.01.02', description: 'Penyertaan modal Bank Jateng', months: '1', perMonth: '5000000000' },
  ] },
];

/** Financing realised by the regional treasurer: the SiLPA on 1 January, part of the capital participation in June. */
const FINANCING_2026 = [
  { account: '6.1.01.05.01.007', date: '2026-01-01', amount: '40000000000', description: 'SiLPA 2025 menurut LKPD audited: penghematan belanja barang' },
  { account: '6.1.01.01.01.001', date: '2026-01-01', amount: '10000000000', description: 'SiLPA 2025 menurut LKPD audited: pelampauan PKB' },
  { account: '6.2.02.02.01.001', date: '2026-06-30', amount: '2000000000', description: 'Penyertaan modal Bank Jateng tahap I' },
];

/** Deposits (STS) by OPD A's revenue treasurer. */
const DEPOSITS_2026 = [
  { receivedOn: '2026-01-28', depositDate: '2026-01-30', amount: '12500000', payer: 'SMA Negeri 1 Semarang', description: 'Retribusi pemakaian laboratorium Januari 2026' },
  { receivedOn: '2026-02-26', depositDate: '2026-02-27', amount: '12500000', payer: 'SMK Negeri 2 Semarang', description: 'Retribusi pemakaian laboratorium Februari 2026' },
  { receivedOn: '2026-03-31', depositDate: '2026-03-31', amount: '11750000', payer: 'SMA Negeri 3 Semarang', description: 'Retribusi pemakaian laboratorium Maret 2026' },
];

// Demo revenue and financing (issue 8), through the services as the demo users
// would do it: OPD A's revenue RKA and BPKAD's financing approved by the
// budget team (approval posts ESTIMATE), the SiLPA realised by the regional
// treasurer on 1 January (so the treasury can pay the demo's SP2Ds), deposits
// by OPD A's revenue treasurer. Adds planner-bpkad (PLANNER of BPKAD, password
// grms-demo). Idempotent: does nothing once OPD A has a revenue document.
@Injectable()
export class RevenueDemoSeeder {
  private readonly logger = new Logger('RevenueDemoSeed');

  constructor(
    private readonly tx: TransactionService, private readonly audit: AuditService, private readonly docs: DocumentsService,
    private readonly items: DocumentItemsService, private readonly flow: DocumentWorkflowService, private readonly sts: StsService,
    private readonly financing: FinancingService,
  ) {}

  async seed(): Promise<void> {
    const org = new Map<string, string>((await this.tx.run((m) => m.query(`SELECT code, id FROM organizations WHERE code = ANY($1)`, [[ORG_A, BPKAD]])))
      .map((o: { code: string; id: string }) => [o.code, o.id]));
    if (org.size < 2) { this.logger.warn('demo organizations missing; revenue demo data skipped'); return; }
    const [done] = await this.tx.run((m) => m.query(`SELECT 1 FROM budget_documents WHERE fiscal_year = 2026 AND organization_id = $1 AND kind = 'REVENUE'`, [org.get(ORG_A)]));
    if (done) return;
    await this.plannerOfBpkad(org.get(BPKAD)!);
    const users = new Map<string, AuthUser>((await this.tx.run((m) => m.query(
      `SELECT id, username, roles, organization_id AS "organizationId" FROM users WHERE username = ANY($1)`,
      [['planner-a', 'planner-bpkad', 'verifier', 'cash-authority', 'revenue-treasurer-a']]))).map((u: AuthUser) => [u.username, u]));
    if (users.size < 5) { this.logger.warn('demo users missing; revenue demo data skipped'); return; }
    const as = <T>(username: string, fn: (u: AuthUser) => Promise<T>): Promise<T> =>
      RequestContext.run({ requestId: `seed-${randomUUID()}`, user: users.get(username)! }, () => fn(users.get(username)!));

    for (const d of REVENUE_2026) {
      const id = await as(d.planner, async (u) => this.tx.run(async () => {
        const doc = await this.docs.create(u, { fiscalYear: 2026, organizationId: org.get(d.org)!, subActivityCode: d.subActivityCode, stage: 'MURNI', kind: d.kind });
        for (const i of d.items) {
          await this.items.add(u, doc.id, { accountCode: i.account, fundingSourceCode: i.source, description: i.description,
            coefficients: [{ quantity: i.months, unit: i.months === '1' ? 'tahun' : 'bulan' }], unitPrice: i.perMonth, vat: false });
        }
        return doc.id;
      }));
      await as(d.planner, (u) => this.flow.submit(u, id));
      await as('verifier', (u) => this.flow.approve(u, id));
    }
    const lines = new Map<string, string>((await this.tx.run((m) => m.query(
      `SELECT account_code, id FROM budget_lines WHERE fiscal_year = 2026 AND organization_id = ANY($1::uuid[]) AND account_code NOT LIKE '5.%'`, [[...org.values()]])))
      .map((l: { account_code: string; id: string }) => [l.account_code, l.id]));
    for (const f of FINANCING_2026) {
      await as('cash-authority', (u) => this.financing.realize(u, { budgetLineId: lines.get(f.account)!, realizedOn: f.date, amount: f.amount, description: f.description }));
    }
    for (const s of DEPOSITS_2026) {
      await as('revenue-treasurer-a', (u) => this.sts.create(u, { organizationId: org.get(ORG_A)!, accountCode: '4.1.02.02.01.004', ...s }));
    }
    this.logger.log('2026 revenue estimates, financing (SiLPA) and deposits seeded');
  }

  private async plannerOfBpkad(bpkad: string): Promise<void> {
    const hash = await hashPassword('grms-demo');
    await this.tx.run(async (m) => {
      const ins = await m.query(
        `INSERT INTO users (username, password_hash, full_name, roles, organization_id) VALUES ('planner-bpkad', $1, 'Perencana BPKAD', ARRAY['PLANNER'], $2)
         ON CONFLICT (lower(username)) DO NOTHING RETURNING id`, [hash, bpkad]);
      if (ins.length) this.audit.record({ action: 'USER.CREATE', entityType: 'User', entityId: ins[0].id, after: { username: 'planner-bpkad', roles: ['PLANNER'] } });
    });
  }
}
