import { StreamableFile } from '@nestjs/common';
import { Money } from '@grms/core';
import { streamDownload } from '@grms/core';
import { Column } from '../common/export';
import { Sp2dResponse } from './dto/sp2d.dto';

// The deductions a register shows in their own column; any other tax falls in "Potongan lain".
const DEDUCTIONS = ['PPN', 'PPH21', 'PPH22', 'PPH23', 'PPH4_2'];
const columnOf = (code: string) => DEDUCTIONS.find((d) => code === d || (d !== 'PPH4_2' && code.startsWith(`${d}_`)) || (d === 'PPH4_2' && code.startsWith('PPH4_2')));
const sumOf = (amounts: string[]) => Money.sum(amounts.map((a) => Money.of(a))).toString();
const other = (r: Sp2dResponse) => sumOf(Object.entries(r.deductions).filter(([c]) => !columnOf(c)).map(([, a]) => a));

const COLUMNS: Column<Sp2dResponse>[] = [
  { header: 'Nomor SP2D', value: (r) => r.number },
  { header: 'Tanggal', value: (r) => r.issuedOn },
  { header: 'Jenis', value: (r) => r.type },
  { header: 'Nomor SPM', value: (r) => r.spmNumber },
  { header: 'Nomor SPP', value: (r) => r.sppNumber },
  { header: 'Kode OPD', value: (r) => r.organizationCode },
  { header: 'OPD', value: (r) => r.organizationName },
  { header: 'LS', value: (r) => r.lsSubtype },
  { header: 'Penerima', value: (r) => r.payeeName },
  { header: 'Uraian', value: (r) => r.purpose },
  { header: 'Bruto', value: (r) => r.gross, money: true },
  ...DEDUCTIONS.map((code): Column<Sp2dResponse> => ({ header: `Potongan ${code}`, value: (r) => sumOf(Object.entries(r.deductions).filter(([c]) => columnOf(c) === code).map(([, a]) => a)), money: true })),
  { header: 'Potongan lain', value: (r) => other(r), money: true },
  { header: 'Netto', value: (r) => r.net, money: true },
  { header: 'Status', value: (r) => r.status },
  { header: 'Alasan batal', value: (r) => r.cancelReason },
  { header: 'Diterbitkan oleh', value: (r) => r.issuedByName },
];

export function sp2dRegisterExport(format: 'csv' | 'xlsx', fiscalYear: number, pages: AsyncIterable<Sp2dResponse[]>): StreamableFile {
  return streamDownload(format, `register-sp2d-${fiscalYear}`, 'Register SP2D', COLUMNS, pages);
}
