import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse, ApiProduces, ApiOperation } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, DomainError, Permission, ProblemResponse, ApiProblems, CSV_TYPE, XLSX_TYPE } from '@grms/core';
import { CashPlanImportService, CASH_PLAN_TEMPLATE } from '../imports/cash-plan-import.service';
import { importTemplate, TemplateQueryDto } from '@grms/e-hsb';
import { CashPlanImportDto, CashPlanImportResponse, LOCALE_PROPERTY, UPLOAD_SCHEMA } from '../imports/dto/upload.dto';

@ApiTags('e-budgeting')
@Controller('budgeting/cash-plans/imports')
export class CashPlanImportsController {
  constructor(private readonly imports: CashPlanImportService) {}

  @Post()
  @ApiOperation({ summary: 'Import cash plans from a spreadsheet', description: 'Sets the cash plans of many budget lines from a CSV or XLSX file (multipart field `file`): one row per line, twelve months. Every row is checked first; any bad row refuses the whole file with every error (line; the column as the file names it, its letter and the API field), nothing written. Amounts are read by `locale` (en or id).' })
  @ApiProblems({ 422: ['IMPORT_INVALID_ROWS', 'IMPORT_MISSING_COLUMNS', 'CASH_PLAN_MISMATCH'] })
  @HttpCode(200)
  @Authenticated({ permission: Permission.CASH_PLAN_WRITE })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024, files: 1 } }))
  @ApiPayloadTooLargeResponse({ type: ProblemResponse, description: 'PAYLOAD_TOO_LARGE (upload limit) or SPREADSHEET_TOO_LARGE: more than 50,000 rows, or an XLSX over 32 MiB inflated or 1000 parts' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_SCHEMA({ fiscalYear: { type: 'integer', example: 2026 }, organizationId: { type: 'string', format: 'uuid', description: 'the OPD; defaults to the user\'s own' }, ...LOCALE_PROPERTY }, ['fiscalYear']))
  @ApiOkResponse({ type: CashPlanImportResponse, description: 'columns: subActivityCode, accountCode, fundingSourceCode, Januari..Desember (or Jan..Dec)' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'IMPORT_INVALID_ROWS: every bad row; nothing written' })
  run(@CurrentUser() user: AuthUser, @UploadedFile() file: Express.Multer.File | undefined, @Body() dto: CashPlanImportDto): Promise<CashPlanImportResponse> {
    if (!file) throw DomainError.invalid('a file is required (multipart field "file")', [{ field: 'file', message: 'missing' }]);
    return this.imports.import(user, dto.fiscalYear, dto.organizationId, file.buffer, file.originalname, dto.locale);
  }

  @Get('template')
  @ApiOperation({ summary: 'Template of a cash plan import', description: 'The header row (sub-activity, account, funding source and the twelve months) and one example row, as CSV or XLSX (`format=csv|xlsx`), ready to fill and upload to POST /budgeting/cash-plans/imports.' })
  @Authenticated({ permission: Permission.CASH_PLAN_WRITE })
  @ApiProduces(CSV_TYPE, XLSX_TYPE)
  @ApiOkResponse({ description: 'the template file' })
  template(@Query() q: TemplateQueryDto): Promise<StreamableFile> {
    return importTemplate(q.format, 'cash-plan-import-template', CASH_PLAN_TEMPLATE.headers, CASH_PLAN_TEMPLATE.example);
  }
}
