import { MigrationInterface, QueryRunner } from 'typeorm';

// Editing e-monev indicators (issue 10 follow-up, decision 0610): a version
// for optimistic concurrency, and the database's own refusal to change what
// a VERIFIED realisation was measured against (unit, direction, aggregation,
// the cumulative target of a verified quarter) unless the transaction says
// that Bappeda's monitoring team does it with a reason
// (`SET LOCAL grms.monev_indicator_override = 'on'`, set by the service only).
export class MonevIndicatorEdits1764303300000 implements MigrationInterface {
  name = 'MonevIndicatorEdits1764303300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE monev_indicators ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await q.query(`
      CREATE FUNCTION monev_indicator_verified_fields() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE vq smallint;
      BEGIN
        IF COALESCE(current_setting('grms.monev_indicator_override', true), '') = 'on' THEN RETURN NEW; END IF;
        FOR vq IN SELECT quarter FROM monev_realizations WHERE indicator_id = OLD.id AND status = 'VERIFIED' LOOP
          IF NEW.unit IS DISTINCT FROM OLD.unit OR NEW.direction IS DISTINCT FROM OLD.direction OR NEW.aggregation IS DISTINCT FROM OLD.aggregation
             OR NEW.quarterly_targets[vq] IS DISTINCT FROM OLD.quarterly_targets[vq] THEN
            RAISE EXCEPTION 'TW % of indicator % is verified: its unit, direction, aggregation and target to TW % are fixed', vq, OLD.id, vq
              USING ERRCODE = '23514', CONSTRAINT = 'monev_indicator_verified_fields';
          END IF;
        END LOOP;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER monev_indicators_verified_fields BEFORE UPDATE ON monev_indicators FOR EACH ROW EXECUTE FUNCTION monev_indicator_verified_fields()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER monev_indicators_verified_fields ON monev_indicators`);
    await q.query(`DROP FUNCTION monev_indicator_verified_fields()`);
    await q.query(`ALTER TABLE monev_indicators DROP COLUMN version`);
  }
}
