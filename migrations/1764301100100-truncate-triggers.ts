import { MigrationInterface, QueryRunner } from 'typeorm';

// Every append-only table refuses TRUNCATE by trigger, not only UPDATE and
// DELETE (row triggers do not fire on TRUNCATE). The tables that lacked it
// (the cash book, the catalogue versions, the budget-document events) get it
// here; the privileges step after every migration run adds it to any later
// table made append-only the same way (decision 0020).
export class TruncateTriggers1764301100100 implements MigrationInterface {
  name = 'TruncateTriggers1764301100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ DECLARE t text; BEGIN
        FOR t IN
          SELECT DISTINCT c.relname FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND NOT tg.tgisinternal AND tg.tgfoid = 'grms_reject_change'::regproc AND (tg.tgtype & 16) <> 0
            AND NOT EXISTS (SELECT 1 FROM pg_trigger x WHERE x.tgrelid = tg.tgrelid AND NOT x.tgisinternal AND (x.tgtype & 32) <> 0)
        LOOP
          EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()', t || '_no_truncate', t);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['bku_entries', 'hsb_item_versions', 'budget_document_events']) {
      await q.query(`DROP TRIGGER IF EXISTS ${t}_no_truncate ON ${t}`);
    }
  }
}
