import type { Fault, FaultControls, FaultRule } from './types';

/** Fault rules with their remaining counts. */
export interface FaultRegistry extends FaultControls {
  /** Finds the first rule for a request, consumes one use and returns its fault. */
  take(method: string, path: string): Fault | undefined;
}

function pathMatches(rulePath: FaultRule['path'], path: string): boolean {
  if (rulePath === undefined) return true;
  if (rulePath instanceof RegExp) return rulePath.test(path);
  if (rulePath.endsWith('*')) return path.startsWith(rulePath.slice(0, -1));
  return rulePath === path;
}

/**
 * Creates the registry.
 *
 * @param initial Rules installed at creation.
 * @returns The registry.
 */
export function createFaultRegistry(initial: readonly FaultRule[] = []): FaultRegistry {
  let rules: FaultRule[] = initial.map((rule) => ({ ...rule }));
  return {
    add(rule) {
      rules.push({ ...rule });
    },
    clear() {
      rules = [];
    },
    get active() {
      return rules.map((rule) => ({ ...rule }));
    },
    take(method, path) {
      const index = rules.findIndex(
        (rule) => (rule.method === undefined || rule.method.toUpperCase() === method) && pathMatches(rule.path, path),
      );
      const rule = rules[index];
      if (rule === undefined) return undefined;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) rules.splice(index, 1);
      }
      return rule.fault;
    },
  };
}
