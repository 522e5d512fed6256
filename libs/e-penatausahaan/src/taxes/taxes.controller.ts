import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Permission } from '@grms/core';
import { PutTaxRateDto, TaxQueryDto, TaxRateResponse, TaxRatesService } from '@grms/budget';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/taxes')
export class TaxesController {
  constructor(private readonly taxes: TaxRatesService) {}

  @Get()
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: [TaxRateResponse], description: 'the tax table of the fiscal year (its own rows over the defaults)' })
  list(@Query() q: TaxQueryDto): Promise<TaxRateResponse[]> {
    return this.taxes.list(q.fiscalYear);
  }

  @Put(':fiscalYear/:code')
  @Authenticated({ permission: Permission.TAX_MANAGE })
  @ApiOkResponse({ type: TaxRateResponse })
  put(@CurrentUser() user: AuthUser, @Param('fiscalYear', ParseIntPipe) year: number, @Param('code') code: string, @Body() dto: PutTaxRateDto): Promise<TaxRateResponse> {
    return this.taxes.put(user, year, code, dto);
  }
}
