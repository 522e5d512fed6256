import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, DomainError, Permission, ProblemResponse } from '@grms/core';
import { CloseLedgerPeriodDto, LedgerPeriodQueryDto, LedgerPeriodResponse, LedgerPeriodsResponse } from './dto/ledger-period.dto';
import { LedgerPeriodsService } from './ledger-periods.service';
import { LedgerVerifyResponse, LedgerVerifyService } from './ledger-verify.service';

@ApiTags('budget lines and ledger')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly verifier: LedgerVerifyService, private readonly periods: LedgerPeriodsService) {}

  @Get('verify')
  @ApiOperation({ summary: 'Verify the ledger', description: 'Proves that every budget line\'s balances equal the sum of its entries and that every invariant holds (0 <= disbursed <= allotted <= appropriated, 0 <= committed <= appropriated). Reads only.' })
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiOkResponse({ type: LedgerVerifyResponse })
  verify(): Promise<LedgerVerifyResponse> {
    return this.verifier.verify();
  }

  @Get('periods')
  @Authenticated({ permission: Permission.LEDGER_PERIOD_MANAGE })
  @ApiOperation({ summary: 'The twelve ledger months of a fiscal year, open or closed', description: 'For the regional treasurer (CASH_AUTHORITY) and ADMIN. A closed month takes no ledger entry with a value date in it.' })
  @ApiOkResponse({ type: LedgerPeriodsResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown fiscal year' })
  list(@Query() q: LedgerPeriodQueryDto): Promise<LedgerPeriodsResponse> {
    return this.periods.list(q.fiscalYear);
  }

  @Post('periods/:fiscalYear/:month/close')
  @HttpCode(200)
  @Authenticated({ permission: Permission.LEDGER_PERIOD_MANAGE })
  @ApiOperation({
    summary: 'Close a ledger month',
    description: 'For the regional treasurer (CASH_AUTHORITY) and ADMIN. Only a month that has ended can be closed; a closed month is never reopened. '
      + 'Afterwards every posting with a value date in that month is refused with 409 PERIOD_CLOSED (also enforced by the database); '
      + 'corrections post in an open month and name the entry they correct. Audited.',
  })
  @ApiOkResponse({ type: LedgerPeriodResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown fiscal year' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'PERIOD_ALREADY_CLOSED' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'PERIOD_NOT_ENDED' })
  close(
    @CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Param('month', ParseIntPipe) month: number,
    @Body() dto: CloseLedgerPeriodDto,
  ): Promise<LedgerPeriodResponse> {
    if (fiscalYear < 2000 || fiscalYear > 2100) throw DomainError.invalid('fiscalYear must be between 2000 and 2100', [{ field: 'fiscalYear', message: 'between 2000 and 2100' }]);
    if (month < 1 || month > 12) throw DomainError.invalid('month must be between 1 and 12', [{ field: 'month', message: 'between 1 and 12' }]);
    return this.periods.close(user, fiscalYear, month, dto.reason);
  }
}
