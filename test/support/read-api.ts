// The API over a database without Temporal, for read routes (metrics, lists, the board) in tests
// and benchmarks: reads never touch Temporal, so a client that refuses every use stands in.
import type { Client } from '@temporalio/client';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { startApiServer, type ApiServer } from '../../api/server';
import type { Clock } from '../../config/clock';

const noTemporal = new Proxy({}, {
  get(_target, property) {
    throw new Error(`Temporal is not available to the read-only API (asked for ${String(property)})`);
  },
}) as Client;

/** `clock`: pins the instant routes read as "now". */
export function startReadApi(db: DataSource, clock?: Clock): Promise<ApiServer> {
  return startApiServer({
    db, temporal: noTemporal, logger: pino({ level: 'silent' }), ...(clock ? { clock } : {}),
    config: { jwtSecret: 'test-secret', jwtTtl: '1h', taskQueue: 'read-only' },
  }, 0);
}
