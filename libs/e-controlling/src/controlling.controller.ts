import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, AuthUser, Column, CurrentUser, CSV_TYPE, download, Page, pageOf, Permission, streamDownload, XLSX_TYPE } from '@grms/core';
import { ControllingExportQueryDto } from './common/controlling-query.dto';
import { PackageControlQueryDto, PackageControlRow } from './packages/dto/package-control.dto';
import { PlanActualService } from './packages/plan-actual.service';
import { RealizationQueryDto, RealizationRow } from './realization/dto/realization.dto';
import { RealizationService } from './realization/realization.service';
import { followUpOf } from './rfk/rfk-builder.service';
import { WarningRow } from './warnings/dto/warning.dto';
import { WarningsService } from './warnings/warnings.service';

const REALIZATION_COLUMNS: Column<RealizationRow>[] = [
  { header: 'Tingkat', value: (r) => r.level }, { header: 'Kode', value: (r) => r.code }, { header: 'Uraian', value: (r) => r.name }, { header: 'OPD', value: (r) => r.organizationName },
  { header: 'Pagu', value: (r) => r.appropriated, money: true }, { header: 'SPD', value: (r) => r.allotted, money: true }, { header: 'Komitmen', value: (r) => r.committed, money: true },
  { header: 'Realisasi', value: (r) => r.disbursed, money: true }, { header: 'Rencana', value: (r) => r.planned, money: true }, { header: 'Sisa', value: (r) => r.remaining, money: true },
  { header: 'Serapan %', value: (r) => r.absorptionPercent }, { header: 'Rencana %', value: (r) => r.plannedPercent }, { header: 'Deviasi', value: (r) => r.deviation },
  { header: 'Target Fisik %', value: (r) => r.physicalPlannedPercent }, { header: 'Fisik %', value: (r) => r.physicalPercent },
];
const PACKAGE_COLUMNS: Column<PackageControlRow>[] = [
  { header: 'Kode OPD', value: (r) => r.organizationCode }, { header: 'OPD', value: (r) => r.organizationName }, { header: 'Program', value: (r) => r.programCode },
  { header: 'Sub Kegiatan', value: (r) => r.subActivityCode }, { header: 'Kode Paket', value: (r) => r.packageCode }, { header: 'Paket', value: (r) => r.packageName },
  { header: 'Jenis', value: (r) => r.type }, { header: 'Nilai', value: (r) => r.value, money: true }, { header: 'No Kontrak', value: (r) => r.contractNumber },
  { header: 'Penyedia', value: (r) => r.vendorName }, { header: 'PPK', value: (r) => r.officerName }, { header: 'Per Tanggal', value: (r) => r.asOf },
  { header: 'Rencana Fisik %', value: (r) => r.plannedPhysical }, { header: 'Realisasi Fisik %', value: (r) => r.actualPhysical }, { header: 'Deviasi Fisik', value: (r) => r.physicalDeviation },
  { header: 'Laporan Terakhir', value: (r) => r.lastReportOn }, { header: 'Proyeksi Selesai', value: (r) => r.projectedCompletion },
  { header: 'Rencana Keuangan', value: (r) => r.plannedFinancial, money: true }, { header: 'Realisasi Keuangan', value: (r) => r.realisedFinancial, money: true },
  { header: 'Rencana Keuangan %', value: (r) => r.plannedFinancialPercent }, { header: 'Realisasi Keuangan %', value: (r) => r.realisedFinancialPercent },
  { header: 'Deviasi Keuangan', value: (r) => r.financialDeviation }, { header: 'Status', value: (r) => r.status }, { header: 'Alasan', value: (r) => r.reason },
  { header: 'Tindak Lanjut', value: (r) => followUpOf(r.escalations) }, { header: 'Lokasi', value: (r) => r.location },
];
const WARNING_COLUMNS: Column<WarningRow>[] = [
  { header: 'Jenis', value: (r) => r.kind }, { header: 'Kode OPD', value: (r) => r.organizationCode }, { header: 'OPD', value: (r) => r.organizationName },
  { header: 'Subjek', value: (r) => r.subject }, { header: 'Uraian Subjek', value: (r) => r.subjectName }, { header: 'Keterangan', value: (r) => r.detail },
];
const SCOPE = 'AUDITOR and ADMIN read the province; OPD roles (planner, project officer, PA/KPA, supervisor) their own OPD and its units; another OPD\'s organizationId is 404.';
const DATE = 'As of asOf, else the end of month, else the end of the current month; asOf outside the fiscal year, or both month and asOf, is 400. programCode narrows to one program (a code that is not a program: 422 UNKNOWN_PROGRAM).';
const FILE = 'format=json (paged) | csv | xlsx: every row, streamed OPD by OPD from one snapshot, with codes, names and document numbers (never ids).';

