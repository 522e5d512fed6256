import { AUDIT_KEYS, AuditKeys, AuditQueryService, AuditSequencer, publicKeyFingerprint } from '@grms/core';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';

@Command({ name: 'audit:verify', description: 'verify the audit trail with its keys and signed checkpoints, and that every ledger entry has its audit record (exit 1 if not)' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly audit: AuditQueryService) {
    super();
  }

  async run(): Promise<void> {
    const r = await this.audit.verify();
    const cp = r.checkpoint ? `; latest signed checkpoint: ${r.checkpoint.count} records, head ${r.checkpoint.head} (${r.checkpoint.signedAt})` : '';
    process.stdout.write(r.valid
      ? `audit trail OK: ${r.checked} records chained, ${r.ledgerEntriesChecked} ledger entries carried by audit records${cp}\n`
      : `AUDIT TRAIL BROKEN${r.firstInvalidId ? ` at record ${r.firstInvalidId}` : ''}${r.firstInvalidChainNo ? ` (#${r.firstInvalidChainNo})` : ''}: ${r.reason}\n`);
    if (!r.valid) process.exitCode = 1;
  }
}

@Command({ name: 'audit:checkpoint', description: 'sign the current head of the audit chain and print it with the public key, for an auditor to keep' })
export class AuditCheckpointCommand extends CommandRunner {
  constructor(
    private readonly sequencer: AuditSequencer,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
  ) {
    super();
  }

  async run(): Promise<void> {
    await this.sequencer.drain();
    const signed = await this.sequencer.checkpoint();
    const latest = signed ?? this.sequencer.checkpoints().filter((c) => c !== null).pop() ?? null;
    if (!latest) {
      process.stdout.write('the audit trail is empty: nothing to sign\n');
      return;
    }
    process.stdout.write([
      `GRMS audit checkpoint (database ${latest.database})`,
      `  records:   ${latest.count}`,
      `  head:      ${latest.head}`,
      `  signed at: ${latest.signedAt}`,
      `  signature: ${latest.signature}`,
      `  line:      ${JSON.stringify(latest)}`,
      `  kept in:   ${this.sequencer.checkpointPath}`,
      `public key (Ed25519, fingerprint ${publicKeyFingerprint(this.keys)}):`,
      this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString().trimEnd(),
      '',
    ].join('\n'));
  }
}
