import type { Platform } from './platform.js';

/**
 * In-process scheduler for the manifests' jobs (reminders, retention, expiry). One process runs
 * them; a job never overlaps itself, and a failure is logged, not fatal.
 */
export function startJobs(platform: Platform): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const m of platform.modules)
    for (const job of m.jobs ?? []) {
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          await job.run(platform);
        } catch (err) {
          platform.log.error({ err, job: job.name }, 'job failed');
        } finally {
          running = false;
        }
      };
      timers.push(setTimeout(tick, 60_000).unref());
      timers.push(setInterval(tick, job.everyMinutes * 60_000).unref());
    }
  return () => timers.forEach((t) => clearTimeout(t));
}
