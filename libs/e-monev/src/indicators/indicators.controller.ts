import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, AuthUser, CurrentUser, Page, Permission } from '@grms/core';
import { CreateRealizationDto } from '../realizations/realization.dto';
import { RealizationsService } from '../realizations/realizations.service';
import { CreateIndicatorDto, IndicatorQueryDto, IndicatorResponse, RealizationResponse, UpdateIndicatorDto } from './indicator.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('e-monev')
@Controller('monev/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService, private readonly realizations: RealizationsService) {}

  @Post()
  @Authenticated({ permission: Permission.MONEV_WRITE })
  @ApiOperation({ summary: 'Define a performance indicator of a program, kegiatan or sub kegiatan', description: 'PLANNER of the OPD (default its own). The code must be a row of the year\'s code-list version at the level; a sub kegiatan\'s indicator takes the nomenclature\'s output indicator and unit, and another unit is refused. Quarterly targets are cumulative (SUM never decreasing; SUM and LAST end at the annual target); a % indicator takes no value above 100. Year in PLANNING or EXECUTION.' })
  @ApiCreatedResponse({ type: IndicatorResponse })
  @ApiProblems({ 409: 'DUPLICATE', 422: ['CODE_NOT_IN_VERSION', 'LEVEL_MISMATCH', 'UNIT_MISMATCH', 'PERCENT_ABOVE_100', 'INVALID_TARGETS', 'FISCAL_YEAR_NOT_OPEN'] })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateIndicatorDto): Promise<IndicatorResponse> {
    return this.indicators.create(user, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.MONEV_READ })
  @ApiOperation({ summary: 'List indicators with their realisations', description: 'OPD roles see their OPD; AUDITOR, Bappeda\'s monitoring team, the budget team and ADMIN the province. Paged, by OPD and code; `code` takes the row and the rows under it.' })
  @ApiPage(IndicatorResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: IndicatorQueryDto): Promise<Page<IndicatorResponse>> {
    return this.indicators.list(user, q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.MONEV_READ })
  @ApiOperation({ summary: 'One indicator with its realisations and their history', description: 'Readers of e-monev; 404 for another OPD\'s indicator.' })
  @ApiOkResponse({ type: IndicatorResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<IndicatorResponse> {
    return this.indicators.get(user, id);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.MONEV_INDICATOR_EDIT })
  @ApiOperation({ summary: 'Edit an indicator: name, unit, direction, aggregation, baseline, targets, Renstra end target', description: 'PLANNER of the indicator\'s OPD, or Bappeda\'s monitoring team (MONEV_VERIFIER, province-wide); year in PLANNING or EXECUTION. `expectedVersion` is the version last read (STALE_VERSION, 409, when another change came first). The rules of creation hold: a sub kegiatan keeps the nomenclature\'s unit (UNIT_MISMATCH), cumulative targets fit the aggregation and the annual target (INVALID_TARGETS; `target` alone moves TW IV with it for SUM and LAST), a % indicator has no target, baseline or realisation above 100 (PERCENT_ABOVE_100). Once a quarter is VERIFIED, its unit, direction, aggregation and the cumulative target of that quarter are what it was measured against: VERIFIED_QUARTER_LOCKED (409) for the planner; the monitoring team changes them with a `reason`, kept in the audit trail (MONEV_INDICATOR.UPDATE).' })
  @ApiOkResponse({ type: IndicatorResponse })
  @ApiProblems({ 409: ['STALE_VERSION', 'VERIFIED_QUARTER_LOCKED', 'DUPLICATE'], 422: ['UNIT_MISMATCH', 'PERCENT_ABOVE_100', 'INVALID_TARGETS', 'FISCAL_YEAR_NOT_OPEN'] })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateIndicatorDto): Promise<IndicatorResponse> {
    return this.indicators.update(user, id, dto);
  }

  @Post(':id/realizations')
  @Authenticated({ permission: Permission.MONEV_WRITE })
  @ApiOperation({ summary: 'Enter a quarter\'s realisation (DRAFT) with evidence and obstacles', description: 'PLANNER of the indicator\'s OPD, in the fiscal year\'s EXECUTION, from the first day of the quarter to its deadline (GET /monev/settings/{fiscalYear}). One realisation per quarter: a second is 409 (correct the first). The value is in the indicator\'s unit; a % indicator takes at most 100.' })
  @ApiCreatedResponse({ type: RealizationResponse })
  @ApiProblems({ 409: 'DUPLICATE', 422: ['QUARTER_CLOSED', 'QUARTER_NOT_STARTED', 'UNIT_MISMATCH', 'PERCENT_ABOVE_100', 'FISCAL_YEAR_NOT_OPEN'] })
  realize(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateRealizationDto): Promise<RealizationResponse> {
    return this.realizations.create(user, id, dto);
  }
}
