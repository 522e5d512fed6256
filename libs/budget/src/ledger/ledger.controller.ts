import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Permission } from '@grms/core';
import { LedgerVerifyResponse, LedgerVerifyService } from './ledger-verify.service';

@ApiTags('budget lines and ledger')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly verifier: LedgerVerifyService) {}

  @Get('verify')
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiOkResponse({ type: LedgerVerifyResponse })
  verify(): Promise<LedgerVerifyResponse> {
    return this.verifier.verify();
  }
}
