import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, Money, RequestContext, TransactionService } from '@grms/core';
import { randomUUID } from 'node:crypto';
import { CashPlansService } from '../cash-plans/cash-plans.service';
import { CeilingsService } from '../ceilings/ceilings.service';
import { DocumentItemsService } from '../documents/document-items.service';
import { DocumentWorkflowService } from '../documents/document-workflow.service';
import { DocumentsService } from '../documents/documents.service';
import { CEILINGS, DemoDocument, DPA_2026, RKA_2027 } from './budgeting-demo.data';

/** The value date of the demo's 2026 DPAs: the first working day of the year (decision 0510). */
export const DEMO_DPA_VALUE_DATE = '2026-01-02';

/** Twelve months: equal whole-rupiah months, the remainder in December. */
export function evenMonths(total: Money): string[] {
  const month = Money.fromDecimal(total.toDecimal().dividedBy(12)).floorRupiah();
  return [...Array(11).fill(month.toString()), total.minus(month.times(11)).toString()];
}

// Demo budgets through the services, as the demo users would do it: ceilings
// by the verifier, 2026 MURNI documents drafted by the planners and approved
// by the verifier (approval posts the appropriation), cash plans for their
// lines, and a 2027 round in progress. Idempotent: an existing document for a
// sub kegiatan is left alone, a ceiling is only set when it differs.
@Injectable()
export class BudgetingDemoSeeder {
  private readonly logger = new Logger('BudgetingDemoSeed');

  constructor(
    private readonly tx: TransactionService, private readonly ceilings: CeilingsService, private readonly docs: DocumentsService,
    private readonly items: DocumentItemsService, private readonly flow: DocumentWorkflowService, private readonly cashPlans: CashPlansService,
  ) {}

  async seed(): Promise<void> {
    const users: AuthUser[] = await this.tx.run((m) => m.query(`SELECT id, username, roles, organization_id AS "organizationId" FROM users WHERE username LIKE 'planner-%' OR username = 'verifier'`));
    const byName = new Map(users.map((u) => [u.username, u]));
    const orgRows: { id: string; code: string }[] = await this.tx.run((m) => m.query(`SELECT id, code FROM organizations`));
    const org = new Map(orgRows.map((o) => [o.code, o.id]));
    const as = <T>(username: string, fn: (u: AuthUser) => Promise<T>): Promise<T> => {
      const user = byName.get(username);
      if (!user) throw new Error(`demo user ${username} is missing`);
      return RequestContext.run({ requestId: `seed-${randomUUID()}`, user }, () => fn(user));
    };

    for (const c of CEILINGS) {
      const [cur] = await this.tx.run((m) => m.query(`SELECT amount FROM budget_ceilings WHERE fiscal_year = $1 AND organization_id = $2 AND program_code IS NULL`, [c.year, org.get(c.org)]));
      if (!cur || !Money.of(cur.amount).eq(Money.of(c.amount))) await as('verifier', () => this.ceilings.set({ fiscalYear: c.year, organizationId: org.get(c.org)!, amount: c.amount }));
    }
    // the demo DPAs take effect at the start of the year, so every month's reports (the RFK of a past month) show their budget (decision 0510)
    const today: string = (await this.tx.run((m) => m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`)))[0].d;
    const valueDate = DEMO_DPA_VALUE_DATE <= today ? DEMO_DPA_VALUE_DATE : undefined;
    for (const d of DPA_2026) {
      const id = await this.draft(as, org.get(d.org)!, 2026, d);
      if (!id) continue;
      await as(d.planner, (u) => this.flow.submit(u, id));
      const approved = (await as('verifier', (u) => this.flow.approve(u, id, { valueDate }))).value();
      const lines: { id: string; appropriated: string }[] = await this.tx.run((m) => m.query(
        `SELECT id, appropriated::text FROM budget_lines WHERE fiscal_year = 2026 AND organization_id = $1 AND sub_activity_code = $2 AND appropriated > 0`,
        [approved.organizationId, approved.subActivityCode]));
      for (const l of lines) await as(d.planner, (u) => this.cashPlans.put(u, l.id, { months: evenMonths(Money.of(l.appropriated)) }));
    }
    for (const d of RKA_2027) {
      const id = await this.draft(as, org.get(d.org)!, 2027, d);
      if (id && d.submit) await as(d.planner, (u) => this.flow.submit(u, id));
    }
  }

  /** Creates and fills a MURNI document; null when the sub kegiatan already has one. */
  private async draft(as: <T>(u: string, fn: (u: AuthUser) => Promise<T>) => Promise<T>, organizationId: string, fiscalYear: number, d: DemoDocument): Promise<string | null> {
    const [exists] = await this.tx.run((m) => m.query(`SELECT 1 FROM budget_documents WHERE fiscal_year = $1 AND organization_id = $2 AND sub_activity_code = $3`, [fiscalYear, organizationId, d.subActivityCode]));
    if (exists) return null;
    const codes = d.items.map((i) => i.hsb).filter((c): c is string => !!c);
    const hsb: { id: string; code: string }[] = await this.tx.run((m) => m.query(`SELECT id, code FROM hsb_items WHERE fiscal_year = $1 AND code = ANY($2::text[])`, [fiscalYear, codes]));
    const hsbId = new Map(hsb.map((h) => [h.code, h.id]));
    return as(d.planner, async (u) => this.tx.run(async () => {
      const doc = await this.docs.create(u, { fiscalYear, organizationId, subActivityCode: d.subActivityCode, stage: 'MURNI' });
      for (const i of d.items) {
        await this.items.add(u, doc.id, { accountCode: i.account, fundingSourceCode: i.source, hsbItemId: i.hsb ? hsbId.get(i.hsb) : undefined,
          description: i.description, coefficients: i.coefficients.map(([quantity, unit]) => ({ quantity, unit })), unitPrice: i.unitPrice, vat: i.vat ?? false });
      }
      this.logger.log(`${fiscalYear} ${d.subActivityCode}: ${d.items.length} items drafted`);
      return doc.id;
    }));
  }
}
