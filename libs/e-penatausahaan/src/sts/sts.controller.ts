import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, AuthUser, CurrentUser, Idempotent, Page, Permission } from '@grms/core';
import { CreateStsDto, RevenueBookQueryDto, RevenueBookResponse, StsQueryDto, StsResponse } from './dto/sts.dto';
import { StsService } from './sts.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan')
export class StsController {
  constructor(private readonly sts: StsService) {}

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

  @Get('revenue-book')
  @Authenticated({ permission: Permission.STS_READ })
  @ApiOperation({ summary: 'The revenue treasurer\'s cash book (BKU penerimaan)', description: 'The book of an OPD\'s revenue treasurer for a fiscal year: each STS writes the money received (positive) and its deposit into the regional treasury (negative), with the running balance of cash held; paged (`page`, `limit`, real `total`), with the year\'s totals. Own OPD for OPD users.' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND' })
  @ApiOkResponse({ type: RevenueBookResponse })
  book(@CurrentUser() user: AuthUser, @Query() q: RevenueBookQueryDto): Promise<RevenueBookResponse> {
    return this.sts.book(user, q);
  }
}
