import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, Money, paramsFrom, RequestContext, TailStatement } from '@grms/core';
import { EntityManager } from 'typeorm';
import { apply, Balance, checkInvariants, fieldOf, kindFitsAccount } from './balance-rules';
import { LedgerKind, LineBalance, PostedEntry, Posting } from './ledger.types';

const toBalance = (r: LineBalance): Balance => ({
  appropriated: Money.of(r.appropriated), allotted: Money.of(r.allotted),
  committed: Money.of(r.committed), disbursed: Money.of(r.disbursed),
  estimated: Money.of(r.estimated), realized: Money.of(r.realized),
});
const fromBalance = (b: Balance) => ({
  appropriated: b.appropriated.toString(), allotted: b.allotted.toString(),
  committed: b.committed.toString(), disbursed: b.disbursed.toString(),
  estimated: b.estimated.toString(), realized: b.realized.toString(),
});

interface ClosedPeriod { valueDate: string; closedAt: string; closedBy: string }

/** Locked budget lines by id, with the closed months among the value dates asked (`lockLines`). */
export type LockedLines = Map<string, LineBalance & { closed?: ClosedPeriod[] | null }>;

const openDates = (valueDates: (string | undefined)[]) => [...new Set(valueDates.map((d) => d ?? null))];

// The closed months among the value dates of array parameter `p` (null: today).
const CLOSED_PERIODS_SQL = (p: string) => `
  SELECT d.value_date::text AS "valueDate", to_char(p.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "closedAt", u.username AS "closedBy"
  FROM (SELECT COALESCE(x, current_date) AS value_date FROM unnest(${p}::date[]) AS x) d
  JOIN ledger_periods p ON p.fiscal_year = extract(year FROM d.value_date)::int AND p.month = extract(month FROM d.value_date)::int
  JOIN users u ON u.id = p.closed_by`;

const periodClosed = (c: ClosedPeriod) => DomainError.conflict('PERIOD_CLOSED', `the ledger month ${c.valueDate.slice(0, 7)} was closed by ${c.closedBy} at ${c.closedAt}; nothing can post with value date ${c.valueDate}. Post a correction dated in an open month that names the entry it corrects`);

// The one service that posts to the ledger. It runs inside the caller's
// transaction, locks the balance rows it changes (in id order, so concurrent
// posters cannot deadlock on each other), checks the invariants with the
// arithmetic in any refusal, updates the balances and appends the entries.
// CHECK constraints on budget_lines are the backstop.
@Injectable()
export class LedgerService {
  constructor(private readonly audit: AuditService) {}

  /** Locks the lines in id order; with `valueDates`, each row also carries the closed months among them (`closed`). */
  async lockLines(m: EntityManager, ids: string[], valueDates?: (string | undefined)[]): Promise<LockedLines> {
    const { sql, params } = this.lockLinesStatement(ids, valueDates);
    return this.lockedLines(ids, await m.query(sql, params));
  }

  /**
   * `lockLines` as a statement to run inside another (decision 0029): the caller sends it as a subquery of its
   * own statement and hands the rows it answered to `lockedLines`, then to `post` as `locked`. `after`: a
   * condition on the enclosing statement's rows, so that the subquery (a LATERAL one) runs once they are
   * there, and the lines are locked after whatever the enclosing statement locks first.
   */
  lockLinesStatement(ids: string[], valueDates?: (string | undefined)[], after?: string): TailStatement {
    const unique = [...new Set(ids)].sort();
    return {
      sql: `SELECT id, appropriated, allotted, committed, disbursed, estimated, realized, account_code AS "accountCode"
         ${valueDates ? `, (SELECT json_agg(c) FROM (${CLOSED_PERIODS_SQL('$2')}) c) AS closed` : ''}
       FROM budget_lines WHERE id = ANY($1::uuid[])${after ? ` AND ${after}` : ''} ORDER BY id FOR UPDATE`,
      params: valueDates ? [unique, openDates(valueDates)] : [unique],
    };
  }

