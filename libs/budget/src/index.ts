// Public face of @grms/budget: the shared budget-line model and the ledger.
export * from './budget.module';
export * from './ledger/ledger.types';
export * from './ledger/ledger.service';
export * from './ledger/ledger-verify.service';
export * from './budget-lines/budget-lines.service';
export * from './budget-lines/dto/budget-line.dto';
export * from './budget-lines/line-labels';
export * from './fiscal-years/fiscal-years.service';
export * from './fiscal-years/dto/fiscal-year.dto';
export * from './organizations/organizations.service';
export * from './reference/reference-import.service';
export * from './reference/code-lists';
export * from './reference/code-list-versions.service';
export * from './tax-rates/tax-rate';
export * from './tax-rates/tax-rates.service';
export * from './tax-rates/default-tax-rates';
export * from './tax-rates/vat';
export * from './tax-rates/dto/tax-rate.dto';
export * from './ledger/allotment-releaser';
// Expenditure reports: their SQL, for the benchmark baseline.
export { REALIZATION_BY_SOURCE_SQL } from './reports/realization-by-source.service';
export { CONTROL_CARD_SQL } from './reports/control-card.service';
// revenue, financing and the LRA (issue 8)
export * from './reports/lra.service';
export * from './reports/lra.dto';
export * from './reports/lra.sql';
