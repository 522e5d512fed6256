import { Module } from '@nestjs/common';

// e-budgeting: ceilings, budget documents (RKA -> DPA), items, cash plans, revisions.
// Its endpoints arrive with the module's issue; the module is wired in now so
// that the layout shows the whole system.
@Module({})
export class EBudgetingModule {}
