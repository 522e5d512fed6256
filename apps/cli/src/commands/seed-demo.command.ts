import { Command, CommandRunner } from 'nest-commander';
import { DemoSeedService } from '../../../api/src/seed/demo-seed.service';

@Command({ name: 'seed:demo', description: 'seed the demo province (idempotent; refused when NODE_ENV=production)' })
export class SeedDemoCommand extends CommandRunner {
  constructor(private readonly seeder: DemoSeedService) {
    super();
  }

  async run(): Promise<void> {
    await this.seeder.seed();
    process.stdout.write('demo province seeded\n');
  }
}
