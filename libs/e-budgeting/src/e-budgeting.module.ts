import { Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { CashPlansController } from './cash-plans/cash-plans.controller';
import { CashPlansService } from './cash-plans/cash-plans.service';

// e-budgeting: ceilings, budget documents (RKA -> DPA), items, cash plans, revisions.
@Module({
  imports: [BudgetModule],
  controllers: [CashPlansController],
  providers: [CashPlansService],
  exports: [CashPlansService],
})
export class EBudgetingModule {}
