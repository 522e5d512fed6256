import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPage, Authenticated, Page, PageQueryDto, Permission } from '@grms/core';
import { CreateFiscalYearDto, FiscalYearResponse, UpdateFiscalYearDto } from './dto/fiscal-year.dto';
import { FiscalYearsService } from './fiscal-years.service';

@ApiTags('reference data')
@Controller('fiscal-years')
export class FiscalYearsController {
  constructor(private readonly years: FiscalYearsService) {}

  @Get()
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(FiscalYearResponse)
  list(@Query() q: PageQueryDto): Promise<Page<FiscalYearResponse>> {
    return this.years.list(q);
  }

  @Post()
  @Authenticated({ permission: Permission.FISCAL_YEAR_MANAGE })
  @ApiCreatedResponse({ type: FiscalYearResponse })
  create(@Body() dto: CreateFiscalYearDto): Promise<FiscalYearResponse> {
    return this.years.create(dto);
  }

  @Patch(':year')
  @Authenticated({ permission: Permission.FISCAL_YEAR_MANAGE })
  @ApiOkResponse({ type: FiscalYearResponse })
  update(@Param('year', ParseIntPipe) year: number, @Body() dto: UpdateFiscalYearDto): Promise<FiscalYearResponse> {
    return this.years.update(year, dto);
  }
}
