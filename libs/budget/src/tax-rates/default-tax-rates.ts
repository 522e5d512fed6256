import { TaxRule } from './tax-rate';

const rule = (r: Partial<TaxRule> & Pick<TaxRule, 'code' | 'name' | 'rate'>): TaxRule => ({
  base: 'DPP', minGross: null, excludedAccounts: [], excludedPaymentKinds: [], requiresPkp: false, noNpwpSurcharge: '0', group: null, qualifications: [], ...r,
});

// The tax table a fiscal year starts with (DOMAIN.md); ADMIN edits it per
// year. Rates are percent of the base; the sources of every figure are in
// docs/decisions/0220-taxes-on-the-right-base.md. One table for the whole
// system: budget items price VAT with PPN, payments withhold the others.
export const DEFAULT_TAX_RATES: TaxRule[] = [
  // PMK 131/2024: 12% on a DPP of 11/12 of the price = 11% effective; collected by
  // government treasurers from PKP suppliers, not on unsplit payments of at most
  // Rp2,000,000 (PMK 231/2019 as amended by PMK 59/2022), not on payroll.
  rule({ code: 'PPN', name: 'PPN (VAT), 11% effective', rate: '11', minGross: '2000000.00', requiresPkp: true, excludedPaymentKinds: ['PAYROLL'] }),
  // UU PPh art. 21 (5a): 20% higher without NPWP. Honoraria of civil servants by grade (PMK 262/2010).
  rule({ code: 'PPH21_I', name: 'PPh 21 honoraria, civil-servant grade I', rate: '0', base: 'GROSS', noNpwpSurcharge: '20' }),
  rule({ code: 'PPH21_II', name: 'PPh 21 honoraria, civil-servant grade II', rate: '0', base: 'GROSS', noNpwpSurcharge: '20' }),
  rule({ code: 'PPH21_III', name: 'PPh 21 honoraria, civil-servant grade III', rate: '5', base: 'GROSS', noNpwpSurcharge: '20' }),
  rule({ code: 'PPH21_IV', name: 'PPh 21 honoraria, civil-servant grade IV', rate: '15', base: 'GROSS', noNpwpSurcharge: '20' }),
  // PMK 34/2017 and PMK 231/2019 as amended by PMK 59/2022: 1.5% of the price excluding VAT, not on unsplit purchases of at
  // most Rp2,000,000; UU PPh art. 22 (3): 100% higher without NPWP.
  rule({ code: 'PPH22', name: 'PPh 22 on goods', rate: '1.5', minGross: '2000000.00', noNpwpSurcharge: '100', excludedPaymentKinds: ['PAYROLL'] }),
  // UU PPh art. 23 (1) c and (1a): 2% of the gross excluding VAT, 100% higher without NPWP.
  rule({ code: 'PPH23', name: 'PPh 23 on services and rent', rate: '2', noNpwpSurcharge: '100', excludedPaymentKinds: ['PAYROLL'] }),
  // PP 9/2022 art. 3: construction work by the contractor's qualification, of the payment excluding VAT.
  rule({ code: 'PPH4_2_SMALL', name: 'PPh 4(2) construction, small qualification or certified individual', rate: '1.75', group: 'PPH4_2', qualifications: ['SMALL'], excludedPaymentKinds: ['PAYROLL'] }),
  rule({ code: 'PPH4_2', name: 'PPh 4(2) construction, other certified contractor', rate: '2.65', group: 'PPH4_2', qualifications: ['CERTIFIED'], excludedPaymentKinds: ['PAYROLL'] }),
  rule({ code: 'PPH4_2_UNCERTIFIED', name: 'PPh 4(2) construction, uncertified contractor', rate: '4', group: 'PPH4_2', qualifications: ['UNCERTIFIED'], excludedPaymentKinds: ['PAYROLL'] }),
  rule({ code: 'PPH4_2_CONSULTANCY', name: 'PPh 4(2) construction consultancy, certified', rate: '3.5', group: 'PPH4_2_CONSULTANCY', qualifications: ['SMALL', 'CERTIFIED'], excludedPaymentKinds: ['PAYROLL'] }),
  rule({ code: 'PPH4_2_CONSULTANCY_UNCERTIFIED', name: 'PPh 4(2) construction consultancy, uncertified', rate: '6', group: 'PPH4_2_CONSULTANCY', qualifications: ['UNCERTIFIED'], excludedPaymentKinds: ['PAYROLL'] }),
];
