import { AuditService, DATASET_LEDGER_DIGEST, RequestContext, TransactionService } from '@grms/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DELIVERY_STEPS, deliveryUsers } from './delivery-dataset';
import { MONEV_STEPS } from './monev-dataset';
import { PAYMENT_STEPS, paymentUsers } from './payments-dataset';
import { DATASET_STEPS, DatasetScale } from './province-dataset';
import { rebuildTreasuryCashDays } from '@grms/e-penatausahaan';
import { REVENUE_STEPS, revenueTreasurer } from './revenue-dataset';

export interface GenerateOptions {
  scale: DatasetScale;
  fiscalYear: number;
  prefix: string;
  /** also a year of payments (SPD, LS SPP/SPM/SP2D); default true */
  payments?: boolean;
  onStep?: (label: string, index: number, total: number) => void;
}

export type DatasetCounts = {
  organizations: number; documents: number; budgetLines: number; items: number; paymentLines: number; sp2d: number;
  packages: number; contracts: number; progressReports: number;
};

/** Runs every step in one transaction; one audit record names the data set. */
export async function generateDataset(ds: DataSource, tx: TransactionService, audit: AuditService, o: GenerateOptions): Promise<DatasetCounts> {
  const [planner] = await ds.query(`SELECT id FROM users WHERE 'PLANNER' = ANY(roles) AND active ORDER BY username LIMIT 1`);
  const [verifier] = await ds.query(`SELECT id FROM users WHERE 'BUDGET_VERIFIER' = ANY(roles) AND active ORDER BY username LIMIT 1`);
  if (!planner || !verifier) throw new Error('the data set needs a PLANNER and a BUDGET_VERIFIER user: run `grms seed:demo` first');
  const [exists] = await ds.query(`SELECT count(*)::int AS n FROM organizations WHERE code LIKE $1`, [`${o.prefix}.%`]);
  if (exists.n > 0) throw new Error(`a data set with prefix ${o.prefix} already exists; use --prefix to add another`);
  await ds.query(`INSERT INTO fiscal_years (year, status) VALUES ($1, 'EXECUTION') ON CONFLICT (year) DO NOTHING`, [o.fiscalYear]);
  // Statistics first: the row triggers of budget lines and items look codes up
  // through cached plans, and a plan made on never-analyzed tables scans the
  // whole code list per row (minutes instead of seconds; decision 0014).
  await ds.query('ANALYZE');
  return RequestContext.run({ requestId: `dataset-${randomUUID()}` }, () => tx.run(async (m) => {
    await m.query(`SET LOCAL synchronous_commit = off`);
    const [{ before }] = await m.query(`SELECT coalesce(max(seq), 0)::text AS before FROM ledger_entries`);
    const users = o.payments === false ? null : await paymentUsers(m);
    if (o.payments !== false && !users) throw new Error('payments need the demo users treasurer-a, finance-officer-a, finance-head-a, cash-authority, cash-authority-2: run `grms seed:demo` first');
    const delivery = users ? await deliveryUsers(m) : null;
    const total = DATASET_STEPS.length + (users ? PAYMENT_STEPS.length : 0) + (delivery ? DELIVERY_STEPS.length : 0) + MONEV_STEPS.length;
    for (const [i, step] of DATASET_STEPS.entries()) {
      o.onStep?.(step.label, i, total);
      await step.run(m, { scale: o.scale, fiscalYear: o.fiscalYear, prefix: o.prefix, plannerId: planner.id, verifierId: verifier.id });
    }
    // The budget just written in bulk, counted for the planner of the steps that follow.
    await m.query('ANALYZE organizations, hsb_items, budget_documents, budget_lines, budget_document_items, ledger_entries');
    // Revenue estimates and deposits (issue 8), so the treasury can pay the year's SP2Ds.
    const revenue = await revenueTreasurer(m);
    if (revenue) {
      for (const step of REVENUE_STEPS) {
        o.onStep?.(step.label, DATASET_STEPS.length, total);
        await step.run(m, { fiscalYear: o.fiscalYear, prefix: o.prefix, plannerId: planner.id, verifierId: verifier.id, revenueTreasurerId: revenue });
      }
    }
    if (users) {
      for (const [i, step] of PAYMENT_STEPS.entries()) {
        o.onStep?.(step.label, DATASET_STEPS.length + i, total);
        await step.run(m, { fiscalYear: o.fiscalYear, prefix: o.prefix, users });
      }
    }
    // Packages, contracts and progress (e-project planning, e-delivery) after the payments.
    if (delivery) {
      for (const [i, step] of DELIVERY_STEPS.entries()) {
        o.onStep?.(step.label, DATASET_STEPS.length + PAYMENT_STEPS.length + i, total);
        await step.run(m, { fiscalYear: o.fiscalYear, prefix: o.prefix, users: delivery });
      }
    }
    // The treasury's cash by day, from the SP2Ds and deposits written above in bulk (issue 8).
    await rebuildTreasuryCashDays(m, o.fiscalYear);
    // e-monev: indicators per budgeted row, TW I-III realisations.
    const [monevVerifier] = await m.query(`SELECT id FROM users WHERE 'MONEV_VERIFIER' = ANY(roles) AND active ORDER BY username LIMIT 1`);
    for (const [i, step] of MONEV_STEPS.entries()) {
      o.onStep?.(step.label, total - MONEV_STEPS.length + i, total);
      await step.run(m, { fiscalYear: o.fiscalYear, prefix: o.prefix, plannerId: planner.id, monevVerifierId: monevVerifier?.id ?? null });
    }
    const like = `${o.prefix}.%`;
    const [c] = await m.query(`
      SELECT (SELECT count(*) FROM organizations WHERE code LIKE $1)::int AS organizations,
             (SELECT count(*) FROM budget_documents d JOIN organizations o ON o.id = d.organization_id WHERE o.code LIKE $1)::int AS documents,
             (SELECT count(*) FROM budget_lines l JOIN organizations o ON o.id = l.organization_id WHERE o.code LIKE $1)::int AS "budgetLines",
             (SELECT count(*) FROM budget_document_items i JOIN budget_documents d ON d.id = i.document_id JOIN organizations o ON o.id = d.organization_id WHERE o.code LIKE $1)::int AS items,
             (SELECT count(*) FROM spp_lines sl JOIN spp s ON s.id = sl.spp_id JOIN organizations o ON o.id = s.organization_id WHERE o.code LIKE $1)::int AS "paymentLines",
             (SELECT count(*) FROM sp2d d JOIN organizations o ON o.id = d.organization_id WHERE o.code LIKE $1)::int AS sp2d,
             (SELECT count(*) FROM packages k JOIN organizations o ON o.id = k.organization_id WHERE o.code LIKE $1)::int AS packages,
             (SELECT count(*) FROM contracts k JOIN organizations o ON o.id = k.organization_id WHERE o.code LIKE $1)::int AS contracts,
             (SELECT count(*) FROM progress_reports r JOIN contracts k ON k.id = r.contract_id JOIN organizations o ON o.id = k.organization_id WHERE o.code LIKE $1)::int AS "progressReports"`, [like]);
    // The bulk ledger entries join the audit trail through this one keyed
    // record: their count, seq range and digest (decision 0021).
    const [ledgerEntries] = await m.query(`${DATASET_LEDGER_DIGEST} AND seq > $1`, [before]);
    audit.record({ action: 'DATASET.GENERATE', entityType: 'Dataset', entityId: `${o.scale.name}:${o.prefix}`, after: { scale: o.scale, fiscalYear: o.fiscalYear, prefix: o.prefix, counts: c, ledgerEntries } });
    return c as DatasetCounts;
  }));
}
