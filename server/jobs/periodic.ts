// Runs a job again and again with a pause between runs (never two runs at once), can be nudged to
// run now, and stops cleanly: stop() waits for the run in progress.
export interface PeriodicJob {
  nudge(): void;
  stop(): Promise<void>;
}

export function startPeriodic(
  name: string,
  intervalMs: number,
  run: () => Promise<unknown>,
  onError: (name: string, error: unknown) => void,
  /** When the first run starts; default at once. */
  firstRunInMs = 0,
): PeriodicJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let again = false;

  const tick = (): void => {
    timer = undefined;
    current = (async () => {
      do {
        again = false;
        try {
          await run();
        } catch (error) {
          onError(name, error);
        }
      } while (again && !stopped);
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  timer = setTimeout(tick, firstRunInMs);

  return {
    nudge() {
      if (stopped) return;
      if (timer) {
        clearTimeout(timer);
        tick();
      } else {
        again = true;
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
