import { Money } from '@grms/core';
import Decimal from 'decimal.js';
import { achievement, Aggregation, averageOf, bandOf, BandBounds, Direction, LowerIsBetterFormula, quantity, realizationTo } from '../rules/achievement';
import { EvaluationNotesResponse, EvaluationOrganizationFooter, EvaluationRow } from './evaluation.dto';
import { EvaluationSqlRow } from './evaluation.sql';

export interface EvaluationRules { bands: BandBounds; lowerIsBetter: LowerIsBetterFormula }

/** One report row from the query's row: realisation, achievement and band to quarter q, the budget side, the Renstra to date. */
export function evaluationRow(r: EvaluationSqlRow, q: number, rules: EvaluationRules): EvaluationRow {
  const direction = r.direction as Direction;
  const aggregation = r.aggregation as Aggregation;
  const cumulativeTarget = r.quarterly_targets[q - 1];
  const realization = realizationTo(r.values, q, aggregation);
  const ach = achievement(realization, cumulativeTarget, direction, rules.lowerIsBetter);
  const appropriated = Money.of(r.appropriated);
  const disbursed = Money.sum(r.disbursed.slice(0, q).map((d) => Money.of(d)));
  const renstraRealization = realization === null ? r.previous_realization
    : aggregation === 'SUM' && r.previous_realization !== null ? quantity(new Decimal(r.previous_realization).plus(realization)) : realization;
  const renstraAmountRealized = Money.of(r.previous_amount ?? '0').plus(disbursed);
  return {
    indicatorId: r.indicator_id, organizationCode: r.organization_code, organizationName: r.organization_name, level: r.level, code: r.code, codeName: r.code_name,
    indicator: r.name, unit: r.unit, direction, aggregation,
    renstraTarget: r.renstra_target, renstraAmount: r.renstra_amount, previousRealization: r.previous_realization, previousAmount: r.previous_amount,
    target: r.target, targetAmount: appropriated.toString(),
    quarters: [1, 2, 3, 4].map((n) => ({
      quarter: n, target: r.quarterly_targets[n - 1], value: n <= q ? r.values[n - 1] : null, status: n <= q ? r.statuses[n - 1] : null,
      amount: n <= q ? Money.of(r.disbursed[n - 1]).toString() : null,
    })),
    cumulativeTarget, realization, disbursed: disbursed.toString(), achievement: ach, band: bandOf(ach, rules.bands),
    budgetAbsorption: disbursed.percentOf(appropriated),
    renstraRealization, renstraAmountRealized: renstraAmountRealized.toString(),
    renstraAchievement: r.renstra_target === null ? null : achievement(renstraRealization, r.renstra_target, direction, rules.lowerIsBetter),
    responsibleUnit: r.responsible_unit, notes: r.notes,
  };
}

export function averageAndBand(rows: EvaluationRow[], bands: BandBounds): { averageAchievement: string | null; band: ReturnType<typeof bandOf> } {
  return withBand(averageOf(rows.map((r) => r.achievement)), bands);
}

export function withBand(averageAchievement: string | null, bands: BandBounds): { averageAchievement: string | null; band: ReturnType<typeof bandOf> } {
  return { averageAchievement, band: bandOf(averageAchievement, bands) };
}

/** An OPD's footer: its average and band (over its rows), its whole budget side (from the query's row), the texts its planner wrote. */
export function organizationFooter(r: EvaluationSqlRow, indicators: number, average: ReturnType<typeof averageAndBand>, n: EvaluationNotesResponse | undefined): EvaluationOrganizationFooter {
  const appropriated = Money.of(r.organization_appropriated);
  const disbursed = Money.of(r.organization_disbursed);
  return { organizationId: r.organization_id, organizationCode: r.organization_code, organizationName: r.organization_name, indicators, ...average,
    appropriated: appropriated.toString(), disbursed: disbursed.toString(), budgetAbsorption: disbursed.percentOf(appropriated),
    drivingFactors: n?.drivingFactors ?? '', inhibitingFactors: n?.inhibitingFactors ?? '', followUp: n?.followUp ?? '', followUpNextYear: n?.followUpNextYear ?? '' };
}
