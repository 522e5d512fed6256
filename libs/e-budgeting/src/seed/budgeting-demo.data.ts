// Demo budgets. Organizations are named by code; the planner is the demo user
// who drafts. Item totals per account equal the demo line appropriations the
// other modules' demo data rely on (e.g. OPD A goods 150,000,000.00).
export interface DemoItem { account: string; source: string; hsb?: string; description: string; coefficients: [string, string][]; unitPrice: string; vat?: boolean }
export interface DemoDocument { org: string; planner: string; subActivityCode: string; items: DemoItem[] }

export const ORG_A = '1.01.0.00.0.00.01.0000';
export const ORG_B = '1.02.0.00.0.00.01.0000';
export const ORG_C = '1.03.0.00.0.00.01.0000';

const ATK = (n: [string, string][], kertas: string, tinta: string, map: string): DemoItem[] => [
  { account: '5.1.02.01.01.0024', source: '1.2.1.01.02', hsb: 'SSH.ATK.0001', description: 'Kertas HVS A4 80 gram', coefficients: [...n, [kertas, 'Rim']], unitPrice: '55000' },
  { account: '5.1.02.01.01.0024', source: '1.2.1.01.02', hsb: 'SSH.ATK.0002', description: 'Tinta printer hitam', coefficients: [...n, [tinta, 'Botol']], unitPrice: '95000' },
  { account: '5.1.02.01.01.0024', source: '1.2.1.01.02', hsb: 'SSH.ATK.0003', description: 'Map snelhecter plastik', coefficients: [...n, [map, 'Buah']], unitPrice: '4000' },
];

export const CEILINGS: { org: string; year: number; amount: string }[] = [
  { org: ORG_A, year: 2026, amount: '3000000000' }, { org: ORG_B, year: 2026, amount: '1500000000' }, { org: ORG_C, year: 2026, amount: '100000000' },
  { org: ORG_A, year: 2027, amount: '3200000000' }, { org: ORG_B, year: 2027, amount: '1600000000' },
];

/** Approved 2026 DPAs (MURNI). */
export const DPA_2026: DemoDocument[] = [
  { org: ORG_A, planner: 'planner-a', subActivityCode: '1.01.02.1.01.0072', items: [
    ...ATK([], '1500', '500', '5000'),
    { account: '5.2.02.10.01.0001', source: '1.2.1.01.02', hsb: 'SSH.TIK.0001', description: 'Perangkat jaringan laboratorium komputer SMA/SMK', coefficients: [['10', 'sekolah'], ['1', 'paket']], unitPrice: '245000000' },
  ] },
  { org: ORG_A, planner: 'planner-a', subActivityCode: '1.01.02.1.01.0070', items: [
    { account: '5.1.02.02.01.0004', source: '1.1.1.01', hsb: 'SBU.HON.0001', description: 'Honorarium ketua tim pelaksana', coefficients: [['1', 'orang'], ['12', 'bulan']], unitPrice: '1500000' },
    { account: '5.1.02.02.01.0004', source: '1.1.1.01', hsb: 'SBU.HON.0002', description: 'Honorarium anggota tim pelaksana', coefficients: [['5', 'orang'], ['12', 'bulan']], unitPrice: '1000000' },
    { account: '5.1.02.02.01.0004', source: '1.1.1.01', hsb: 'SBU.HON.0003', description: 'Honorarium sekretariat tim pelaksana', coefficients: [['2', 'orang'], ['10', 'bulan']], unitPrice: '475000' },
  ] },
  { org: ORG_B, planner: 'planner-b', subActivityCode: '1.02.02.1.01.0009', items: [
    { account: '5.1.02.01.01.0036', source: '1.2.1.01.02', hsb: 'SSH.KBR.0001', description: 'Cairan pembersih lantai rumah sakit', coefficients: [['200', 'jerigen']], unitPrice: '160000' },
    { account: '5.1.02.01.01.0036', source: '1.2.1.01.02', hsb: 'SSH.KBR.0002', description: 'Set alat pel dan sapu', coefficients: [['40', 'ruang'], ['10', 'set']], unitPrice: '80000' },
    { account: '5.2.02.10.01.0001', source: '1.1.1.05', hsb: 'SSH.TIK.0002', description: 'Perangkat jaringan SIMRS', coefficients: [['8', 'paket']], unitPrice: '150000000' },
  ] },
  { org: ORG_C, planner: 'planner-c', subActivityCode: 'X.XX.01.1.08.0001', items: ATK([], '400', '100', '875') },
];

/** The 2027 round in progress: A drafting, B submitted. */
export const RKA_2027: (DemoDocument & { submit: boolean })[] = [
  { org: ORG_A, planner: 'planner-a', subActivityCode: '1.01.02.1.01.0072', submit: false, items: [
    ...ATK([['32', 'sekolah']], '50', '20', '100'),
  ] },
  { org: ORG_B, planner: 'planner-b', subActivityCode: '1.02.02.1.01.0009', submit: true, items: [
    { account: '5.1.02.01.01.0036', source: '1.2.1.01.02', hsb: 'SSH.KBR.0001', description: 'Cairan pembersih lantai rumah sakit', coefficients: [['220', 'jerigen']], unitPrice: '160000' },
  ] },
];
