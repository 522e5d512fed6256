import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';

type PgPool = EventEmitter & { _clients?: EventEmitter[] };

/**
 * Gives every pooled connection of `ds` a permanent 'error' listener (see
 * PoolErrorGuard); the read replica's pool gets the same (decision 0053).
 */
export function guardPool(ds: DataSource, logger: Logger): void {
  const pool = (ds.driver as unknown as { master?: PgPool }).master;
  if (!pool || typeof pool.on !== 'function') return;
  let lastLog = 0;
  const guard = (client: EventEmitter): void => {
    client.on('error', (err: Error) => {
      if (Date.now() - lastLog > 1000) {
        lastLog = Date.now();
        logger.warn(`a database connection was lost: ${err.message}`);
      }
    });
  };
  for (const c of pool._clients ?? []) guard(c);
  pool.on('connect', guard);
}

/**
 * Every pooled connection gets a permanent 'error' listener. When the
 * database dies (a killed postmaster, a failover), a connection that is
 * checked out but between queries receives the server's FATAL message as an
 * 'error' event; without a listener that event would throw and take the
 * whole API down, instead of the request failing and the pool reconnecting
 * once the database is back (supervised restart, decision 0020).
 */
@Injectable()
export class PoolErrorGuard implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  onModuleInit(): void {
    guardPool(this.ds, this.logger);
  }
}
