export * from './e-budgeting.module';
