import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiPage, Authenticated, Page, Permission } from '@grms/core';
import { AccountQueryDto, CodeResponse, FundingSourceQueryDto, NomenclatureQueryDto } from './dto/reference.dto';
import { ReferenceQueryService } from './reference-query.service';

@ApiTags('reference data')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceQueryService) {}

  @Get('nomenclature')
  @ApiOperation({ summary: 'Search the nomenclature', description: 'Program, activity and sub-activity codes (Kepmendagri 050-5889/2021), filtered by level, parent code and a text query, paged.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(CodeResponse)
  nomenclature(@Query() q: NomenclatureQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.nomenclature(q);
  }

  @Get('accounts')
  @ApiOperation({ summary: 'Search the chart of accounts', description: 'Accounts (Permendagri 90/2019 as updated) by level and text, paged; `leaf` marks the codes budget items may use.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(CodeResponse)
  accounts(@Query() q: AccountQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.accounts(q);
  }

  @Get('funding-sources')
  @ApiOperation({ summary: 'Search funding sources', description: 'Funding source codes by text, paged.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(CodeResponse)
  fundingSources(@Query() q: FundingSourceQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.fundingSources(q);
  }
}
