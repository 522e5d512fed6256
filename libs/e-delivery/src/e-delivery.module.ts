import { Module } from '@nestjs/common';

// e-delivery: vendors, contracts, payment milestones (termin), progress, handover.
// Its endpoints arrive with the module's issue; the module is wired in now so
// that the layout shows the whole system.
@Module({})
export class EDeliveryModule {}
