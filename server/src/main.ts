#!/usr/bin/env node
import fs from 'node:fs';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { DataDirLockedError } from './db/lock.js';
import { BackupError, backup, keyAdvice, restore } from './db/backup.js';
import { buildApp } from './app.js';
import { verifyAudit } from './platform/audit/chain.js';
import { prepare } from './platform/bootstrap.js';
import { isEmpty } from './platform/demo.js';
import { demoUsers } from './platform/org/demo.js';
import { builtinRoles } from './platform/access/roles.js';
import { startServer } from './server.js';

const usage = `用法 (usage): fazhi <command>
  serve            启动服务（默认）
  migrate          执行数据库迁移
  demo             向空数据库载入索县2023演示数据
  audit verify     校验审计日志哈希链
  openapi [file]   输出 OpenAPI 文档
  backup <dir> [--include-key]
                   备份数据库与附件到目录（PostgreSQL 可在线备份；PGlite 须先停止服务）
  restore <dir>    从备份目录恢复到空数据库`;

async function main(argv: string[]) {
  const config = loadConfig();
  const [cmd = 'serve', ...rest] = argv;
  switch (cmd) {
    case 'serve': {
      const running = await startServer(config);
      const { prepared, url, platform } = running;
      platform.log.info({ url, backend: running.database.kind }, 'Fazhi 已启动');
      if (prepared.demoLoaded) printDemoAccounts(config.demoPassword, prepared.demoMs);
      if (prepared.initialAdmins) {
        console.log('\n首次启动，已创建三员账号（初始密码只显示这一次，首次登录须修改）：');
        for (const a of prepared.initialAdmins) console.log(`  ${a.username.padEnd(10)} ${a.password}`);
      }
      console.log(`\nFazhi 法治 — ${url}  (${running.database.kind})\n`);
      const shutdown = (signal: string) => {
        platform.log.info({ signal }, '正在停止');
        running.stop().then(
          () => process.exit(0),
          (err) => {
            platform.log.error({ err }, '停止时出错');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'migrate':
    case 'demo':
    case 'openapi':
    case 'audit': {
      const database = await openDatabase(
        cmd === 'openapi' ? {} : { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
      );
      try {
        await database.migrate();
        if (cmd === 'migrate') return console.log(`迁移完成：${(await database.migrationVersion()) ?? '无'}`);
        const { app, platform } = await buildApp({
          config: { ...config, logLevel: 'warn' },
          database,
          serveWeb: false,
        });
        if (cmd === 'openapi') {
          await app.ready();
          const doc = JSON.stringify(app.swagger(), null, 2);
          if (rest[0]) fs.writeFileSync(rest[0], doc + '\n');
          else console.log(doc);
          return;
        }
        if (cmd === 'demo') {
          if (!(await isEmpty(platform))) throw new Error('数据库已有数据，演示数据只能载入空数据库');
          const r = await prepare({ ...platform, config: { ...config, demo: true } });
          printDemoAccounts(config.demoPassword, r.demoMs);
          return;
        }
        if (rest[0] !== 'verify') throw new Error(usage);
        const r = await verifyAudit(platform.db);
        if (r.ok) console.log(`审计链完整：${r.rows} 条记录，最后一条 #${r.lastId}`);
        else {
          console.error(`审计链被破坏：第 ${r.brokenAt} 条 — ${r.reason}（已校验 ${r.rows} 条）`);
          process.exitCode = 2;
        }
        await app.close();
      } finally {
        await database.close();
      }
      return;
    }
    case 'backup':
    case 'restore': {
      const dir = rest.find((a) => !a.startsWith('--'));
      if (!dir) throw new Error(usage);
      let database;
      try {
        database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      } catch (e) {
        if (e instanceof DataDirLockedError)
          throw new BackupError(`${e.message}\n嵌入式数据库（PGlite）备份、恢复前须先停止 Fazhi 服务。`);
        throw e;
      }
      try {
        const keyOpts = { dataDir: config.dataDir, fieldKeyHex: config.fieldKeyHex };
        if (cmd === 'backup') {
          const m = await backup(database, dir, { ...keyOpts, includeKey: rest.includes('--include-key') });
          const rows = m.tables.reduce((n, t) => n + t.rows, 0);
          console.log(
            `备份完成：${dir}（${database.kind}，版本 ${m.migration ?? '无'}，${m.tables.length} 张表 ${rows} 行，附件 ${m.files.count} 个）`,
          );
          console.log(
            m.includesKey
              ? '备份中含字段加密密钥 field.key：请像保管密码一样保管此备份。'
              : '备份不含字段加密密钥：恢复时须另行提供原 DATA_DIR/field.key 或 FAZHI_FIELD_KEY，否则加密的手机号、身份证号无法解密（可用 --include-key 一并备份）。',
          );
        } else {
          const r = await restore(database, dir, keyOpts);
          console.log(
            `恢复完成：${r.rows} 行，附件 ${r.files.count} 个，来自 ${r.manifest.backend} 备份（${r.manifest.createdAt}）`,
          );
          if (keyAdvice[r.key]) console.log(keyAdvice[r.key]);
        }
      } finally {
        await database.close();
      }
      return;
    }
    case 'help':
    case '--help':
      return console.log(usage);
    default:
      throw new Error(`未知命令 ${cmd}\n${usage}`);
  }
}

function printDemoAccounts(password: string, ms?: number) {
  console.log(
    `\n已载入索县2023演示数据${ms ? `（${(ms / 1000).toFixed(1)} 秒）` : ''}。演示账号，密码均为 ${password}：`,
  );
  for (const u of demoUsers().slice(0, 12)) {
    console.log(`  ${u.username.padEnd(10)} ${builtinRoles[u.role].name.padEnd(12, '　')} ${u.displayName}`);
  }
  console.log('  …以及各县直部门、各乡镇联络员（见 README）');
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof BackupError)
    console.error(e.message);
  else console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
