import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator';
import { Permission } from '../auth/permissions';
import { ApiPage, Page } from '../http/pagination';
import { AuditEventResponse, AuditQueryDto, AuditVerifyResponse } from './audit.dto';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get('events')
  @ApiOperation({ summary: 'Search the audit trail', description: 'Audit events (who, when, which request, what changed: before and after) filtered by entity, action and date range, oldest first, paged.' })
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiPage(AuditEventResponse)
  events(@Query() q: AuditQueryDto): Promise<Page<AuditEventResponse>> {
    return this.audit.list(q);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Verify the audit trail', description: 'Recomputes the hash chain of the audit trail; names the first record that does not verify. Reads only.' })
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
