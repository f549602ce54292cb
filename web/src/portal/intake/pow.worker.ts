import { search } from './pow';

/** Solves a challenge off the main thread, so the form stays responsive while it works. */
self.onmessage = (e: MessageEvent<{ nonce: string; bits: number }>) => {
  const { nonce, bits } = e.data;
  for (let from = 0; ; from += 100_000) {
    const found = search(nonce, bits, from, 100_000);
    if (found !== null) {
      (self as unknown as { postMessage(m: unknown): void }).postMessage({ counter: String(found) });
      return;
    }
  }
};
