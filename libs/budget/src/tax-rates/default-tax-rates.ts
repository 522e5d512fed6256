import { TaxRate } from './tax-rate';

// The tax table a fiscal year starts with (DOMAIN.md); ADMIN edits it per
// year. Rates are percent of the base. One table for the whole system: budget
// items price VAT with PPN, payments withhold the others. PPN: 12% nominal on a base
// of 11/12 since 2025 = 11% effective.
export const DEFAULT_TAX_RATES: TaxRate[] = [
  { code: 'PPN', name: 'PPN (VAT), 11% effective', rate: '11' },
  { code: 'PPH21_I', name: 'PPh 21 honoraria, civil-servant grade I', rate: '0' },
  { code: 'PPH21_II', name: 'PPh 21 honoraria, civil-servant grade II', rate: '0' },
  { code: 'PPH21_III', name: 'PPh 21 honoraria, civil-servant grade III', rate: '5' },
  { code: 'PPH21_IV', name: 'PPh 21 honoraria, civil-servant grade IV', rate: '15' },
  { code: 'PPH22', name: 'PPh 22 on goods', rate: '1.5' },
  { code: 'PPH23', name: 'PPh 23 on services and rent', rate: '2' },
  { code: 'PPH4_2', name: 'PPh 4(2) on construction', rate: '2.65' },
];
