export * from './e-hsb.module';
