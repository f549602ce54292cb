import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from './server.js';
import { backends, testApp, type TestApp } from './test/harness.js';
import { testConfig } from './test/config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainTs = path.join(root, 'server/src/main.ts');

/** Runs the real CLI in a second process, as an operator would. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainTs, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', FAZHI_LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('operations: embedded data directory', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-ops-'));
  const lockFile = path.join(dataDir, 'fazhi.lock');
  let running: Running;

  beforeAll(async () => {
    running = await startServer(
      testConfig({ dataDir, port: 0, host: '127.0.0.1', demo: false, databaseUrl: undefined }),
      { jobs: false },
    );
  });
  afterAll(async () => {
    await running?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports status, back end and migration version at GET /api/health', async () => {
    const r = await fetch(`${running.url}/api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok', backend: 'pglite', migration: '0000_init' });
  });

  it('refuses a second process on the same data directory, naming the holder pid', async () => {
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    const r = await cli(['migrate'], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`数据目录已被进程 ${process.pid} 占用`);
    expect(r.stderr).toContain(`locked by pid ${process.pid}`);
    // the refused process left the holder's lock alone
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
  });

  it('the backup command names the running server as the reason too', async () => {
    const r = await cli(['backup', path.join(dataDir, 'never')], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`进程 ${process.pid}`);
    expect(r.stderr).toContain('须先停止 Fazhi 服务');
  });

  it('stops gracefully: an in-flight request completes, then the database closes and the lock is released', async () => {
    const admin = running.prepared.initialAdmins!.find((a) => a.username === 'admin')!;
    const body = JSON.stringify({ username: admin.username, password: admin.password });
    const { port } = new URL(running.url);
    // Send the headers and half the body, so the request is in flight when stop() begins.
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ username: 'admin' });
    await stopping;
    expect(stopped).toBe(true);
    // new connections are refused, the database is closed, the lock file is gone
    await expect(fetch(`${running.url}/api/health`)).rejects.toThrow();
    expect(running.database.pglite!.closed).toBe(true);
    expect(fs.existsSync(lockFile)).toBe(false);
    // and another process may now open the directory
    const r = await cli(['migrate'], { DATA_DIR: dataDir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('迁移完成：0000_init');
  });
});

describe.each(backends())('GET /api/health on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it('reports status, back end and migration version without a session', async () => {
    const r = await t.anonymous().get('/api/health');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', backend: kind, migration: '0000_init' });
  });
});
