import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator';
import { Permission } from '../auth/permissions';
import { ApiCursorPage, CursorPage } from '../http/cursor';
import { AuditEventResponse, AuditQueryDto, AuditVerifyResponse } from './audit.dto';
import { auditEventsExport } from './audit-export';
import { ApiProblems } from '../http/openapi';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get('events')
  @ApiOperation({ summary: 'Search the audit trail', description: 'Audit events (who, when, which request, what changed: before and after) filtered by entity, action, username, request id and date range, newest first (by chain position), paged by number (`page`, with `total`) or by cursor (`cursor` = `meta.nextCursor`; no `total`). `format=csv|xlsx` streams every matching event (at most 50000, else 422 EXPORT_TOO_LARGE: narrow the filters), the actor by username.' })
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiCursorPage(AuditEventResponse)
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiProblems({ 422: 'EXPORT_TOO_LARGE' })
  async events(@Query() q: AuditQueryDto): Promise<CursorPage<AuditEventResponse> | StreamableFile> {
    if (!q.format || q.format === 'json') return this.audit.list(q);
    return auditEventsExport(q.format, q, await this.audit.allPages(q));
  }

  @Get('verify')
  @ApiOperation({ summary: 'Verify the audit trail', description: 'Recomputes the hash chain of the audit trail; names the first record that does not verify. Reads only.' })
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
