import { AuditQueryService } from '@grms/core';
import { Command, CommandRunner } from 'nest-commander';

@Command({ name: 'audit:verify', description: 'verify the hash chain of the audit trail (exit 1 if broken)' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly audit: AuditQueryService) {
    super();
  }

  async run(): Promise<void> {
    const r = await this.audit.verify();
    process.stdout.write(r.valid ? `audit trail OK: ${r.checked} records\n` : `AUDIT TRAIL BROKEN at record ${r.firstInvalidId} (#${r.firstInvalidChainNo}): ${r.reason}\n`);
    if (!r.valid) process.exitCode = 1;
  }
}
