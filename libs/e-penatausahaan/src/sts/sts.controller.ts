import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, AuthUser, CurrentUser, Idempotent, Page, Permission } from '@grms/core';
import { CreateStsDto, RevenueBookQueryDto, RevenueBookResponse, StsQueryDto, StsResponse } from './dto/sts.dto';
import { ReasonDto } from '../common/reason.dto';
import { StsCancellationService } from './sts-cancellation.service';
import { StsService } from './sts.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan')
export class StsController {
  constructor(private readonly sts: StsService, private readonly undo: StsCancellationService) {}

  @Post('sts')
  @Authenticated({ permission: Permission.STS_WRITE })
  @Idempotent()
  @ApiOperation({ summary: 'Record a deposit slip (STS)', description: 'By the OPD\'s revenue treasurer (REVENUE_TREASURER, own OPD): revenue deposited into the regional treasury. Posts a REALIZATION on the OPD\'s revenue budget line for the account (value date: the deposit date; a closed month is refused with 409 PERIOD_CLOSED) and writes the revenue treasurer\'s cash book (received on `receivedOn`, deposited on `depositDate`). The account is a revenue leaf (4.*) of the year\'s code list on which the OPD has an approved estimate; the deposit date is in a fiscal year in EXECUTION, not in the future. Accepts an Idempotency-Key.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND', 409: 'PERIOD_CLOSED', 422: ['NO_REVENUE_ESTIMATE', 'AMBIGUOUS_REVENUE_LINE', 'UNKNOWN_REVENUE_LINE', 'UNKNOWN_ACCOUNT', 'INVALID_VALUE_DATE', 'BOOK_DATE_BEFORE_LAST', 'FISCAL_YEAR_NOT_OPEN'] })
  @ApiCreatedResponse({ type: StsResponse })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateStsDto): Promise<StsResponse> {
    return this.sts.create(user, dto);
  }

  @Get('sts')
  @Authenticated({ permission: Permission.STS_READ })
  @ApiOperation({ summary: 'Deposit slips (STS)', description: 'Paged, in deposit-date order; filter by OPD, year and deposit dates. The revenue treasurer and the PA/KPA see their own OPD; the regional treasurer, auditors and administrators every OPD.' })
  @ApiPage(StsResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: StsQueryDto): Promise<Page<StsResponse>> {
    return this.sts.list(user, q);
  }

  @Get('sts/:id')
  @Authenticated({ permission: Permission.STS_READ })
  @ApiOperation({ summary: 'One deposit slip (STS)', description: 'Another OPD\'s is 404 for an OPD user.' })
  @ApiOkResponse({ type: StsResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StsResponse> {
    return this.sts.get(user, id);
  }

  @Post('sts/:id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: Permission.STS_WRITE })
  @ApiOperation({ summary: 'Cancel a deposit slip (STS) recorded by mistake', description: 'By the OPD\'s revenue treasurer (REVENUE_TREASURER, own OPD), with the reason, while the STS\'s month is open (decision 0140): reverses its REALIZATION exactly, dated on the deposit date (the LRA and the revenue line then read as if it had never been recorded), writes the opposite entries in the revenue treasurer\'s book (on the deposit date, or on the book\'s last date when it already runs past it), and takes the amount out of the regional treasury\'s cash on the deposit date. Refused with 409 PERIOD_CLOSED naming the month when that month is closed (correct it instead), 409 STS_ALREADY_CANCELLED for an STS already cancelled or corrected, and 422 INSUFFICIENT_TREASURY_CASH, with the arithmetic, when the treasury\'s cash would be negative on the deposit date or any later day while the year\'s cash check is on. Audited.' })
  @ApiProblems({ 409: ['PERIOD_CLOSED', 'STS_ALREADY_CANCELLED'], 422: ['INSUFFICIENT_TREASURY_CASH', 'FISCAL_YEAR_NOT_OPEN'] })
  @ApiOkResponse({ type: StsResponse, description: 'the STS, CANCELLED' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<StsResponse> {
    return this.undo.cancel(user, id, dto.reason);
  }

  @Post('sts/:id/correct')
  @HttpCode(200)
  @Authenticated({ permission: Permission.STS_WRITE })
  @ApiOperation({ summary: 'Correct a deposit slip (STS) recorded by mistake, in the current month', description: 'By the OPD\'s revenue treasurer (REVENUE_TREASURER, own OPD), with the reason (decision 0140): the same reversal as a cancellation, dated today in the open month, so a closed month stays as it was closed: the realisation, the LRA and the treasury\'s cash drop from today on. The way forward when the STS\'s month is closed, or when a cancellation on its own date would leave an earlier day\'s cash negative. Refused with 409 STS_ALREADY_CANCELLED for an STS already cancelled or corrected, 422 INVALID_VALUE_DATE when today is outside the STS\'s fiscal year, and 422 INSUFFICIENT_TREASURY_CASH, with the arithmetic, when the treasury\'s cash today is short of the amount while the cash check is on. Record the right slip as a new STS. Audited.' })
  @ApiProblems({ 409: ['STS_ALREADY_CANCELLED', 'PERIOD_CLOSED'], 422: ['INSUFFICIENT_TREASURY_CASH', 'INVALID_VALUE_DATE', 'FISCAL_YEAR_NOT_OPEN'] })
  @ApiOkResponse({ type: StsResponse, description: 'the STS, CORRECTED' })
  correct(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<StsResponse> {
    return this.undo.correct(user, id, dto.reason);
  }

  @Get('revenue-book')
  @Authenticated({ permission: Permission.STS_READ })
  @ApiOperation({ summary: 'The revenue treasurer\'s cash book (BKU penerimaan)', description: 'The book of an OPD\'s revenue treasurer for a fiscal year: each STS writes the money received (positive) and its deposit into the regional treasury (negative), with the running balance of cash held; paged (`page`, `limit`, real `total`), with the year\'s totals. Own OPD for OPD users.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND' })
  @ApiOkResponse({ type: RevenueBookResponse })
  book(@CurrentUser() user: AuthUser, @Query() q: RevenueBookQueryDto): Promise<RevenueBookResponse> {
    return this.sts.book(user, q);
  }
}
