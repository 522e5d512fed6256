import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CSV_TYPE, CurrentUser, Permission, streamDownload, XLSX_TYPE } from '@grms/core';
import { FreezeRfkDto, RfkPage, RfkQueryDto, RfkSnapshotResponse } from './dto/rfk.dto';
import { RFK_COLUMNS } from './rfk.columns';
import { RfkService } from './rfk.service';

@ApiTags('e-controlling')
@Controller('controlling/rfk')
export class RfkController {
  constructor(private readonly rfk: RfkService) {}

  @Get()
  @Authenticated({ permission: Permission.CONTROLLING_READ })
  @ApiOperation({ summary: 'The monthly physical and financial realisation report (RFK)', description: 'Per OPD: its total, each program, kegiatan and sub kegiatan, and the packages under it, with budget, weight, physical target and realisation, weighted physical, financial target and realisation (Rp and %), deviations, remaining budget, location, officer, problems and follow-up, as of the month\'s last day. A frozen month answers its snapshot (the latest version, or `version`), the same whatever is posted later; an unfrozen month is computed live. AUDITOR and ADMIN read the province, OPD roles their own OPD. `programCode` narrows to one program\'s rows (numbers and weights as in the whole report). format=json (paged) | csv | xlsx: every row, streamed page by page from one snapshot, with codes and names (never ids).' })
  @ApiOkResponse({ type: RfkPage })
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiProblems({ 400: 'VALIDATION_FAILED (month not 1-12, a malformed organizationId or programCode)', 404: 'NOT_FOUND (an unknown version, organization, or another OPD)', 422: 'UNKNOWN_PROGRAM' })
  async read(@CurrentUser() user: AuthUser, @Query() q: RfkQueryDto): Promise<RfkPage | StreamableFile> {
    if (q.format === 'csv' || q.format === 'xlsx') {
      const { report, pages } = await this.rfk.download(user, q);
      return streamDownload(q.format, `rfk-${q.fiscalYear}-${String(q.month).padStart(2, '0')}${report.version ? `-v${report.version}` : ''}`, 'RFK', RFK_COLUMNS, pages);
    }
    return this.rfk.read(user, q);
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
