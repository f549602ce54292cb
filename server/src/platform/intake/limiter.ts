/**
 * Counts failures per key in a fixed window (failed lookups per address). In memory: one process
 * serves the portal; behind several servers each keeps its own count, which only loosens the limit
 * by the number of servers.
 */
export class FailureLimiter {
  private readonly hits = new Map<string, { count: number; until: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  blocked(key: string): boolean {
    const h = this.hits.get(key);
    if (!h) return false;
    if (h.until <= this.now()) {
      this.hits.delete(key);
      return false;
    }
    return h.count >= this.max;
  }

  fail(key: string): void {
    const now = this.now();
    const h = this.hits.get(key);
    if (!h || h.until <= now) this.hits.set(key, { count: 1, until: now + this.windowMs });
    else h.count++;
    // Bounded: an attacker rotating addresses cannot grow the map without limit.
    if (this.hits.size > 100_000)
      for (const [k, v] of this.hits) if (v.until <= now || this.hits.size > 50_000) this.hits.delete(k);
  }
}
