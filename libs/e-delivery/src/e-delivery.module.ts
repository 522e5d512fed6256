import { Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { EProjectPlanningModule } from '@grms/e-project-planning';
import { ContractLifecycleService } from './contracts/contract-lifecycle.service';
import { ContractsController } from './contracts/contracts.controller';
import { ContractsService } from './contracts/contracts.service';
import { HandoversController } from './contracts/handovers.controller';
import { OcdsController } from './ocds/ocds.controller';
import { OcdsService } from './ocds/ocds.service';
import { ContractPaymentsService } from './payments/contract-payments.service';
import { ProgressController } from './progress/progress.controller';
import { ProgressService } from './progress/progress.service';
import { VendorsController } from './vendors/vendors.controller';
import { VendorsService } from './vendors/vendors.service';
import { ContractYearEndService } from './year-end/contract-year-end.service';
import './dto-examples'; // request-body examples of the OpenAPI document

// e-delivery: vendors, contracts, termins, progress, handovers, and the port
// through which e-penatausahaan pays termins.
@Module({
  imports: [BudgetModule, EProjectPlanningModule],
  controllers: [VendorsController, ContractsController, ProgressController, OcdsController, HandoversController],
  providers: [VendorsService, ContractsService, ContractLifecycleService, ProgressService, ContractPaymentsService, OcdsService, ContractYearEndService],
  exports: [ContractsService, ContractLifecycleService, ProgressService, VendorsService, ContractPaymentsService, ContractYearEndService],
})
export class EDeliveryModule {}
