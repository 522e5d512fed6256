import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, Money, TransactionService } from '@grms/core';
import { BudgetLinesService, LedgerKind, LedgerService } from '@grms/budget';

export interface YearEndResult {
  contracts: number;
  lines: number;
  amount: string;
}

// Year end for contracts: what a contract still holds as COMMITMENT on a
// fiscal year's lines is either released, or carried to the next year's
// continuation budget (DPAL): the same line key in the next year receives an
// APPROPRIATION (source ContractCarryOver) and the COMMITMENT, and the
// contract is funded from it. One transaction, every movement in the ledger
// and the audit trail.
@Injectable()
export class ContractYearEndService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly ledger: LedgerService, private readonly lines: BudgetLinesService) {}

  run(fiscalYear: number, mode: 'release' | 'carry'): Promise<YearEndResult> {
    return this.tx.run(async (m) => {
      const open: { contractId: string; number: string; budgetLineId: string; committed: string; organizationId: string; sub: string; account: string; source: string }[] = await m.query(
        `SELECT f.contract_id AS "contractId", c.number, f.budget_line_id AS "budgetLineId", f.committed::text AS committed, b.organization_id AS "organizationId",
           b.sub_activity_code AS sub, b.account_code AS account, b.funding_source_code AS source
         FROM contract_funding f JOIN contracts c ON c.id = f.contract_id JOIN budget_lines b ON b.id = f.budget_line_id
         WHERE b.fiscal_year = $1 AND f.committed > 0 ORDER BY c.number, f.budget_line_id FOR UPDATE OF f`, [fiscalYear]);
      if (mode === 'carry' && open.length) {
        const [next] = await m.query(`SELECT status FROM fiscal_years WHERE year = $1`, [fiscalYear + 1]);
        if (!next) throw DomainError.rule('UNKNOWN_FISCAL_YEAR', `fiscal year ${fiscalYear + 1} does not exist: create it before carrying commitments over`);
      }
      for (const o of open) {
        const amount = Money.of(o.committed);
        await this.ledger.post(m, [{ budgetLineId: o.budgetLineId, kind: LedgerKind.COMMITMENT, amount: amount.negate(), sourceType: 'ContractYearEnd', sourceId: o.contractId,
          description: `year end ${fiscalYear}: contract ${o.number} ${mode === 'carry' ? 'carried to DPAL' : 'released'}` }]);
        await m.query(`UPDATE contract_funding SET committed = 0 WHERE contract_id = $1 AND budget_line_id = $2`, [o.contractId, o.budgetLineId]);
        let carriedTo: string | null = null;
        if (mode === 'carry') {
          carriedTo = await this.lines.ensureLine(m, { fiscalYear: fiscalYear + 1, organizationId: o.organizationId, subActivityCode: o.sub, accountCode: o.account, fundingSourceCode: o.source });
          await this.ledger.post(m, [
            { budgetLineId: carriedTo, kind: LedgerKind.APPROPRIATION, amount, sourceType: 'ContractCarryOver', sourceId: o.contractId, description: `DPAL: contract ${o.number} from ${fiscalYear}` },
            { budgetLineId: carriedTo, kind: LedgerKind.COMMITMENT, amount, sourceType: 'ContractCarryOver', sourceId: o.contractId, description: `DPAL: contract ${o.number} from ${fiscalYear}` },
          ]);
          await m.query(`INSERT INTO contract_funding (contract_id, budget_line_id, amount, committed) VALUES ($1, $2, $3, $3)
                         ON CONFLICT (contract_id, budget_line_id) DO UPDATE SET amount = contract_funding.amount + EXCLUDED.amount, committed = contract_funding.committed + EXCLUDED.committed`,
            [o.contractId, carriedTo, amount.toString()]);
        }
        this.audit.record({ action: mode === 'carry' ? 'CONTRACT.CARRY_OVER' : 'CONTRACT.YEAR_END_RELEASE', entityType: 'Contract', entityId: o.contractId,
          before: { budgetLineId: o.budgetLineId, committed: amount.toString() }, after: { budgetLineId: o.budgetLineId, committed: '0.00', carriedTo, fiscalYear: fiscalYear + 1 } });
      }
      return { contracts: new Set(open.map((o) => o.contractId)).size, lines: open.length, amount: Money.sum(open.map((o) => Money.of(o.committed))).toString() };
    });
  }
}
