import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/database.js';
import { AuthService } from './auth/service.js';
import { calendarServiceFor, type CalendarService } from './calendar/service.js';
import { FilesService } from './files/service.js';
import { BlobStore } from './files/store.js';
import { FigureRegistry } from './figures/registry.js';
import type { ModuleManifest, PermissionDef } from './manifest.js';
import { FieldCrypto, loadFieldKey } from './privacy/field-crypto.js';

/** The services every module may use, built once per process from the manifests. */
export interface Platform {
  config: Config;
  database: Database;
  db: Db;
  log: FastifyBaseLogger;
  modules: readonly ModuleManifest[];
  permissions: ReadonlyMap<string, PermissionDef>;
  figures: FigureRegistry;
  auth: AuthService;
  calendar: CalendarService;
  fieldCrypto: FieldCrypto;
  files: FilesService;
}

export function createPlatform(
  config: Config,
  database: Database,
  modules: readonly ModuleManifest[],
  log: FastifyBaseLogger,
): Platform {
  const permissions = new Map<string, PermissionDef>();
  for (const m of modules)
    for (const p of m.permissions) {
      if (permissions.has(p.code)) throw new Error(`权限 ${p.code} 被重复注册（${m.name}）`);
      permissions.set(p.code, p);
    }
  const isMemory = database.kind === 'pglite' && !database.pglite?.dataDir;
  return {
    config,
    database,
    db: database.db,
    log,
    modules,
    permissions,
    figures: new FigureRegistry(modules),
    auth: new AuthService(database.db, config),
    calendar: calendarServiceFor(database.db),
    fieldCrypto: new FieldCrypto(loadFieldKey(config.fieldKeyHex, isMemory ? undefined : config.dataDir)),
    files: new FilesService(
      database.db,
      // An in-memory database keeps its attachments in a temp dir, never in a real DATA_DIR.
      new BlobStore(config.filesDir ?? (isMemory ? undefined : path.join(config.dataDir, 'files'))),
      config.uploadMaxBytes,
      modules,
    ),
  };
}
