import { Column } from '@grms/core';
import { ContractResponse } from './dto/contract.dto';

// The contract register's columns: names and document numbers, never ids.
export const CONTRACT_REGISTER_COLUMNS: Column<ContractResponse>[] = [
  { header: 'Nomor Kontrak', value: (r) => r.number }, { header: 'Tanggal', value: (r) => r.signedOn }, { header: 'Kode RUP', value: (r) => r.rupCode },
  { header: 'Paket', value: (r) => `${r.packageCode} ${r.packageName}` }, { header: 'Penyedia', value: (r) => r.vendorName }, { header: 'NPWP', value: (r) => r.vendorNpwp },
  { header: 'Metode', value: (r) => r.method }, { header: 'Nilai Awal', value: (r) => r.originalValue, money: true }, { header: 'Nilai', value: (r) => r.value, money: true },
  { header: 'Adendum', value: (r) => r.addendaCount }, { header: 'Uang Muka', value: (r) => r.advance, money: true },
  { header: 'Termin Dibayar (SP2D)', value: (r) => r.termins.filter((t) => t.paidSp2dNumber).map((t) => `${t.terminNo}: ${t.paidSp2dNumber}`).join('; ') },
  { header: 'Dibayar', value: (r) => r.paid, money: true }, { header: 'Sisa', value: (r) => r.remaining, money: true },
  { header: 'Progres %', value: (r) => r.progress }, { header: 'PHO', value: (r) => r.phoDate }, { header: 'FHO', value: (r) => r.fhoDate },
  { header: 'Denda', value: (r) => r.penaltyTotal, money: true }, { header: 'Status', value: (r) => r.status },
];
