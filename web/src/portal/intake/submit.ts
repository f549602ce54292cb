import { ApiError, api, call } from '../../api/client';
import { search } from './pow';

export interface Solution {
  token: string;
  counter: string;
}

interface Challenge {
  token: string;
  nonce: string;
  bits: number;
  expiresAt: string;
}

function solveInWorker(c: Challenge): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ counter: string }>) => {
      worker.terminate();
      resolve(e.data.counter);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(e instanceof ErrorEvent ? e.error : new Error('worker failed'));
    };
    worker.postMessage({ nonce: c.nonce, bits: c.bits });
  });
}

/** Without workers: small slices between which the page gets to paint and answer clicks. */
async function solveInSlices(c: Challenge): Promise<string> {
  for (let from = 0; ; from += 5_000) {
    const found = search(c.nonce, c.bits, from, 5_000);
    if (found !== null) return String(found);
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** A fresh challenge from the server, solved. About a second of work at the default difficulty. */
export async function solvedChallenge(): Promise<Solution> {
  const c = await call(api.GET('/api/public/intake/challenge'));
  let counter: string;
  try {
    counter = typeof Worker === 'undefined' ? await solveInSlices(c) : await solveInWorker(c);
  } catch {
    counter = await solveInSlices(c);
  }
  return { token: c.token, counter };
}

export interface Receipt {
  code: string;
  kind: string;
  label: string;
  receivedAt: string;
  processed: boolean;
  files: { name: string; size: number }[];
  status: {
    stage: string;
    stageCode: string;
    caseNumber?: string | null;
    nextDeadline?: { date: string; label: string; article: string } | null;
    history: { at: string; stageCode: string; stage: string }[];
  };
}

/**
 * Sends a submission with its attachments as multipart/form-data (the route also takes JSON). A
 * challenge refused as used or expired is fetched and solved once more, without asking the citizen.
 */
export async function submitIntake(
  kind: string,
  payload: Record<string, unknown>,
  files: File[],
  onSolving?: (solving: boolean) => void,
): Promise<Receipt> {
  for (let attempt = 0; ; attempt++) {
    onSolving?.(true);
    const challenge = await solvedChallenge().finally(() => onSolving?.(false));
    const fd = new FormData();
    fd.append('payload', JSON.stringify(payload));
    fd.append('challenge', JSON.stringify(challenge));
    for (const f of files) fd.append('files', f, f.name);
    let res: Response;
    try {
      res = await fetch(`/api/public/intake/${encodeURIComponent(kind)}`, { method: 'POST', body: fd });
    } catch {
      throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) return body as Receipt;
    const p = (body ?? {}) as {
      code?: string;
      detail?: string;
      errors?: { field: string; message: string }[];
    };
    const again = p.code === 'CHALLENGE_USED' || p.code === 'CHALLENGE_EXPIRED';
    if (again && attempt === 0) continue;
    throw new ApiError(
      res.status,
      p.code ?? `HTTP_${res.status}`,
      p.detail ?? `HTTP ${res.status}`,
      p.errors ?? [],
    );
  }
}
