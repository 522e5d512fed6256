import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiPage, Authenticated, AuthUser, CurrentUser, JsonText, Page, PageQueryDto, Permission, ProblemResponse } from '@grms/core';
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
  @ApiOperation({ summary: 'Create a budget document', description: 'Starts an RKA for a sub-activity of the planner\'s OPD, or a revision (pergeseran, perubahan) of an approved DPA. One open document per sub-activity and year.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiCreatedResponse({ type: DocumentDetailResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'OPEN_DOCUMENT_EXISTS, DOCUMENT_EXISTS' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'UNKNOWN_SUB_ACTIVITY, INVALID_SUB_ACTIVITY, NO_APPROVED_VERSION, FISCAL_YEAR_NOT_OPEN' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateDocumentDto): Promise<DocumentDetailResponse> {
    return this.docs.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List budget documents', description: 'Budget documents filtered by fiscal year, organization, status and kind, paged. OPD roles see their own organization only.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_READ })
  @ApiPage(DocumentResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: DocumentQueryDto): Promise<Page<DocumentResponse>> {
    return this.docs.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A budget document with its items', description: 'One budget document with its items and totals.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_READ })
  @ApiOkResponse({ type: DocumentDetailResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<JsonText<DocumentDetailResponse>> {
    return this.docs.get(user, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The history of a budget document', description: 'Every status change of the document (who, when, reason), oldest first, paged.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_READ })
  @ApiPage(DocumentEventResponse)
  history(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQueryDto): Promise<Page<DocumentEventResponse>> {
    return this.docs.history(user, id, q);
  }

  @Post(':id/items')
  @ApiOperation({ summary: 'Add an item to a budget document', description: 'Adds a priced item (account, funding source, quantity, unit, unit price, VAT from the year\'s tax table) to a DRAFT document. A catalogue item sets the account and caps the price.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiCreatedResponse({ type: DocumentItemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'DOCUMENT_NOT_DRAFT' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: ITEM_RULES })
  addItem(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateDocumentItemDto): Promise<DocumentItemResponse> {
    return this.items.add(user, id, dto);
  }

  @Patch(':id/items/:itemId')
  @ApiOperation({ summary: 'Change an item of a budget document', description: 'Changes an item of a DRAFT document; the amounts are recomputed.' })
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiOkResponse({ type: DocumentItemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'DOCUMENT_NOT_DRAFT' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: ITEM_RULES })
  updateItem(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string, @Body() dto: UpdateDocumentItemDto): Promise<DocumentItemResponse> {
    return this.items.update(user, id, itemId, dto);
  }

  @Delete(':id/items/:itemId')
  @ApiOperation({ summary: 'Remove an item from a budget document', description: 'Removes an item from a DRAFT document.' })
  @HttpCode(204)
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemResponse, description: 'DOCUMENT_NOT_DRAFT' })
  removeItem(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string): Promise<void> {
    return this.items.remove(user, id, itemId);
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit a budget document for verification', description: 'DRAFT to SUBMITTED. The document must have items and fit its ceiling; a pergeseran keeps its total; no line may fall below what is already committed.' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.BUDGET_DOC_WRITE })
  @ApiOkResponse({ type: DocumentDetailResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'EMPTY_DOCUMENT, NO_CEILING, EXCEEDS_CEILING, PERGESERAN_TOTAL_CHANGED, BELOW_COMMITTED' })
  submit(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<JsonText<DocumentDetailResponse>> {
    return this.flow.submit(user, id);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve a budget document', description: 'SUBMITTED to APPROVED: the RKA becomes a DPA and its appropriations are posted to the ledger per budget line, in one transaction with the audit record.' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.BUDGET_DOC_APPROVE })
  @ApiOkResponse({ type: DocumentDetailResponse, description: 'the document is now a DPA; APPROPRIATION is posted per budget line' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'NO_CEILING, EXCEEDS_CEILING, PERGESERAN_TOTAL_CHANGED, BELOW_COMMITTED and the ledger\'s refusals' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<JsonText<DocumentDetailResponse>> {
    return this.flow.approve(user, id);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'Reject a budget document', description: 'SUBMITTED back to DRAFT with the verifier\'s reason.' })
  @HttpCode(200)
  @Authenticated({ permission: Permission.BUDGET_DOC_APPROVE })
  @ApiOkResponse({ type: DocumentDetailResponse, description: 'back to DRAFT with the reason' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'INVALID_STATE_TRANSITION' })
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectDocumentDto): Promise<JsonText<DocumentDetailResponse>> {
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
