import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { Authenticated, DomainError, Permission, ProblemResponse } from '@grms/core';
import { HsbImportDto, HsbImportResponse } from './dto/hsb-import.dto';
import { HsbImportService } from './hsb-import.service';

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
      },
    },
  })
  @ApiOkResponse({ type: HsbImportResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'IMPORT_INVALID_ROWS (errors: every bad row with its line number; nothing written), IMPORT_MISSING_COLUMNS' })
  run(@UploadedFile() file: Express.Multer.File | undefined, @Body() dto: HsbImportDto): Promise<HsbImportResponse> {
    if (!file) throw DomainError.invalid('a file is required (multipart field "file")', [{ field: 'file', message: 'missing' }]);
    return this.imports.importFile({ buffer: file.buffer, fileName: file.originalname }, dto);
  }
}
