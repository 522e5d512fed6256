import { Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { PackageWorkflowService } from './packages/package-workflow.service';
import { PackagesController } from './packages/packages.controller';
import { PackagesService } from './packages/packages.service';
import { PlanReportsController } from './reports/plan-reports.controller';
import { PlanReportsService } from './reports/plan-reports.service';
import { ThresholdsController } from './thresholds/thresholds.controller';
import { ThresholdsService } from './thresholds/thresholds.service';
import './dto-examples'; // request-body examples of the OpenAPI document

// e-project planning: work packages on DPA lines, thresholds, plans (S-curve,
// financial plan), the procurement plan (RUP) and the work plan (RKO).
@Module({
  imports: [BudgetModule],
  controllers: [PackagesController, ThresholdsController, PlanReportsController],
  providers: [PackagesService, PackageWorkflowService, ThresholdsService, PlanReportsService],
  exports: [PackagesService, PackageWorkflowService],
})
export class EProjectPlanningModule {}
