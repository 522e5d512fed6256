import { MigrationInterface, QueryRunner } from 'typeorm';

// The catalogue's two remaining foreign keys on the import's path are checked
// once per statement instead of once per row (issue 11, docs/decisions/0113),
// as decision 0109 did for an item's fiscal year and a version's item. A new
// 20,000-item catalogue still queued 40,000 row checks against `users`: every
// version's `created_by` (one user: a key lookup and a row lock each) and
// every item's `locked_by` (null on insert: a trigger call each for nothing).
// The same invariants now hold by:
//
// - inserts (items: `locked_by`; versions: `created_by`): an AFTER INSERT
//   statement trigger locks the statement's distinct users FOR KEY SHARE (the
//   lock the foreign key took for each row) and refuses the statement when one
//   of them is missing; a change of an item's `locked_by` (a lock, one row or
//   a category) is checked row by row, as the key did, only when it names a
//   user; versions are never updated (append-only, decision 0062);
// - users: a user named by an item or a version cannot be deleted or given
//   another id (BEFORE row triggers: the row is locked before they run, so a
//   deletion waits for an import holding the user and then sees its rows; only
//   under READ COMMITTED, the API's level, whose snapshot sees what committed
//   while it waited), and `users` cannot be truncated.
//
// Refusals keep SQLSTATE 23503 and the old constraint names, so callers see
// the same error as before (REFERENCE_NOT_FOUND).
export class HsbUsersPerStatement1764306300000 implements MigrationInterface {
  name = 'HsbUsersPerStatement1764306300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION hsb_users_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE wanted uuid[]; locked integer; key text;
      BEGIN
        IF TG_TABLE_NAME = 'hsb_items' THEN
          key := 'hsb_items_locked_by_fkey';
          IF TG_LEVEL = 'ROW' THEN
            wanted := ARRAY[NEW.locked_by];
          ELSE
            SELECT array_agg(DISTINCT locked_by) INTO wanted FROM new_rows WHERE locked_by IS NOT NULL;
          END IF;
        ELSE
          key := 'hsb_item_versions_created_by_fkey';
          SELECT array_agg(DISTINCT created_by) INTO wanted FROM new_rows WHERE created_by IS NOT NULL;
        END IF;
        IF wanted IS NOT NULL THEN
          -- the lock the foreign key took per row: a user being deleted is waited for and then not found
          PERFORM 1 FROM users u WHERE u.id = ANY (wanted) FOR KEY SHARE OF u;
          GET DIAGNOSTICS locked = ROW_COUNT;
          IF locked < cardinality(wanted) THEN
            RAISE EXCEPTION 'user % does not exist',
                (SELECT min(w::text) FROM unnest(wanted) w WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = w))
              USING ERRCODE = '23503', CONSTRAINT = key;
          END IF;
        END IF;
        IF TG_LEVEL = 'ROW' THEN RETURN NEW; END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER hsb_items_locked_by_exists AFTER INSERT ON hsb_items
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hsb_users_exist()`);
    await q.query(`CREATE TRIGGER hsb_items_locked_by_exists_update BEFORE UPDATE OF locked_by ON hsb_items FOR EACH ROW
      WHEN (NEW.locked_by IS NOT NULL AND NEW.locked_by IS DISTINCT FROM OLD.locked_by) EXECUTE FUNCTION hsb_users_exist()`);
    await q.query(`CREATE TRIGGER hsb_item_versions_created_by_exists AFTER INSERT ON hsb_item_versions
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hsb_users_exist()`);

    await q.query(`
      CREATE FUNCTION users_keep_hsb_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'TRUNCATE of users is not allowed: e-HSB items and versions name their users'
            USING ERRCODE = '23503', CONSTRAINT = 'hsb_item_versions_created_by_fkey';
        END IF;
        -- the row is locked before this runs: an import naming the user is waited for, and under
        -- READ COMMITTED this query sees what it committed; a transaction whose snapshot would not
        -- (REPEATABLE READ, SERIALIZABLE) may not delete or renumber a user
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'user % may be deleted or renumbered only in a READ COMMITTED transaction', OLD.id
            USING ERRCODE = '23503', CONSTRAINT = 'hsb_item_versions_created_by_fkey';
        END IF;
        IF EXISTS (SELECT 1 FROM hsb_item_versions v WHERE v.created_by = OLD.id) THEN
          RAISE EXCEPTION 'user % created e-HSB item versions', OLD.id USING ERRCODE = '23503', CONSTRAINT = 'hsb_item_versions_created_by_fkey';
        END IF;
        IF EXISTS (SELECT 1 FROM hsb_items i WHERE i.locked_by = OLD.id) THEN
          RAISE EXCEPTION 'user % locked e-HSB items', OLD.id USING ERRCODE = '23503', CONSTRAINT = 'hsb_items_locked_by_fkey';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER users_keep_hsb_rows BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_keep_hsb_rows()`);
    await q.query(`CREATE TRIGGER users_keep_hsb_rows_id BEFORE UPDATE OF id ON users FOR EACH ROW
      WHEN (NEW.id IS DISTINCT FROM OLD.id) EXECUTE FUNCTION users_keep_hsb_rows()`);
    await q.query(`CREATE TRIGGER users_no_truncate_hsb BEFORE TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION users_keep_hsb_rows()`);

    await q.query(`ALTER TABLE hsb_items DROP CONSTRAINT hsb_items_locked_by_fkey`);
    await q.query(`ALTER TABLE hsb_item_versions DROP CONSTRAINT hsb_item_versions_created_by_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hsb_item_versions ADD CONSTRAINT hsb_item_versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)`);
    await q.query(`ALTER TABLE hsb_items ADD CONSTRAINT hsb_items_locked_by_fkey FOREIGN KEY (locked_by) REFERENCES users(id)`);
    await q.query(`DROP TRIGGER users_no_truncate_hsb ON users`);
    await q.query(`DROP TRIGGER users_keep_hsb_rows_id ON users`);
    await q.query(`DROP TRIGGER users_keep_hsb_rows ON users`);
    await q.query(`DROP FUNCTION users_keep_hsb_rows()`);
    await q.query(`DROP TRIGGER hsb_item_versions_created_by_exists ON hsb_item_versions`);
    await q.query(`DROP TRIGGER hsb_items_locked_by_exists_update ON hsb_items`);
    await q.query(`DROP TRIGGER hsb_items_locked_by_exists ON hsb_items`);
    await q.query(`DROP FUNCTION hsb_users_exist()`);
  }
}
