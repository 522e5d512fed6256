import { Command, CommandRunner } from 'nest-commander';

@Command({ name: 'migrate', description: 'apply pending database migrations (they also run at every start)' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    // Migrations were applied before the command started (see main.ts).
    process.stdout.write('database schema is up to date\n');
  }
}
