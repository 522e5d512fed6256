import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CSV_TYPE, CurrentUser, download, Permission, XLSX_TYPE } from '@grms/core';
import { FreezeRfkDto, RfkPage, RfkQueryDto, RfkSnapshotResponse } from './dto/rfk.dto';
import { RFK_COLUMNS } from './rfk.columns';
import { RfkService } from './rfk.service';

@ApiTags('e-controlling')
@Controller('controlling/rfk')
export class RfkController {
  constructor(private readonly rfk: RfkService) {}

  @Get()
  @Authenticated({ permission: Permission.CONTROLLING_READ })
  @ApiOperation({ summary: 'The monthly physical and financial realisation report (RFK)', description: 'Per OPD: its total, each program, kegiatan and sub kegiatan, and the packages under it, with budget, weight, physical target and realisation, weighted physical, financial target and realisation (Rp and %), deviations, remaining budget, location, officer, problems and follow-up, as of the month\'s last day. A frozen month answers its snapshot (the latest version, or `version`), the same whatever is posted later; an unfrozen month is computed live. AUDITOR and ADMIN read the province, OPD roles their own OPD. format=json (paged) | csv | xlsx (every row).' })
  @ApiOkResponse({ type: RfkPage })
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiProblems({ 404: 'NOT_FOUND (an unknown version, or another OPD)' })
  async read(@CurrentUser() user: AuthUser, @Query() q: RfkQueryDto): Promise<RfkPage | StreamableFile> {
    const all = q.format === 'csv' || q.format === 'xlsx';
    const page = await this.rfk.read(user, q, all);
    if (q.format === 'csv' || q.format === 'xlsx') return download(q.format, `rfk-${q.fiscalYear}-${String(q.month).padStart(2, '0')}${page.report.version ? `-v${page.report.version}` : ''}`, 'RFK', RFK_COLUMNS, page.data);
    return page;
  }

  @Post(':fiscalYear/:month/freeze')
  @HttpCode(201)
  @Authenticated({ permission: Permission.RFK_FREEZE })
  @ApiOperation({ summary: 'Freeze (publish) the RFK of a month', description: 'ADMIN or the monitoring team (MONEV_VERIFIER). Computes the province\'s RFK as of the month\'s last day and keeps it as version 1, or, for a month already frozen, as the next version with a reason (a correction). A month that has not ended is refused (RFK_MONTH_NOT_OVER). The snapshot is append-only; its digest is in the audit trail.' })
  @ApiCreatedResponse({ type: RfkSnapshotResponse })
  @ApiProblems({ 400: 'VALIDATION_FAILED (month not 1-12)', 422: ['RFK_MONTH_NOT_OVER', 'RFK_CORRECTION_REASON_REQUIRED'] })
  freeze(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Param('month', ParseIntPipe) month: number, @Body() dto: FreezeRfkDto): Promise<RfkSnapshotResponse> {
    return this.rfk.freeze(user, fiscalYear, month, dto);
  }
}
