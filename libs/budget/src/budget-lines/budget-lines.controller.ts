import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiCursorPage, ApiPage, Authenticated, CursorPage, AuthUser, CurrentUser, Page, PageQueryDto, Permission } from '@grms/core';
import { budgetLinesExport } from './budget-lines.export';
import { BudgetLinesService } from './budget-lines.service';
import { BudgetLineAsOfQueryDto, BudgetLineQueryDto, BudgetLineResponse, LedgerEntryResponse } from './dto/budget-line.dto';

@ApiTags('budget lines and ledger')
@Controller('budget-lines')
export class BudgetLinesController {
  constructor(private readonly lines: BudgetLinesService) {}

  @Get()
  @ApiOperation({ summary: 'List budget lines', description: 'Budget lines of the ledger with their balances (appropriated, allotted, committed, disbursed, available), filtered by fiscal year, organization and account prefix, in the order of year, OPD code, sub kegiatan, account and funding source. Paged by number (`page`, with the real `total`) or by cursor (`cursor` = `meta.nextCursor` of the previous page: every page costs what the first does; no `total`). `format=csv|xlsx` streams every matching line from one snapshot (codes and names of OPD, sub kegiatan, account and funding source; `budget-lines-<year>.csv`). OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.BUDGET_LINE_READ })
  @ApiCursorPage(BudgetLineResponse)
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async list(@CurrentUser() user: AuthUser, @Query() q: BudgetLineQueryDto): Promise<CursorPage<BudgetLineResponse> | StreamableFile> {
    if (!q.format || q.format === 'json') return this.lines.list(user, q);
    return budgetLinesExport(q.format, q.fiscalYear, await this.lines.allPages(user, q));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A budget line', description: 'One budget line with its balances. A line of another OPD answers 404 to an OPD role.' })
  @Authenticated({ permission: Permission.BUDGET_LINE_READ })
  @ApiOkResponse({ type: BudgetLineResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: BudgetLineAsOfQueryDto): Promise<BudgetLineResponse> {
    return this.lines.get(user, id, q.asOf);
  }

  @Get(':id/entries')
  @ApiOperation({ summary: 'The ledger entries of a budget line', description: 'Every entry posted to the line (APPROPRIATION, ALLOTMENT, COMMITMENT, DISBURSEMENT and their reversals), oldest first, paged, each naming the document that posted it.' })
  @Authenticated({ permission: Permission.BUDGET_LINE_READ })
  @ApiPage(LedgerEntryResponse)
  entries(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQueryDto): Promise<Page<LedgerEntryResponse>> {
    return this.lines.entries(user, id, q);
  }
}
