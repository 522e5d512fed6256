import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiPage(AuditEventResponse)
  events(@Query() q: AuditQueryDto): Promise<Page<AuditEventResponse>> {
    return this.audit.list(q);
  }

  @Get('verify')
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
