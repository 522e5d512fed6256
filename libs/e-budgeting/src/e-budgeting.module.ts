import { Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { EHsbModule } from '@grms/e-hsb';
import { CashPlanImportsController } from './cash-plans/cash-plan-imports.controller';
import { CashPlansController } from './cash-plans/cash-plans.controller';
import { CashPlansService } from './cash-plans/cash-plans.service';
import { CeilingsController } from './ceilings/ceilings.controller';
import { CeilingsService } from './ceilings/ceilings.service';
import { DocumentExportService } from './documents/document-export.service';
import { DocumentItemsService } from './documents/document-items.service';
import { DocumentReviewService } from './documents/document-review.service';
import { DocumentStore } from './documents/document-store';
import { DocumentToolsController } from './documents/document-tools.controller';
import { DocumentWorkflowService } from './documents/document-workflow.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { CashPlanImportService } from './imports/cash-plan-import.service';
import { ItemImportService } from './imports/item-import.service';
import { BudgetingDemoSeeder } from './seed/budgeting-demo.seeder';
import './dto-examples'; // request-body examples of the OpenAPI document

// e-budgeting: ceilings, budget documents (RKA -> DPA), items, cash plans, revisions.
@Module({
  imports: [BudgetModule, EHsbModule],
  controllers: [CashPlanImportsController, CashPlansController, CeilingsController, DocumentsController, DocumentToolsController],
  providers: [CashPlansService, CeilingsService, DocumentStore, DocumentsService, DocumentItemsService, DocumentWorkflowService, DocumentReviewService,
    DocumentExportService, ItemImportService, CashPlanImportService, BudgetingDemoSeeder],
  exports: [CashPlansService, CeilingsService, DocumentsService, DocumentItemsService, DocumentWorkflowService, BudgetingDemoSeeder],
})
export class EBudgetingModule {}
