import { Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { EBudgetingModule } from '@grms/e-budgeting';
import { EDeliveryModule } from '@grms/e-delivery';
import { BkuController } from './bku/bku.controller';
import { BkuService } from './bku/bku.service';
import { PenatausahaanDemoSeeder } from './seed/penatausahaan-demo.seeder';
import { Sp2dController } from './sp2d/sp2d.controller';
import { Sp2dService } from './sp2d/sp2d.service';
import { SpdController } from './spd/spd.controller';
import { SpdService } from './spd/spd.service';
import { SpjController } from './spj/spj.controller';
import { SpjService } from './spj/spj.service';
import { SpmController } from './spm/spm.controller';
import { SpmService } from './spm/spm.service';
import { SppWorkflowService } from './spp/spp-workflow.service';
import { SppController } from './spp/spp.controller';
import { SppService } from './spp/spp.service';
import { UpLimitsController } from './up-limits/up-limits.controller';
import { UpLimitsService } from './up-limits/up-limits.service';

// e-penatausahaan: SPD, SPP, SPM, SP2D, advances and SPJ, taxes, BKU.
@Module({
  imports: [BudgetModule, EBudgetingModule, EDeliveryModule],
  controllers: [SpdController, SppController, SpmController, Sp2dController, SpjController, BkuController, UpLimitsController],
  providers: [SpdService, SppService, SppWorkflowService, SpmService, Sp2dService, SpjService, BkuService, UpLimitsService, PenatausahaanDemoSeeder],
  exports: [SpdService, SppService, SppWorkflowService, SpmService, Sp2dService, SpjService, BkuService, PenatausahaanDemoSeeder],
})
export class EPenatausahaanModule {}
