import { MigrationInterface, QueryRunner } from 'typeorm';

// New e-HSB items and versions get time-ordered UUIDs (the layout of UUID
// version 7: 48 bits of Unix milliseconds, then random bits) instead of
// random ones (issue 11, docs/decisions/0109). A catalogue import inserts
// 20,000 items and 20,000 versions in one statement: with random ids every
// insert lands on a random leaf of the primary keys and of the versions'
// (item_id, version) key; with time-ordered ones they land at the right
// edge, on a few pages. The ids stay UUIDs (the API validates them as any
// version), existing ids stay as they are, and nothing reads order or time
// from an id.
export class HsbTimeOrderedIds1764305400100 implements MigrationInterface {
  name = 'HsbTimeOrderedIds1764305400100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION hsb_new_id() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
          placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
      $$`);
    await q.query(`ALTER TABLE hsb_items ALTER COLUMN id SET DEFAULT hsb_new_id()`);
    await q.query(`ALTER TABLE hsb_item_versions ALTER COLUMN id SET DEFAULT hsb_new_id()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hsb_item_versions ALTER COLUMN id SET DEFAULT gen_random_uuid()`);
    await q.query(`ALTER TABLE hsb_items ALTER COLUMN id SET DEFAULT gen_random_uuid()`);
    await q.query(`DROP FUNCTION hsb_new_id()`);
  }
}
