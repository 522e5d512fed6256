import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';

/**
 * Writes the pending search entries of the catalogue (decision 0108): the
 * items an import noted in hsb_search_pending get their row in
 * hsb_item_search (and so in its trigram index) after the import's commit.
 * The pending rows it takes are the ones its snapshot sees; the items are
 * read `FOR SHARE`, so a change of an item that commits meanwhile is waited
 * for and its latest search text written. One pass at a time in this process
 * (another is queued behind it), and across processes an advisory lock: a
 * pass that finds it taken leaves the rows for the next one, as does a
 * process that stops first; every pass takes all rows pending. Until then a
 * search still finds the items (it reads every pending item).
 */
export const CATCH_UP_SQL = `
  WITH done AS (DELETE FROM hsb_search_pending RETURNING item_id),
  items AS (SELECT i.id, i.search_text FROM hsb_items i WHERE i.id IN (SELECT item_id FROM done) FOR SHARE OF i)
  INSERT INTO hsb_item_search (item_id, search_text) SELECT id, search_text FROM items
  ON CONFLICT (item_id) DO UPDATE SET search_text = EXCLUDED.search_text`;

/** Key of the advisory lock of a catch-up pass (the import's own lock is 74210). */
const CATCH_UP_LOCK = 74211;

@Injectable()
export class HsbSearchIndex implements OnModuleDestroy {
  private readonly logger = new Logger('HsbSearchIndex');
  private running: Promise<void> = Promise.resolve();
  private queued = false;

  constructor(private readonly tx: TransactionService) {}

  /** Marks the transaction's inserts and changes of items as pending rather than indexing them in it. */
  static async defer(m: EntityManager): Promise<void> {
    await m.query(`SELECT set_config('grms.hsb_search', 'deferred', true)`);
  }

  /** Starts a pass after the running one (at most one waits); resolves when it is done. Never rejects. */
  catchUp(): Promise<void> {
    if (this.queued) return this.running;
    this.queued = true;
    this.running = this.running.then(async () => {
      this.queued = false;
      try {
        await this.tx.run(async (m) => {
          const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock($1, 0) AS locked`, [CATCH_UP_LOCK]);
          if (locked) await m.query(CATCH_UP_SQL);
        });
      } catch (e) {
        this.logger.warn(`pending catalogue search entries left for the next pass: ${(e as Error).message}`);
      }
    });
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    await this.running;
  }
}
