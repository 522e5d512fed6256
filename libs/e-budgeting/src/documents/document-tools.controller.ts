import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiPayloadTooLargeResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, DomainError, Permission, ProblemResponse, ApiProblems, CSV_TYPE } from '@grms/core';
import { importTemplate, TemplateQueryDto } from '@grms/e-hsb';
import type { Response } from 'express';
import { DocumentExportResponse, ExportQueryDto, ItemImportDto, ItemImportResponse, LOCALE_PROPERTY, UPLOAD_SCHEMA } from '../imports/dto/upload.dto';
import { ITEM_TEMPLATE, ItemImportService } from '../imports/item-import.service';
import { DocumentExportService } from './document-export.service';
import { DocumentReviewService } from './document-review.service';
import { DocumentReviewResponse } from './dto/document-review.dto';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('e-budgeting')
@Controller('budgeting/documents')
export class DocumentToolsController {
  constructor(private readonly review: DocumentReviewService, private readonly exporter: DocumentExportService, private readonly imports: ItemImportService) {}

  @Get(':id/review')
  @ApiOperation({ summary: 'Review a budget document', description: 'Flags for the verifier: items priced above the catalogue, quantities far above the same item elsewhere, accounts the catalogue item does not allow. Reads only.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_READ })
  @ApiOkResponse({ type: DocumentReviewResponse, description: 'items above the catalogue price, quantities far above the same item elsewhere, accounts the catalogue does not allow' })
  reviewOf(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentReviewResponse> {
    return this.review.review(user, id);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Export a budget document', description: 'The RKA (the DPA once approved) grouped by account, as JSON or, with `format=xlsx`, as a spreadsheet named after the document.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_READ })
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({ type: DocumentExportResponse, description: 'RKA (DPA once approved) grouped by account; ?format=xlsx downloads the sheet' })
  async export(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<DocumentExportResponse | StreamableFile> {
    const e = await this.exporter.build(user, id);
    if (q.format !== 'xlsx') return { title: e.title, fileName: e.fileName, rows: e.rows };
    res.set({ 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${e.fileName}"` });
    return new StreamableFile(await this.exporter.xlsx(e));
  }

  @Get('items/imports/template')
  @ApiOperation({ summary: 'Template of a budget item import', description: 'The header row (account, funding source, catalogue code, description, coefficients, unit price, VAT, justification) and one example row, as CSV or XLSX (`format=csv|xlsx`), ready to fill and upload to POST /budgeting/documents/{id}/items/imports.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiProduces(CSV_TYPE, XLSX_TYPE)
  @ApiOkResponse({ description: 'the template file' })
  itemTemplate(@Query() q: TemplateQueryDto): Promise<StreamableFile> {
    return importTemplate(q.format, 'budget-item-import-template', ITEM_TEMPLATE.headers, ITEM_TEMPLATE.example);
  }

  @Post(':id/items/imports')
  @ApiOperation({ summary: 'Import budget items from a spreadsheet', description: 'Adds items to a DRAFT document from a CSV or XLSX file (multipart field `file`). Every row is checked first; any bad row refuses the whole file with every error (line; the column as the file names it, its letter and the API field; the rule), nothing written. Amounts are read by `locale` (en or id).' })
  @ApiProblems({ 409: 'DOCUMENT_NOT_DRAFT', 422: 'IMPORT_MISSING_COLUMNS' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024, files: 1 } }))
  @ApiPayloadTooLargeResponse({ type: ProblemResponse, description: 'PAYLOAD_TOO_LARGE (upload limit) or SPREADSHEET_TOO_LARGE: more than 50,000 rows, or an XLSX over 32 MiB inflated or 1000 parts' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_SCHEMA(LOCALE_PROPERTY, []))
  @ApiOkResponse({ type: ItemImportResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'IMPORT_INVALID_ROWS: every bad row (line, column, the rule refused); nothing written' })
  importItems(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: Express.Multer.File | undefined, @Body() dto: ItemImportDto): Promise<ItemImportResponse> {
    if (!file) throw DomainError.invalid('a file is required (multipart field "file")', [{ field: 'file', message: 'missing' }]);
    return this.imports.import(user, id, file.buffer, file.originalname, dto.locale);
  }
}
