// Public face of @grms/e-hsb.
export * from './e-hsb.module';
export * from './items/hsb-item.types';
export * from './items/hsb-items.service';
export * from './imports/hsb-import.service';
export * from './imports/import-profiles';
export * from './imports/tabular-reader';
export * from './seed/hsb-demo.seeder';
export * from './seed/hsb-demo.data';
export * from './imports/import-template';
export * from './items/hsb-search-index';
