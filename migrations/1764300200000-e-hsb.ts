import { MigrationInterface, QueryRunner } from 'typeorm';

// e-HSB: the standard unit price catalogue. An item is one (fiscal year, code);
// its versions are append-only snapshots; the item row carries the current one.
export class EHsb1764300200000 implements MigrationInterface {
  name = 'EHsb1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hsb_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        code text NOT NULL CHECK (length(btrim(code)) > 0 AND code = btrim(code)),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        specification text NOT NULL DEFAULT '',
        unit text NOT NULL CHECK (length(btrim(unit)) > 0),
        category text NOT NULL CHECK (category IN ('SSH','HSPK','ASB','SBU')),
        ceiling text NOT NULL CHECK (ceiling IN ('HARD','ESTIMATE')),
        account_codes text[] NOT NULL DEFAULT '{}',
        price numeric(20,2) NOT NULL CHECK (price >= 0),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        locked boolean NOT NULL DEFAULT false,
        locked_at timestamptz,
        locked_by uuid REFERENCES users(id),
        search_text text GENERATED ALWAYS AS (lower(code || ' ' || name || ' ' || specification)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hsb_items_code_uq UNIQUE (fiscal_year, code)
      )`);
    await q.query(`CREATE INDEX hsb_items_search_trgm ON hsb_items USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX hsb_items_accounts_gin ON hsb_items USING gin (account_codes)`);
    await q.query(`CREATE INDEX hsb_items_year_category_idx ON hsb_items (fiscal_year, category, code)`);

    await q.query(`
      CREATE TABLE hsb_item_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES hsb_items(id),
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        specification text NOT NULL,
        unit text NOT NULL,
        category text NOT NULL,
        ceiling text NOT NULL CHECK (ceiling IN ('HARD','ESTIMATE')),
        account_codes text[] NOT NULL,
        price numeric(20,2) NOT NULL CHECK (price >= 0),
        source text NOT NULL DEFAULT 'API',
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hsb_item_versions_uq UNIQUE (item_id, version)
      )`);
    await q.query(`CREATE TRIGGER hsb_item_versions_append_only BEFORE UPDATE OR DELETE ON hsb_item_versions FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);

    // A locked item cannot change its content (the lock flag itself may change).
    await q.query(`
      CREATE FUNCTION hsb_items_check_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.locked AND NEW.locked AND (NEW.price, NEW.version, NEW.name, NEW.specification, NEW.unit, NEW.category, NEW.ceiling, NEW.account_codes)
             IS DISTINCT FROM (OLD.price, OLD.version, OLD.name, OLD.specification, OLD.unit, OLD.category, OLD.ceiling, OLD.account_codes) THEN
          RAISE EXCEPTION 'e-HSB item % is locked', OLD.code USING ERRCODE = '23514', CONSTRAINT = 'hsb_item_locked';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER hsb_items_lock BEFORE UPDATE ON hsb_items FOR EACH ROW EXECUTE FUNCTION hsb_items_check_lock()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS hsb_item_versions`);
    await q.query(`DROP TABLE IF EXISTS hsb_items`);
    await q.query(`DROP FUNCTION IF EXISTS hsb_items_check_lock`);
  }
}
