export * from './e-controlling.module';
