// Public face of @grms/e-budgeting.
export * from './e-budgeting.module';
export * from './cash-plans/cash-plans.service';
export * from './ceilings/ceilings.service';
export * from './documents/documents.service';
export * from './documents/document-items.service';
export * from './documents/document-workflow.service';
export * from './documents/dto/document.dto';
export * from './documents/dto/document-item.dto';
export * from './ceilings/dto/ceiling.dto';
export * from './pricing/item-amounts';
export * from './seed/budgeting-demo.seeder';
