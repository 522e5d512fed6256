import { MigrationInterface, QueryRunner } from 'typeorm';

// The treasury's cash check without one lock per fiscal year (decision 0024).
// Part of the cash an SP2D may spend is held in escrow on 16 stripes per year,
// each a row with CHECK (balance >= 0): an SP2D takes one stripe that covers it
// without waiting (FOR UPDATE SKIP LOCKED), spends from it and books its day on
// the same stripe of treasury_cash_days, so SP2Ds of different OPDs share no
// row. When no stripe covers it, the SP2D takes every stripe in order, empties
// them, checks against the days exactly as before (the refusal says the
// arithmetic), books, and hands the year's headroom out again. Every other
// outflow empties the stripes first. Invariant: the stripes of a year never
// hold more than the lowest position of the treasury's cash on or after the
// day they were handed out.
export class TreasuryCashStripes1764304300000 implements MigrationInterface {
  name = 'TreasuryCashStripes1764304300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE treasury_cash_days ADD COLUMN stripe smallint NOT NULL DEFAULT 0 CHECK (stripe >= 0 AND stripe < 16)`);
    await q.query(`ALTER TABLE treasury_cash_days DROP CONSTRAINT treasury_cash_days_pkey`);
    await q.query(`ALTER TABLE treasury_cash_days ADD PRIMARY KEY (fiscal_year, day, stripe)`);
    await q.query(`
      CREATE TABLE treasury_cash_stripes (
        fiscal_year integer NOT NULL REFERENCES fiscal_years(year),
        stripe smallint NOT NULL CHECK (stripe >= 0 AND stripe < 16),
        granted_on date NOT NULL,
        balance numeric(20,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
        PRIMARY KEY (fiscal_year, stripe)
      )`);
    await q.query(`
      INSERT INTO treasury_cash_stripes (fiscal_year, stripe, granted_on)
      SELECT y.year, s, current_date FROM fiscal_years y CROSS JOIN generate_series(0, 15) s`);
    // Every stripe of the year locked in stripe order and emptied: what an outflow
    // that checks against the days themselves takes first (the year's serialization).
    await q.query(`
      CREATE FUNCTION treasury_cash_sweep(p_year integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO treasury_cash_stripes (fiscal_year, stripe, granted_on)
        SELECT y.year, s, current_date FROM fiscal_years y CROSS JOIN generate_series(0, 15) s WHERE y.year = p_year
        ON CONFLICT (fiscal_year, stripe) DO NOTHING;
        PERFORM 1 FROM treasury_cash_stripes WHERE fiscal_year = p_year ORDER BY stripe FOR UPDATE;
        UPDATE treasury_cash_stripes SET balance = 0 WHERE fiscal_year = p_year AND balance <> 0;
      END $$`);
    // An outflow of p_amount on p_date, booked as the four movements. No row: the
    // year does not exist. fast: taken from a stripe. Otherwise the figures of the
    // check (the days before the booking); when the check fails nothing is booked.
    await q.query(`
      CREATE FUNCTION treasury_cash_spend(p_year integer, p_date date, p_amount numeric, p_revenue numeric, p_receipts numeric, p_sp2d numeric, p_expenditures numeric)
      RETURNS TABLE (cash_check boolean, fast boolean, revenue text, receipts text, sp2d text, expenditures text, "position" text, later json)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        v_check boolean;
        v_stripe smallint;
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
        IF v_stripe IS NOT NULL THEN
          IF v_check THEN
            UPDATE treasury_cash_stripes SET balance = balance - p_amount WHERE fiscal_year = p_year AND stripe = v_stripe;
          END IF;
          INSERT INTO treasury_cash_days AS d (fiscal_year, day, stripe, revenue, financing_receipts, sp2d, financing_expenditures)
          VALUES (p_year, p_date, v_stripe, p_revenue, p_receipts, p_sp2d, p_expenditures)
          ON CONFLICT (fiscal_year, day, stripe) DO UPDATE SET revenue = d.revenue + EXCLUDED.revenue, financing_receipts = d.financing_receipts + EXCLUDED.financing_receipts,
            sp2d = d.sp2d + EXCLUDED.sp2d, financing_expenditures = d.financing_expenditures + EXCLUDED.financing_expenditures;
          RETURN QUERY SELECT v_check, true, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::json;
          RETURN;
        END IF;
        PERFORM treasury_cash_sweep(p_year);
        SELECT COALESCE(t.cash_check, true) INTO v_check FROM treasury_settings t WHERE t.fiscal_year = p_year;
        v_check := COALESCE(v_check, true);
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
    await q.query(`DROP FUNCTION treasury_cash_spend(integer, date, numeric, numeric, numeric, numeric, numeric)`);
    await q.query(`DROP FUNCTION treasury_cash_sweep(integer)`);
    await q.query(`DROP TABLE treasury_cash_stripes`);
    await q.query(`
      WITH moved AS (DELETE FROM treasury_cash_days WHERE stripe <> 0 RETURNING *),
        s AS (SELECT fiscal_year, day, sum(revenue) AS r, sum(financing_receipts) AS fr, sum(sp2d) AS sp, sum(financing_expenditures) AS fe FROM moved GROUP BY fiscal_year, day)
      INSERT INTO treasury_cash_days AS d (fiscal_year, day, stripe, revenue, financing_receipts, sp2d, financing_expenditures)
      SELECT fiscal_year, day, 0, r, fr, sp, fe FROM s
      ON CONFLICT (fiscal_year, day, stripe) DO UPDATE SET revenue = d.revenue + EXCLUDED.revenue, financing_receipts = d.financing_receipts + EXCLUDED.financing_receipts,
        sp2d = d.sp2d + EXCLUDED.sp2d, financing_expenditures = d.financing_expenditures + EXCLUDED.financing_expenditures`);
    await q.query(`ALTER TABLE treasury_cash_days DROP CONSTRAINT treasury_cash_days_pkey`);
    await q.query(`ALTER TABLE treasury_cash_days DROP COLUMN stripe`);
    await q.query(`ALTER TABLE treasury_cash_days ADD PRIMARY KEY (fiscal_year, day)`);
  }
}
