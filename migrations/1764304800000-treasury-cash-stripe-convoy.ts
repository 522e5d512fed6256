import { MigrationInterface, QueryRunner } from 'typeorm';

// The escrowed treasury cash (decision 0024) without the convoy of sweeps
// (decision 0025). A sweep holds every stripe until its COMMIT; an SP2D that
// arrived meanwhile found every stripe locked (SKIP LOCKED), took the slow path
// itself, queued for every stripe, and so on: once the stripes were empty (a
// data set rebuilt, a financing expenditure, the check switched on) with
// 16 clients paying, every SP2D swept, one at a time, for as long as the
// clients kept coming. Now an SP2D that finds no free stripe waits for one that
// covered it in its snapshot (the holder commits in a few statements; the
// stripe is checked again on its committed balance), and a sweep that finds,
// once it holds every stripe, that one covers the SP2D (a sweep before it handed
// the headroom out again) spends from it instead of emptying them and checking
// the days again. Each stripe counts the outflows spent from it alone
// (fast_spends); stripe 0 counts those that took every stripe (slow_spends):
// the bench prints both.
export class TreasuryCashStripeConvoy1764304800000 implements MigrationInterface {
  name = 'TreasuryCashStripeConvoy1764304800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE treasury_cash_stripes ADD COLUMN fast_spends bigint NOT NULL DEFAULT 0, ADD COLUMN slow_spends bigint NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE OR REPLACE FUNCTION treasury_cash_spend(p_year integer, p_date date, p_amount numeric, p_revenue numeric, p_receipts numeric, p_sp2d numeric, p_expenditures numeric)
      RETURNS TABLE (cash_check boolean, fast boolean, revenue text, receipts text, sp2d text, expenditures text, "position" text, later json)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        v_check boolean;
        v_stripe smallint;
        v_slow boolean := false;
        v_hint integer := pg_backend_pid() % 16;
        v_r numeric; v_fr numeric; v_s numeric; v_fe numeric; v_pos numeric; v_later json; v_room numeric; v_share numeric;
      BEGIN
        SELECT COALESCE(t.cash_check, true) INTO v_check FROM fiscal_years y LEFT JOIN treasury_settings t ON t.fiscal_year = y.year WHERE y.year = p_year;
        IF NOT FOUND THEN RETURN; END IF;
        -- a stripe that covers the outflow, taken without waiting; the block's subtransaction
        -- gives back a stripe locked by a recheck that failed (none may be held on the way to the sweep)
        BEGIN
          SELECT c.stripe INTO v_stripe FROM treasury_cash_stripes c
          WHERE c.fiscal_year = p_year AND (NOT v_check OR (c.granted_on <= p_date AND c.balance >= p_amount))
          ORDER BY (c.stripe - v_hint + 16) % 16 LIMIT 1 FOR UPDATE SKIP LOCKED;
          IF v_stripe IS NULL THEN RAISE no_data_found; END IF;
        EXCEPTION WHEN no_data_found THEN v_stripe := NULL;
        END;
        -- every stripe that covers it is locked (a sweep holds them all, or other SP2Ds hold the
        -- ones that cover it): wait for one, checked again on its committed balance; a sweep that
        -- emptied it leaves it short, and the block gives back what it locked
        IF v_stripe IS NULL THEN
          BEGIN
            SELECT c.stripe INTO v_stripe FROM treasury_cash_stripes c
            WHERE c.fiscal_year = p_year AND (NOT v_check OR (c.granted_on <= p_date AND c.balance >= p_amount))
            ORDER BY (c.stripe - v_hint + 16) % 16 LIMIT 1 FOR UPDATE;
            IF v_stripe IS NULL THEN RAISE no_data_found; END IF;
          EXCEPTION WHEN no_data_found THEN v_stripe := NULL;
          END;
        END IF;
        IF v_stripe IS NULL THEN
          -- the slow path: every stripe of the year, in stripe order (treasury_cash_sweep's lock order)
          INSERT INTO treasury_cash_stripes (fiscal_year, stripe, granted_on)
          SELECT y.year, s, current_date FROM fiscal_years y CROSS JOIN generate_series(0, 15) s WHERE y.year = p_year
          ON CONFLICT (fiscal_year, stripe) DO NOTHING;
          PERFORM 1 FROM treasury_cash_stripes WHERE fiscal_year = p_year ORDER BY stripe FOR UPDATE;
          v_slow := true;
          UPDATE treasury_cash_stripes SET slow_spends = slow_spends + 1 WHERE fiscal_year = p_year AND stripe = 0;
          SELECT COALESCE(t.cash_check, true) INTO v_check FROM treasury_settings t WHERE t.fiscal_year = p_year;
          v_check := COALESCE(v_check, true);
          -- a sweep before this one handed the headroom out again while it waited: a stripe that covers
          -- it now is spent from, under every lock, without emptying them or reading the days
          IF v_check THEN
            SELECT c.stripe INTO v_stripe FROM treasury_cash_stripes c
            WHERE c.fiscal_year = p_year AND c.granted_on <= p_date AND c.balance >= p_amount
            ORDER BY (c.stripe - v_hint + 16) % 16 LIMIT 1;
          END IF;
        END IF;
        IF v_stripe IS NOT NULL THEN
          UPDATE treasury_cash_stripes SET balance = balance - CASE WHEN v_check THEN p_amount ELSE 0 END, fast_spends = fast_spends + CASE WHEN v_slow THEN 0 ELSE 1 END
          WHERE fiscal_year = p_year AND stripe = v_stripe;
          INSERT INTO treasury_cash_days AS d (fiscal_year, day, stripe, revenue, financing_receipts, sp2d, financing_expenditures)
          VALUES (p_year, p_date, v_stripe, p_revenue, p_receipts, p_sp2d, p_expenditures)
          ON CONFLICT (fiscal_year, day, stripe) DO UPDATE SET revenue = d.revenue + EXCLUDED.revenue, financing_receipts = d.financing_receipts + EXCLUDED.financing_receipts,
            sp2d = d.sp2d + EXCLUDED.sp2d, financing_expenditures = d.financing_expenditures + EXCLUDED.financing_expenditures;
          RETURN QUERY SELECT v_check, true, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::json;
          RETURN;
        END IF;
        UPDATE treasury_cash_stripes SET balance = 0 WHERE fiscal_year = p_year AND balance <> 0;
        WITH d AS (SELECT c.day, sum(c.revenue) AS r, sum(c.financing_receipts) AS fr, sum(c.sp2d) AS s, sum(c.financing_expenditures) AS fe
                   FROM treasury_cash_days c WHERE c.fiscal_year = p_year GROUP BY c.day),
             p AS (SELECT d.*, sum(d.r + d.fr - d.s - d.fe) OVER (ORDER BY d.day) AS pos FROM d)
        SELECT COALESCE(sum(p.r) FILTER (WHERE p.day <= p_date), 0), COALESCE(sum(p.fr) FILTER (WHERE p.day <= p_date), 0),
               COALESCE(sum(p.s) FILTER (WHERE p.day <= p_date), 0), COALESCE(sum(p.fe) FILTER (WHERE p.day <= p_date), 0),
               COALESCE(sum(p.r + p.fr - p.s - p.fe) FILTER (WHERE p.day <= p_date), 0),
               (SELECT json_build_object('date', x.day::text, 'position', x.pos::text) FROM p x WHERE x.day > p_date AND x.pos < p_amount ORDER BY x.day LIMIT 1)
        INTO v_r, v_fr, v_s, v_fe, v_pos, v_later FROM p;
        IF v_check AND (p_amount > v_pos OR v_later IS NOT NULL) THEN
          RETURN QUERY SELECT v_check, false, v_r::text, v_fr::text, v_s::text, v_fe::text, v_pos::text, v_later;
          RETURN;
        END IF;
        INSERT INTO treasury_cash_days AS d (fiscal_year, day, stripe, revenue, financing_receipts, sp2d, financing_expenditures)
        VALUES (p_year, p_date, 0, p_revenue, p_receipts, p_sp2d, p_expenditures)
        ON CONFLICT (fiscal_year, day, stripe) DO UPDATE SET revenue = d.revenue + EXCLUDED.revenue, financing_receipts = d.financing_receipts + EXCLUDED.financing_receipts,
          sp2d = d.sp2d + EXCLUDED.sp2d, financing_expenditures = d.financing_expenditures + EXCLUDED.financing_expenditures;
        IF v_check THEN
          -- the headroom handed out again: the lowest position from today on (today's own, or a later day's)
          WITH d AS (SELECT c.day, sum(c.revenue + c.financing_receipts - c.sp2d - c.financing_expenditures) AS net
                     FROM treasury_cash_days c WHERE c.fiscal_year = p_year GROUP BY c.day),
               p AS (SELECT d.day, sum(d.net) OVER (ORDER BY d.day) AS pos FROM d)
          SELECT LEAST((SELECT COALESCE(sum(d.net), 0) FROM d WHERE d.day <= current_date), (SELECT min(p.pos) FROM p WHERE p.day > current_date)) INTO v_room;
          IF v_room > 0 THEN
            v_share := trunc(v_room / 16, 2);
            UPDATE treasury_cash_stripes SET granted_on = current_date, balance = CASE WHEN stripe = 0 THEN v_room - 15 * v_share ELSE v_share END
            WHERE fiscal_year = p_year;
          END IF;
        END IF;
        RETURN QUERY SELECT v_check, false, v_r::text, v_fr::text, v_s::text, v_fe::text, v_pos::text, v_later;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // the function of 1764304300000 again: that migration's up() recreates it with the table
    // already there, so only its body is taken (CREATE OR REPLACE over this one)
    const previous = new (await import('./1764304300000-treasury-cash-stripes')).TreasuryCashStripes1764304300000();
    const bodies: string[] = [];
    await previous.up({ query: async (sql: string) => { if (/CREATE FUNCTION treasury_cash_spend/.test(sql)) bodies.push(sql.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')); } } as unknown as QueryRunner);
    for (const sql of bodies) await q.query(sql);
    await q.query(`ALTER TABLE treasury_cash_stripes DROP COLUMN fast_spends, DROP COLUMN slow_spends`);
  }
}
