import { MigrationInterface, QueryRunner } from 'typeorm';

// Code lists versioned per fiscal year (docs/decisions/0110). The tables
// accounts, nomenclature and funding_sources stay the union of every code any
// version has held, so the foreign keys of budget lines, documents and items
// keep working; code_list_entries says which codes (with which names, and
// for sub kegiatan which output indicator and unit) belong to a version, and
// fiscal_years.code_list_version names the version a year uses. Triggers
// refuse a budget line, document, item or catalogue entry whose code is not
// in its year's version.
export class CodeListVersions1764301400000 implements MigrationInterface {
  name = 'CodeListVersions1764301400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE code_list_versions (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,40}$'),
        seq integer NOT NULL UNIQUE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        regulation text NOT NULL,
        loaded_at timestamptz
      )`);
    await q.query(`
      INSERT INTO code_list_versions (id, seq, name, regulation) VALUES
        ('PMDN90-2019', 1, 'Permendagri 90/2019 (2019 lists: 3-digit sub rincian objek, 2-digit sub kegiatan)', 'Permendagri 90/2019'),
        ('KMDN5889-2023', 2, 'Kepmendagri 050-5889/2021 as amended by 900.1.15.5-1317/2023 (4-digit sub rincian objek and sub kegiatan)',
         'Kepmendagri 050-5889/2021; Kepmendagri 900.1.15.5-1317/2023; SIPD sub kegiatan nomenclature (pemutakhiran TA 2027)')`);
    await q.query(`
      CREATE TABLE code_list_entries (
        version text NOT NULL REFERENCES code_list_versions(id),
        list text NOT NULL CHECK (list IN ('accounts', 'nomenclature', 'funding_sources')),
        code text NOT NULL,
        name text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 6),
        parent_code text,
        leaf boolean NOT NULL,
        note text,
        indicator text,
        unit text,
        source text NOT NULL,
        PRIMARY KEY (version, list, code),
        FOREIGN KEY (version, list, parent_code) REFERENCES code_list_entries (version, list, code) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE INDEX code_list_entries_parent_idx ON code_list_entries (version, list, parent_code)`);
    await q.query(`
      CREATE TABLE code_crosswalk (
        list text NOT NULL CHECK (list IN ('accounts', 'nomenclature', 'funding_sources')),
        from_version text NOT NULL REFERENCES code_list_versions(id),
        from_code text NOT NULL,
        to_version text NOT NULL REFERENCES code_list_versions(id),
        to_code text NOT NULL,
        PRIMARY KEY (list, from_version, from_code, to_version),
        FOREIGN KEY (from_version, list, from_code) REFERENCES code_list_entries (version, list, code) DEFERRABLE INITIALLY DEFERRED,
        FOREIGN KEY (to_version, list, to_code) REFERENCES code_list_entries (version, list, code) DEFERRABLE INITIALLY DEFERRED,
        CHECK (from_version <> to_version)
      )`);
    await q.query(`CREATE INDEX code_crosswalk_to_idx ON code_crosswalk (to_version, list, to_code)`);

    // Years that exist already were budgeted on the 2019 lists; a new year
    // takes the newest version unless it names one.
    await q.query(`ALTER TABLE fiscal_years ADD COLUMN code_list_version text REFERENCES code_list_versions(id)`);
    await q.query(`UPDATE fiscal_years SET code_list_version = 'PMDN90-2019'`);
    await q.query(`ALTER TABLE fiscal_years ALTER COLUMN code_list_version SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION fiscal_year_code_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW.code_list_version IS NULL THEN
          SELECT id INTO NEW.code_list_version FROM code_list_versions ORDER BY seq DESC LIMIT 1;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.code_list_version IS DISTINCT FROM OLD.code_list_version
           AND (EXISTS (SELECT 1 FROM budget_lines WHERE fiscal_year = NEW.year)
             OR EXISTS (SELECT 1 FROM budget_documents WHERE fiscal_year = NEW.year)
             OR EXISTS (SELECT 1 FROM hsb_items WHERE fiscal_year = NEW.year)) THEN
          RAISE EXCEPTION 'fiscal year % has budget data on code list %; its version cannot change', NEW.year, OLD.code_list_version
            USING ERRCODE = '23514', CONSTRAINT = 'fiscal_years_code_list_version_fixed';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER fiscal_years_code_list_version BEFORE INSERT OR UPDATE OF code_list_version ON fiscal_years
      FOR EACH ROW EXECUTE FUNCTION fiscal_year_code_list_version()`);

    // The codes a year may use: membership of the year's version.
    // plpgsql, not sql: its plan is cached per session, so a bulk insert of
    // 20,000 catalogue rows does not plan the lookup 20,000 times.
    await q.query(`
      CREATE FUNCTION code_in_year(p_list text, p_code text, p_year integer) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM code_list_entries e JOIN fiscal_years y ON y.code_list_version = e.version
                       WHERE y.year = p_year AND e.list = p_list AND e.code = p_code);
      END $$`);
    await q.query(`
      CREATE FUNCTION refuse_code_outside_year(p_list text, p_code text, p_year integer, p_table text) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p_code IS NOT NULL AND NOT code_in_year(p_list, p_code, p_year) THEN
          RAISE EXCEPTION '% code % is not in the code list version of fiscal year %', p_list, p_code, p_year
            USING ERRCODE = '23514', CONSTRAINT = p_table || '_codes_of_year';
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION budget_line_codes_of_year() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refuse_code_outside_year('nomenclature', NEW.sub_activity_code, NEW.fiscal_year, TG_TABLE_NAME);
        PERFORM refuse_code_outside_year('accounts', NEW.account_code, NEW.fiscal_year, TG_TABLE_NAME);
        PERFORM refuse_code_outside_year('funding_sources', NEW.funding_source_code, NEW.fiscal_year, TG_TABLE_NAME);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER budget_lines_codes_of_year BEFORE INSERT OR UPDATE OF fiscal_year, sub_activity_code, account_code, funding_source_code
      ON budget_lines FOR EACH ROW EXECUTE FUNCTION budget_line_codes_of_year()`);
    await q.query(`
      CREATE FUNCTION budget_document_codes_of_year() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refuse_code_outside_year('nomenclature', NEW.sub_activity_code, NEW.fiscal_year, TG_TABLE_NAME);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER budget_documents_codes_of_year BEFORE INSERT OR UPDATE OF fiscal_year, sub_activity_code
      ON budget_documents FOR EACH ROW EXECUTE FUNCTION budget_document_codes_of_year()`);
    await q.query(`
      CREATE FUNCTION budget_item_codes_of_year() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE y integer;
      BEGIN
        SELECT fiscal_year INTO y FROM budget_documents WHERE id = NEW.document_id;
        PERFORM refuse_code_outside_year('accounts', NEW.account_code, y, TG_TABLE_NAME);
        PERFORM refuse_code_outside_year('funding_sources', NEW.funding_source_code, y, TG_TABLE_NAME);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER budget_document_items_codes_of_year BEFORE UPDATE OF document_id, account_code, funding_source_code
      ON budget_document_items FOR EACH ROW EXECUTE FUNCTION budget_item_codes_of_year()`);
    // Revisions copy every item of a document in one statement, imports add
    // hundreds: inserts are checked set-based, once per statement.
    await q.query(`
      CREATE FUNCTION budget_items_codes_of_year_bulk() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE bad record;
      BEGIN
        SELECT d.fiscal_year, x.list, x.code INTO bad
        FROM new_rows n JOIN budget_documents d ON d.id = n.document_id
        CROSS JOIN LATERAL (VALUES ('accounts', n.account_code), ('funding_sources', n.funding_source_code)) AS x(list, code)
        WHERE NOT EXISTS (SELECT 1 FROM code_list_entries e JOIN fiscal_years y ON y.code_list_version = e.version
                          WHERE y.year = d.fiscal_year AND e.list = x.list AND e.code = x.code)
        LIMIT 1;
        IF FOUND THEN PERFORM refuse_code_outside_year(bad.list, bad.code, bad.fiscal_year, TG_TABLE_NAME); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER budget_document_items_codes_of_year_insert AFTER INSERT ON budget_document_items
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION budget_items_codes_of_year_bulk()`);
    // Catalogue imports insert thousands of rows in one statement: checked
    // set-based, once per statement; single-row updates row by row.
    await q.query(`
      CREATE FUNCTION hsb_items_codes_of_year_bulk() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE bad record;
      BEGIN
        SELECT n.fiscal_year, c.code INTO bad FROM new_rows n CROSS JOIN LATERAL unnest(n.account_codes) AS c(code)
        WHERE NOT EXISTS (SELECT 1 FROM code_list_entries e JOIN fiscal_years y ON y.code_list_version = e.version
                          WHERE y.year = n.fiscal_year AND e.list = 'accounts' AND e.code = c.code)
        LIMIT 1;
        IF FOUND THEN PERFORM refuse_code_outside_year('accounts', bad.code, bad.fiscal_year, TG_TABLE_NAME); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER hsb_items_codes_of_year_insert AFTER INSERT ON hsb_items
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hsb_items_codes_of_year_bulk()`);
    await q.query(`
      CREATE FUNCTION hsb_item_codes_of_year() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE c text;
      BEGIN
        FOREACH c IN ARRAY NEW.account_codes LOOP
          PERFORM refuse_code_outside_year('accounts', c, NEW.fiscal_year, TG_TABLE_NAME);
        END LOOP;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER hsb_items_codes_of_year BEFORE UPDATE OF fiscal_year, account_codes
      ON hsb_items FOR EACH ROW EXECUTE FUNCTION hsb_item_codes_of_year()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER hsb_items_codes_of_year ON hsb_items`);
    await q.query(`DROP TRIGGER hsb_items_codes_of_year_insert ON hsb_items`);
    await q.query(`DROP TRIGGER budget_document_items_codes_of_year ON budget_document_items`);
    await q.query(`DROP TRIGGER budget_document_items_codes_of_year_insert ON budget_document_items`);
    await q.query(`DROP TRIGGER budget_documents_codes_of_year ON budget_documents`);
    await q.query(`DROP TRIGGER budget_lines_codes_of_year ON budget_lines`);
    await q.query(`DROP TRIGGER fiscal_years_code_list_version ON fiscal_years`);
    for (const f of ['hsb_items_codes_of_year_bulk()', 'hsb_item_codes_of_year()', 'budget_items_codes_of_year_bulk()', 'budget_item_codes_of_year()', 'budget_document_codes_of_year()', 'budget_line_codes_of_year()',
      'refuse_code_outside_year(text, text, integer, text)', 'code_in_year(text, text, integer)', 'fiscal_year_code_list_version()']) {
      await q.query(`DROP FUNCTION ${f}`);
    }
    await q.query(`ALTER TABLE fiscal_years DROP COLUMN code_list_version`);
    await q.query(`DROP TABLE code_crosswalk`);
    await q.query(`DROP TABLE code_list_entries`);
    await q.query(`DROP TABLE code_list_versions`);
  }
}
