// Public face of @grms/e-penatausahaan.
export * from './e-penatausahaan.module';
export * from './spd/spd.service';
export * from './spp/spp.service';
export * from './spp/spp-workflow.service';
export * from './spm/spm.service';
export * from './sp2d/sp2d.service';
export * from './spj/spj.service';
export * from './bku/bku.service';
export * from './taxes/tax-calc';
export * from './seed/penatausahaan-demo.seeder';
// revenue, financing and the treasury (issue 8)
export * from './sts/sts.service';
export * from './treasury/treasury-cash.service';
export * from './treasury/financing.service';
export * from './treasury/treasury-cash-verify';
export * from './seed/revenue-demo.seeder';
// the statements of SP2D issuance, for the pgbench script of `grms bench` (issue 11)
export { SPP_SELECT } from './spp/spp.queries';
export { SP2D_SELECT } from './sp2d/sp2d.queries';
export { NEXT_NUMBER_SQL } from './common/doc-lines';
