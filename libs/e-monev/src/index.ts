// Public face of @grms/e-monev.
export * from './e-monev.module';
export * from './indicators/indicators.service';
export * from './indicators/indicator.dto';
export * from './realizations/realizations.service';
export * from './evaluation/evaluation.service';
export * from './evaluation/evaluation.sql';
export * from './evaluation/evaluation.dto';
export * from './rules/achievement';
export * from './rules/quarters';
export * from './seed/monev-demo.seeder';
