import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CSV_TYPE, CurrentUser, Permission, XLSX_TYPE } from '@grms/core';
import { controlCardExport } from './control-card.export';
import { ControlCardService } from './control-card.service';
import { ControlCardQueryDto, ControlCardReport } from './dto/control-card.dto';

@ApiTags('budget lines and ledger')
@Controller('reports')
export class ControlCardController {
  constructor(private readonly cards: ControlCardService) {}

  @Get('control-card')
  @Authenticated({ permission: Permission.BUDGET_LINE_READ })
  @ApiOperation({
    summary: 'Control card (kartu kendali) of a sub kegiatan',
    description: 'For one OPD and one sub kegiatan, per account of its expenditure lines: budget (APPROPRIATION), SPD to date (ALLOTMENT), '
      + 'realisation by channel (LS SP2Ds; UP/GU and TU advances accounted by approved SPJs), total realised, remaining budget and remaining SPD, '
      + 'up to `asOf` by value date, and the total. Every figure is a sum of ledger entries. OPD roles read their own OPD (organizationId defaults to it; '
      + 'another OPD answers 404); province-wide roles name the OPD. A code outside the year\'s nomenclature version, or not a sub kegiatan, is refused (422). '
      + '`format=csv|xlsx` downloads the card with codes and names.',
  })
  @ApiOkResponse({ type: ControlCardReport })
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiProblems({ 404: ['FISCAL_YEAR_NOT_FOUND', 'NOT_FOUND'], 422: ['UNKNOWN_SUB_ACTIVITY', 'INVALID_SUB_ACTIVITY'] })
  async card(@CurrentUser() user: AuthUser, @Query() q: ControlCardQueryDto): Promise<ControlCardReport | StreamableFile> {
    const r = await this.cards.card(user, q);
    return !q.format || q.format === 'json' ? r : controlCardExport(q.format, r);
  }
}
