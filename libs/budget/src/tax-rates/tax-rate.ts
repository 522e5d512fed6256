/** On what a tax is computed: the DPP of a VAT-inclusive gross, the gross, or half the gross. */
export const TAX_BASES = ['DPP', 'GROSS', 'HALF_GROSS'] as const;
export type TaxBase = (typeof TAX_BASES)[number];

/** A construction payee's qualification (PP 9/2022): small or certified individual, other certified, uncertified. */
export const QUALIFICATIONS = ['SMALL', 'CERTIFIED', 'UNCERTIFIED'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** The kinds of LS payment (and the advances) a tax may be excluded from. */
export const PAYMENT_KINDS = ['PAYROLL', 'GOODS_SERVICES', 'THIRD_PARTY', 'UP', 'GU', 'TU'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export interface TaxRate {
  code: string;
  name: string;
  /** percent of the base, e.g. "11" or "1.5" */
  rate: string;
}

/** A row of the per-fiscal-year tax table with the rules that decide whether and on what it is collected. */
export interface TaxRule extends TaxRate {
  base: TaxBase;
  /** not collected when the gross is at most this (null: always collected) */
  minGross: string | null;
  /** account code prefixes the tax does not apply to */
  excludedAccounts: string[];
  excludedPaymentKinds: PaymentKind[];
  /** collected only from a VAT-registered payee (PKP) */
  requiresPkp: boolean;
  /** percent added to the rate when the payee has no NPWP ("100" = twice the rate) */
  noNpwpSurcharge: string;
  /** rows of one group are alternatives picked by the payee's qualification */
  group: string | null;
  qualifications: Qualification[];
}
