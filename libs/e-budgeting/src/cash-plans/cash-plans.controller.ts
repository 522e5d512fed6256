import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Page, Permission, ProblemResponse, ApiProblems } from '@grms/core';
import { CashPlansService } from './cash-plans.service';
import { CashPlanQueryDto, CashPlanResponse, PutCashPlanDto } from './dto/cash-plan.dto';

@ApiTags('e-budgeting')
@Controller('budgeting/cash-plans')
export class CashPlansController {
  constructor(private readonly plans: CashPlansService) {}

  @Put(':budgetLineId')
  @ApiOperation({ summary: 'Set the cash plan of a budget line', description: 'Replaces the twelve monthly amounts of the line\'s cash plan (anggaran kas). The months must sum exactly to the appropriation; the refusal says by how much they miss. Planners of the line\'s OPD only; the fiscal year must be open.' })
  @ApiProblems({ 422: ['CASH_PLAN_MISMATCH', 'FISCAL_YEAR_NOT_OPEN'] })
  @Authenticated({ permission: Permission.CASH_PLAN_WRITE })
  @ApiOkResponse({ type: CashPlanResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'CASH_PLAN_MISMATCH: the months do not sum to the appropriation' })
  put(@CurrentUser() user: AuthUser, @Param('budgetLineId', ParseUUIDPipe) id: string, @Body() dto: PutCashPlanDto): Promise<CashPlanResponse> {
    return this.plans.put(user, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List cash plans', description: 'The monthly cash plans of the budget lines, filtered by fiscal year and organization, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.CASH_PLAN_READ })
  @ApiPage(CashPlanResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: CashPlanQueryDto): Promise<Page<CashPlanResponse>> {
    return this.plans.list(user, q);
  }
}
