// Code lists of a work package (paket), as SiRUP names them.
export const PACKAGE_TYPES = ['GOODS', 'CONSTRUCTION', 'CONSULTANCY', 'OTHER_SERVICES', 'INTEGRATED'] as const;
export type PackageType = (typeof PACKAGE_TYPES)[number];
export const PACKAGE_MODES = ['PROVIDER', 'SELF_MANAGED_I', 'SELF_MANAGED_II', 'SELF_MANAGED_III', 'SELF_MANAGED_IV', 'PROVIDER_IN_SELF_MANAGED'] as const;
export const PACKAGE_METHODS = ['E_PURCHASING', 'DIRECT_PROCUREMENT', 'DIRECT_APPOINTMENT', 'FAST_TENDER', 'TENDER', 'SELECTION', 'EXEMPT', 'SELF_MANAGED'] as const;
export type PackageMethod = (typeof PACKAGE_METHODS)[number];
export const PACKAGE_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'ANNOUNCED', 'IN_PROCUREMENT', 'CONTRACTED', 'COMPLETED', 'CANCELLED'] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];
/** States in which a package may receive a contract. */
export const CONTRACTABLE: readonly PackageStatus[] = ['APPROVED', 'ANNOUNCED', 'IN_PROCUREMENT', 'CONTRACTED'];
