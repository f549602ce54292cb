// `npm start`: build the web app when it is missing or older than its sources, then serve.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dist = path.join(root, 'web/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const stale = !fs.existsSync(dist) || newest(path.join(root, 'web/src')) > fs.statSync(dist).mtimeMs;
if (stale) {
  console.log('构建前端 (building the web app)…');
  const b = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(root, 'server/src/main.ts'),
    ...(process.argv.slice(2).length ? process.argv.slice(2) : ['serve']),
  ],
  { cwd: root, stdio: 'inherit' },
);
// Pass stop signals on, so the server drains, closes the database and releases the data-dir lock.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
