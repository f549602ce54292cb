import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose rows.
 * We hold an exclusive lock file with our pid and refuse a second opener while the holder lives.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `数据目录已被进程 ${holderPid} 占用（${lockPath}）。同一数据目录只能由一个 Fazhi 进程打开；` +
        `请先停止该进程 (data directory is locked by pid ${holderPid}).`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DirLock {
  path: string;
  release(): void;
}

export function acquireDirLock(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'fazhi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder > 0 && alive(holder))
        throw new DataDirLockedError(lockPath, holder);
      // The holder died without releasing: the lock is stale, take it over.
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`无法获取数据目录锁 ${lockPath}`);
}
