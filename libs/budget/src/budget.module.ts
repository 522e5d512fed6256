import { Module } from '@nestjs/common';
import { BudgetLinesController } from './budget-lines/budget-lines.controller';
import { BudgetLinesService } from './budget-lines/budget-lines.service';
import { FiscalYearsController } from './fiscal-years/fiscal-years.controller';
import { FiscalYearsService } from './fiscal-years/fiscal-years.service';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerPeriodsService } from './ledger/ledger-periods.service';
import { LedgerVerifyService } from './ledger/ledger-verify.service';
import { LedgerService } from './ledger/ledger.service';
import { OrganizationsController } from './organizations/organizations.controller';
import { OrganizationsService } from './organizations/organizations.service';
import { ReferenceController } from './reference/reference.controller';
import { ReferenceImportService } from './reference/reference-import.service';
import { CodeListVersionsService } from './reference/code-list-versions.service';
import { ReferenceQueryService } from './reference/reference-query.service';
import { TaxRatesController } from './tax-rates/tax-rates.controller';
import { TaxRatesService } from './tax-rates/tax-rates.service';
import './dto-examples'; // request-body examples of the OpenAPI document
import { ExpenditureReportsModule } from './reports/expenditure-reports.module';
// the LRA (issue 8)
import { LraController } from './reports/lra.controller';
import { LraService } from './reports/lra.service';

@Module({
  imports: [ExpenditureReportsModule],
  controllers: [FiscalYearsController, OrganizationsController, ReferenceController, BudgetLinesController, LedgerController, TaxRatesController, LraController],
  providers: [FiscalYearsService, OrganizationsService, ReferenceQueryService, ReferenceImportService, CodeListVersionsService, BudgetLinesService, LedgerService, LedgerVerifyService,
    LedgerPeriodsService, TaxRatesService, LraService],
  exports: [FiscalYearsService, OrganizationsService, ReferenceImportService, CodeListVersionsService, BudgetLinesService, LedgerService, LedgerVerifyService, TaxRatesService, LraService],
})
export class BudgetModule {}
