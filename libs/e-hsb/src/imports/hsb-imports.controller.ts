import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse, ApiProduces, ApiOperation } from '@nestjs/swagger';
import { Authenticated, DomainError, Permission, ProblemResponse, CSV_TYPE, XLSX_TYPE } from '@grms/core';
import { HsbImportDto, HsbImportResponse } from './dto/hsb-import.dto';
import { HsbImportService } from './hsb-import.service';
import { DEFAULT_PROFILE } from './import-profiles';
import { importTemplate, TemplateQueryDto } from './import-template';

// No storage option: multer keeps the upload in memory, within the limit.
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

@ApiTags('e-HSB')
@Controller('hsb/imports')
export class HsbImportsController {
  constructor(private readonly imports: HsbImportService) {}

  @Post()
  @ApiOperation({ summary: 'Import a price list', description: 'Imports an e-HSB price list (CSV or XLSX, multipart field `file`) into a fiscal year, with an optional column profile (e.g. kota-malang-ssh). Strict by default: any bad row refuses the whole file with every error; `partial` keeps the good rows; `dryRun` checks only.' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.HSB_MANAGE })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1 } }))
  @ApiPayloadTooLargeResponse({ type: ProblemResponse, description: 'PAYLOAD_TOO_LARGE (upload limit) or SPREADSHEET_TOO_LARGE: more than 50,000 rows, or an XLSX over 32 MiB inflated or 1000 parts' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object', required: ['file', 'fiscalYear'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV (comma or semicolon) or XLSX, header in the first non-empty row' },
        fiscalYear: { type: 'integer', example: 2026 },
        profile: { type: 'string', example: 'default', description: 'default | kota-malang-ssh' },
        mode: { type: 'string', enum: ['strict', 'partial'], default: 'strict' },
        dryRun: { type: 'boolean', default: false },
        category: { type: 'string', enum: ['SSH', 'HSPK', 'ASB', 'SBU'] },
        ceiling: { type: 'string', enum: ['HARD', 'ESTIMATE'] },
        locale: { type: 'string', enum: ['en', 'id'], description: 'how the file writes amounts: en 1250000.50 / 1,250,000.50; id 1250000,50 / 1.250.000,50; default the profile\'s (default: en, kota-malang-ssh: id)' },
      },
    },
  })
  @ApiOkResponse({ type: HsbImportResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'IMPORT_INVALID_ROWS (errors: every bad row with its line number, the column as the file names it with its letter, and the API field; nothing written), IMPORT_MISSING_COLUMNS' })
  run(@UploadedFile() file: Express.Multer.File | undefined, @Body() dto: HsbImportDto): Promise<HsbImportResponse> {
    if (!file) throw DomainError.invalid('a file is required (multipart field "file")', [{ field: 'file', message: 'missing' }]);
    return this.imports.importFile({ buffer: file.buffer, fileName: file.originalname }, dto);
  }

  @Get('template')
  @ApiOperation({ summary: 'Template of a price list import', description: 'The header row of the GRMS layout (the `default` profile) and one example row, as CSV or XLSX (`format=csv|xlsx`), ready to fill and upload to POST /hsb/imports.' })
  @Authenticated({ permission: Permission.HSB_MANAGE })
  @ApiProduces(CSV_TYPE, XLSX_TYPE)
  @ApiOkResponse({ description: 'the template file' })
  template(@Query() q: TemplateQueryDto): Promise<StreamableFile> {
    const headers = (Object.values(DEFAULT_PROFILE.columns) as string[][]).map((names) => names[0]);
    const example: Record<string, string> = {
      code: 'SSH.ATK.0101', name: 'Pulpen Tinta Gel', specification: '0.5 mm, hitam', unit: 'Buah', price: '3500.00',
      category: 'SSH', accountCodes: '5.1.02.01.01.0024', ceiling: 'ESTIMATE',
    };
    return importTemplate(q.format, 'hsb-import-template', headers, headers.map((h) => example[h] ?? ''));
  }
}
