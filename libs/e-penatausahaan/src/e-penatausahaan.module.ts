import { Module } from '@nestjs/common';

// e-penatausahaan: SPD, SPP, SPM, SP2D, advances and SPJ, taxes, BKU.
// Its endpoints arrive with the module's issue; the module is wired in now so
// that the layout shows the whole system.
@Module({})
export class EPenatausahaanModule {}
