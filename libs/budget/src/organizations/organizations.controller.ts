import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPage, Authenticated, Page, Permission } from '@grms/core';
import { CreateOrganizationDto, OrganizationQueryDto, OrganizationResponse } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('reference data')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(OrganizationResponse)
  list(@Query() q: OrganizationQueryDto): Promise<Page<OrganizationResponse>> {
    return this.organizations.list(q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiOkResponse({ type: OrganizationResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganizationResponse> {
    return this.organizations.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.REFERENCE_MANAGE })
  @ApiCreatedResponse({ type: OrganizationResponse })
  create(@Body() dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.organizations.create(dto);
  }
}
