import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { ApiCursorPage, Authenticated, AuthUser, CurrentUser, CursorPage, Idempotent, Permission, ProblemResponse, ApiProblems } from '@grms/core';
import { ReasonDto } from '../common/reason.dto';
import { CreateSp2dDto, Sp2dQueryDto, Sp2dRegisterQueryDto, Sp2dResponse } from './dto/sp2d.dto';
import { sp2dRegisterExport } from './sp2d-register.export';
import { Sp2dService } from './sp2d.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/sp2d')
export class Sp2dController {
  constructor(private readonly sp2d: Sp2dService) {}

  @Post()
  @ApiOperation({ summary: 'Issue an SP2D', description: 'The cash authority issues the SP2D (disbursement order) of an approved SPM: LS posts DISBURSEMENT and releases the commitment; UP/GU/TU put the advance into the treasurer\'s BKU. One SP2D per SPM. The cash leaves the regional treasury: refused with the arithmetic (422 INSUFFICIENT_TREASURY_CASH) when the SPP\'s gross exceeds the treasury\'s cash position on the SP2D date or any later day, unless the year\'s treasury cash check is off.' })
  @ApiProblems({ 409: ['SP2D_ALREADY_ISSUED', 'ADVANCE_ALREADY_ACCOUNTED'], 422: 'INSUFFICIENT_TREASURY_CASH' })
  @Authenticated({ permission: Permission.SP2D_WRITE })
  @Idempotent({ preparedStatements: true })
  @ApiCreatedResponse({ type: Sp2dResponse, description: 'LS: posts DISBURSEMENT and releases the commitment; advances: cash into the treasurer\'s BKU' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'SPM_NOT_APPROVED; 409 SP2D_ALREADY_ISSUED' })
  issue(@CurrentUser() user: AuthUser, @Body() dto: CreateSp2dDto): Promise<Sp2dResponse> {
    return this.sp2d.issue(user, dto);
  }

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel an SP2D', description: 'Posts the reversal of exactly the SP2D\'s ledger and BKU entries, naming it, with the reason. An SP2D is cancelled once.' })
  @ApiProblems({ 409: 'ALREADY_REVERSED', 422: 'INVALID_REVERSAL' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SP2D_WRITE })
  @ApiOkResponse({ type: Sp2dResponse, description: 'posts the reversal of exactly the SP2D\'s ledger and BKU entries, naming it' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<Sp2dResponse> {
    return this.sp2d.cancel(user, id, dto.reason);
  }

  @Get('register')
  @ApiOperation({ summary: 'The SP2D register', description: 'The SP2Ds of a fiscal year in issue order, with OPD, type and amounts, paged by number (`page`, `limit`, `meta.total`) or by cursor (`cursor` = `meta.nextCursor`); `format=csv|xlsx` streams every SP2D of the filters.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiCursorPage(Sp2dResponse)
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async register(@CurrentUser() user: AuthUser, @Query() q: Sp2dRegisterQueryDto): Promise<CursorPage<Sp2dResponse> | StreamableFile> {
    if (!q.format || q.format === 'json') return this.sp2d.register(user, q);
    return sp2dRegisterExport(q.format, q.fiscalYear, await this.sp2d.registerPages(user, q));
  }

  @Get()
  @ApiOperation({ summary: 'List SP2Ds', description: 'SP2Ds filtered by fiscal year, organization and status, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiCursorPage(Sp2dResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: Sp2dQueryDto): Promise<CursorPage<Sp2dResponse>> {
    return this.sp2d.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An SP2D', description: 'One SP2D with its lines.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: Sp2dResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<Sp2dResponse> {
    return this.sp2d.get(user, id);
  }
}
