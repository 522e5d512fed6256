import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Page, Permission, ProblemResponse } from '@grms/core';
import { CreateTaxDepositDto, DepositProofDto, TaxDepositQueryDto, TaxDepositResponse } from './dto/tax-deposit.dto';
import { TaxDepositsService } from './tax-deposits.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/tax-deposits')
export class TaxDepositsController {
  constructor(private readonly deposits: TaxDepositsService) {}

  @Post()
  @Authenticated({ permission: Permission.BKU_WRITE })
  @ApiOperation({ summary: 'Deposit withheld tax from the cash book', description: 'The OPD\'s treasurer deposits taxes withheld on receipts (bukti) into the state treasury: the TAX sub-ledger of that tax type goes down on the deposit date, with the billing code and NTPN. At most what the book holds of that tax type; dated in an open year, not in the future, not before the book\'s last entry.' })
  @ApiCreatedResponse({ type: TaxDepositResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'DEPOSIT_EXCEEDS_TAX_HELD (with the arithmetic), DATE_OUTSIDE_OPEN_YEAR, BKU_DATE_IN_FUTURE, BKU_DATE_BEFORE_LAST' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'NTPN_ALREADY_USED' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTaxDepositDto): Promise<TaxDepositResponse> {
    return this.deposits.create(user, dto);
  }

  @Post(':id/proof')
  @HttpCode(200)
  @Authenticated({ permission: Permission.TAX_DEPOSIT_WRITE })
  @ApiOperation({ summary: 'Record the billing code and NTPN of a deposit', description: 'For LS taxes the SP2D deposits on its own day; once the bank confirms, the treasurer or the cash authority records the billing code and NTPN (once; an NTPN proves one deposit only).' })
  @ApiOkResponse({ type: TaxDepositResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'DEPOSIT_ALREADY_PROVEN, DEPOSIT_CANCELLED, NTPN_ALREADY_USED' })
  prove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DepositProofDto): Promise<TaxDepositResponse> {
    return this.deposits.prove(user, id, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.BKU_READ })
  @ApiOperation({ summary: 'Tax deposits of an OPD', description: 'Paged, in deposit order; `missingNtpn=true` lists those still waiting for their NTPN. Readable by the roles that read the cash book; other OPDs\' are 404.' })
  @ApiPage(TaxDepositResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: TaxDepositQueryDto): Promise<Page<TaxDepositResponse>> {
    return this.deposits.list(user, q);
  }
}
