import { MigrationInterface, QueryRunner } from 'typeorm';

// e-budgeting: the cash plan (anggaran kas), 12 monthly amounts per budget line.
export class CashPlans1764300100000 implements MigrationInterface {
  name = 'CashPlans1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cash_plans (
        budget_line_id uuid PRIMARY KEY REFERENCES budget_lines(id),
        months numeric(20,2)[] NOT NULL CHECK (cardinality(months) = 12 AND 0 <= ALL(months)),
        total numeric(20,2) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // CHECK cannot hold a subquery: the total is proven by a trigger.
    await q.query(`
      CREATE FUNCTION cash_plans_check_total() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.total <> (SELECT sum(x) FROM unnest(NEW.months) x) THEN
          RAISE EXCEPTION 'cash plan total must equal the sum of its months' USING ERRCODE = '23514', CONSTRAINT = 'cash_plan_total_is_sum';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER cash_plans_total BEFORE INSERT OR UPDATE ON cash_plans FOR EACH ROW EXECUTE FUNCTION cash_plans_check_total()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS cash_plans`);
    await q.query(`DROP FUNCTION IF EXISTS cash_plans_check_total`);
  }
}
