import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Permission, ApiProblems } from '@grms/core';
import { PutTaxRateDto, TaxQueryDto, TaxRateResponse } from './dto/tax-rate.dto';
import { TaxRatesService } from './tax-rates.service';

// The tax table per fiscal year (PPN for budget items, the taxes withheld on
// payments): readable by everyone, edited by ADMIN.
@ApiTags('reference data')
@Controller('tax-rates')
export class TaxRatesController {
  constructor(private readonly taxes: TaxRatesService) {}

  @Get()
  @ApiOperation({ summary: 'The tax table of a fiscal year', description: 'PPN (VAT) for budget items and the taxes withheld on payments, with their rates: the year\'s own rows over the built-in defaults (`configured` says which).' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiOkResponse({ type: [TaxRateResponse], description: 'the tax table of the fiscal year (its own rows over the defaults)' })
  list(@Query() q: TaxQueryDto): Promise<TaxRateResponse[]> {
    return this.taxes.list(q.fiscalYear);
  }

  @Put(':fiscalYear/:code')
  @ApiOperation({ summary: 'Set a tax rate for a fiscal year', description: 'Creates or replaces the year\'s row for a tax code (name and rate in percent, up to four decimals). Documents already priced keep their amounts; new items and payments use the new rate.' })
  @ApiProblems({ 422: 'UNKNOWN_TAX_CODE' })
  @Authenticated({ permission: Permission.TAX_MANAGE })
  @ApiOkResponse({ type: TaxRateResponse })
  put(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) year: number, @Param('code') code: string, @Body() dto: PutTaxRateDto): Promise<TaxRateResponse> {
    return this.taxes.put(user, year, code, dto);
  }
}
