import { Module } from '@nestjs/common';

// e-HSB: the standard unit price catalogue (SSH, HSPK, ASB, SBU).
// Its endpoints arrive with the module's issue; the module is wired in now so
// that the layout shows the whole system.
@Module({})
export class EHsbModule {}
