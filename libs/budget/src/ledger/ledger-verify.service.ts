import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';

export class LedgerProblem {
  @ApiProperty({ format: 'uuid' }) budgetLineId: string;
  @ApiProperty() problem: string;
}

export class LedgerVerifyResponse {
  @ApiProperty({ description: 'true when every balance equals the sum of its entries and every invariant holds' }) valid: boolean;
  @ApiProperty() linesChecked: number;
  @ApiProperty() entriesChecked: number;
  @ApiProperty({ type: [LedgerProblem], description: 'at most 100' }) problems: LedgerProblem[];
}

// Proves the balance cache: every balance row equals the sum of its entries,
// and every invariant holds.
@Injectable()
export class LedgerVerifyService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async verify(ds: DataSource = this.ds): Promise<LedgerVerifyResponse> {
    return verifyLedger(ds);
  }
}

export async function verifyLedger(ds: DataSource): Promise<LedgerVerifyResponse> {
  const [{ lines, entries }] = await ds.query(`SELECT (SELECT count(*) FROM budget_lines)::int AS lines, (SELECT count(*) FROM ledger_entries)::int AS entries`);
  const rows: LedgerProblem[] = await ds.query(`
    WITH sums AS (
      SELECT budget_line_id,
        COALESCE(sum(amount) FILTER (WHERE kind = 'APPROPRIATION'), 0) AS appropriated,
        COALESCE(sum(amount) FILTER (WHERE kind = 'ALLOTMENT'), 0) AS allotted,
        COALESCE(sum(amount) FILTER (WHERE kind = 'COMMITMENT'), 0) AS committed,
        COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT'), 0) AS disbursed,
        COALESCE(sum(amount) FILTER (WHERE kind = 'ESTIMATE'), 0) AS estimated,
        COALESCE(sum(amount) FILTER (WHERE kind = 'REALIZATION'), 0) AS realized,
        bool_or(kind IN ('ESTIMATE', 'REALIZATION')) AS has_revenue_kinds,
        bool_or(kind IN ('APPROPRIATION', 'ALLOTMENT', 'COMMITMENT', 'DISBURSEMENT')) AS has_expenditure_kinds,
        count(*) AS n
      FROM ledger_entries GROUP BY budget_line_id)
    SELECT b.id AS "budgetLineId", concat_ws('; ',
      CASE WHEN b.appropriated <> COALESCE(s.appropriated, 0) THEN format('appropriated %s <> sum of entries %s', b.appropriated, COALESCE(s.appropriated, 0)) END,
      CASE WHEN b.allotted <> COALESCE(s.allotted, 0) THEN format('allotted %s <> sum of entries %s', b.allotted, COALESCE(s.allotted, 0)) END,
      CASE WHEN b.committed <> COALESCE(s.committed, 0) THEN format('committed %s <> sum of entries %s', b.committed, COALESCE(s.committed, 0)) END,
      CASE WHEN b.disbursed <> COALESCE(s.disbursed, 0) THEN format('disbursed %s <> sum of entries %s', b.disbursed, COALESCE(s.disbursed, 0)) END,
      CASE WHEN b.estimated <> COALESCE(s.estimated, 0) THEN format('estimated %s <> sum of entries %s', b.estimated, COALESCE(s.estimated, 0)) END,
      CASE WHEN b.realized <> COALESCE(s.realized, 0) THEN format('realized %s <> sum of entries %s', b.realized, COALESCE(s.realized, 0)) END,
      CASE WHEN b.account_code LIKE '5.%' AND s.has_revenue_kinds THEN 'an expenditure line carries ESTIMATE or REALIZATION entries' END,
      CASE WHEN b.account_code NOT LIKE '5.%' AND s.has_expenditure_kinds THEN 'a revenue or financing line carries expenditure entries' END,
      CASE WHEN b.estimated < 0 OR b.realized < 0 THEN 'breaks 0 <= estimated, 0 <= realized' END,
      CASE WHEN b.account_code LIKE '6.2.%' AND b.realized > b.estimated THEN 'breaks realized <= estimated on a financing expenditure' END,
      CASE WHEN b.entry_count <> COALESCE(s.n, 0) THEN format('entry count %s <> %s entries', b.entry_count, COALESCE(s.n, 0)) END,
      CASE WHEN NOT (0 <= b.disbursed AND b.disbursed <= b.allotted AND b.allotted <= b.appropriated) THEN 'breaks 0 <= disbursed <= allotted <= appropriated' END,
      CASE WHEN NOT (0 <= b.committed AND b.committed <= b.appropriated) THEN 'breaks 0 <= committed <= appropriated' END,
      CASE WHEN b.committed + b.disbursed > b.appropriated THEN 'breaks committed + disbursed <= appropriated' END
    ) AS problem
    FROM budget_lines b LEFT JOIN sums s ON s.budget_line_id = b.id
    WHERE b.appropriated <> COALESCE(s.appropriated, 0) OR b.allotted <> COALESCE(s.allotted, 0)
       OR b.committed <> COALESCE(s.committed, 0) OR b.disbursed <> COALESCE(s.disbursed, 0)
       OR b.entry_count <> COALESCE(s.n, 0)
       OR b.estimated <> COALESCE(s.estimated, 0) OR b.realized <> COALESCE(s.realized, 0)
       OR (b.account_code LIKE '5.%' AND s.has_revenue_kinds) OR (b.account_code NOT LIKE '5.%' AND s.has_expenditure_kinds)
       OR b.estimated < 0 OR b.realized < 0 OR (b.account_code LIKE '6.2.%' AND b.realized > b.estimated)
       OR NOT (0 <= b.disbursed AND b.disbursed <= b.allotted AND b.allotted <= b.appropriated AND 0 <= b.committed AND b.committed <= b.appropriated)
       OR b.committed + b.disbursed > b.appropriated
    ORDER BY b.id LIMIT 100`);
  const orphans = await ds.query(`SELECT count(*)::int AS n FROM ledger_entries e WHERE NOT EXISTS (SELECT 1 FROM budget_lines b WHERE b.id = e.budget_line_id)`);
  if (orphans[0].n > 0) rows.push({ budgetLineId: '00000000-0000-0000-0000-000000000000', problem: `${orphans[0].n} entries name no budget line` });
  return { valid: rows.length === 0, linesChecked: lines, entriesChecked: entries, problems: rows };
}
