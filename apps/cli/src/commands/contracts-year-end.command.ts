import { ContractYearEndService } from '@grms/e-delivery';
import { RequestContext } from '@grms/core';
import { randomUUID } from 'node:crypto';
import { Command, CommandRunner, Option } from 'nest-commander';

interface Options { fiscalYear: number; carry?: boolean }

@Command({ name: 'contracts:year-end', description: 'release the open contract commitments of a fiscal year, or (--carry) carry them to the next year\'s continuation budget (DPAL)' })
export class ContractsYearEndCommand extends CommandRunner {
  constructor(private readonly yearEnd: ContractYearEndService) {
    super();
  }

  async run(_args: string[], o: Options): Promise<void> {
    if (!o.fiscalYear) throw new Error('--fiscal-year is required');
    const mode = o.carry ? 'carry' : 'release';
    const r = await RequestContext.run({ requestId: `year-end-${randomUUID()}` }, () => this.yearEnd.run(o.fiscalYear, mode));
    process.stdout.write(`${mode === 'carry' ? 'carried to DPAL' : 'released'}: ${r.amount} on ${r.lines} line(s) of ${r.contracts} contract(s) of ${o.fiscalYear}\n`);
  }

  @Option({ flags: '--fiscal-year <year>', description: 'the closing fiscal year' })
  parseYear(v: string): number {
    return Number.parseInt(v, 10);
  }

  @Option({ flags: '--carry', description: 'carry to the next year (DPAL) instead of releasing' })
  parseCarry(): boolean {
    return true;
  }
}
