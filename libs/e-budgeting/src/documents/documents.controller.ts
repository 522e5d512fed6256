import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, Page, PageQueryDto, Permission, ProblemResponse } from '@grms/core';
import { DocumentItemsService } from './document-items.service';
import { DocumentWorkflowService } from './document-workflow.service';
import { DocumentsService } from './documents.service';
import { CreateDocumentItemDto, DocumentItemResponse, UpdateDocumentItemDto } from './dto/document-item.dto';
import { CreateDocumentDto, DocumentDetailResponse, DocumentEventResponse, DocumentQueryDto, DocumentResponse, RejectDocumentDto } from './dto/document.dto';

const ITEM_RULES = 'UNKNOWN_ACCOUNT, INVALID_ACCOUNT, UNKNOWN_FUNDING_SOURCE, INVALID_FUNDING_SOURCE, UNKNOWN_HSB_ITEM, HSB_ITEM_OTHER_YEAR, HSB_ITEM_LOCKED, ACCOUNT_NOT_ALLOWED_FOR_HSB_ITEM, EXCEEDS_HSB_CEILING, JUSTIFICATION_REQUIRED';

@ApiTags('e-budgeting')
@Controller('budgeting/documents')
export class DocumentsController {
  constructor(private readonly docs: DocumentsService, private readonly items: DocumentItemsService, private readonly flow: DocumentWorkflowService) {}

  @Post()
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiCreatedResponse({ type: DocumentDetailResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'OPEN_DOCUMENT_EXISTS, DOCUMENT_EXISTS' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'UNKNOWN_SUB_ACTIVITY, INVALID_SUB_ACTIVITY, NO_APPROVED_VERSION, FISCAL_YEAR_NOT_OPEN' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateDocumentDto): Promise<DocumentDetailResponse> {
    return this.docs.create(user, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.BUDGET_DOC_READ })
  @ApiPage(DocumentResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: DocumentQueryDto): Promise<Page<DocumentResponse>> {
    return this.docs.list(user, q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BUDGET_DOC_READ })
  @ApiOkResponse({ type: DocumentDetailResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentDetailResponse> {
    return this.docs.get(user, id);
  }

  @Get(':id/history')
  @Authenticated({ permission: Permission.BUDGET_DOC_READ })
  @ApiPage(DocumentEventResponse)
  history(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQueryDto): Promise<Page<DocumentEventResponse>> {
    return this.docs.history(user, id, q);
  }

  @Post(':id/items')
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiCreatedResponse({ type: DocumentItemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'DOCUMENT_NOT_DRAFT' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: ITEM_RULES })
  addItem(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateDocumentItemDto): Promise<DocumentItemResponse> {
    return this.items.add(user, id, dto);
  }

  @Patch(':id/items/:itemId')
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiOkResponse({ type: DocumentItemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'DOCUMENT_NOT_DRAFT' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: ITEM_RULES })
  updateItem(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string, @Body() dto: UpdateDocumentItemDto): Promise<DocumentItemResponse> {
    return this.items.update(user, id, itemId, dto);
  }

  @Delete(':id/items/:itemId')
  @HttpCode(204)
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemResponse, description: 'DOCUMENT_NOT_DRAFT' })
  removeItem(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string): Promise<void> {
    return this.items.remove(user, id, itemId);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiOkResponse({ type: DocumentDetailResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'EMPTY_DOCUMENT, NO_CEILING, EXCEEDS_CEILING, PERGESERAN_TOTAL_CHANGED, BELOW_COMMITTED' })
  submit(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentDetailResponse> {
    return this.flow.submit(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BUDGET_DOC_APPROVE })
  @ApiOkResponse({ type: DocumentDetailResponse, description: 'the document is now a DPA; APPROPRIATION is posted per budget line' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'NO_CEILING, EXCEEDS_CEILING, PERGESERAN_TOTAL_CHANGED, BELOW_COMMITTED and the ledger\'s refusals' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentDetailResponse> {
    return this.flow.approve(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BUDGET_DOC_APPROVE })
  @ApiOkResponse({ type: DocumentDetailResponse, description: 'back to DRAFT with the reason' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectDocumentDto): Promise<DocumentDetailResponse> {
    return this.flow.reject(user, id, dto.reason);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiOperation({
    summary: 'Delete a draft budget document',
    description: 'For the OPD\'s planner. Only a DRAFT (a rejected document is back in DRAFT). It is kept as DELETED, since its history is append-only: '
      + 'out of the lists (ask status=DELETED to see it) and of the ceilings; a new document can then be made for the sub kegiatan. Body { reason }, audited.',
  })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'unknown document or another OPD\'s' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION: not a DRAFT' })
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectDocumentDto): Promise<DocumentResponse> {
    return this.docs.remove(user, id, dto.reason);
  }
}
