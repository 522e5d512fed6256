import { Module } from '@nestjs/common';
import { BudgetModule } from '@grms/budget';
import { HsbImportService } from './imports/hsb-import.service';
import { HsbImportsController } from './imports/hsb-imports.controller';
import { HsbItemWriter } from './items/hsb-item.writer';
import { HsbItemsController } from './items/hsb-items.controller';
import { HsbItemsService } from './items/hsb-items.service';
import { HsbSearchIndex } from './items/hsb-search-index';
import { CatalogueLocksController } from './locks/catalogue-locks.controller';
import { CatalogueLocksService } from './locks/catalogue-locks.service';
import { HsbDemoSeeder } from './seed/hsb-demo.seeder';
import './dto-examples'; // request-body examples of the OpenAPI document

// e-HSB: the standard unit price catalogue (SSH, HSPK, ASB, SBU).
@Module({
  imports: [BudgetModule],
  controllers: [HsbItemsController, HsbImportsController, CatalogueLocksController],
  providers: [HsbItemWriter, HsbItemsService, HsbImportService, HsbDemoSeeder, CatalogueLocksService, HsbSearchIndex],
  exports: [HsbItemsService, HsbImportService, HsbDemoSeeder, HsbSearchIndex],
})
export class EHsbModule {}
