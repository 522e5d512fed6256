export * from './e-project-planning.module';
