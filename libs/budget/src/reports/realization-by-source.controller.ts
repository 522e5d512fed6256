import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CSV_TYPE, CurrentUser, Permission, XLSX_TYPE } from '@grms/core';
import { RealizationBySourceQueryDto, RealizationBySourceReport } from './dto/realization-by-source.dto';
import { realizationBySourceExport } from './realization-by-source.export';
import { RealizationBySourceService } from './realization-by-source.service';

@ApiTags('budget lines and ledger')
@Controller('reports')
export class RealizationBySourceController {
  constructor(private readonly reports: RealizationBySourceService) {}

  @Get('realization-by-source')
  @Authenticated({ permission: Permission.BUDGET_LINE_READ })
  @ApiOperation({
    summary: 'Realisation per funding source (sumber dana)',
    description: 'Expenditure (5.* budget lines) of the fiscal year per funding source: budget (APPROPRIATION), realised (DISBURSEMENT by value date up to `asOf`), '
      + 'remaining and percent, with the funding-source list\'s parents as subtotal rows, so that DAK and the other earmarked funds (DANA KHUSUS, 2.*) '
      + 'stand apart from the general fund (DANA UMUM, 1.*), and three totals (general, earmarked, all). Every figure is a sum of ledger entries. '
      + 'Province-wide roles (auditor, BPKAD) read every OPD or one; OPD roles read their own OPD and its units, another OPD answers 404. '
      + '`format=csv|xlsx` downloads the same rows and totals with codes and names.',
  })
  @ApiOkResponse({ type: RealizationBySourceReport })
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiProblems({ 404: ['FISCAL_YEAR_NOT_FOUND', 'NOT_FOUND'] })
  async report(@CurrentUser() user: AuthUser, @Query() q: RealizationBySourceQueryDto): Promise<RealizationBySourceReport | StreamableFile> {
    const r = await this.reports.report(user, q);
    return !q.format || q.format === 'json' ? r : realizationBySourceExport(q.format, r);
  }
}
