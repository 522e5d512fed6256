import { AUDIT_KEYS, AuditKeys, flushAudit, PendingAuditEvent } from '@grms/core';
import { Agent, request } from 'node:http';
import { PoolClient } from 'pg';
import { EntityManager } from 'typeorm';
import { ApiProcess, startApiProcess } from './api-process';
import { Benchmark, BenchContext } from './bench-context';
import { cpuOf } from './sp2d-cpu';
import { settled } from './settled';
import { ms, ratio, stats, timeIt } from './stats';

const ITEMS = 500;
const ROUNDS = 5;
// past PostgreSQL's five custom plans of each prepared statement on the connection (the pool hands the last one back)
const WARMUPS = 6;
const BALANCES = ['appropriated', 'allotted', 'committed', 'disbursed', 'estimated', 'realized'] as const;

// Prepares a SUBMITTED 500-item MURNI document for a generated OPD in 2027:
// document through the API, items in bulk SQL (setup, not measured), submit
// through the API so every check runs.
async function submittedDocument(ctx: BenchContext, org: string, sub: string): Promise<string> {
  const doc = await ctx.api('POST', '/budgeting/documents', 'bench-planner', { fiscalYear: 2027, organizationId: org, subActivityCode: sub, stage: 'MURNI' });
  if (doc.status !== 201) throw new Error(`create document: ${doc.status} ${JSON.stringify(doc.body)}`);
  const id = (doc.body as { id: string }).id;
  await ctx.pool.query(`
    WITH acc AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM code_list_entries WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = 2027) AND list = 'accounts' AND leaf AND level = 6 AND code LIKE '5.1.02.01.01.%' LIMIT 25)
    INSERT INTO budget_document_items (document_id, account_code, funding_source_code, description, coefficients, volume, volume_unit, unit_price, vat, vat_rate, subtotal, vat_amount, total)
    SELECT $1, acc.code, '1.2.1.01.02', 'Belanja ' || g, '[{"quantity":"2","unit":"paket"}]', 2, 'paket', 150000 + g, false, 0, 2 * (150000 + g), 0, 2 * (150000 + g)
    FROM generate_series(1, $2) g JOIN acc ON acc.i = g % 25`, [id, ITEMS]);
  await ctx.pool.query(`UPDATE budget_documents SET total = (SELECT sum(total) FROM budget_document_items WHERE document_id = $1) WHERE id = $1`, [id]);
  const s = await ctx.api('POST', `/budgeting/documents/${id}/submit`, 'bench-planner', {});
  if (s.status >= 300) throw new Error(`submit: ${s.status} ${JSON.stringify(s.body)}`);
  return id;
}

