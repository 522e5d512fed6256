import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCursorPage, Authenticated, AuthUser, CurrentUser, CursorPage, Idempotent, Permission, ProblemResponse, ApiProblems } from '@grms/core';
import { ReasonDto } from '../common/reason.dto';
import { CreateSpmDto, SpmQueryDto, SpmResponse } from './dto/spm.dto';
import { SpmService } from './spm.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/spm')
export class SpmController {
  constructor(private readonly spm: SpmService) {}

  @Post()
  @ApiOperation({ summary: 'Issue an SPM', description: 'The finance officer issues the payment order (SPM) of a submitted SPP, which verifies it. One SPM per SPP.' })
  @ApiProblems({ 409: 'SPM_EXISTS', 422: 'SPP_NOT_SUBMITTED' })
  @Authenticated({ permission: Permission.SPM_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: SpmResponse, description: 'issued from a submitted SPP, which it verifies' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSpmDto): Promise<SpmResponse> {
    return this.spm.create(user, dto);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve an SPM', description: 'A finance officer other than the maker (four-eyes) approves the SPM; for LS the COMMITMENT is posted per line.' })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION', 403: 'SAME_MAKER_AND_APPROVER', 422: 'INSUFFICIENT_ALLOTMENT' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPM_APPROVE })
  @ApiOkResponse({ type: SpmResponse, description: 'issued by the PA/KPA (BUDGET_USER) of the OPD, never its maker; posts COMMITMENT for LS' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpmResponse> {
    return this.spm.approve(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPM_APPROVE })
  @ApiOperation({
    summary: 'Cancel (reject) an SPM that no live SP2D pays',
    description: 'For the PA/KPA (BUDGET_USER) of the OPD. After its SP2D is cancelled, or before one is issued: the SPM\'s COMMITMENT is reversed exactly '
      + 'and its SPP goes back to the treasurer as REJECTED, to be corrected (PATCH) and resubmitted, or cancelled. The SPM keeps its number; the reason is audited.',
  })
  @ApiOkResponse({ type: SpmResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown SPM or another OPD\'s' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'SP2D_ISSUED: a live SP2D pays it; INVALID_STATE_TRANSITION: already cancelled; PERIOD_CLOSED' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<SpmResponse> {
    return this.spm.cancel(user, id, dto.reason);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPM_APPROVE })
  @ApiOperation({
    summary: 'Reject a drafted SPM',
    description: 'For the PA/KPA (BUDGET_USER) of the OPD, who refuses to issue an SPM the finance officer drafted: only a DRAFT SPM (an issued one is cancelled). '
      + 'The SPM is cancelled with the reason (it keeps its number; nothing was committed) and its SPP goes back to the treasurer as REJECTED, '
      + 'to be corrected (PATCH) and resubmitted, or cancelled. Audited as SPM.REJECT with the reason.',
  })
  @ApiOkResponse({ type: SpmResponse, description: 'the SPM, CANCELLED with the reason; its SPP is REJECTED' })
  @ApiProblems({ 404: 'NOT_FOUND', 409: 'INVALID_STATE_TRANSITION', 422: 'FISCAL_YEAR_NOT_OPEN' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<SpmResponse> {
    return this.spm.reject(user, id, dto.reason);
  }

  @Get()
  @ApiOperation({ summary: 'List SPMs', description: 'SPMs filtered by fiscal year, organization and status, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiCursorPage(SpmResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: SpmQueryDto): Promise<CursorPage<SpmResponse>> {
    return this.spm.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An SPM', description: 'One SPM with its lines.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: SpmResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpmResponse> {
    return this.spm.get(user, id);
  }
}