  /** The rows of `lockLinesStatement` by line; a line not among them is unknown. */
  lockedLines(ids: string[], rows: (LineBalance & { closed?: ClosedPeriod[] | null })[]): LockedLines {
    const byId: LockedLines = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) if (!byId.has(id)) throw DomainError.notFound('budget line', id);
    return byId;
  }

  /**
   * `alongside`: a write of the caller's, whose rows nobody reads, sent in the entries' statement as a CTE
   * (one round trip for both; decision 0029). It runs only once every check here has passed, after the
   * lines' locks, so it must take no lock that is taken before a budget line's elsewhere.
   * `locked`: the postings' lines already locked by the caller's statement, with the closed months among
   * the postings' value dates (`lockLinesStatement` with them, then `lockedLines`; decision 0029).
   */
  async post(m: EntityManager, postings: Posting[], opts: { alongside?: TailStatement; locked?: LockedLines } = {}): Promise<PostedEntry[]> {
    const { alongside } = opts;
    if (postings.length === 0) return [];
    for (const p of postings) {
      if (p.amount.isZero()) throw DomainError.invalid(`a ledger entry cannot be zero (budget line ${p.budgetLineId})`);
    }
    // the lines locked and the closed months among the value dates, in one statement
    const locked = opts.locked ? this.lockedLines(postings.map((p) => p.budgetLineId), [...opts.locked.values()])
      : await this.lockLines(m, postings.map((p) => p.budgetLineId), postings.map((p) => p.valueDate));
    for (const p of postings) {
      const acc = locked.get(p.budgetLineId)!.accountCode;
      if (!kindFitsAccount(p.kind, acc)) {
        throw DomainError.rule('LEDGER_KIND_NOT_FOR_LINE', `a ${p.kind} entry does not fit budget line ${p.budgetLineId} (account ${acc}): expenditure lines (5.*) take APPROPRIATION, ALLOTMENT, COMMITMENT and DISBURSEMENT; revenue (4.*) and financing (6.*) lines take ESTIMATE and REALIZATION`);
      }
    }
    const closed = [...locked.values()][0].closed;
    if (closed?.length) throw periodClosed(closed[0]);
    await this.checkReversals(m, postings);
    const balances = new Map<string, Balance>([...locked].map(([id, r]) => [id, toBalance(r)]));
    for (const p of postings) balances.set(p.budgetLineId, apply(balances.get(p.budgetLineId)!, p.kind, p.amount));
    for (const [id, b] of balances) checkInvariants(id, b, locked.get(id)!.accountCode);

    const counts = new Map<string, number>();
    for (const p of postings) counts.set(p.budgetLineId, (counts.get(p.budgetLineId) ?? 0) + 1);
    // every balance row and every entry in one statement (the rows are locked above)
    const changed = [...balances];
    const user = RequestContext.user();
    const params: unknown[] = [changed.map(([id]) => id), changed.map(([, b]) => b.appropriated.toString()), changed.map(([, b]) => b.allotted.toString()),
      changed.map(([, b]) => b.committed.toString()), changed.map(([, b]) => b.disbursed.toString()), changed.map(([id]) => counts.get(id)),
      changed.map(([, b]) => b.estimated.toString()), changed.map(([, b]) => b.realized.toString())];
    const values = postings.map((p) => {
      const i = params.length;
      params.push(p.budgetLineId, p.kind, p.amount.toString(), p.sourceType, p.sourceId, p.description ?? null,
        p.reversesEntryId ?? null, user?.id ?? null, RequestContext.requestId() ?? null, p.valueDate ?? null);
      return `($${i + 1}::uuid, $${i + 2}, $${i + 3}::numeric, $${i + 4}, $${i + 5}, $${i + 6}, $${i + 7}::uuid, $${i + 8}::uuid, $${i + 9}, COALESCE($${i + 10}::date, current_date))`;
    });
    const along = alongside ? `, alongside AS (${paramsFrom(alongside.sql, params.length)})` : '';
    if (alongside) params.push(...alongside.params);
    const entries: PostedEntry[] = await m.query(
      `WITH balances AS (
         UPDATE budget_lines b SET appropriated = v.ap, allotted = v.al, committed = v.co, disbursed = v.di, estimated = v.es, realized = v.re,
           entry_count = b.entry_count + v.n, updated_at = now()
         FROM unnest($1::uuid[], $2::numeric[], $3::numeric[], $4::numeric[], $5::numeric[], $6::int[], $7::numeric[], $8::numeric[]) AS v(id, ap, al, co, di, n, es, re)
         WHERE b.id = v.id)${along}
       INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, reverses_entry_id, actor_id, request_id, value_date)
       VALUES ${values.join(', ')}
       RETURNING id, budget_line_id AS "budgetLineId", kind, amount, source_type AS "sourceType", source_id AS "sourceId", reverses_entry_id AS "reversesEntryId",
         value_date::text AS "valueDate"`,
      params,
    );

    for (const [id, b] of balances) {
      this.audit.record({
        action: 'LEDGER.POST', entityType: 'BudgetLine', entityId: id,
        before: fromBalance(toBalance(locked.get(id)!)), after: {
          ...fromBalance(b),
          entries: entries.filter((e) => e.budgetLineId === id).map((e) => ({ id: e.id, kind: e.kind, amount: e.amount, valueDate: e.valueDate, sourceType: e.sourceType, sourceId: e.sourceId, reversesEntryId: e.reversesEntryId })),
        },
      });
    }
    return entries;
  }

  // Nothing posts into a closed month; the trigger ledger_entries_period is
  // the backstop. A correction of a closed month posts with an open value date
  // (a reversal defaults to today) and names the entry it corrects.
  async requireOpenPeriods(m: EntityManager, valueDates: (string | undefined)[]): Promise<void> {
    const closed: ClosedPeriod[] = await m.query(CLOSED_PERIODS_SQL('$1'), [openDates(valueDates)]);
    if (closed.length) throw periodClosed(closed[0]);
  }

  private async checkReversals(m: EntityManager, postings: Posting[]): Promise<void> {
    const ids = postings.filter((p) => p.reversesEntryId).map((p) => p.reversesEntryId!);
    if (ids.length === 0) return;
    const rows: { id: string; budgetLineId: string; kind: LedgerKind; amount: string; reversed: boolean }[] = await m.query(
      `SELECT e.id, e.budget_line_id AS "budgetLineId", e.kind, e.amount,
         EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_entry_id = e.id) AS reversed
       FROM ledger_entries e WHERE e.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of postings.filter((x) => x.reversesEntryId)) {
      const o = byId.get(p.reversesEntryId!);
      if (!o) throw DomainError.notFound('ledger entry', p.reversesEntryId);
      if (o.reversed) throw DomainError.conflict('ALREADY_REVERSED', `ledger entry ${o.id} has already been reversed`);
      if (o.budgetLineId !== p.budgetLineId || o.kind !== p.kind || !Money.of(o.amount).negate().eq(p.amount)) {
        throw DomainError.rule('INVALID_REVERSAL', `a reversal of entry ${o.id} must post ${Money.of(o.amount).negate()} ${o.kind} on budget line ${o.budgetLineId}`);
      }
    }
  }

  /** Reverses every not-yet-reversed entry that a source document posted. */
  /** The reversals are dated `by.valueDate` (default today), never in the reversed entry's month if that is closed. */
  async reverseSource(m: EntityManager, sourceType: string, sourceId: string, by: { sourceType: string; sourceId: string; description?: string; valueDate?: string }): Promise<PostedEntry[]> {
    const rows: { id: string; budgetLineId: string; kind: LedgerKind; amount: string }[] = await m.query(
      `SELECT e.id, e.budget_line_id AS "budgetLineId", e.kind, e.amount FROM ledger_entries e
       WHERE e.source_type = $1 AND e.source_id = $2 AND e.reverses_entry_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_entry_id = e.id)
       ORDER BY e.seq`,
      [sourceType, sourceId],
    );
    return this.post(m, rows.map((r) => ({
      budgetLineId: r.budgetLineId, kind: r.kind, amount: Money.of(r.amount).negate(),
      sourceType: by.sourceType, sourceId: by.sourceId, description: by.description ?? `reversal of ${sourceType} ${sourceId}`, reversesEntryId: r.id,
      valueDate: by.valueDate,
    })));
  }

  static field(kind: LedgerKind): string {
    return fieldOf(kind);
  }
}
