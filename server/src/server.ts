import type { Config } from './config.js';
import { buildApp } from './app.js';
import { openDatabase, type Database } from './db/database.js';
import { prepare, type PrepareResult } from './platform/bootstrap.js';
import { startJobs } from './platform/jobs.js';
import type { App } from './platform/manifest.js';
import type { Platform } from './platform/platform.js';

export interface Running {
  app: App;
  platform: Platform;
  database: Database;
  prepared: PrepareResult;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database (taking the data-directory lock), migrates, prepares, listens. */
export async function startServer(config: Config, opts: { jobs?: boolean } = {}): Promise<Running> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const { app, platform } = await buildApp({ config, database });
    const prepared = await prepare(platform);
    const url = await app.listen({ port: config.port, host: config.host });
    const stopJobs = opts.jobs === false ? () => undefined : startJobs(platform);
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        stopJobs();
        await app.close(); // stops accepting, drains in-flight requests
        await database.close(); // closes PGlite / the pool and releases the lock
      })());
    return { app, platform, database, prepared, url, stop };
  } catch (e) {
    await database.close().catch(() => undefined);
    throw e;
  }
}
