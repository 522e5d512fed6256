import { Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { EDeliveryModule } from '@grms/e-delivery';
import { EProjectPlanningModule } from '@grms/e-project-planning';
import { ControllingScopeService } from './common/controlling-scope.service';
import { ControllingController } from './controlling.controller';
import { EscalationsController } from './escalations/escalations.controller';
import { EscalationsService } from './escalations/escalations.service';
import { PlanActualService } from './packages/plan-actual.service';
import { AbsorptionQueryService } from './realization/absorption-query.service';
import { RealizationService } from './realization/realization.service';
import { RfkBuilderService } from './rfk/rfk-builder.service';
import { RfkController } from './rfk/rfk.controller';
import { RfkService } from './rfk/rfk.service';
import { ControllingDemoSeeder } from './seed/controlling-demo.seeder';
import { ControllingThresholdsController } from './thresholds/controlling-thresholds.controller';
import { ControllingThresholdsService } from './thresholds/controlling-thresholds.service';
import { WarningsService } from './warnings/warnings.service';
import './dto-examples'; // request-body examples of the OpenAPI document

// e-controlling: plan against actual (physical and financial), deviation and
// the kontrak kritis status, absorption, the monthly RFK (frozen per month),
// early warnings, and the escalation record of critical contracts.
@Module({
  imports: [BudgetModule, EProjectPlanningModule, EDeliveryModule],
  controllers: [ControllingController, RfkController, ControllingThresholdsController, EscalationsController],
  providers: [ControllingScopeService, ControllingThresholdsService, PlanActualService, AbsorptionQueryService, RealizationService, RfkBuilderService, RfkService, WarningsService, EscalationsService, ControllingDemoSeeder],
  exports: [AbsorptionQueryService, PlanActualService, RfkService, ControllingDemoSeeder],
})
export class EControllingModule {}
