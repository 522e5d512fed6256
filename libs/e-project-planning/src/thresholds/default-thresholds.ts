import { PackageType } from '../packages/package.constants';

// Direct procurement (pengadaan langsung) ceilings when a fiscal year has no
// row of its own in procurement_thresholds. Sources in decision 0400:
// Perpres 16/2018 art. 38(3) and 41(2) as amended by Perpres 12/2021, and the
// construction ceiling raised to Rp400 million by Perpres 46/2025.
export const DEFAULT_THRESHOLDS: Record<PackageType, { directMax: string; regulation: string }> = {
  GOODS: { directMax: '200000000.00', regulation: 'Perpres 16/2018 jo. 12/2021, Pasal 38 ayat (3)' },
  OTHER_SERVICES: { directMax: '200000000.00', regulation: 'Perpres 16/2018 jo. 12/2021, Pasal 38 ayat (3)' },
  INTEGRATED: { directMax: '200000000.00', regulation: 'Perpres 16/2018 jo. 12/2021, Pasal 38 ayat (3)' },
  CONSTRUCTION: { directMax: '400000000.00', regulation: 'Perpres 16/2018 jo. 46/2025, Pasal 38 ayat (3)' },
  CONSULTANCY: { directMax: '100000000.00', regulation: 'Perpres 16/2018 jo. 12/2021, Pasal 41 ayat (2)' },
};
