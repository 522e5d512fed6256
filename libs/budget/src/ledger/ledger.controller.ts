import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Authenticated, Permission } from '@grms/core';
import { LedgerVerifyResponse, LedgerVerifyService } from './ledger-verify.service';

@ApiTags('budget lines and ledger')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly verifier: LedgerVerifyService) {}

  @Get('verify')
  @ApiOperation({ summary: 'Verify the ledger', description: 'Proves that every budget line\'s balances equal the sum of its entries and that every invariant holds (0 <= disbursed <= allotted <= appropriated, 0 <= committed <= appropriated). Reads only.' })
  @Authenticated({ permission: Permission.AUDIT_READ })
  @ApiOkResponse({ type: LedgerVerifyResponse })
  verify(): Promise<LedgerVerifyResponse> {
    return this.verifier.verify();
  }
}
