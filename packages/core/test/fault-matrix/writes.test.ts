/**
 * The fault matrix: every write of the client × every fault the simulator can inject on the write request × applied
 * once or persistently. Each cell starts from a fresh simulator, runs the write through the real client (retries,
 * timeouts, read-back) and then reads the simulator's final state. A cell is
 *
 * - lost when the write is in the state but the caller was not told its call made it (the call failed, said the
 *   outcome is unknown, or said "already cancelled");
 * - duplicated when the write is in the state more than once.
 *
 * The last test adds the cells up and requires 0 lost and 0 duplicated writes. See docs/RELIABILITY.md.
 */
import { simulator, useSimulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
// Checks every request of every cell against the OpenAPI document, like the resource tests.
import '../support/test-client';
import {
  FAULTS,
  type MatrixFault,
  type MatrixMode,
  type MatrixWrite,
  MODES,
  matrixClient,
  shouldHappen,
  truthfulError,
  WRITES,
} from './matrix';

/** The totals over every cell run. */
const totals = { cells: 0, lost: 0, duplicated: 0 };

/** What one cell saw. */
interface Cell {
  /** What the write acted on. */
  readonly subject: string;
  /** How many times the write was in the state before the call (always 0). */
  readonly before: number;
  /** How many times it is there after. */
  readonly after: number;
  /** The call's result or error. */
  readonly settled: { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };
}

/**
 * Runs one cell on a fresh simulator.
 *
 * @param write The write.
 * @param fault The fault.
 * @param mode Once or persistently.
 * @returns What the cell saw.
 */
async function runCell(write: MatrixWrite, fault: MatrixFault, mode: MatrixMode): Promise<Cell> {
  useSimulator({ rateLimit: { enabled: false } });
  const client = matrixClient();
  const subject = write.subject(simulator().state);
  const before = write.effects(simulator().state, subject);
  simulator().faults.add({
    method: write.method,
    path: write.path(subject),
    fault: fault.fault,
    ...(mode.times === undefined ? {} : { times: mode.times }),
  });
  const settled = await write.run(client, subject).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  simulator().faults.clear();
  return { subject, before, after: write.effects(simulator().state, subject), settled };
}

describe.each(WRITES)('$name', (write) => {
  describe.each(MODES)('with the fault applied $name', (mode) => {
    it.each(FAULTS)('$name', async (fault) => {
      const cell = await runCell(write, fault, mode);
      const happened = cell.after > 0;
      const told = cell.settled.ok && write.toldDone(cell.settled.value);
      totals.cells += 1;
      if (happened && !told) totals.lost += 1;
      if (cell.after > 1) totals.duplicated += 1;

      expect(cell.before).toBe(0);
      expect(cell.after).toBe(shouldHappen(write, fault, mode) ? 1 : 0);
      if (cell.settled.ok) {
        expect(happened).toBe(true);
        write.checkResult(cell.settled.value, cell.subject, fault);
      } else {
        expect(happened).toBe(false);
        expect((cell.settled.error as Error).name).toBe(truthfulError(write, fault));
      }
    });
  });
});

describe('fault matrix totals', () => {
  it('ran every cell: 0 lost and 0 duplicated writes', () => {
    expect(totals).toEqual({ cells: WRITES.length * MODES.length * FAULTS.length, lost: 0, duplicated: 0 });
  });
});
