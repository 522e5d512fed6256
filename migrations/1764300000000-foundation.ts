import { MigrationInterface, QueryRunner } from 'typeorm';

// Foundation schema: reference data, users, audit trail, budget lines and the
// one ledger. Invariants live here as constraints and triggers.
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    // A trigger function used by every append-only table.
    await q.query(`
      CREATE FUNCTION grms_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'P0001';
      END $$`);

    await q.query(`
      CREATE TABLE fiscal_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        status text NOT NULL DEFAULT 'PLANNING' CHECK (status IN ('PLANNING','EXECUTION','CLOSED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]+(\\.[0-9]+)*$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        short_name text,
        kind text NOT NULL DEFAULT 'OPD' CHECK (kind IN ('PEMDA','OPD','UNIT')),
        parent_id uuid REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX organizations_parent_idx ON organizations(parent_id)`);

    for (const [table, maxLevel] of [['nomenclature', 5], ['accounts', 6], ['funding_sources', 6]] as const) {
      await q.query(`
        CREATE TABLE ${table} (
          code text PRIMARY KEY,
          name text NOT NULL,
          level smallint NOT NULL CHECK (level BETWEEN 1 AND ${maxLevel}),
          parent_code text REFERENCES ${table}(code),
          note text,
          CHECK ((level = 1) = (parent_code IS NULL))
        )`);
      await q.query(`CREATE INDEX ${table}_parent_idx ON ${table}(parent_code)`);
      await q.query(`CREATE INDEX ${table}_name_trgm ON ${table} USING gin (lower(name) gin_trgm_ops)`);
    }
    await q.query(`CREATE TABLE functions (code text PRIMARY KEY, name text NOT NULL, level smallint NOT NULL CHECK (level IN (1,2)), parent_code text REFERENCES functions(code))`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        password_hash text NOT NULL,
        full_name text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['ADMIN','PRICE_ADMIN','PLANNER','BUDGET_VERIFIER','PROJECT_OFFICER','TREASURER','FINANCE_OFFICER','CASH_AUTHORITY','AUDITOR']::text[]),
        organization_id uuid REFERENCES organizations(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (organization_id IS NOT NULL OR NOT (roles && ARRAY['PLANNER','PROJECT_OFFICER','TREASURER','FINANCE_OFFICER']::text[]))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_uq ON users(lower(username))`);

    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL DEFAULT now(),
        blocked_until timestamptz
      )`);

    // Audit trail: append-only and hash-chained. The chain position and both
    // hashes are assigned by a trigger under an advisory lock, so concurrent
    // appends are serialized and the chain never forks.
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chain_no bigint NOT NULL UNIQUE,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_username text,
        request_id text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events(entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events(actor_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_events_time_idx ON audit_events(occurred_at)`);
    await q.query(`
      CREATE FUNCTION audit_event_hash(prev text, e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(prev || '|' || jsonb_build_object(
          'id', e.id, 'chainNo', e.chain_no,
          'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          'actorId', e.actor_id, 'actorUsername', e.actor_username, 'requestId', e.request_id,
          'action', e.action, 'entityType', e.entity_type, 'entityId', e.entity_id,
          'before', e.before, 'after', e.after)::text, 'UTF8')), 'hex')
      $$`);
    await q.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_no bigint; last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7384213001);
        SELECT chain_no, hash INTO last_no, last_hash FROM audit_events ORDER BY chain_no DESC LIMIT 1;
        NEW.chain_no := COALESCE(last_no, 0) + 1;
        NEW.occurred_at := clock_timestamp();
        NEW.prev_hash := COALESCE(last_hash, 'GENESIS');
        NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);
    await q.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);

    // Budget lines and the ledger.
    await q.query(`
      CREATE TABLE budget_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        sub_activity_code text NOT NULL REFERENCES nomenclature(code),
        account_code text NOT NULL REFERENCES accounts(code),
        funding_source_code text NOT NULL REFERENCES funding_sources(code),
        appropriated numeric(20,2) NOT NULL DEFAULT 0,
        allotted numeric(20,2) NOT NULL DEFAULT 0,
        committed numeric(20,2) NOT NULL DEFAULT 0,
        disbursed numeric(20,2) NOT NULL DEFAULT 0,
        entry_count bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budget_lines_uq UNIQUE (fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code),
        CONSTRAINT budget_line_disbursed_nonnegative CHECK (disbursed >= 0),
        CONSTRAINT budget_line_disbursed_within_allotted CHECK (disbursed <= allotted),
        CONSTRAINT budget_line_allotted_within_appropriated CHECK (allotted <= appropriated),
        CONSTRAINT budget_line_committed_nonnegative CHECK (committed >= 0),
        CONSTRAINT budget_line_committed_within_appropriated CHECK (committed <= appropriated)
      )`);
    await q.query(`CREATE INDEX budget_lines_org_idx ON budget_lines(fiscal_year, organization_id)`);
    await q.query(`CREATE INDEX budget_lines_sub_idx ON budget_lines(fiscal_year, sub_activity_code)`);
    await q.query(`CREATE INDEX budget_lines_account_idx ON budget_lines(fiscal_year, account_code)`);

    await q.query(`
      CREATE TABLE ledger_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        budget_line_id uuid NOT NULL REFERENCES budget_lines(id),
        kind text NOT NULL CHECK (kind IN ('APPROPRIATION','ALLOTMENT','COMMITMENT','DISBURSEMENT')),
        amount numeric(20,2) NOT NULL CHECK (amount <> 0),
        source_type text NOT NULL,
        source_id text NOT NULL,
        description text,
        reverses_entry_id uuid UNIQUE REFERENCES ledger_entries(id),
        actor_id uuid,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_entries_line_idx ON ledger_entries(budget_line_id, seq)`);
    await q.query(`CREATE INDEX ledger_entries_source_idx ON ledger_entries(source_type, source_id)`);
    await q.query(`CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION grms_reject_change()`);
    await q.query(`CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION grms_reject_change()`);
    // A reversal must be the exact opposite of the entry it names, on the same line and kind.
    await q.query(`
      CREATE FUNCTION ledger_entries_check_reversal() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE orig ledger_entries;
      BEGIN
        IF NEW.reverses_entry_id IS NOT NULL THEN
          SELECT * INTO orig FROM ledger_entries WHERE id = NEW.reverses_entry_id;
          IF orig.budget_line_id <> NEW.budget_line_id OR orig.kind <> NEW.kind OR orig.amount <> -NEW.amount THEN
            RAISE EXCEPTION 'a reversal must negate the entry it reverses' USING ERRCODE = '23514', CONSTRAINT = 'ledger_reversal_matches';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entries_reversal BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entries_check_reversal()`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['idempotency_keys', 'ledger_entries', 'budget_lines', 'audit_events', 'login_throttle', 'users', 'functions', 'funding_sources', 'accounts', 'nomenclature', 'organizations', 'fiscal_years']) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_events_chain, audit_event_hash, ledger_entries_check_reversal, grms_reject_change CASCADE`);
  }
}
