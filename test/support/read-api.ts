// The API over a database without Temporal, for read routes (metrics, lists, the board) in tests
// and benchmarks: reads never touch Temporal, so a client that refuses every use stands in.
import type { Client } from '@temporalio/client';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { startApiServer, type ApiServer } from '../../api/server';

const noTemporal = new Proxy({}, {
  get(_target, property) {
    throw new Error(`Temporal is not available to the read-only API (asked for ${String(property)})`);
  },
}) as Client;

export function startReadApi(db: DataSource): Promise<ApiServer> {
  return startApiServer({
    db, temporal: noTemporal, logger: pino({ level: 'silent' }),
    config: { jwtSecret: 'test-secret', jwtTtl: '1h', taskQueue: 'read-only' },
  }, 0);
}
