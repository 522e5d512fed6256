import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiPage, Authenticated, Page, PageQueryDto, Permission, ApiProblems } from '@grms/core';
import { CreateFiscalYearDto, FiscalYearResponse, UpdateFiscalYearDto } from './dto/fiscal-year.dto';
import { FiscalYearsService } from './fiscal-years.service';

@ApiTags('reference data')
@Controller('fiscal-years')
export class FiscalYearsController {
  constructor(private readonly years: FiscalYearsService) {}

  @Get()
  @ApiOperation({ summary: 'List fiscal years', description: 'The fiscal years with their status (PLANNING, EXECUTION, CLOSED), newest first, paged.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(FiscalYearResponse)
  list(@Query() q: PageQueryDto): Promise<Page<FiscalYearResponse>> {
    return this.years.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Open a fiscal year', description: 'Creates a fiscal year in the given status. A year exists once: a second one is refused.' })
  @ApiProblems({ 409: 'FISCAL_YEAR_EXISTS' })
  @Authenticated({ permission: Permission.FISCAL_YEAR_MANAGE })
  @ApiCreatedResponse({ type: FiscalYearResponse })
  create(@Body() dto: CreateFiscalYearDto): Promise<FiscalYearResponse> {
    return this.years.create(dto);
  }

  @Patch(':year')
  @ApiOperation({ summary: 'Move a fiscal year to its next status', description: 'Changes the status of a fiscal year, forward only (PLANNING, EXECUTION, CLOSED); a closed year takes no more changes anywhere.' })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION' })
  @Authenticated({ permission: Permission.FISCAL_YEAR_MANAGE })
  @ApiOkResponse({ type: FiscalYearResponse })
  update(@Param('year', ParseIntPipe) year: number, @Body() dto: UpdateFiscalYearDto): Promise<FiscalYearResponse> {
    return this.years.update(year, dto);
  }
}
