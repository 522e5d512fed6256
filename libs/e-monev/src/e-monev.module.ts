import { Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { EvaluationController } from './evaluation/evaluation.controller';
import { EvaluationService } from './evaluation/evaluation.service';
import { IndicatorsController } from './indicators/indicators.controller';
import { IndicatorsService } from './indicators/indicators.service';
import { RealizationsController } from './realizations/realizations.controller';
import { RealizationsService } from './realizations/realizations.service';
import { MonevDemoSeeder } from './seed/monev-demo.seeder';
import { MonevSettingsController } from './settings/monev-settings.controller';
import { MonevSettingsService } from './settings/monev-settings.service';
import './dto-examples'; // request-body examples of the OpenAPI document

// e-monev: performance indicators and targets per OPD and row of the
// nomenclature, quarterly realisations verified by Bappeda, and the
// quarterly evaluation report beside the ledger's appropriation and
// disbursement.
@Module({
  imports: [BudgetModule],
  controllers: [IndicatorsController, RealizationsController, MonevSettingsController, EvaluationController],
  providers: [IndicatorsService, RealizationsService, MonevSettingsService, EvaluationService, MonevDemoSeeder],
  exports: [IndicatorsService, RealizationsService, EvaluationService, MonevDemoSeeder],
})
export class EMonevModule {}
