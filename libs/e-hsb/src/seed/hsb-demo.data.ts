import { HsbCategory, HsbCeiling } from '../items/hsb-item.types';

/** Demo catalogue entries on the loaded chart's accounts, for 2026 and 2027. */
export const DEMO_HSB_ITEMS: { code: string; name: string; specification: string; unit: string; price: string; category: HsbCategory; ceiling: HsbCeiling; accountCodes: string[] }[] = [
  { code: 'SSH.ATK.0001', name: 'Kertas HVS A4', specification: '80 gram, 1 rim isi 500 lembar', unit: 'Rim', price: '55000', category: 'SSH', ceiling: 'ESTIMATE', accountCodes: ['5.1.02.01.01.0024'] },
  { code: 'SSH.ATK.0002', name: 'Tinta Printer', specification: 'botol 70 ml, hitam', unit: 'Botol', price: '95000', category: 'SSH', ceiling: 'ESTIMATE', accountCodes: ['5.1.02.01.01.0024'] },
  { code: 'SSH.ATK.0003', name: 'Map Snelhecter Plastik', specification: 'folio', unit: 'Buah', price: '4000', category: 'SSH', ceiling: 'ESTIMATE', accountCodes: ['5.1.02.01.01.0024'] },
  { code: 'SSH.KBR.0001', name: 'Cairan Pembersih Lantai', specification: 'jerigen 5 liter', unit: 'Jerigen', price: '160000', category: 'SSH', ceiling: 'ESTIMATE', accountCodes: ['5.1.02.01.01.0036'] },
  { code: 'SSH.KBR.0002', name: 'Set Alat Pel dan Sapu', specification: 'gagang aluminium', unit: 'Set', price: '80000', category: 'SSH', ceiling: 'ESTIMATE', accountCodes: ['5.1.02.01.01.0036'] },
  { code: 'SSH.TIK.0001', name: 'Paket Perangkat Jaringan Laboratorium Komputer Sekolah', specification: 'switch, router, access point, server, kabel terstruktur', unit: 'Paket', price: '245000000', category: 'SSH', ceiling: 'ESTIMATE', accountCodes: ['5.2.02.10.01.0001'] },
  { code: 'SSH.TIK.0002', name: 'Paket Perangkat Jaringan Puskesmas', specification: 'switch, router, access point, kabel terstruktur', unit: 'Paket', price: '150000000', category: 'SSH', ceiling: 'ESTIMATE', accountCodes: ['5.2.02.10.01.0001'] },
  { code: 'SBU.HON.0001', name: 'Honorarium Tim Pelaksana Kegiatan - Ketua', specification: 'per orang per bulan', unit: 'OB', price: '1500000', category: 'SBU', ceiling: 'HARD', accountCodes: ['5.1.02.02.01.0004'] },
  { code: 'SBU.HON.0002', name: 'Honorarium Tim Pelaksana Kegiatan - Anggota', specification: 'per orang per bulan', unit: 'OB', price: '1000000', category: 'SBU', ceiling: 'HARD', accountCodes: ['5.1.02.02.01.0004'] },
  { code: 'SBU.HON.0003', name: 'Honorarium Sekretariat Tim Pelaksana Kegiatan', specification: 'per orang per bulan', unit: 'OB', price: '500000', category: 'SBU', ceiling: 'HARD', accountCodes: ['5.1.02.02.01.0004'] },
];
