import { DynamicModule, Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { EDeliveryModule } from '@grms/e-delivery';
import { EHsbModule } from '@grms/e-hsb';
import { AppModule, AppModuleOptions } from '../../api/src/app.module';
import { AuditCheckpointCommand, AuditVerifyCommand } from './commands/audit-verify.command';
import { ContractsYearEndCommand } from './commands/contracts-year-end.command';
import { DatasetGenerateCommand } from './commands/dataset-generate.command';
import { HsbImportCommand } from './commands/hsb-import.command';
import { LedgerVerifyCommand } from './commands/ledger-verify.command';
import { MigrateCommand } from './commands/migrate.command';
import { ReferenceImportCommand } from './commands/reference-import.command';
import { SeedDemoCommand } from './commands/seed-demo.command';

// Operator commands run over the same module graph as the API.
@Module({})
export class CliModule {
  static register(opts: AppModuleOptions): DynamicModule {
    return {
      module: CliModule,
      imports: [AppModule.register(opts), BudgetModule, EHsbModule, EDeliveryModule],
      providers: [DatasetGenerateCommand, HsbImportCommand, MigrateCommand, SeedDemoCommand, ReferenceImportCommand, LedgerVerifyCommand, AuditVerifyCommand, AuditCheckpointCommand,
        ContractsYearEndCommand],
    };
  }
}
