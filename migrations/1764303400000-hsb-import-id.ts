import { MigrationInterface, QueryRunner } from 'typeorm';

// A catalogue import names the versions it wrote: the audit record of the
// import carries this id and a digest of those versions, which an auditor
// recomputes from the append-only version rows (docs/decisions/0062).
export class HsbImportId1764303400000 implements MigrationInterface {
  name = 'HsbImportId1764303400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hsb_item_versions ADD COLUMN import_id uuid`);
    await q.query(`CREATE INDEX hsb_item_versions_import_idx ON hsb_item_versions (import_id) WHERE import_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX hsb_item_versions_import_idx`);
    await q.query(`ALTER TABLE hsb_item_versions DROP COLUMN import_id`);
  }
}
