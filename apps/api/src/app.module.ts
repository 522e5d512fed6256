import { DynamicModule, Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { AppConfig, CoreModule } from '@grms/core';
import { EBudgetingModule } from '@grms/e-budgeting';
import { EControllingModule } from '@grms/e-controlling';
import { EDeliveryModule } from '@grms/e-delivery';
import { EHsbModule } from '@grms/e-hsb';
import { EMonevModule } from '@grms/e-monev';
import { EPenatausahaanModule } from '@grms/e-penatausahaan';
import { EProjectPlanningModule } from '@grms/e-project-planning';
import { DeliveryDemoSeeder } from './seed/delivery-demo.seeder';
import { ApiIndexController, RootIndexController } from './index/index.controller';
import { DemoSeedService } from './seed/demo-seed.service';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
}

// The composition root: the platform, the shared ledger and the seven modules.
@Module({})
export class AppModule {
  static register(opts: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(opts),
        BudgetModule,
        EHsbModule,
        EBudgetingModule,
        EProjectPlanningModule,
        EDeliveryModule,
        EPenatausahaanModule,
        EControllingModule,
        EMonevModule,
      ],
      controllers: [RootIndexController, ApiIndexController],
      providers: [DemoSeedService, DeliveryDemoSeeder],
      exports: [DemoSeedService],
    };
  }
}
