import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiPage, Authenticated, Page, Permission } from '@grms/core';
import { AccountQueryDto, CodeResponse, FundingSourceQueryDto, NomenclatureQueryDto } from './dto/reference.dto';
import { ReferenceQueryService } from './reference-query.service';

@ApiTags('reference data')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceQueryService) {}

  @Get('nomenclature')
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(CodeResponse)
  nomenclature(@Query() q: NomenclatureQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.nomenclature(q);
  }

  @Get('accounts')
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(CodeResponse)
  accounts(@Query() q: AccountQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.accounts(q);
  }

  @Get('funding-sources')
  @Authenticated({ permission: Permission.REFERENCE_READ })
  @ApiPage(CodeResponse)
  fundingSources(@Query() q: FundingSourceQueryDto): Promise<Page<CodeResponse>> {
    return this.reference.fundingSources(q);
  }
}
