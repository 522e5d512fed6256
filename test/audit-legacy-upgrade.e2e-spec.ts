import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditQueryService, AuditService, loadConfig, runMigrations } from '@grms/core';
import { ALL_MIGRATIONS } from '../migrations';
import { createApp } from '../apps/api/src/create-app';
import { asAppRole, TEST_APP_ROLE, withDatabase } from './support/database';
import { testDataDir } from './support/run-folder';

jest.setTimeout(120_000);

// A database written under the old chain trigger (decision 0005) is upgraded
// by migration 1764301100000: its records become the unkeyed start of the
// chain and the first keyed link binds them (decision 0021).
describe('audit trail: upgrade of a database chained by the old trigger', () => {
  it('keeps the old records verifiable, continues the chain with keyed links, and finds an old record rewritten', async () => {
    const adminUrl = process.env.GRMS_TEST_ADMIN_URL!;
    const name = `grms_legacy_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(adminUrl, name);

    const keyed = ALL_MIGRATIONS.findIndex((m) => m.name === 'KeyedAuditTrail1764301100000');
    const old = new DataSource({ type: 'postgres', url, migrations: ALL_MIGRATIONS.slice(0, keyed), migrationsTableName: 'schema_migrations' });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    for (let i = 1; i <= 5; i++) {
      await old.query(`INSERT INTO audit_events (action, entity_type, entity_id, after) VALUES ('OLD.EVENT', 'Thing', $1, $2::jsonb)`, [String(i), JSON.stringify({ n: i })]);
    }
    await old.destroy();

    await runMigrations(url, { appRole: TEST_APP_ROLE });
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret-0123', DATABASE_URL: asAppRole(url), LOG_LEVEL: 'silent', GRMS_DATA_DIR: testDataDir() });
    const app = await createApp(config, asAppRole(url));
    await app.init();
    const sql = async (q: string) => {
      const c = new Client({ connectionString: url });
      await c.connect();
      try { return (await c.query(q)).rows; } finally { await c.end(); }
    };
    try {
      const audit = app.get(AuditQueryService);
      expect(await audit.verify()).toMatchObject({ valid: true, checked: 5 });
      await app.get(AuditService).recordStandalone({ action: 'NEW.EVENT', entityType: 'Thing', entityId: '6', after: { n: 6 }, actor: { id: null, username: 'system' } });
      expect(await audit.verify()).toMatchObject({ valid: true, checked: 6 });
      const [link] = await sql(`SELECT c.legacy, c.prev_hash = (SELECT hash FROM audit_chain WHERE chain_no = 5) AS linked FROM audit_chain c WHERE chain_no = 6`);
      expect(link).toEqual({ legacy: false, linked: true });

      // an old record rewritten, with the old (unkeyed) chain recomputed to its end, and the first keyed link's prev_hash patched
      await sql(`
        BEGIN;
        SET LOCAL session_replication_role = replica;
        UPDATE audit_events SET after = '{"n": 99}' WHERE chain_no = 3;
        DO $$ DECLARE r audit_events; prev text; BEGIN
          SELECT hash INTO prev FROM audit_events WHERE chain_no = 2;
          FOR r IN SELECT * FROM audit_events WHERE chain_no >= 3 ORDER BY chain_no LOOP
            r.prev_hash := prev;
            r.hash := audit_event_hash(prev, r);
            UPDATE audit_events SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
            UPDATE audit_chain SET prev_hash = r.prev_hash, hash = r.hash WHERE event_id = r.id;
            prev := r.hash;
          END LOOP;
          UPDATE audit_chain SET prev_hash = prev WHERE chain_no = 6;
        END $$;
        COMMIT;`);
      const bad = await audit.verify();
      expect(bad).toMatchObject({ valid: false, firstInvalidChainNo: '6' });
      expect(bad.reason).toMatch(/not the keyed link/);
    } finally {
      await app.close();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    }
  });
});
