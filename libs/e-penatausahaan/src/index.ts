export * from './e-penatausahaan.module';
