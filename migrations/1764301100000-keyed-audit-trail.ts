import { MigrationInterface, QueryRunner } from 'typeorm';

// The audit trail off the serial commit path (decision 0021). Writers insert
// records with their own keyed hash (computed by the application, whose key
// the database does not hold) and no longer take the chain lock; a trigger
// queues every new record; one sequencer chains queued records in commit
// order, in batches, into audit_chain. Records chained by the old trigger are
// carried over as the first, unkeyed ("legacy") part of the chain.
export class KeyedAuditTrail1764301100000 implements MigrationInterface {
  name = 'KeyedAuditTrail1764301100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_events_chain ON audit_events`);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN chain_no DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN occurred_at SET DEFAULT clock_timestamp()`);
    await q.query(`ALTER TABLE audit_events ADD COLUMN mac text`);
    await q.query(`COMMENT ON COLUMN audit_events.mac IS 'HMAC-SHA256 of the canonical record, keyed with a secret the database does not hold (decision 0021)'`);
    await q.query(`COMMENT ON COLUMN audit_events.chain_no IS 'position in the chain of records written before migration 1764301100000; later positions are in audit_chain'`);

    await q.query(`
      CREATE TABLE audit_chain (
        chain_no bigint PRIMARY KEY CHECK (chain_no > 0),
        event_id uuid NOT NULL UNIQUE REFERENCES audit_events(id),
        batch_no bigint NOT NULL CHECK (batch_no >= 0),
        prev_hash text NOT NULL,
        hash text NOT NULL,
        legacy boolean NOT NULL DEFAULT false,
        chained_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX audit_chain_batch_idx ON audit_chain(batch_no)`);
    await q.query(`CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`
      INSERT INTO audit_chain (chain_no, event_id, batch_no, prev_hash, hash, legacy, chained_at)
      SELECT chain_no, id, 0, prev_hash, hash, true, occurred_at FROM audit_events ORDER BY chain_no`);

    // The queue of records not yet chained: filled by the database itself, so
    // no record (not even one inserted behind the application's back) escapes
    // the sequencer; emptied by the sequencer in the transaction that chains.
    await q.query(`
      CREATE TABLE audit_pending (
        seq bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE REFERENCES audit_events(id)
      )`);
    await q.query(`
      CREATE FUNCTION audit_events_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_pending (event_id) SELECT id FROM new_rows ORDER BY occurred_at, id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER audit_events_enqueue AFTER INSERT ON audit_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_events_enqueue()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS audit_events_enqueue ON audit_events`);
    await q.query(`DROP FUNCTION IF EXISTS audit_events_enqueue()`);
    await q.query(`DROP TABLE IF EXISTS audit_pending`);
    await q.query(`DROP TABLE IF EXISTS audit_chain`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN IF EXISTS mac`);
    await q.query(`CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);
  }
}
