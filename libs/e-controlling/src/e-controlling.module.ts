import { Module } from '@nestjs/common';

// e-controlling: plan vs actual, deviation, early warnings.
// Its endpoints arrive with the module's issue; the module is wired in now so
// that the layout shows the whole system.
@Module({})
export class EControllingModule {}
