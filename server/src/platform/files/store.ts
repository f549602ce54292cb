import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * Content-addressed blobs: `<root>/<first 2 hex>/<sm3 digest>`. A blob is written once, through a
 * temporary file renamed into place, so a reader never sees half a file and the same bytes attached
 * twice take the disk once. Blobs are never changed or removed by the application.
 */
export class BlobStore {
  private dir: string | undefined;

  /** `root` undefined: a private temp dir, made on first use (in-memory databases, tests). */
  constructor(private readonly root: string | undefined) {}

  get location(): string {
    this.dir ??= this.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-files-'));
    return this.dir;
  }

  pathOf(digest: string): string {
    if (!DIGEST.test(digest)) throw new Error(`not an SM3 digest: ${digest}`);
    return path.join(this.location, digest.slice(0, 2), digest);
  }

  has(digest: string): boolean {
    return fs.existsSync(this.pathOf(digest));
  }

  /** Stores `bytes` under `digest` unless already there; returns whether it wrote. */
  async put(digest: string, bytes: Buffer): Promise<boolean> {
    const target = this.pathOf(digest);
    if (fs.existsSync(target)) return false;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.promises.writeFile(tmp, bytes, { flag: 'wx', mode: 0o640 });
    await fs.promises.rename(tmp, target);
    return true;
  }

  open(digest: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(digest));
  }
}
