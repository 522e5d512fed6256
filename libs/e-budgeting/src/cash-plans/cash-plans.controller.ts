import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Page, Permission, ProblemResponse } from '@grms/core';
import { CashPlansService } from './cash-plans.service';
import { CashPlanQueryDto, CashPlanResponse, PutCashPlanDto } from './dto/cash-plan.dto';

@ApiTags('e-budgeting')
@Controller('budgeting/cash-plans')
export class CashPlansController {
  constructor(private readonly plans: CashPlansService) {}

  @Put(':budgetLineId')
  @Authenticated({ permission: Permission.CASH_PLAN_WRITE })
  @ApiOkResponse({ type: CashPlanResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'CASH_PLAN_MISMATCH: the months do not sum to the appropriation' })
  put(@CurrentUser() user: AuthUser, @Param('budgetLineId', ParseUUIDPipe) id: string, @Body() dto: PutCashPlanDto): Promise<CashPlanResponse> {
    return this.plans.put(user, id, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.CASH_PLAN_READ })
  @ApiPage(CashPlanResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: CashPlanQueryDto): Promise<Page<CashPlanResponse>> {
    return this.plans.list(user, q);
  }
}
