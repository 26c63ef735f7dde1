/** Time functions, injectable so that tests can use fake timers or a manual clock. */
export interface Clock {
  /** Returns the current time in epoch milliseconds. */
  now(): number;
  /** Schedules a callback; returns a cancel function. */
  setTimer(callback: () => void, ms: number): () => void;
}

/** The real clock. It looks up `Date.now` and `setTimeout` on each call, so vitest fake timers apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** Waits for `ms` milliseconds; an abort rejects at once with the signal's reason. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = clock.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
