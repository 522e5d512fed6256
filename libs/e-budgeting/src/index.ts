// Public face of @grms/e-budgeting.
export * from './e-budgeting.module';
export * from './cash-plans/cash-plans.service';
