// Public face of @grms/e-controlling.
export * from './e-controlling.module';
export * from './realization/absorption-query.service';
export * from './realization/dto/realization.dto';
export * from './packages/plan-actual.service';
export * from './packages/dto/package-control.dto';
export * from './rfk/rfk.service';
export * from './rfk/dto/rfk.dto';
export * from './status/contract-status';
export * from './seed/controlling-demo.seeder';
export * from './realization/line-figures.query';
export * from './packages/plan-actual.query';
export * from './rfk/rfk.query';
export { plannedOn } from './status/s-curve';
export { ORGS_PER_PAGE, WARNING_ORGS_PER_PAGE } from './common/by-organization';
