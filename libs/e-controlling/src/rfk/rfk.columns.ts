import { Column } from '@grms/core';
import { RfkRow } from './dto/rfk.dto';

// The RFK as a spreadsheet: codes and names, never ids.
export const RFK_COLUMNS: Column<RfkRow>[] = [
  { header: 'No', value: (r) => r.rowNo }, { header: 'Tingkat', value: (r) => r.level },
  { header: 'Kode OPD', value: (r) => r.organizationCode }, { header: 'OPD', value: (r) => r.organizationName },
  { header: 'Kode', value: (r) => r.code }, { header: 'Program / Kegiatan / Sub Kegiatan / Paket', value: (r) => r.name },
  { header: 'Pagu', value: (r) => r.budget, money: true }, { header: 'Bobot %', value: (r) => r.weight },
  { header: 'Target Fisik %', value: (r) => r.physicalTarget }, { header: 'Realisasi Fisik %', value: (r) => r.physicalRealisation },
  { header: 'Fisik Tertimbang %', value: (r) => r.weightedPhysical },
  { header: 'Target Keuangan (Rp)', value: (r) => r.financialTarget, money: true }, { header: 'Target Keuangan %', value: (r) => r.financialTargetPercent },
  { header: 'Realisasi Keuangan (Rp)', value: (r) => r.financialRealisation, money: true }, { header: 'Realisasi Keuangan %', value: (r) => r.financialRealisationPercent },
  { header: 'Deviasi Fisik', value: (r) => r.physicalDeviation }, { header: 'Deviasi Keuangan', value: (r) => r.financialDeviation },
  { header: 'Sisa Anggaran', value: (r) => r.remainingBudget, money: true }, { header: 'Lokasi', value: (r) => r.location },
  { header: 'PPK / Penanggung Jawab', value: (r) => r.officer }, { header: 'Status', value: (r) => r.status },
  { header: 'Permasalahan', value: (r) => r.problems }, { header: 'Tindak Lanjut', value: (r) => r.followUp },
];
