import { Foundation1764300000000 } from './1764300000000-foundation';
import { CashPlans1764300100000 } from './1764300100000-cash-plans';

// Every migration, in order. A new migration is appended here; committed
// migrations are never rewritten.
export const ALL_MIGRATIONS = [Foundation1764300000000, CashPlans1764300100000];
