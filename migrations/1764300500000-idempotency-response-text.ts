import { MigrationInterface, QueryRunner } from 'typeorm';

// A replayed response must be the first response to the byte: keep the body
// as the JSON text that was sent (jsonb would reorder its keys).
export class IdempotencyResponseText1764300500000 implements MigrationInterface {
  name = 'IdempotencyResponseText1764300500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ALTER COLUMN response_body TYPE text USING response_body::text`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS idempotency_keys_created_idx`);
    await q.query(`ALTER TABLE idempotency_keys ALTER COLUMN response_body TYPE jsonb USING response_body::jsonb`);
  }
}
