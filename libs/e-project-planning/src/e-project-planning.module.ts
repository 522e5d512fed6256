import { Module } from '@nestjs/common';

// e-project planning: work packages, procurement plans (RUP), schedules, planned S-curves.
// Its endpoints arrive with the module's issue; the module is wired in now so
// that the layout shows the whole system.
@Module({})
export class EProjectPlanningModule {}
