import { Injectable } from '@nestjs/common';
import { AccessService, AuthUser, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { CodeListVersionsService } from '../reference/code-list-versions.service';
import { ControlCardFigures, ControlCardQueryDto, ControlCardReport, ControlCardRow } from './dto/control-card.dto';

/**
 * The control card (kartu kendali) of one sub kegiatan of one OPD: per
 * account, the appropriation, the SPD to date and the realisation split by
 * payment channel, from the ledger entries. The channel of a DISBURSEMENT
 * comes from the view e-penatausahaan owns (ledger_disbursement_channels,
 * decision 0130); budget reads only its columns.
 */
export const CONTROL_CARD_SQL = `
  SELECT b.account_code AS "accountCode", COALESCE(v.name, a.name) AS "accountName",
    COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION'), 0)::numeric(20,2)::text AS budget,
    COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'ALLOTMENT'), 0)::numeric(20,2)::text AS spd,
    COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT' AND c.channel = 'LS'), 0)::numeric(20,2)::text AS "realizedLs",
    COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT' AND c.channel = 'UP_GU'), 0)::numeric(20,2)::text AS "realizedUpGu",
    COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT' AND c.channel = 'TU'), 0)::numeric(20,2)::text AS "realizedTu",
    COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0)::numeric(20,2)::text AS realized
  FROM budget_lines b
  JOIN accounts a ON a.code = b.account_code
  LEFT JOIN code_list_entries v ON v.version = (SELECT code_list_version FROM fiscal_years WHERE year = $1) AND v.list = 'accounts' AND v.code = b.account_code
  LEFT JOIN ledger_entries e ON e.budget_line_id = b.id AND e.kind IN ('APPROPRIATION', 'ALLOTMENT', 'DISBURSEMENT') AND ($4::date IS NULL OR e.value_date <= $4::date)
  LEFT JOIN LATERAL (SELECT d.channel FROM ledger_disbursement_channels d WHERE e.kind = 'DISBURSEMENT' AND d.source_type = e.source_type AND d.source_id = e.source_id LIMIT 1) c ON true
  WHERE b.fiscal_year = $1 AND b.organization_id = $2 AND b.sub_activity_code = $3 AND b.account_code LIKE '5.%'
  GROUP BY b.account_code, v.name, a.name
  ORDER BY b.account_code`;

type Amounts = Omit<ControlCardFigures, 'remainingBudget' | 'remainingSpd'>;

/** Remaining budget and SPD, in Money. */
export function withRemaining<T extends Amounts>(r: T): T & ControlCardFigures {
  const realized = Money.of(r.realized);
  return { ...r, remainingBudget: Money.of(r.budget).minus(realized).toString(), remainingSpd: Money.of(r.spd).minus(realized).toString() };
}

/** The sums of every amount column over the rows. */
export function cardTotals(rows: Amounts[]): ControlCardFigures {
  const sum = (k: keyof Amounts) => Money.sum(rows.map((r) => Money.of(r[k]))).toString();
  return withRemaining({ budget: sum('budget'), spd: sum('spd'), realizedLs: sum('realizedLs'), realizedUpGu: sum('realizedUpGu'), realizedTu: sum('realizedTu'), realized: sum('realized') });
}

@Injectable()
export class ControlCardService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly codes: CodeListVersionsService) {}

  async card(user: AuthUser, q: ControlCardQueryDto): Promise<ControlCardReport> {
    const organizationId = this.access.organizationOrOwn(user, q.organizationId);
    await this.access.requireOrganization(user, Permission.BUDGET_LINE_READ, organizationId, 'organization', organizationId);
    return this.tx.run(async (m) => {
      const [org] = await m.query(`SELECT code, name FROM organizations WHERE id = $1`, [organizationId]);
      if (!org) throw DomainError.notFound('organization', organizationId);
      const sub = await this.codes.require(m, q.fiscalYear, 'nomenclature', q.subActivityCode, 'subActivityCode', 'UNKNOWN_SUB_ACTIVITY');
      if (sub.level !== 5) {
        const msg = `${q.subActivityCode} is not a sub kegiatan (level 5 of the nomenclature) but level ${sub.level}`;
        throw DomainError.rule('INVALID_SUB_ACTIVITY', msg, [{ field: 'subActivityCode', message: msg }]);
      }
      const rows: ControlCardRow[] = (await m.query(CONTROL_CARD_SQL, [q.fiscalYear, organizationId, q.subActivityCode, q.asOf ?? null]))
        .map((r: ControlCardRow) => withRemaining(r));
      return {
        fiscalYear: q.fiscalYear, asOf: q.asOf ?? null, organizationId, organizationCode: org.code, organizationName: org.name,
        subActivityCode: q.subActivityCode, subActivityName: sub.name, rows, totals: cardTotals(rows),
      };
    });
  }
}
