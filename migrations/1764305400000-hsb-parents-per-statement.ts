import { MigrationInterface, QueryRunner } from 'typeorm';

// The catalogue's two foreign keys on the import's path are checked once per
// statement instead of once per row (issue 11, docs/decisions/0109). A new
// 20,000-item catalogue queued 40,000 row checks: every version's item and
// every item's fiscal year. The same invariants now hold by:
//
// - hsb_item_versions.item_id: an AFTER INSERT statement trigger refuses a
//   statement whose versions name an item that does not exist (one anti-join
//   over the transition table); items are never deleted (DELETE and TRUNCATE
//   refused) and never change their id, so an item a version found stays.
// - hsb_items.fiscal_year: an AFTER INSERT statement trigger locks the
//   statement's years FOR KEY SHARE (the lock the foreign key took per row)
//   and refuses the statement when one of them is missing; a change of an
//   item's year is checked the same way, row by row (it never happens in the
//   application); a fiscal year with items cannot be deleted or renumbered.
//
// Both refusals keep SQLSTATE 23503 and the old constraint names, so callers
// see the same error as before.
export class HsbParentsPerStatement1764305400000 implements MigrationInterface {
  name = 'HsbParentsPerStatement1764305400000';

  async up(q: QueryRunner): Promise<void> {
    // versions -> items
    await q.query(`
      CREATE FUNCTION hsb_item_versions_items_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE missing uuid;
      BEGIN
        SELECT n.item_id INTO missing FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM hsb_items i WHERE i.id = n.item_id) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'e-HSB item % does not exist', missing USING ERRCODE = '23503', CONSTRAINT = 'hsb_item_versions_item_id_fkey';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER hsb_item_versions_item_exists AFTER INSERT ON hsb_item_versions
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hsb_item_versions_items_exist()`);
    await q.query(`
      CREATE FUNCTION hsb_items_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % is not allowed: e-HSB items are never deleted or renumbered, and their versions and fiscal years stay', TG_OP, TG_TABLE_NAME
          USING ERRCODE = '23503', CONSTRAINT = CASE TG_TABLE_NAME WHEN 'fiscal_years' THEN 'hsb_items_fiscal_year_fkey' ELSE 'hsb_item_versions_item_id_fkey' END;
      END $$`);
    await q.query(`CREATE TRIGGER hsb_items_no_delete BEFORE DELETE ON hsb_items FOR EACH ROW EXECUTE FUNCTION hsb_items_keep()`);
    await q.query(`CREATE TRIGGER hsb_items_no_truncate BEFORE TRUNCATE ON hsb_items FOR EACH STATEMENT EXECUTE FUNCTION hsb_items_keep()`);
    await q.query(`CREATE TRIGGER hsb_items_keep_id BEFORE UPDATE OF id ON hsb_items FOR EACH ROW
      WHEN (NEW.id IS DISTINCT FROM OLD.id) EXECUTE FUNCTION hsb_items_keep()`);
    await q.query(`ALTER TABLE hsb_item_versions DROP CONSTRAINT hsb_item_versions_item_id_fkey`);

    // items -> fiscal years
    await q.query(`
      CREATE FUNCTION hsb_items_years_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE wanted integer[]; locked integer;
      BEGIN
        IF TG_LEVEL = 'ROW' THEN
          wanted := ARRAY[NEW.fiscal_year];
        ELSE
          SELECT array_agg(DISTINCT fiscal_year) INTO wanted FROM new_rows;
        END IF;
        -- the lock the foreign key took per row: a year being deleted is waited for and then not found
        PERFORM 1 FROM fiscal_years y WHERE y.year = ANY (wanted) FOR KEY SHARE OF y;
        GET DIAGNOSTICS locked = ROW_COUNT;
        IF locked < coalesce(cardinality(wanted), 0) THEN
          RAISE EXCEPTION 'fiscal year % does not exist',
              (SELECT min(w) FROM unnest(wanted) w WHERE NOT EXISTS (SELECT 1 FROM fiscal_years y WHERE y.year = w))
            USING ERRCODE = '23503', CONSTRAINT = 'hsb_items_fiscal_year_fkey';
        END IF;
        IF TG_LEVEL = 'ROW' THEN RETURN NEW; END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER hsb_items_year_exists AFTER INSERT ON hsb_items
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hsb_items_years_exist()`);
    await q.query(`CREATE TRIGGER hsb_items_year_exists_update BEFORE UPDATE OF fiscal_year ON hsb_items FOR EACH ROW
      WHEN (NEW.fiscal_year IS DISTINCT FROM OLD.fiscal_year) EXECUTE FUNCTION hsb_items_years_exist()`);
    await q.query(`
      CREATE FUNCTION fiscal_years_keep_hsb_items() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- the row is locked before this runs: an import holding the year is waited for, and under
        -- READ COMMITTED this query sees what it committed; a transaction whose snapshot would not
        -- (REPEATABLE READ, SERIALIZABLE) may not delete a year
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'fiscal year % may be deleted or renumbered only in a READ COMMITTED transaction', OLD.year
            USING ERRCODE = '23503', CONSTRAINT = 'hsb_items_fiscal_year_fkey';
        END IF;
        IF EXISTS (SELECT 1 FROM hsb_items i WHERE i.fiscal_year = OLD.year) THEN
          RAISE EXCEPTION 'fiscal year % has e-HSB items', OLD.year USING ERRCODE = '23503', CONSTRAINT = 'hsb_items_fiscal_year_fkey';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER fiscal_years_keep_hsb_items BEFORE DELETE ON fiscal_years FOR EACH ROW EXECUTE FUNCTION fiscal_years_keep_hsb_items()`);
    await q.query(`CREATE TRIGGER fiscal_years_keep_hsb_items_year BEFORE UPDATE OF year ON fiscal_years FOR EACH ROW
      WHEN (NEW.year IS DISTINCT FROM OLD.year) EXECUTE FUNCTION fiscal_years_keep_hsb_items()`);
    await q.query(`CREATE TRIGGER fiscal_years_no_truncate_hsb BEFORE TRUNCATE ON fiscal_years FOR EACH STATEMENT EXECUTE FUNCTION hsb_items_keep()`);
    await q.query(`ALTER TABLE hsb_items DROP CONSTRAINT hsb_items_fiscal_year_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hsb_items ADD CONSTRAINT hsb_items_fiscal_year_fkey FOREIGN KEY (fiscal_year) REFERENCES fiscal_years(year)`);
    await q.query(`DROP TRIGGER fiscal_years_no_truncate_hsb ON fiscal_years`);
    await q.query(`DROP TRIGGER fiscal_years_keep_hsb_items_year ON fiscal_years`);
    await q.query(`DROP TRIGGER fiscal_years_keep_hsb_items ON fiscal_years`);
    await q.query(`DROP FUNCTION fiscal_years_keep_hsb_items()`);
    await q.query(`DROP TRIGGER hsb_items_year_exists_update ON hsb_items`);
    await q.query(`DROP TRIGGER hsb_items_year_exists ON hsb_items`);
    await q.query(`DROP FUNCTION hsb_items_years_exist()`);
    await q.query(`ALTER TABLE hsb_item_versions ADD CONSTRAINT hsb_item_versions_item_id_fkey FOREIGN KEY (item_id) REFERENCES hsb_items(id)`);
    await q.query(`DROP TRIGGER hsb_items_keep_id ON hsb_items`);
    await q.query(`DROP TRIGGER hsb_items_no_truncate ON hsb_items`);
    await q.query(`DROP TRIGGER hsb_items_no_delete ON hsb_items`);
    await q.query(`DROP FUNCTION hsb_items_keep()`);
    await q.query(`DROP TRIGGER hsb_item_versions_item_exists ON hsb_item_versions`);
    await q.query(`DROP FUNCTION hsb_item_versions_items_exist()`);
  }
}
