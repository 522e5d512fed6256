import { Module } from '@nestjs/common';
import { CodeListVersionsService } from '../reference/code-list-versions.service';
import { ControlCardController } from './control-card.controller';
import { ControlCardService } from './control-card.service';
import { RealizationBySourceController } from './realization-by-source.controller';
import { RealizationBySourceService } from './realization-by-source.service';

// The expenditure reports read from the ledger: realisation per funding source
// and the control card (decision 0130).
@Module({
  controllers: [RealizationBySourceController, ControlCardController],
  providers: [RealizationBySourceService, ControlCardService, CodeListVersionsService],
})
export class ExpenditureReportsModule {}
