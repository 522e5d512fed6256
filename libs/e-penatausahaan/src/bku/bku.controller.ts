import { Body, Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Idempotent, Permission } from '@grms/core';
import { BkuService } from './bku.service';
import { bkuExport } from './bku-export';
import { BkuEntryResponse, BkuQueryDto, BkuResponse, CreateBkuEntryDto } from './dto/bku.dto';

@ApiTags('e-penatausahaan')
@Controller('penatausahaan/bku')
export class BkuController {
  constructor(private readonly bku: BkuService) {}

  @Get()
  @Authenticated({ permission: Permission.BKU_READ })
  @ApiOkResponse({ type: BkuResponse, description: 'format=csv|xlsx returns a download of the entries' })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async book(@CurrentUser() user: AuthUser, @Query() q: BkuQueryDto): Promise<BkuResponse | StreamableFile> {
    const book = await this.bku.book(user, q);
    return !q.format || q.format === 'json' ? book : bkuExport(q.format, book);
  }

  @Post('entries')
  @Authenticated({ permission: Permission.BKU_WRITE })
  @Idempotent()
  @ApiCreatedResponse({ type: [BkuEntryResponse], description: 'a manual entry (or a transfer between sub-ledgers: two entries)' })
  createEntry(@CurrentUser() user: AuthUser, @Body() dto: CreateBkuEntryDto): Promise<BkuEntryResponse[]> {
    return this.bku.createEntry(user, dto);
  }
}
