import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Page, PageQueryDto, Permission } from '@grms/core';
import { BudgetLinesService } from './budget-lines.service';
import { BudgetLineAsOfQueryDto, BudgetLineQueryDto, BudgetLineResponse, LedgerEntryResponse } from './dto/budget-line.dto';

@ApiTags('budget lines and ledger')
@Controller('budget-lines')
export class BudgetLinesController {
  constructor(private readonly lines: BudgetLinesService) {}

  @Get()
  @Authenticated({ permission: Permission.BUDGET_LINE_READ })
  @ApiPage(BudgetLineResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: BudgetLineQueryDto): Promise<Page<BudgetLineResponse>> {
    return this.lines.list(user, q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BUDGET_LINE_READ })
  @ApiOkResponse({ type: BudgetLineResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: BudgetLineAsOfQueryDto): Promise<BudgetLineResponse> {
    return this.lines.get(user, id, q.asOf);
  }

  @Get(':id/entries')
  @Authenticated({ permission: Permission.BUDGET_LINE_READ })
  @ApiPage(LedgerEntryResponse)
  entries(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQueryDto): Promise<Page<LedgerEntryResponse>> {
    return this.lines.entries(user, id, q);
  }
}
