// The tabular export helpers (CSV/XLSX, formula-safe) live in @grms/core so
// that every module shares them.
export { download, toCsv, toXlsx } from '@grms/core';
export type { Column } from '@grms/core';
