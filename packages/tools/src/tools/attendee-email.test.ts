import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../test/support';
import { BOOKING_INPUT } from '../../test/tool-inputs';
import { runTool } from '../run-tool';
import { createBooking } from './create-booking';

// create_booking's attendee_email takes real addresses, Unicode and internationalised domains included, and refuses
// what cannot be an address before anything is sent.
describe('create_booking: attendee_email', () => {
  beforeEach(() => useFixedSimulator());

  it.each([
    "o'brien@example.com",
    'josé@example.com',
    'user@bücher.de',
    '用户@例子.广告',
    'Dörte.Müller+cal@bücher.example.de',
  ])('books for %s and sends the address unchanged', async (address) => {
    const result = expectOk(
      await runTool(createBooking, { ...BOOKING_INPUT, attendee_email: address }, createTestContext()),
    );
    expect(result.text).toContain(`<${address}>`);
    const posts = requestsSeen().filter(({ method, path }) => method === 'POST' && path === '/v2/bookings');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ attendee: { email: address } });
  });

  it.each([
    ['grace', 'must be a valid email address such as jane@example.com'],
    [
      'grace@@example.com',
      'must be a valid email address such as jane@example.com: it has more than one @; pass a single address',
    ],
    [
      'Grace Hopper <grace@example.com>',
      'must be a valid email address such as jane@example.com: it contains a space, line break or control character; pass the bare address (no name, no <>)',
    ],
    [
      'grace\u0007@example.com',
      'must be a valid email address such as jane@example.com: it contains a space, line break or control character; pass the bare address (no name, no <>)',
    ],
    ['@example.com', 'must be a valid email address such as jane@example.com: the part before the @ is missing'],
    ['grace@', 'must be a valid email address such as jane@example.com: the domain after the @ is missing'],
    [`grace@${'x'.repeat(250)}.com`, 'must be at most 254 characters'],
  ])('refuses %j naming attendee_email, without a request', async (address, message) => {
    const result = expectFailure(
      await runTool(createBooking, { ...BOOKING_INPUT, attendee_email: address }, createTestContext()),
    );
    expect(result.error.kind).toBe('invalid_input');
    expect(result.error.issues).toEqual([{ field: 'attendee_email', message }]);
    expect(result.text).toBe(
      `Invalid input for create_booking; nothing was sent to Cal.com. Fix these and call again:\n- attendee_email: ${message}`,
    );
    expect(requestsSeen()).toEqual([]);
  });
});
