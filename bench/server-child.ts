// One process holding the database handle and two servers over it: the product (buildApp) and the
// bare limit (bare.ts), each on its own 127.0.0.1 port. It reports its peak RSS when told to stop.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/kysely';
import { startBareServer } from './bare';
import { childMain, peakRssMb } from './children';

export interface ServerTarget {
  databaseUrl?: string;
  dataDir?: string;
}

childMain(async () => {
  const target = JSON.parse(process.argv[2]!) as ServerTarget;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: target.databaseUrl ?? '',
    DATA_DIR: target.dataDir ?? '',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const handle = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  const app = await buildApp({ config, db: handle, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = await startBareServer(handle.db);
  process.on('message', (message: { type?: string }) => {
    if (message?.type !== 'stop') return;
    process.send!({ type: 'result', peakRssMb: peakRssMb() }, () => process.exit(0));
  });
  process.send!({
    type: 'ready',
    productPort: (app.server.address() as AddressInfo).port,
    barePort: (bare.address() as AddressInfo).port,
  });
});
