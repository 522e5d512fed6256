import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, Authenticated, Page, PageQueryDto, Permission, ProblemResponse } from '@grms/core';
import { AccountQueryDto, CodeListVersionResponse, CodeResponse, FundingSourceQueryDto, NomenclatureQueryDto } from './dto/reference.dto';
import { ReferenceQueryService } from './reference-query.service';

const BY_VERSION = 'The codes of one code-list version: of the version the fiscal year names (`fiscalYear`), of a version by id (`version`), '
  + 'or else of the newest loaded version. Every role may read them.';

@ApiTags('reference data')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceQueryService) {}

  @Get('nomenclature')
  @ApiOperation({ summary: 'Search the nomenclature', description: 'Program, activity and sub-activity codes (Kepmendagri 050-5889/2021), filtered by level, parent code and a text query, paged.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiOperation({ summary: 'Nomenclature (urusan to sub kegiatan)', description: `${BY_VERSION} A sub kegiatan carries its output indicator and unit.` })
  @ApiPage(CodeResponse)
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'NOT_FOUND: no such fiscal year or version' })
  nomenclature(@Query() q: NomenclatureQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.nomenclature(q);
  }

  @Get('accounts')
  @ApiOperation({ summary: 'Search the chart of accounts', description: 'Accounts (Permendagri 90/2019 as updated) by level and text, paged; `leaf` marks the codes budget items may use.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiOperation({ summary: 'Chart of accounts (kode rekening)', description: `${BY_VERSION} Revenue (4), expenditure (5) and financing (6) accounts, six levels.` })
  @ApiPage(CodeResponse)
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'NOT_FOUND: no such fiscal year or version' })
  accounts(@Query() q: AccountQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.accounts(q);
  }

  @Get('funding-sources')
  @ApiOperation({ summary: 'Search funding sources', description: 'Funding source codes by text, paged.' })
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiOperation({ summary: 'Funding sources (sumber dana)', description: BY_VERSION })
  @ApiPage(CodeResponse)
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'NOT_FOUND: no such fiscal year or version' })
  fundingSources(@Query() q: FundingSourceQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.fundingSources(q);
  }

  @Get('code-list-versions')
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiOperation({
    summary: 'Code-list versions',
    description: 'The versions of the code lists (accounts, nomenclature, funding sources) loaded by `grms reference:import`, oldest first, '
      + 'with the regulations they come from, the fiscal years that use each and how many codes each holds. Every role may read them.',
  })
  @ApiPage(CodeListVersionResponse)
  versions(@Query() q: PageQueryDto): Promise<Page<CodeListVersionResponse>> {
    return this.reference.versions(q);
  }
}
