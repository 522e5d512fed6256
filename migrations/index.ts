import { Foundation1764300000000 } from './1764300000000-foundation';
import { CashPlans1764300100000 } from './1764300100000-cash-plans';
import { EHsb1764300200000 } from './1764300200000-e-hsb';
import { EBudgeting1764300300000 } from './1764300300000-e-budgeting';
import { EPenatausahaan1764300400000 } from './1764300400000-e-penatausahaan';
import { IdempotencyResponseText1764300500000 } from './1764300500000-idempotency-response-text';
import { OneTaxTable1764300600000 } from './1764300600000-one-tax-table';
import { MoreRoles1764300700000 } from './1764300700000-more-roles';
import { EDelivery1764301500000 } from './1764301500000-e-delivery';
import { TerminSp2dNumber1764301500100 } from './1764301500100-termin-sp2d-number';

// Every migration, in order. A new migration is appended here; committed
// migrations are never rewritten.
export const ALL_MIGRATIONS = [
  Foundation1764300000000,
  CashPlans1764300100000,
  EHsb1764300200000,
  EBudgeting1764300300000,
  EPenatausahaan1764300400000,
  IdempotencyResponseText1764300500000,
  OneTaxTable1764300600000,
  MoreRoles1764300700000,
  EDelivery1764301500000,
  TerminSp2dNumber1764301500100,
];
