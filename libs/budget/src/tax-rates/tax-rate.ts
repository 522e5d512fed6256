export interface TaxRate {
  code: string;
  name: string;
  /** percent of the base, e.g. "11" or "1.5" */
  rate: string;
}
