import { Module } from '@nestjs/common';
import { ALLOTMENT_RELEASER, BudgetModule } from '@grms/budget';
import { EBudgetingModule } from '@grms/e-budgeting';
import { CONTRACT_PAYMENTS_IN_PROCESS, EDeliveryModule } from '@grms/e-delivery';
import { BkuController } from './bku/bku.controller';
import { BkuService } from './bku/bku.service';
import { CashCountsController } from './cash-counts/cash-counts.controller';
import { CashCountsService } from './cash-counts/cash-counts.service';
import { BooksService } from './bku/books.service';
import { PenatausahaanDemoSeeder } from './seed/penatausahaan-demo.seeder';
import { Sp2dController } from './sp2d/sp2d.controller';
import { Sp2dService } from './sp2d/sp2d.service';
import { SpdController } from './spd/spd.controller';
import { SpdService } from './spd/spd.service';
import { SpdRevisionService } from './spd/spd-revision.service';
import { ContractSppInProcess } from './spp/contract-spp-in-process';
import { SppCorrectionService } from './spp/spp-correction.service';
import { SpjController } from './spj/spj.controller';
import { SpjService } from './spj/spj.service';
import { SpmController } from './spm/spm.controller';
import { SpmService } from './spm/spm.service';
import { SppWorkflowService } from './spp/spp-workflow.service';
import { SppController } from './spp/spp.controller';
import { SppService } from './spp/spp.service';
import { TaxDepositsController } from './tax-deposits/tax-deposits.controller';
import { TaxDepositsService } from './tax-deposits/tax-deposits.service';
import { ReceiptsController } from './receipts/receipts.controller';
import { ReceiptsService } from './receipts/receipts.service';
import { UpLimitsController } from './up-limits/up-limits.controller';
import { UpLimitsService } from './up-limits/up-limits.service';
import './dto-examples'; // request-body examples of the OpenAPI document
// revenue, financing and the treasury (issue 8)
import { StsController } from './sts/sts.controller';
import { StsCancellationService } from './sts/sts-cancellation.service';
import { StsService } from './sts/sts.service';
import { FinancingService } from './treasury/financing.service';
import { TreasuryCashService } from './treasury/treasury-cash.service';
import { TreasuryController } from './treasury/treasury.controller';
import { RevenueDemoSeeder } from './seed/revenue-demo.seeder';

const REVENUE_CONTROLLERS = [StsController, TreasuryController];
const REVENUE_PROVIDERS = [StsService, StsCancellationService, FinancingService, TreasuryCashService, RevenueDemoSeeder];

// e-penatausahaan: SPD, SPP, SPM, SP2D, advances and SPJ, taxes, BKU.
@Module({
  imports: [BudgetModule, EBudgetingModule, EDeliveryModule],
  controllers: [SpdController, SppController, SpmController, Sp2dController, SpjController, BkuController, UpLimitsController, TaxDepositsController, ReceiptsController, CashCountsController, ...REVENUE_CONTROLLERS],
  providers: [SpdService, SpdRevisionService, { provide: ALLOTMENT_RELEASER, useExisting: SpdRevisionService }, SppCorrectionService, SppService, SppWorkflowService,
    ContractSppInProcess, { provide: CONTRACT_PAYMENTS_IN_PROCESS, useExisting: ContractSppInProcess },
    SpmService, Sp2dService, SpjService, BkuService, BooksService, UpLimitsService, TaxDepositsService, ReceiptsService, CashCountsService, PenatausahaanDemoSeeder, ...REVENUE_PROVIDERS],
  exports: [SpdService, SppService, SppWorkflowService, SpmService, Sp2dService, SpjService, BkuService, PenatausahaanDemoSeeder, ...REVENUE_PROVIDERS],
})
export class EPenatausahaanModule {}
