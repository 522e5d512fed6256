export * from './e-monev.module';
