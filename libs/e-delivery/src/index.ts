export * from './e-delivery.module';