// What approval must write, as one raw SQL transaction: the lines, their
// locks, the entries, the balances, the document state and, with `audit`,
// the audit records the API writes (one per line with its balances before and
// after and its entry, one for the document), through the API's own audit
// statement and key. Without `audit`: the baseline of the runs before
// decision 0235, which left them out.
async function approveBySql(ctx: BenchContext, docId: string, verifierId: string, audit = true): Promise<void> {
  const c = await ctx.pool.connect();
  try {
    await c.query('BEGIN');
    const [doc] = (await c.query(`SELECT * FROM budget_documents WHERE id = $1 FOR UPDATE`, [docId])).rows;
    await c.query(`
      INSERT INTO budget_lines (fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code)
      SELECT DISTINCT $2::int, $3::uuid, $4, account_code, funding_source_code FROM budget_document_items WHERE document_id = $1
      ON CONFLICT DO NOTHING`, [docId, doc.fiscal_year, doc.organization_id, doc.sub_activity_code]);
    const lines = (await c.query(`
      SELECT l.id, s.total, ${BALANCES.map((b) => `l.${b}`).join(', ')} FROM (SELECT account_code, funding_source_code, sum(total) AS total FROM budget_document_items WHERE document_id = $1 GROUP BY 1, 2) s
      JOIN budget_lines l ON l.fiscal_year = $2 AND l.organization_id = $3 AND l.sub_activity_code = $4 AND l.account_code = s.account_code AND l.funding_source_code = s.funding_source_code
      ORDER BY l.id FOR UPDATE OF l`, [docId, doc.fiscal_year, doc.organization_id, doc.sub_activity_code])).rows;
    const entries = (await c.query(`INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, actor_id)
      SELECT unnest($1::uuid[]), 'APPROPRIATION', unnest($2::numeric[]), 'BudgetDocument', $3, $4
      RETURNING id, budget_line_id, kind, amount, value_date::text AS value_date`, [lines.map((l) => l.id), lines.map((l) => l.total), docId, verifierId])).rows;
    const after = (await c.query(`UPDATE budget_lines b SET appropriated = appropriated + v.total, entry_count = entry_count + 1 FROM unnest($1::uuid[], $2::numeric[]) v(id, total) WHERE b.id = v.id
      RETURNING b.id, ${BALANCES.map((x) => `b.${x}`).join(', ')}`, [lines.map((l) => l.id), lines.map((l) => l.total)])).rows;
    await c.query(`UPDATE budget_documents SET status = 'APPROVED', approved_by = $2, approved_at = now() WHERE id = $1`, [docId, verifierId]);
    await c.query(`INSERT INTO budget_document_events (document_id, action, from_status, to_status, total, item_count, actor_id) VALUES ($1, 'APPROVED', 'SUBMITTED', 'APPROVED', $2, $3, $4)`, [docId, doc.total, ITEMS, verifierId]);
    if (audit) await auditBySql(ctx, c, docId, doc.total, lines, entries, after, verifierId);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

type Row = Record<string, string>;

/**
 * One POST of `{}` (what `ctx.api` sends to the approval) over a kept-alive
 * socket; the time stops when the answer's last byte has arrived. The bytes
 * are returned as they came: the caller parses and checks them after the
 * timed part, as a client of the API pays for that, not the API.
 */
export function postUntilLastByte(url: string, token: string, agent: Agent): Promise<{ ms: number; status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const t0 = performance.now();
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': '2' } }, (res) => {
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** Throws unless the approval answered 200 with the approved document's detail and its items. */
export function checkApproved(docId: string, status: number, body: Buffer): void {
  const doc = status === 200 ? (JSON.parse(body.toString('utf8')) as { id?: string; status?: string; items?: unknown[] }) : null;
  if (!doc || doc.id !== docId || doc.status !== 'APPROVED' || doc.items?.length !== ITEMS) {
    throw new Error(`approve in the API's own process: ${status} ${body.toString('utf8').slice(0, 300)}`);
  }
}


// The approval's audit records as the API writes them: one statement at the end of the transaction, each record keyed.
async function auditBySql(ctx: BenchContext, c: PoolClient, docId: string, total: string, before: Row[], entries: Row[], after: Row[], verifierId: string): Promise<void> {
  const balances = (r: Row) => Object.fromEntries(BALANCES.map((b) => [b, r[b]]));
  const actor = { actorId: verifierId, actorUsername: 'verifier', requestId: null };
  const events: PendingAuditEvent[] = before.map((l) => ({
    ...actor, action: 'LEDGER.POST', entityType: 'BudgetLine', entityId: l.id, before: balances(l),
    after: { ...balances(after.find((a) => a.id === l.id)!), entries: entries.filter((e) => e.budget_line_id === l.id)
      .map((e) => ({ id: e.id, kind: e.kind, amount: e.amount, valueDate: e.value_date, sourceType: 'BudgetDocument', sourceId: docId, reversesEntryId: null })) },
  }));
  events.push({ ...actor, action: 'BUDGET_DOCUMENT.APPROVED', entityType: 'BudgetDocument', entityId: docId, before: { status: 'SUBMITTED', total }, after: { status: 'APPROVED', total, reason: null } });
  const m = { query: (sql: string, params: unknown[]) => c.query(sql, params).then((r) => r.rows) } as unknown as EntityManager;
  await flushAudit(m, events, ctx.app.get<symbol, AuditKeys>(AUDIT_KEYS).hmacKey);
}

/** The samples of one run of the row, in ms, one per round in each list. */
export interface RkaApprovalSamples {
  /** the API in the bench's process, through `ctx.api` (fetch, text, JSON.parse) */
  api: number[];
  /** the API in its own process, until the answer's last byte */
  ownApi: number[];
  /** that process's CPU (user + system) during each of its approvals */
  ownCpu: number[];
  /** the same writes in SQL, audit records included */
  sql: number[];
  /** the same writes in SQL without the audit records */
  bare: number[];
}

/**
 * The row's measurement: `rounds` rounds of four approvals, each of a fresh
 * submitted 500-item document (the two API approvals in turn first), after
 * `warmups` approvals of the API in its own process not counted. Runs again on
 * the same database (a copy of the province, decision 0238): the bench user
 * once, sub-activities that have no 2027 document of the OPD.
 */
export async function measureRkaApprovals(ctx: BenchContext, rounds: number, warmups: number): Promise<RkaApprovalSamples> {
  const [org] = (await ctx.pool.query(`SELECT id FROM organizations WHERE code LIKE '91.%' ORDER BY code LIMIT 1`)).rows;
  const exists = (await ctx.pool.query(`SELECT 1 FROM users WHERE username = 'bench-planner'`)).rowCount;
  const created = exists ? null : await ctx.api('POST', '/users', 'admin', { username: 'bench-planner', password: 'quarterly ledger passphrase 2027', fullName: 'Bench Planner', roles: ['PLANNER'], organizationId: org.id });
  if (created && created.status !== 201) throw new Error(`bench user: ${created.status} ${JSON.stringify(created.body)}`);
  // the bench logs every account in with the demo password, which the API refuses for new users: copy the demo hash
  await ctx.pool.query(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'planner-a') WHERE username = 'bench-planner'`);
  await ctx.api('POST', '/budgeting/ceilings', 'verifier', { fiscalYear: 2027, organizationId: org.id, amount: '999999999999.00' });
  const subs = (await ctx.pool.query(`SELECT code FROM code_list_entries WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = 2027) AND list = 'nomenclature' AND leaf AND level = 5
    AND code NOT IN (SELECT sub_activity_code FROM budget_documents WHERE organization_id = $2 AND fiscal_year = 2027) ORDER BY code DESC LIMIT $1`, [rounds * 4 + warmups, org.id])).rows.map((r) => r.code as string);
  const [verifier] = (await ctx.pool.query(`SELECT id FROM users WHERE username = 'verifier'`)).rows;
  // The API as production runs it (decision 0238): alone in its process with the heap flags of `npm start`
  // (decision 0056), the client in this one. The in-process figure is kept beside it: there the bench's
  // fetch, the reading and the JSON.parse of the ~220 KB answer share the API's event loop.
  const own: ApiProcess = await startApiProcess(ctx.databaseUrl, ctx.dataDir!);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: RkaApprovalSamples = { api: [], ownApi: [], ownCpu: [], sql: [], bare: [] };
  try {
    const ownToken = await own.token('verifier');
    const approveOwn = async (id: string) => {
      const t0 = cpuOf(own.pid);
      const res = await postUntilLastByte(`${own.baseUrl}/budgeting/documents/${id}/approve`, ownToken, agent);
      const cpu = cpuOf(own.pid) - t0;
      checkApproved(id, res.status, res.body);
      return { ms: res.ms, cpu };
    };
    const approveInProcess = async (id: string) => timeIt(async () => {
      const res = await ctx.api('POST', `/budgeting/documents/${id}/approve`, 'verifier', {});
      if (res.status >= 300) throw new Error(`approve: ${res.status} ${JSON.stringify(res.body)}`);
    });
    // the process's first approvals compile the route's code: not counted
    for (let w = 0; w < warmups; w++) await approveOwn(await submittedDocument(ctx, org.id, subs[4 * rounds + w]));
    for (let r = 0; r < rounds; r++) {
      const a = await submittedDocument(ctx, org.id, subs[4 * r]);
      const d = await submittedDocument(ctx, org.id, subs[4 * r + 3]);
      const ownFirst = r % 2 === 1;
      // each step is timed once every audit record written before it is chained (the setup's and the last step's):
      // the sequencer's batch then runs beside no timed step (decision 0238, last section)
      if (!ownFirst) out.api.push(await settled(ctx, 'audit_pending').then(() => approveInProcess(a)));
      await settled(ctx, 'audit_pending');
      const o = await approveOwn(d);
      out.ownApi.push(o.ms);
      out.ownCpu.push(o.cpu);
      if (ownFirst) out.api.push(await settled(ctx, 'audit_pending').then(() => approveInProcess(a)));
      const b = await submittedDocument(ctx, org.id, subs[4 * r + 1]);
      await settled(ctx, 'audit_pending');
      out.sql.push(await timeIt(() => approveBySql(ctx, b, verifier.id)));
      const c = await submittedDocument(ctx, org.id, subs[4 * r + 2]);
      await settled(ctx, 'audit_pending');
      out.bare.push(await timeIt(() => approveBySql(ctx, c, verifier.id, false)));
    }
  } finally {
    agent.destroy();
    await own.stop();
  }
  return out;
}

export const rkaApprovalBench: Benchmark = {
  name: 'Approve a 500-item RKA',
  async run(ctx) {
    const { api, ownApi, ownCpu, sql, bare } = await measureRkaApprovals(ctx, ROUNDS, WARMUPS);
    const A = stats(api);
    const O = stats(ownApi);
    const S = stats(sql);
    const B = stats(bare);
    return {
      name: this.name,
      rows: [
        [`API approval in its own process (${ITEMS} items, 25 budget lines; until the answer's last byte), median of ${ROUNDS}`, ms(O.p50)],
        ['raw SQL transaction with the same writes (audit records included), median', ms(S.p50)],
        ['ratio API in its own process / SQL', ratio(O.p50, S.p50)],
        ['the same SQL without the audit records (the baseline before decision 0235), median; API in its own process / it', `${ms(B.p50)}; ${ratio(O.p50, B.p50)}`],
        ['API process CPU per approval (user + system, from /proc, 10 ms ticks)', ms(ownCpu.reduce((x, y) => x + y, 0) / ROUNDS)],
        ['the figure before decision 0238: API in the bench\'s process (fetch, reading and JSON.parse of the answer on its event loop), median; / SQL with audit; / SQL without', `${ms(A.p50)}; ${ratio(A.p50, S.p50)}; ${ratio(A.p50, B.p50)}`],
      ],
      notes: [`The four run alternately, ${ROUNDS} rounds (the two API approvals in turn first). The API in its own process is started as \`npm start\` runs it (heap flags of decision 0056), warmed up by ${WARMUPS} approvals not counted; its time stops when the answer's last byte has arrived, the answer is parsed and checked after (decision 0238). The API approval also checks the ceiling, the four-eyes rule and every line invariant, and answers with the approved document's detail (its ${ITEMS} items, their JSON built by PostgreSQL in the transition's statement since decision 0237: a read the baseline does not make); the baseline writes the lines, entries, balances, document state, its event and the 26 audit records (one per line and one for the document, through the API's own audit statement and key), and reads nothing back. Each of the four is timed once every audit record written before it is chained (the setup's documents and the step before write records that the sequencer chains after their commit), so that no step shares the machine with that catch-up.`],
    };
  },
};
