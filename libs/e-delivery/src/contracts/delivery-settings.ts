// Contract figures that come from regulation, per fiscal year; a year without
// an entry uses DEFAULT_SETTINGS. Sources in decision 0401: advance (uang
// muka) and retention from Perpres 16/2018 jo. 12/2021 and its LKPP rule
// (Perlem LKPP 12/2021), late penalty 1 per mille a day (Perpres 16/2018
// art. 79(4)), addenda at most +10% of the original value (art. 54(2)).
export interface DeliverySettings {
  advanceMaxSmallPercent: string;
  advanceMaxOtherPercent: string;
  retentionPercent: string;
  penaltyPerMillePerDay: string;
  addendumMaxIncreasePercent: string;
}

export const DEFAULT_SETTINGS: DeliverySettings = {
  advanceMaxSmallPercent: '30',
  advanceMaxOtherPercent: '20',
  retentionPercent: '5',
  penaltyPerMillePerDay: '1',
  addendumMaxIncreasePercent: '10',
};

export const SETTINGS_BY_YEAR: Record<number, DeliverySettings> = {};

export function deliverySettings(fiscalYear: number): DeliverySettings {
  return SETTINGS_BY_YEAR[fiscalYear] ?? DEFAULT_SETTINGS;
}
