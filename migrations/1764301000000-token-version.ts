import { MigrationInterface, QueryRunner } from 'typeorm';

// A token carries the user's token version; changing the password,
// deactivating the account or logging out raises it, and every older token
// stops working at once (the version is read with the user on each request).
export class TokenVersion1764301000000 implements MigrationInterface {
  name = 'TokenVersion1764301000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 1 CHECK (token_version > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
