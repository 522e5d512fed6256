import { MigrationInterface, QueryRunner } from 'typeorm';

// Closing a ledger month waits for the postings already dated in it and holds
// back new ones while it commits, with a per-month advisory lock instead of a
// table lock: the API's role holds no UPDATE/DELETE/TRUNCATE on the
// append-only ledger, which PostgreSQL requires for LOCK TABLE ... SHARE.
// Every insert takes the month's lock shared; the close takes it exclusive.
export class PeriodCloseLock1764301300100 implements MigrationInterface {
  name = 'PeriodCloseLock1764301300100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_entries_check_period() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        y int := extract(year FROM NEW.value_date)::int;
        mo int := extract(month FROM NEW.value_date)::int;
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(hashtext('grms_ledger_period'), y * 100 + mo);
        IF EXISTS (SELECT 1 FROM ledger_periods p WHERE p.fiscal_year = y AND p.month = mo) THEN
          RAISE EXCEPTION 'ledger period % is closed', to_char(NEW.value_date, 'YYYY-MM') USING ERRCODE = '23514', CONSTRAINT = 'ledger_period_closed';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_entries_check_period() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM ledger_periods p
                   WHERE p.fiscal_year = extract(year FROM NEW.value_date)::int AND p.month = extract(month FROM NEW.value_date)::int) THEN
          RAISE EXCEPTION 'ledger period % is closed', to_char(NEW.value_date, 'YYYY-MM') USING ERRCODE = '23514', CONSTRAINT = 'ledger_period_closed';
        END IF;
        RETURN NEW;
      END $$`);
  }
}
