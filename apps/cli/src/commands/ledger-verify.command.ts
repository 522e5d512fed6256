import { verifyLedger } from '@grms/budget';
import { treasuryCashReport, verifyTreasuryCashDays } from '@grms/e-penatausahaan';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

@Command({ name: 'ledger:verify', description: 'prove every budget-line balance equals the sum of its entries and every invariant holds, and every day of the treasury\'s cash equals its source documents (exit 1 if not)' })
export class LedgerVerifyCommand extends CommandRunner {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async run(): Promise<void> {
    const r = await verifyLedger(this.ds);
    process.stdout.write(`${r.valid ? 'ledger OK' : 'LEDGER INCONSISTENT'}: ${r.linesChecked} budget lines, ${r.entriesChecked} entries checked\n`);
    for (const p of r.problems) process.stdout.write(`  ${p.budgetLineId}: ${p.problem}\n`);
    // the treasury's cash by day (decision 0141), recomputed from the STSs, financing realisations and SP2Ds
    const c = await verifyTreasuryCashDays(this.ds);
    process.stdout.write(treasuryCashReport(c));
    if (!r.valid || !c.valid) process.exitCode = 1;
  }
}
