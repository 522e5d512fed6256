import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiPage, Authenticated, Page, Permission, ApiProblems } from '@grms/core';
import { CreateOrganizationDto, OrganizationQueryDto, OrganizationResponse } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('reference data')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'List organizations', description: 'The province and its OPDs (regional work units), filtered by kind and a text query, paged.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(OrganizationResponse)
  list(@Query() q: OrganizationQueryDto): Promise<Page<OrganizationResponse>> {
    return this.organizations.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organization', description: 'One organization by id.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiOkResponse({ type: OrganizationResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganizationResponse> {
    return this.organizations.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create an organization', description: 'Adds an OPD (or a unit under a parent). The code is unique.' })
  @ApiProblems({ 409: 'ORGANIZATION_CODE_TAKEN', 422: 'UNKNOWN_ORGANIZATION' })
  @Authenticated({ permission: Permission.REFERENCE_MANAGE })
  @ApiCreatedResponse({ type: OrganizationResponse })
  create(@Body() dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.organizations.create(dto);
  }
}
