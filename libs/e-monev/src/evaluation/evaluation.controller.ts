import { Body, Controller, Get, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, BodyLimit, CSV_TYPE, CurrentUser, Permission, streamDownload, XLSX_TYPE } from '@grms/core';
import { EVALUATION_COLUMNS } from './evaluation.columns';
import { EvaluationNotesResponse, EvaluationQueryDto, EvaluationReport, PutEvaluationNotesDto } from './evaluation.dto';
import { EvaluationService } from './evaluation.service';

@ApiTags('e-monev')
@Controller('monev/evaluation')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Get()
  @Authenticated({ permission: Permission.MONEV_READ })
  @ApiOperation({ summary: 'The quarterly evaluation of the Renja (Permendagri 86/2017 layout)', description: 'AUDITOR, Bappeda\'s monitoring team, the budget team and ADMIN province-wide; OPD roles their own OPD (another OPD\'s organizationId is 404). Per OPD and row of the nomenclature: each indicator\'s Renstra target, realisation to last year, this year\'s target (K and Rp), TW I-IV realisation (verified values; Rp = expenditure disbursed in the quarter by value date), realisation to the quarter, achievement against the cumulative target and its band, budget absorption, the Renstra to date; footer per OPD with the average achievement and band and its planner\'s driving and inhibiting factors and follow-up (PUT /monev/evaluation/notes). JSON is paged (the footer covers every row); format=csv|xlsx gives every row with the footers, streamed from one read-only snapshot in pages (bounded memory).' })
  @ApiOkResponse({ type: EvaluationReport })
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  async report(@CurrentUser() user: AuthUser, @Query() q: EvaluationQueryDto): Promise<EvaluationReport | StreamableFile> {
    if (!q.format || q.format === 'json') return this.evaluation.report(user, q);
    return streamDownload(q.format, `evaluasi-renja-${q.fiscalYear}-tw${q.quarter}`, `TW ${q.quarter}`, EVALUATION_COLUMNS, await this.evaluation.lines(user, q));
  }

  @Put('notes')
  @Authenticated({ permission: Permission.MONEV_WRITE })
  @ApiOperation({ summary: 'Write the footer of an OPD\'s quarterly evaluation', description: 'PLANNER of the OPD (default its own): driving and inhibiting factors, follow-up in the next quarter and in next year\'s Renja. Replaces the previous text; year in EXECUTION or CLOSED.' })
  @ApiOkResponse({ type: EvaluationNotesResponse })
  @ApiProblems({ 422: 'FISCAL_YEAR_NOT_OPEN' })
  @BodyLimit('128kb', 'four notes of up to 4000 characters: about 48 kB in UTF-8')
  putNotes(@CurrentUser() user: AuthUser, @Body() dto: PutEvaluationNotesDto): Promise<EvaluationNotesResponse> {
    return this.evaluation.putNotes(user, dto);
  }
}
