import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiCursorPage, Authenticated, AuthUser, CurrentUser, CursorPage, Idempotent, Permission, ProblemResponse, ApiProblems, BodyLimit } from '@grms/core';
import { ReasonDto } from '../common/reason.dto';
import { CorrectSppDto, CreateSppDto, SppQueryDto, SppResponse } from './dto/spp.dto';
import { SppCorrectionService } from './spp-correction.service';
import { SppWorkflowService } from './spp-workflow.service';
import { SppService } from './spp.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/spp')
export class SppController {
  constructor(private readonly spp: SppService, private readonly workflow: SppWorkflowService, private readonly correction: SppCorrectionService) {}

  @Post()
  @ApiOperation({ summary: 'Create an SPP', description: 'The treasurer drafts a payment request (SPP UP, GU, TU or LS) for budget lines of the OPD, with the taxes computed from the year\'s tax table.' })
  @ApiProblems({ 422: ['LINE_OF_ANOTHER_YEAR', 'MIXED_FISCAL_YEARS', 'TAXES_EXCEED_GROSS', 'GU_NOT_FOR_TU', 'SPJ_NOT_APPROVED'], 409: 'SPJ_ALREADY_REPLENISHED' })
  @Authenticated({ permission: Permission.SPP_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: SppResponse, description: 'a DRAFT SPP with its taxes computed' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'FISCAL_YEAR_NOT_OPEN, TU_ONE_SUB_KEGIATAN, UNKNOWN_TAX_CODE, GU_EXCEEDS_SPJ, ...' })
  @BodyLimit('128kb', 'up to 500 lines of a budget line id and an amount, a payee and a purpose: about 50 kB')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSppDto): Promise<SppResponse> {
    return this.spp.create(user, dto);
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit an SPP', description: 'DRAFT to SUBMITTED. Each line must fit its allotment (the refusal gives the arithmetic per line) and an UP within the OPD\'s UP limit.' })
  @ApiProblems({ 409: 'INVALID_STATE_TRANSITION' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPP_WRITE })
  @ApiOkResponse({ type: SppResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'INSUFFICIENT_ALLOTMENT (with the arithmetic per line), UP_LIMIT_EXCEEDED' })
  submit(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SppResponse> {
    return this.workflow.submit(user, id);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Verify an SPP', description: 'The finance officer verifies a SUBMITTED SPP.' })
  @ApiProblems({ 409: ['INVALID_STATE_TRANSITION', 'SPM_EXISTS'] })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPM_WRITE })
  @ApiOkResponse({ type: SppResponse, description: 'verified by the finance officer' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SppResponse> {
    return this.workflow.approve(user, id);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'Reject an SPP', description: 'The finance officer rejects a SUBMITTED SPP with a reason; the treasurer may correct and resubmit.' })
  @ApiProblems({ 409: ['INVALID_STATE_TRANSITION', 'SPM_EXISTS'] })
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPM_WRITE })
  @ApiOkResponse({ type: SppResponse, description: 'rejected with a reason; the treasurer may resubmit' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<SppResponse> {
    return this.workflow.reject(user, id, dto.reason);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.SPP_WRITE })
  @ApiOperation({
    summary: 'Correct the payee of an SPP in DRAFT or REJECTED',
    description: 'For the OPD\'s treasurer. The way forward after a cancelled SP2D (e.g. a wrong bank account): the SPM is cancelled, the SPP comes back REJECTED, '
      + 'its payee is corrected here and it is resubmitted. Amounts, lines and taxes are not corrected (cancel and make a new SPP): a correction that changes '
      + 'the VAT registration, qualification or NPWP presence the taxes were computed for is refused (PAYEE_TAXES_CHANGED). The payee of a contract termin '
      + 'stays the contract\'s vendor (NPWP) and account (PAYEE_NOT_CONTRACT_VENDOR), taxed as the vendor is today (PAYEE_TAXES_OF_VENDOR). The reason is audited.',
  })
  @ApiProblems({ 422: ['PAYEE_NOT_CONTRACT_VENDOR', 'PAYEE_TAXES_OF_VENDOR', 'PAYEE_TAXES_CHANGED'] })
  @ApiOkResponse({ type: SppResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'VALIDATION_FAILED, INVALID_NPWP' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown SPP or another OPD\'s' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION: not DRAFT or REJECTED' })
  correct(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CorrectSppDto): Promise<SppResponse> {
    return this.correction.correct(user, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPP_WRITE })
  @ApiOperation({ summary: 'Cancel an SPP that no SPM orders', description: 'For the OPD\'s treasurer. Any state but PAID or CANCELLED, once no live SPM orders it; it keeps its number and no longer counts as in process. The reason is audited.' })
  @ApiOkResponse({ type: SppResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown SPP or another OPD\'s' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION, SPM_EXISTS' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<SppResponse> {
    return this.correction.cancel(user, id, dto.reason);
  }

  @Get()
  @ApiOperation({ summary: 'List SPPs', description: 'SPPs filtered by fiscal year, organization, type and status, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiCursorPage(SppResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: SppQueryDto): Promise<CursorPage<SppResponse>> {
    return this.spp.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An SPP', description: 'One SPP with its lines and taxes.' })
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOkResponse({ type: SppResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SppResponse> {
    return this.spp.get(user, id);
  }
}
