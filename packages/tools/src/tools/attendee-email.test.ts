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

  const FIX = 'Pass a single bare address like jane@example.com (no name, no <>).';
  it.each([
    ['grace', `"grace" is not an email address: it has no @. ${FIX}`],
    ['grace@@example.com', `"grace@@example.com" is not an email address: it has more than one @. ${FIX}`],
    [
      'Grace Hopper <grace@example.com>',
      `"Grace Hopper <grace@example.com>" is not an email address: it contains a space, line break or control character. ${FIX}`,
    ],
    [
      'grace\u0007@example.com',
      `"grace\\u0007@example.com" is not an email address: it contains a space, line break or control character. ${FIX}`,
    ],
    ['@example.com', `"@example.com" is not an email address: the part before the @ is missing. ${FIX}`],
    ['grace@', `"grace@" is not an email address: the domain after the @ is missing. ${FIX}`],
    [
      `grace@${'x'.repeat(250)}.com`,
      `"grace@${'x'.repeat(50)}... is not an email address: it is longer than 254 characters. ${FIX}`,
    ],
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
