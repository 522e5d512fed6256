import { StreamableFile } from '@nestjs/common';
import { Column, download } from '../common/export';
import { Sp2dResponse } from './dto/sp2d.dto';

const COLUMNS: Column<Sp2dResponse>[] = [
  { header: 'Nomor SP2D', value: (r) => r.number },
  { header: 'Tanggal', value: (r) => r.issuedOn },
  { header: 'Jenis', value: (r) => r.type },
  { header: 'Nomor SPM', value: (r) => r.spmNumber },
  { header: 'Nomor SPP', value: (r) => r.sppNumber },
  { header: 'Kode OPD', value: (r) => r.organizationCode },
  { header: 'OPD', value: (r) => r.organizationName },
  { header: 'Penerima', value: (r) => r.payeeName },
  { header: 'Bruto', value: (r) => r.gross, money: true },
  { header: 'Netto', value: (r) => r.net, money: true },
  { header: 'Status', value: (r) => r.status },
  { header: 'Alasan batal', value: (r) => r.cancelReason },
];

export function sp2dRegisterExport(format: 'csv' | 'xlsx', fiscalYear: number, rows: Sp2dResponse[]): Promise<StreamableFile> {
  return download(format, `register-sp2d-${fiscalYear}`, 'Register SP2D', COLUMNS, rows);
}
