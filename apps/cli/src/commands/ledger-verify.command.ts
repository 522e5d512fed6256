import { verifyLedger } from '@grms/budget';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

@Command({ name: 'ledger:verify', description: 'prove every budget-line balance equals the sum of its entries and every invariant holds (exit 1 if not)' })
export class LedgerVerifyCommand extends CommandRunner {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async run(): Promise<void> {
    const r = await verifyLedger(this.ds);
    process.stdout.write(`${r.valid ? 'ledger OK' : 'LEDGER INCONSISTENT'}: ${r.linesChecked} budget lines, ${r.entriesChecked} entries checked\n`);
    for (const p of r.problems) process.stdout.write(`  ${p.budgetLineId}: ${p.problem}\n`);
    if (!r.valid) process.exitCode = 1;
  }
}