@ApiTags('e-controlling')
@Controller('controlling')
export class ControllingController {
  constructor(private readonly plans: PlanActualService, private readonly realization: RealizationService, private readonly warnings: WarningsService) {}

  @Get('realization')
  @Authenticated({ permission: Permission.CONTROLLING_READ })
  @ApiOperation({ summary: 'Financial absorption (serapan) and weighted physical progress, grouped', description: `Per province, OPD, program, kegiatan, sub kegiatan, account or package: appropriation, allotment, commitment and disbursement from the ledger by value date; realised absorption = disbursed / appropriated, planned = cumulative cash plan (else the packages' financial plans) / appropriated, deviation in points; physical progress weighted by package value, routine spending by its financial realisation. ${DATE} ${SCOPE} format=json (paged) | csv | xlsx.` })
  @ApiPage(RealizationRow)
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiProblems(400, 404, { 422: 'UNKNOWN_PROGRAM' })
  async realizationReport(@CurrentUser() user: AuthUser, @Query() q: RealizationQueryDto): Promise<Page<RealizationRow> | StreamableFile> {
    if ((q.format === 'csv' || q.format === 'xlsx') && q.groupBy === 'package') {
      return streamDownload(q.format, `serapan-${q.fiscalYear}-package`, 'Serapan', REALIZATION_COLUMNS, await this.realization.packagePages(user, q));
    }
    const rows = await this.realization.rows(user, q);
    if (q.format === 'csv' || q.format === 'xlsx') return download(q.format, `serapan-${q.fiscalYear}-${q.groupBy ?? 'organization'}`, 'Serapan', REALIZATION_COLUMNS, rows);
    return pageOf(rows.slice((q.page - 1) * q.limit, q.page * q.limit), rows.length, q);
  }

  @Get('packages')
  @Authenticated({ permission: Permission.CONTROLLING_READ })
  @ApiOperation({ summary: 'Plan against actual per package and contract, with the kontrak kritis status', description: `Planned physical % from the package S-curve interpolated by day, actual from the latest verified progress report on or before the date, deviation = actual - planned. Status (thresholds of the fiscal year, decision 0500): CRITICAL for construction more than 10 points behind with planned below 70%, more than 5 behind from 70%, or behind from 70% with the completion projected from the last 28 days after the year ends; LATE when behind otherwise (goods and services are never CRITICAL); ON_TRACK. Critical contracts carry their escalation record. ${DATE} ${SCOPE} ${FILE}` })
  @ApiPage(PackageControlRow)
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiProblems(400, 404, { 422: 'UNKNOWN_PROGRAM' })
  async packages(@CurrentUser() user: AuthUser, @Query() q: PackageControlQueryDto): Promise<Page<PackageControlRow> | StreamableFile> {
    if (q.format === 'csv' || q.format === 'xlsx') return streamDownload(q.format, `paket-${q.fiscalYear}${q.status ? `-${q.status.toLowerCase()}` : ''}`, 'Paket', PACKAGE_COLUMNS, await this.plans.download(user, q));
    return this.plans.list(user, q);
  }

  @Get('warnings')
  @Authenticated({ permission: Permission.CONTROLLING_READ })
  @ApiOperation({ summary: 'Early warnings', description: `NOT_TENDERED (no contract N days after the planned procurement start), NO_PROGRESS_REPORT (no verified report for 14 days), CRITICAL_CONTRACT, ALLOTMENT_UNSPENT, TU_OVERDUE, BEHIND_CASH_PLAN (more than X points behind), YEAR_END_REMAINING (remaining budget above the share of the year left); figures from the year's thresholds. ${DATE} ${SCOPE} ${FILE}` })
  @ApiPage(WarningRow)
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiProblems(400, 404, { 422: 'UNKNOWN_PROGRAM' })
  async list(@CurrentUser() user: AuthUser, @Query() q: ControllingExportQueryDto): Promise<Page<WarningRow> | StreamableFile> {
    if (q.format === 'csv' || q.format === 'xlsx') return streamDownload(q.format, `peringatan-dini-${q.fiscalYear}`, 'Peringatan', WARNING_COLUMNS, await this.warnings.download(user, q));
    return this.warnings.list(user, q);
  }
}
