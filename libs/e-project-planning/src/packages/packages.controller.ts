import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ApiCursorPage, Authenticated, AuthUser, BodyLimit, CurrentUser, CursorPage, Permission, ProblemResponse } from '@grms/core';
import { CreatePackageDto, PackagePlanDto, PackageQueryDto, PackageResponse, RevisePackageDto } from './dto/package.dto';
import { PackageWorkflowService } from './package-workflow.service';
import { PackagesService } from './packages.service';

export class PackageReasonDto {
  @ApiProperty({ example: 'kebutuhan dialihkan ke paket lain' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

const RULES = 'PACKAGE_EXCEEDS_APPROPRIATION (per line: requested > appropriated - other packages), FUNDING_NOT_VALUE, METHOD_ABOVE_THRESHOLD, METHOD_NOT_FOR_TYPE, LINE_NOT_OF_PACKAGE, FISCAL_YEAR_NOT_OPEN';

@ApiTags('e-project-planning')
@Controller('project-planning/packages')
export class PackagesController {
  constructor(private readonly packages: PackagesService, private readonly workflow: PackageWorkflowService) {}

  @Post()
  @Authenticated({ permission: Permission.PACKAGE_WRITE })
  @ApiOperation({ summary: 'Plan a work package on DPA lines', description: 'PLANNER or PROJECT_OFFICER of the OPD. The funding lines sum to the value; per budget line all packages stay within the appropriation (checked under the line\'s lock); direct procurement only up to the year\'s threshold for the type. Starts as DRAFT.' })
  @ApiCreatedResponse({ type: PackageResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: RULES })
  @BodyLimit('256kb', 'up to 50 locations of up to 500 characters, 50 funding lines and a description of 4000: about 95 kB in UTF-8')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePackageDto): Promise<PackageResponse> {
    return this.packages.create(user, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.PACKAGE_WRITE })
  @ApiOperation({ summary: 'Change a draft package, or revise an announced one', description: 'PLANNER or PROJECT_OFFICER. A DRAFT is edited in place; an ANNOUNCED or IN_PROCUREMENT package becomes a new version with a reason (the previous version is kept). Same rules as creation.' })
  @ApiOkResponse({ type: PackageResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: RULES })
  @BodyLimit('256kb', 'up to 50 locations of up to 500 characters, 50 funding lines and a description of 4000: about 95 kB in UTF-8')
  revise(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RevisePackageDto): Promise<PackageResponse> {
    return this.packages.revise(user, id, dto);
  }

  @Put(':id/plan')
  @Authenticated({ permission: Permission.PACKAGE_WRITE })
  @ApiOperation({ summary: 'Set the S-curve and the financial plan', description: 'PLANNER or PROJECT_OFFICER. physical: 12 cumulative percentages, never decreasing, ending at 100; financial: 12 amounts summing to the value. A warning (not a refusal) when the packages of a line outrun its cash plan.' })
  @ApiOkResponse({ type: PackageResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'INVALID_PLAN' })
  plan(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PackagePlanDto): Promise<PackageResponse> {
    return this.packages.setPlan(user, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PACKAGE_WRITE })
  @ApiOperation({ summary: 'Submit a draft package for approval', description: 'PLANNER or PROJECT_OFFICER; the plan must be set.' })
  @ApiOkResponse({ type: PackageResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'PLAN_MISSING' })
  submit(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.workflow.act(user, id, 'submit');
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PACKAGE_APPROVE })
  @ApiOperation({ summary: 'Approve a submitted package', description: 'BUDGET_USER (PA/KPA) of the OPD, not the maker (four-eyes).' })
  @ApiOkResponse({ type: PackageResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.workflow.act(user, id, 'approve');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PACKAGE_APPROVE })
  @ApiOperation({ summary: 'Send a submitted package back to DRAFT with a reason', description: 'BUDGET_USER (PA/KPA) of the OPD, not the maker.' })
  @ApiOkResponse({ type: PackageResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PackageReasonDto): Promise<PackageResponse> {
    return this.workflow.act(user, id, 'reject', dto.reason);
  }

  @Post(':id/announce')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PACKAGE_WRITE })
  @ApiOperation({ summary: 'Announce an approved package in the procurement plan (RUP)', description: 'PLANNER or PROJECT_OFFICER; gives the RUP code. Later changes are versions with a reason.' })
  @ApiOkResponse({ type: PackageResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  announce(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.workflow.act(user, id, 'announce');
  }

  @Post(':id/start-procurement')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PACKAGE_WRITE })
  @ApiOperation({ summary: 'Mark an announced package as in procurement', description: 'PLANNER or PROJECT_OFFICER.' })
  @ApiOkResponse({ type: PackageResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  startProcurement(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.workflow.act(user, id, 'start-procurement');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: Permission.PACKAGE_WRITE })
  @ApiOperation({ summary: 'Cancel a package that has no contract', description: 'PLANNER or PROJECT_OFFICER, with a reason; frees its share of the lines.' })
  @ApiOkResponse({ type: PackageResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PackageReasonDto): Promise<PackageResponse> {
    return this.workflow.act(user, id, 'cancel', dto.reason);
  }

  @Get()
  @Authenticated({ permission: Permission.PACKAGE_READ })
  @ApiOperation({ summary: 'List packages', description: 'Packages of the user\'s OPD (province-wide roles: all), by code. Paged by number (`page`, with the real `total`) or by cursor (`cursor` = `meta.nextCursor` of the previous page: every page costs what the first does; no `total`); a cursor of another list or a tampered one is 400 `INVALID_CURSOR`. Warnings are given on the single package.' })
  @ApiCursorPage(PackageResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: PackageQueryDto): Promise<CursorPage<PackageResponse>> {
    return this.packages.list(user, q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.PACKAGE_READ })
  @ApiOperation({ summary: 'One package with its funding lines, plans and warnings', description: 'Readers of the OPD; 404 for another OPD\'s package.' })
  @ApiOkResponse({ type: PackageResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.packages.get(user, id);
  }
}
