import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiCursorPage, ApiProblems, Authenticated, AuthUser, CurrentUser, CursorPage, Idempotent, Permission, ProblemResponse, streamDownload } from '@grms/core';
import { ProgressService } from '../progress/progress.service';
import { AddendumDto, HandoverDto, ProgressDto, ProgressResponse, ReasonDto } from '../progress/dto/progress.dto';
import { ContractLifecycleService } from './contract-lifecycle.service';
import { CONTRACT_REGISTER_COLUMNS } from './contract-register';
import { ContractsService } from './contracts.service';
import { ContractQueryDto, ContractResponse, CreateContractDto } from './dto/contract.dto';

@ApiTags('e-delivery')
@Controller('delivery/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService, private readonly lifecycle: ContractLifecycleService, private readonly progress: ProgressService) {}

  @Post()
  @Authenticated({ permission: Permission.CONTRACT_WRITE })
  @Idempotent()
  @ApiOperation({ summary: 'Draft a contract on a package', description: 'PROJECT_OFFICER (PPK) of the OPD. Value within the package (less its signed contracts); advance at most 30% (small business) or 20% of the value; retention 5% unless a maintenance bond; termins by percent summing to 100 or by amount summing to the value; the advance and retention termins are added. Nothing is committed until signing.' })
  @ApiCreatedResponse({ type: ContractResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'CONTRACT_NUMBER_EXISTS' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'CONTRACT_EXCEEDS_PACKAGE, ADVANCE_ABOVE_LIMIT, TERMINS_NOT_VALUE, VENDOR_BLACKLISTED, PACKAGE_NOT_CONTRACTABLE, NOT_VENDOR_ACCOUNT, FUNDING_NOT_VALUE' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateContractDto): Promise<ContractResponse> {
    return this.contracts.create(user, dto);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CONTRACT_SIGN })
  @ApiOperation({ summary: 'Sign a drafted contract: posts COMMITMENT', description: 'PROJECT_OFFICER or BUDGET_USER of the OPD other than the drafter (four-eyes). Per funding line, under the line\'s lock: amount <= appropriated - committed - disbursed, else 422 INSUFFICIENT_BUDGET with the arithmetic. The package becomes CONTRACTED.' })
  @ApiOkResponse({ type: ContractResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'INSUFFICIENT_BUDGET, CONTRACT_EXCEEDS_PACKAGE' })
  sign(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.contracts.sign(user, id);
  }

  @Post(':id/addenda')
  @Authenticated({ permission: Permission.CONTRACT_WRITE })
  @ApiOperation({ summary: 'Propose an addendum', description: 'PROJECT_OFFICER. A new value (at most the original + 10%), a later end date, or termination; applied when another officer approves it. On a contract with several funding lines the value change is split as `fundingLines` names (every line, summing to the new value) or pro rata to the current amounts (docs/decisions/0411). `fundingLines` may add a budget line the contract does not have yet, of the package\'s OPD, year and sub kegiatan (docs/decisions/0413). Each line\'s increase must fit its uncommitted budget (checked again under the lines\' locks at approval), no line goes below what it has paid.' })
  @ApiCreatedResponse({ type: ContractResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION, ADDENDUM_PENDING' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'ADDENDUM_ABOVE_LIMIT, INSUFFICIENT_BUDGET, FUNDING_NOT_VALUE, FUNDING_LINES_INCOMPLETE, LINE_NOT_OF_PACKAGE, ADDENDUM_BELOW_PAID' })
  addendum(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddendumDto): Promise<ContractResponse> {
    return this.lifecycle.proposeAddendum(user, id, dto);
  }

  @Post(':id/addenda/approve')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CONTRACT_SIGN })
  @ApiOperation({ summary: 'Approve the pending addendum', description: 'A contract signer other than its proposer. A value change adjusts the last unpaid work termin and the COMMITMENT on each funding line by the split recorded with the addendum (an increase only within each line\'s available budget, checked under the lines\' locks).' })
  @ApiOkResponse({ type: ContractResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'NO_PENDING_ADDENDUM, INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'INSUFFICIENT_BUDGET, NO_UNPAID_TERMIN, ADDENDUM_BELOW_PAID' })
  approveAddendum(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.lifecycle.approveAddendum(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CONTRACT_WRITE })
  @ApiOperation({ summary: 'Cancel a contract drafted by mistake', description: 'PROJECT_OFFICER of the OPD, with a reason, while the contract is a DRAFT (nobody signed it, so it committed nothing). It keeps its number as CANCELLED in the register, leaves the OCDS package and e-controlling, and the package can take a new contract. A signed contract is ended by a termination addendum instead.' })
  @ApiOkResponse({ type: ContractResponse, description: 'the contract, CANCELLED' })
  @ApiProblems({ 404: 'NOT_FOUND', 409: 'INVALID_STATE_TRANSITION' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<ContractResponse> {
    return this.lifecycle.cancelDraft(user, id, dto.reason);
  }

  @Post(':id/addenda/reject')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CONTRACT_SIGN })
  @ApiOperation({ summary: 'Reject the pending addendum', description: 'A contract signer of the OPD refuses the addendum awaiting approval, with a reason (its proposer may withdraw it the same way). Nothing of the contract changes (value, end date, termins, commitment); the addendum is kept as REJECTED in the audit trail, and a new one may be proposed.' })
  @ApiOkResponse({ type: ContractResponse, description: 'the contract, unchanged' })
  @ApiProblems({ 409: 'NO_PENDING_ADDENDUM' })
  rejectAddendum(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<ContractResponse> {
    return this.lifecycle.rejectAddendum(user, id, dto.reason);
  }

  @Post(':id/progress')
  @Authenticated({ permission: Permission.CONTRACT_WRITE })
  @ApiOperation({ summary: 'Report cumulative physical progress', description: 'PROJECT_OFFICER. Dated, cumulative, 0..100, never below the previous report; counts once a SUPERVISOR verifies it.' })
  @ApiCreatedResponse({ type: ProgressResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'PROGRESS_DECREASING, PROGRESS_OUT_OF_ORDER' })
  report(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProgressDto): Promise<ProgressResponse> {
    return this.progress.report(user, id, dto);
  }

  @Get(':id/progress')
  @Authenticated({ permission: Permission.CONTRACT_READ })
  @ApiOperation({ summary: 'The progress reports of a contract', description: 'Readers of the OPD, in date order.' })
  @ApiOkResponse({ type: [ProgressResponse] })
  progressList(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProgressResponse[]> {
    return this.progress.list(user, id);
  }

  @Post(':id/handovers')
  @Authenticated({ permission: Permission.CONTRACT_WRITE })
  @ApiOperation({ summary: 'Record a handover (BAST)', description: 'PROJECT_OFFICER. PHO at 100% verified progress opens the maintenance period; FHO after it (PHO date + maintenance days) completes the contract and makes the retention termin due. 201: the handover is created (as a progress report or an addendum is); the answer is the contract card with it.' })
  @ApiCreatedResponse({ type: ContractResponse, description: 'the handover is recorded; the contract card with it' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'PROGRESS_NOT_COMPLETE, MAINTENANCE_NOT_OVER' })
  handover(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: HandoverDto): Promise<ContractResponse> {
    return this.lifecycle.handover(user, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated({ permission: Permission.CONTRACT_SIGN })
  @ApiOperation({ summary: 'Close a completed or terminated contract', description: 'A contract signer of the OPD. Releases the COMMITMENT the contract still holds (penalties, unpaid work of a termination); the package becomes COMPLETED. Refused while an SPP of the contract is in process (submitted, or verified with its SPM not yet paid by an SP2D).' })
  @ApiOkResponse({ type: ContractResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION, CONTRACT_PAYMENT_IN_PROCESS (names the SPP)' })
  close(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.lifecycle.close(user, id);
  }

  @Get()
  @Authenticated({ permission: Permission.CONTRACT_READ })
  @ApiOperation({ summary: 'Contracts: the contract register', description: 'Readers of the OPD (province-wide roles: all). In the order of signing date and number. JSON is paged by number (`page`, with the real `total`) or by cursor (`cursor` = `meta.nextCursor` of the previous page: every page costs what the first does; no `total`; a cursor of another list or a tampered one is 400 `INVALID_CURSOR`); format=csv|xlsx streams the whole register from one snapshot (number, date, RUP code, package, vendor and NPWP, method, value, addenda, advance, termins paid with SP2D numbers, remaining, progress, PHO/FHO, penalty, status).' })
  @ApiCursorPage(ContractResponse)
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async list(@CurrentUser() user: AuthUser, @Query() q: ContractQueryDto): Promise<CursorPage<ContractResponse> | StreamableFile> {
    if (!q.format || q.format === 'json') return this.contracts.list(user, q);
    return streamDownload(q.format, `contract-register-${q.fiscalYear ?? 'all'}`, 'Kontrak', CONTRACT_REGISTER_COLUMNS, await this.contracts.allPages(user, q));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.CONTRACT_READ })
  @ApiOperation({ summary: 'The contract card', description: 'Readers of the OPD; 404 for another OPD\'s contract. Termins with their payable amounts and the SP2D that paid them, funding lines with the commitment held.' })
  @ApiOkResponse({ type: ContractResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.contracts.get(user, id);
  }
}
