import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser, Idempotent, Permission } from '@grms/core';
import { CashPositionQueryDto, CashPositionResponse, CreateFinancingRealizationDto, FinancingRealizationResponse, TreasurySettingsResponse, UpdateTreasurySettingsDto } from './dto/treasury.dto';
import { FinancingService } from './financing.service';
import { TreasuryCashService } from './treasury-cash.service';

@ApiTags('e-penatausahaan')
@Controller('treasury')
export class TreasuryController {
  constructor(private readonly cash: TreasuryCashService, private readonly financing: FinancingService) {}

  @Get('cash-position')
  @Authenticated({ permission: Permission.TREASURY_READ })
  @ApiOperation({ summary: 'The regional treasury\'s cash position by day', description: 'Revenue deposited (STS) + financing receipts (6.1) - SP2Ds issued (gross, less cancelled) - financing expenditures (6.2), from 1 January of the date\'s year to the end of `date` (default today), with every day that moved. Read by the regional treasurer, the head of BPKAD, auditors and administrators.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND' })
  @ApiOkResponse({ type: CashPositionResponse })
  position(@Query() q: CashPositionQueryDto): Promise<CashPositionResponse> {
    return this.cash.position(q.date);
  }

  @Get('settings/:fiscalYear')
  @Authenticated({ permission: Permission.TREASURY_READ })
  @ApiOperation({ summary: 'The treasury settings of a fiscal year', description: 'Whether the cash check is on (the default): an SP2D or financing expenditure that would make the cash position negative is refused.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND' })
  @ApiOkResponse({ type: TreasurySettingsResponse })
  settings(@Param('fiscalYear', ParseIntPipe) fiscalYear: number): Promise<TreasurySettingsResponse> {
    return this.cash.settings(fiscalYear);
  }

  @Put('settings/:fiscalYear')
  @Authenticated({ permission: Permission.TREASURY_MANAGE })
  @ApiOperation({ summary: 'Turn the treasury cash check on or off for a fiscal year', description: 'ADMIN only; audited. Off, SP2Ds are issued whatever the treasury\'s cash (for a region that books its cash elsewhere).' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND' })
  @ApiOkResponse({ type: TreasurySettingsResponse })
  updateSettings(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Body() dto: UpdateTreasurySettingsDto): Promise<TreasurySettingsResponse> {
    return this.cash.updateSettings(user, fiscalYear, dto.cashCheck);
  }

  @Post('financing-realizations')
  @Authenticated({ permission: Permission.FINANCING_REALIZE })
  @Idempotent()
  @ApiOperation({ summary: 'Realise financing (a receipt or an expenditure)', description: 'By the regional treasurer (CASH_AUTHORITY): posts a REALIZATION on a financing budget line (6.*). A receipt (6.1: SiLPA, loan drawn) adds to the treasury\'s cash; an expenditure (6.2) leaves it, at most its estimate (EXCEEDS_ESTIMATE) and never beyond the cash (INSUFFICIENT_TREASURY_CASH, with the arithmetic). Value date in the line\'s fiscal year (EXECUTION), not in the future, in an open month. Accepts an Idempotency-Key.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND', 409: 'PERIOD_CLOSED', 422: ['NOT_A_FINANCING_LINE', 'EXCEEDS_ESTIMATE', 'INSUFFICIENT_TREASURY_CASH', 'INVALID_VALUE_DATE', 'FISCAL_YEAR_NOT_OPEN'] })
  @ApiCreatedResponse({ type: FinancingRealizationResponse })
  realize(@CurrentUser() user: AuthUser, @Body() dto: CreateFinancingRealizationDto): Promise<FinancingRealizationResponse> {
    return this.financing.realize(user, dto);
  }
}
