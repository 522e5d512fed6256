import { Module } from '@nestjs/common';

// e-monev: performance indicators, targets, realisations, evaluation reports.
// Its endpoints arrive with the module's issue; the module is wired in now so
// that the layout shows the whole system.
@Module({})
export class EMonevModule {}
