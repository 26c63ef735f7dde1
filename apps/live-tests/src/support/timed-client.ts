import { recordTiming } from './timings';

/** Methods that are housekeeping, not operations worth a latency row. */
const untimed = new Set(['constructor', 'close']);

/**
 * Wraps an object so every method call that returns a promise is timed and recorded under `<prefix><method>`.
 * Methods returning anything else (iterators, getters) pass through untimed.
 *
 * @param target The object, e.g. a `CalComClient`.
 * @param prefix The operation prefix for the report (default none).
 * @returns A proxy with the same type.
 */
export function timedMethods<T extends object>(target: T, prefix = ''): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property);
      if (typeof value !== 'function') return value;
      // Called on the target, not the proxy: the client keeps its state in private fields, which a proxy cannot reach.
      if (typeof property !== 'string' || untimed.has(property)) return value.bind(object);
      return (...parameters: unknown[]) => {
        const started = performance.now();
        const result: unknown = Reflect.apply(value, object, parameters);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (resolved: unknown) => {
            recordTiming({ operation: `${prefix}${property}`, durationMs: performance.now() - started, ok: true });
            return resolved;
          },
          (error: unknown) => {
            recordTiming({ operation: `${prefix}${property}`, durationMs: performance.now() - started, ok: false });
            throw error;
          },
        );
      };
    },
  });
}
