import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser, Permission } from '@grms/core';
import { LraQueryDto, LraResponse } from './lra.dto';
import { lraExport, lraStreamExport } from './lra.export';
import { LraService } from './lra.service';

@ApiTags('reports')
@Controller('reports')
export class LraController {
  constructor(private readonly lra: LraService) {}

  @Get('lra')
  @Authenticated({ permission: Permission.LRA_READ })
  @ApiOperation({ summary: 'The budget realisation report (LRA)', description: 'Laporan Realisasi Anggaran from the ledger, in the statutory structure: Pendapatan (4: PAD, transfers, other), Belanja (5: operating, capital, unforeseen, transfers), Surplus/(Defisit), Pembiayaan (6.1 receipts, 6.2 expenditures, net) and SiLPA. Per row: the original budget (APPROPRIATION for 5.*, ESTIMATE for 4.* and 6.*), the amended budget once an amendment (PERUBAHAN) is valued by asOf (else null), the realisation by value date up to asOf (DISBURSEMENT for 5.*, REALIZATION for 4.* and 6.*), more/(less) and %. groupBy=account (levels 1-6, default 3), organization (the same per OPD) or program (program/kegiatan/sub kegiatan within each akun, level 3-5). format=csv|xlsx downloads the rows with codes and names (grouped by organization, written OPD by OPD as they are read). Auditors, the budget team and BPKAD read every OPD; OPD roles their own (another OPD is 404).' })
  @ApiProblems({ 404: 'FISCAL_YEAR_NOT_FOUND' })
  @ApiOkResponse({ type: LraResponse, description: 'format=csv|xlsx returns a download of the rows' })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async report(@CurrentUser() user: AuthUser, @Query() q: LraQueryDto): Promise<LraResponse | StreamableFile> {
    if (q.format && q.format !== 'json' && q.groupBy === 'organization') {
      // per OPD the rows grow with the OPDs: assembled and written OPD by OPD (decision 0114)
      const { head, pages } = await this.lra.organizationPages(user, q);
      return lraStreamExport(q.format, head, pages);
    }
    const r = await this.lra.report(user, q);
    return !q.format || q.format === 'json' ? r : lraExport(q.format, r);
  }
}
