import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Page, Permission, ProblemResponse } from '@grms/core';
import { BlacklistDto, CreateVendorDto, VendorQueryDto, VendorResponse } from './dto/vendor.dto';
import { VendorsService } from './vendors.service';

@ApiTags('e-delivery')
@Controller('delivery/vendors')
export class VendorsController {
  constructor(private readonly vendors: VendorsService) {}

  @Post()
  @Authenticated({ permission: Permission.VENDOR_WRITE })
  @ApiOperation({ summary: 'Register a vendor (penyedia)', description: 'PROJECT_OFFICER. NPWP of 15 or 16 digits (400 INVALID_NPWP), one vendor per NPWP (409 VENDOR_EXISTS); at least one bank account; a blacklisted vendor names the decision.' })
  @ApiCreatedResponse({ type: VendorResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'VENDOR_EXISTS' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateVendorDto): Promise<VendorResponse> {
    return this.vendors.create(user, dto);
  }

  @Post(':id/blacklist')
  @HttpCode(200)
  @Authenticated({ permission: Permission.VENDOR_WRITE })
  @ApiOperation({ summary: 'Blacklist a vendor', description: 'PROJECT_OFFICER, naming the decision (reference). A blacklisted vendor gets no new contract (422 VENDOR_BLACKLISTED on drafting); 409 when already blacklisted.' })
  @ApiOkResponse({ type: VendorResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'VENDOR_BLACKLISTED' })
  blacklist(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BlacklistDto): Promise<VendorResponse> {
    return this.vendors.blacklist(user, id, dto.reference);
  }

  @Get()
  @Authenticated({ permission: Permission.VENDOR_READ })
  @ApiOperation({ summary: 'List vendors', description: 'Vendors are province-wide; readers of contracts and payments. Paged, filter q on name or NPWP.' })
  @ApiPage(VendorResponse)
  list(@Query() q: VendorQueryDto): Promise<Page<VendorResponse>> {
    return this.vendors.list(q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.VENDOR_READ })
  @ApiOperation({ summary: 'One vendor', description: 'Readers of vendors.' })
  @ApiOkResponse({ type: VendorResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<VendorResponse> {
    return this.vendors.get(id);
  }
}
