import { TEST_NOW } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { CalComSlotUnavailableError } from '../../errors/api-error';
import type { Slot } from '../../models/slot/slot';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import type { ListSlotsInput } from '../slots/slots';
import { assertSlotFree, type SlotCheck } from './slot-check';

const BASE = 'https://cal.example.test/v2';
const HOUR = 3_600_000;

/** An ISO start `hours` after TEST_NOW (2026-06-01T06:00:00.000Z). */
const at = (hours: number) => new Date(TEST_NOW + hours * HOUR).toISOString();

/** A slots source that records its calls and answers with the given starts. */
function fakeSlots(starts: string[]) {
  const calls: { input: ListSlotsInput; options: RequestOptions | undefined }[] = [];
  return {
    calls,
    async list(input: ListSlotsInput, options?: RequestOptions): Promise<Slot[]> {
      calls.push({ input, options });
      return starts.map((start) => ({ start, end: new Date(Date.parse(start) + 30 * 60_000).toISOString() }));
    },
  };
}

const context: ResourceContext = {
  executor: {
    execute: () => Promise.reject(new Error('the slot check must ask the slots resource, not the executor')),
  },
  baseUrl: BASE,
  now: () => TEST_NOW,
};

const check = (start: string, extra: Partial<SlotCheck> = {}): SlotCheck => ({
  eventTypeId: 3002,
  start,
  timeZone: 'Europe/Rome',
  duration: undefined,
  ...extra,
});

async function refusal(promise: Promise<void>): Promise<CalComSlotUnavailableError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CalComSlotUnavailableError);
  return error as CalComSlotUnavailableError;
}

describe('assertSlotFree', () => {
  it('passes when the start is one of several free slots, asking for 24 hours either side of it', async () => {
    const slots = fakeSlots([at(47), at(48), at(49)]);
    await expect(assertSlotFree(context, slots, check(at(48)), undefined)).resolves.toBeUndefined();
    expect(slots.calls).toStrictEqual([
      {
        input: { eventTypeId: 3002, start: at(24), end: at(72), timeZone: 'Europe/Rome' },
        options: undefined,
      },
    ]);
  });

  it('starts the window at now when the wanted start is less than 24 hours away', async () => {
    const slots = fakeSlots([at(2)]);
    await assertSlotFree(context, slots, check(at(2)), undefined);
    expect(slots.calls[0]?.input).toMatchObject({ start: at(0), end: at(26) });
  });

  it('passes on the length and the booking being moved, and drops only the API version from the options', async () => {
    const slots = fakeSlots([at(30)]);
    const signal = new AbortController().signal;
    await assertSlotFree(context, slots, check(at(30), { duration: 45, bookingUidToReschedule: 'booking-uid-1' }), {
      signal,
      timeoutMs: 900,
      maxRetries: 1,
      apiVersion: '2024-08-13',
    });
    expect(slots.calls).toStrictEqual([
      {
        input: {
          eventTypeId: 3002,
          start: at(6),
          end: at(54),
          timeZone: 'Europe/Rome',
          duration: 45,
          bookingUidToReschedule: 'booking-uid-1',
        },
        options: { signal, timeoutMs: 900, maxRetries: 1 },
      },
    ]);
  });

  it('refuses a start that is not free with the exact error, listing the three nearest free starts by distance', async () => {
    // Distances from the wanted at(30): -24 h, -1 h, +0.5 h, +1.5 h, +4 h; the nearest are not the earliest.
    const slots = fakeSlots([at(6), at(29), at(30.5), at(31.5), at(34)]);
    const error = await refusal(assertSlotFree(context, slots, check(at(30)), undefined));
    expect(error.nearestAvailableStarts).toEqual([at(30.5), at(29), at(31.5)]);
    // The wanted start and the zone of the request travel with the error, so callers can show local times.
    expect(error.requestedStart).toBe(at(30));
    expect(error.timeZone).toBe(check(at(30)).timeZone);
    expect(error.toJSON()).toMatchObject({ requestedStart: at(30), timeZone: check(at(30)).timeZone });
    expect(error.message).toBe(
      `${at(30)} is not a free slot of event type 3002; nothing was booked. Nearest free starts: ${at(30.5)}, ${at(29)}, ${at(31.5)}. Pick one of them and try again.`,
    );
    expect(error).toMatchObject({
      name: 'CalComSlotUnavailableError',
      status: 409,
      code: 'SLOT_UNAVAILABLE',
      method: 'GET',
      url: `${BASE}/slots`,
      retryable: false,
    });
  });

  it('keeps the given order of equally near starts and lists fewer when fewer are free', async () => {
    const slots = fakeSlots([at(31), at(29)]);
    const error = await refusal(assertSlotFree(context, slots, check(at(30)), undefined));
    expect(error.nearestAvailableStarts).toEqual([at(31), at(29)]);
  });

  it('says when no slot is free within 24 hours', async () => {
    const error = await refusal(assertSlotFree(context, fakeSlots([]), check(at(30)), undefined));
    expect(error.nearestAvailableStarts).toEqual([]);
    expect(error.message).toBe(
      `${at(30)} is not a free slot of event type 3002; nothing was booked. No free slot within 24 hours of it; call slots.list for a wider range.`,
    );
  });
});
