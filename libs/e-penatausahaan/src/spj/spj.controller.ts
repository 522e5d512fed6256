import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiCursorPage, Authenticated, AuthUser, CurrentUser, CursorPage, Idempotent, Permission, ProblemResponse, ApiProblems, BodyLimit } from '@grms/core';
import { ReasonDto } from '../common/reason.dto';
import { CreateSpjDto, SpjQueryDto, SpjResponse } from './dto/spj.dto';
import { SpjService } from './spj.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/spj')
export class SpjController {
  constructor(private readonly spj: SpjService) {}

  @Post()
  @ApiOperation({ summary: 'Create an SPJ', description: 'The treasurer accounts for spending from an advance (UP/GU or TU): lines per budget line, within what the advance left.' })
  @ApiProblems({ 409: 'TU_ALREADY_ACCOUNTED', 422: 'LINE_OF_ANOTHER_YEAR' })
  @Authenticated({ permission: Permission.SPJ_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: SpjResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'SPJ_EXCEEDS_ADVANCE, NOT_AN_ADVANCE, ADVANCE_NOT_LIVE' })
  @BodyLimit('2mb', 'up to 500 lines with descriptions of up to 500 characters and 1000 receipt ids: about 830 kB in UTF-8')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSpjDto): Promise<SpjResponse> {
    return this.spj.create(user, dto);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve an SPJ', description: 'The finance officer approves the SPJ: DISBURSEMENT is posted per line, bounded by the allotment.' })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION', 422: 'INSUFFICIENT_ALLOTMENT' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPJ_APPROVE })
  @ApiOkResponse({ type: SpjResponse, description: 'posts DISBURSEMENT per line (bounded by the allotment: 422 INSUFFICIENT_ALLOTMENT)' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpjResponse> {
    return this.spj.approve(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPJ_APPROVE })
  @ApiOperation({ summary: 'Reject a submitted SPJ back to its treasurer', description: 'For the PA/KPA (BUDGET_USER) of the OPD. The SPJ keeps its number, no longer counts against its advance, and the treasurer submits a corrected one. The reason is audited.' })
  @ApiOkResponse({ type: SpjResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown SPJ or another OPD\'s' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION: not SUBMITTED' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<SpjResponse> {
    return this.spj.reject(user, id, dto.reason);
  }

  @Get()
  @ApiOperation({ summary: 'List SPJs', description: 'SPJs filtered by fiscal year, organization and status, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiCursorPage(SpjResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: SpjQueryDto): Promise<CursorPage<SpjResponse>> {
    return this.spj.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An SPJ', description: 'One SPJ with its lines.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: SpjResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpjResponse> {
    return this.spj.get(user, id);
  }
}
