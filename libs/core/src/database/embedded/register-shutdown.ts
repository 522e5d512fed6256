import type { EmbeddedPostgresHandle } from './embedded-postgres-types';

/**
 * On SIGTERM/SIGINT: await `beforeStop` (e.g. close the HTTP app), stop
 * PostgreSQL, exit. A second signal forces an immediate exit.
 * (The launcher itself also SIGINTs the postmaster on process 'exit'.)
 * Returns a function that removes the handlers again.
 */
export function registerShutdown(
  handle: Pick<EmbeddedPostgresHandle, 'stop'>,
  beforeStop?: () => Promise<void>,
): () => void {
  let shuttingDown = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      process.exit(1); // second signal: give up waiting
    }
    shuttingDown = true;
    void (async () => {
      let code = 0;
      try {
        await beforeStop?.();
      } catch (err) {
        code = 1;
        process.stderr.write(`[embedded-postgres] shutdown hook failed on ${signal}: ${String(err)}\n`);
      }
      try {
        await handle.stop();
      } catch (err) {
        code = 1;
        process.stderr.write(`[embedded-postgres] stopping postgres failed: ${String(err)}\n`);
      }
      process.exit(code);
    })();
  };

  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}
