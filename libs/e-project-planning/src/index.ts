// Public face of @grms/e-project-planning.
export * from './e-project-planning.module';
export * from './packages/package.constants';
export * from './packages/packages.service';
export * from './packages/package-workflow.service';
export * from './packages/package.queries';
export * from './packages/dto/package.dto';
