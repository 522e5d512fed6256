import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, Column, CurrentUser, Page, Permission, streamDownload } from '@grms/core';
import { PlanReportPageQueryDto, RkoRow, RupRow } from './dto/report.dto';
import { PlanReportsService } from './plan-reports.service';

const RUP_COLUMNS: Column<RupRow>[] = [
  { header: 'Kode RUP', value: (r) => r.rupCode }, { header: 'Kode Paket', value: (r) => r.packageCode }, { header: 'Nama Paket', value: (r) => r.name },
  { header: 'Satuan Kerja', value: (r) => r.organizationName }, { header: 'Lokasi', value: (r) => r.location }, { header: 'Volume', value: (r) => r.volume },
  { header: 'Uraian', value: (r) => r.description }, { header: 'Jenis Pengadaan', value: (r) => r.type }, { header: 'Cara Pengadaan', value: (r) => r.mode },
  { header: 'Metode Pemilihan', value: (r) => r.method }, { header: 'Produk Dalam Negeri', value: (r) => (r.domesticProduct ? 'Ya' : 'Tidak') },
  { header: 'Usaha Kecil', value: (r) => (r.smallBusiness ? 'Ya' : 'Tidak') }, { header: 'Sumber Dana', value: (r) => r.fundingSources },
  { header: 'Kode Anggaran', value: (r) => r.budgetCodes }, { header: 'Total Pagu', value: (r) => r.value, money: true },
  { header: 'Pemilihan Mulai', value: (r) => r.procurementStart }, { header: 'Pemilihan Akhir', value: (r) => r.procurementEnd },
  { header: 'Kontrak Mulai', value: (r) => r.executionStart }, { header: 'Kontrak Akhir', value: (r) => r.executionEnd },
  { header: 'Pemanfaatan Mulai', value: (r) => r.useStart }, { header: 'Versi', value: (r) => r.version },
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const RKO_COLUMNS: Column<RkoRow>[] = [
  { header: 'Sub Kegiatan', value: (r) => r.subActivityCode }, { header: 'Nama Sub Kegiatan', value: (r) => r.subActivityName },
  { header: 'Kode Paket', value: (r) => r.packageCode }, { header: 'Nama Paket', value: (r) => r.name }, { header: 'Satuan Kerja', value: (r) => r.organizationName },
  { header: 'Nilai', value: (r) => r.value, money: true },
  ...MONTHS.map((mo, i): Column<RkoRow> => ({ header: `Fisik % ${mo}`, value: (r) => r.physical[i] ?? null })),
  ...MONTHS.map((mo, i): Column<RkoRow> => ({ header: `Keuangan ${mo}`, value: (r) => r.financial[i] ?? null, money: true })),
];

@ApiTags('e-project-planning')
@Controller('project-planning')
export class PlanReportsController {
  constructor(private readonly reports: PlanReportsService) {}

  @Get('rup')
  @Authenticated({ permission: Permission.PACKAGE_READ })
  @ApiOperation({ summary: 'Procurement plan (RUP) in the columns SiRUP uses', description: 'Announced packages (and later states) of the year; OPD roles see their OPD. format=json (default): one page `{ data, meta: { page, limit, total } }` in report order (OPD code, RUP code); format=csv|xlsx: every row, streamed from one read-only snapshot, page by page.' })
  @ApiPage(RupRow)
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async rup(@CurrentUser() user: AuthUser, @Query() q: PlanReportPageQueryDto): Promise<Page<RupRow> | StreamableFile> {
    if (!q.format || q.format === 'json') return this.reports.rup(user, q);
    return streamDownload(q.format, `rup-${q.fiscalYear}`, 'RUP', RUP_COLUMNS, await this.reports.rupPages(user, q));
  }

  @Get('rko')
  @Authenticated({ permission: Permission.PACKAGE_READ })
  @ApiOperation({ summary: 'Operational work plan (RKO) per sub kegiatan', description: 'Every package not cancelled, with its monthly S-curve and financial plan; OPD roles see their OPD. format=json (default): one page `{ data, meta: { page, limit, total } }` in report order (OPD code, sub kegiatan, package code), as the RUP; format=csv|xlsx: every row, streamed from one read-only snapshot, page by page.' })
  @ApiPage(RkoRow)
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async rko(@CurrentUser() user: AuthUser, @Query() q: PlanReportPageQueryDto): Promise<Page<RkoRow> | StreamableFile> {
    if (!q.format || q.format === 'json') return this.reports.rko(user, q);
    return streamDownload(q.format, `rko-${q.fiscalYear}`, 'RKO', RKO_COLUMNS, await this.reports.rkoPages(user, q));
  }
}
