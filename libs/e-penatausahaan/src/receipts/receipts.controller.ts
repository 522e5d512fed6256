import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, AuthUser, CurrentUser, Idempotent, Page, Permission, ProblemResponse } from '@grms/core';
import { ReasonDto } from '../common/reason.dto';
import { CreateReceiptDto, ReceiptQueryDto, ReceiptResponse } from './dto/receipt.dto';
import { ReceiptsService } from './receipts.service';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/receipts')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Post()
  @Authenticated({ permission: Permission.SPJ_WRITE })
  @Idempotent()
  @ApiOperation({ summary: 'Record a payment from an advance (bukti)', description: 'By the OPD\'s treasurer, when a payment is made from a live UP, GU or TU advance: writes the BKU on the receipt date (net paid from CASH or BANK; each tax withheld into the TAX sub-ledger of its type, to be deposited). The date is in the advance\'s year, not before the advance, not after today, not before the book\'s last entry; the gross fits in what the advance still has unaccounted; taxes follow the year\'s tax table (base, minimum, PKP, surcharge without NPWP). An SPJ gathers receipts later (`receiptIds`).' })
  @ApiCreatedResponse({ type: ReceiptResponse })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'RECEIPT_EXCEEDS_ADVANCE (with the arithmetic), RECEIPT_BEFORE_ADVANCE, NOT_AN_ADVANCE, ADVANCE_NOT_LIVE, BKU_NEGATIVE_BALANCE, BKU_DATE_BEFORE_LAST, BKU_DATE_IN_FUTURE, DATE_OUTSIDE_OPEN_YEAR, TAX_NOT_APPLICABLE, UNKNOWN_TAX_CODE' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'RECEIPT_NUMBER_TAKEN' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateReceiptDto): Promise<ReceiptResponse> {
    return this.receipts.create(user, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: Permission.SPJ_WRITE })
  @ApiOperation({ summary: 'Cancel a receipt recorded by mistake', description: 'By the OPD\'s treasurer, with a reason, while no SPJ gathers it (a receipt in a submitted SPJ is freed by the PA/KPA rejecting that SPJ). Its BKU entries are reversed, naming it (the book may not go negative: a tax of it already deposited is 422 BKU_NEGATIVE_BALANCE); it no longer counts against its advance and keeps its number (a corrected receipt takes a new one). Audited as RECEIPT.CANCEL with the reason.' })
  @ApiOkResponse({ type: ReceiptResponse, description: 'the receipt, CANCELLED' })
  @ApiProblems({ 404: 'NOT_FOUND', 409: ['RECEIPT_IN_SPJ', 'INVALID_STATE_TRANSITION'], 422: ['BKU_NEGATIVE_BALANCE', 'FISCAL_YEAR_NOT_OPEN'] })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<ReceiptResponse> {
    return this.receipts.cancel(user, id, dto.reason);
  }

  @Get()
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOperation({ summary: 'Receipts of an OPD', description: 'Paged, in date order; filter by advance and status. Other OPDs\' are 404.' })
  @ApiPage(ReceiptResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: ReceiptQueryDto): Promise<Page<ReceiptResponse>> {
    return this.receipts.list(user, q);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.SPP_READ })
  @ApiOperation({ summary: 'One receipt', description: 'With its taxes and the SPJ that gathered it.' })
  @ApiOkResponse({ type: ReceiptResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ReceiptResponse> {
    return this.receipts.get(user, id);
  }
}
