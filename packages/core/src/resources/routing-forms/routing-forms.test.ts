import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComNotFoundError } from '../../errors/api-error';
import { CalComValidationError } from '../../errors/validation-error';

// The simulator's seeded form of the Analytical Engines team (testkit `SEEDED_ROUTING_FORM_ID`).
const FORM = '9d3b6f1e-2c4a-4e8b-a1f0-7c5d2e9b4a61';
// Tuesday 2026-06-02 (the test clock is Monday 2026-06-01 06:00Z): Ada works 07:00–15:00Z, Charles 13:00–21:00Z.
const RANGE = { start: '2026-06-02T07:00:00Z', end: '2026-06-02T09:00:00Z' };

async function refusal(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected a refusal');
  return { name: error.name, message: error.message };
}

describe('routingForms.calculateSlots', () => {
  it('sends the answers as string form values and returns the routed event type with its UTC slots in range', async () => {
    const client = createTestClient();
    const result = await client.routingForms.calculateSlots(FORM, {
      responses: { topic: 'Product demo', 'company-size': 40, Products: ['Engine', 'o-mill'] },
      ...RANGE,
      timeZone: 'Europe/Rome',
    });
    expect(sentRequests()).toEqual([
      {
        method: 'POST',
        path: `/v2/routing-forms/${FORM}/calculate-slots`,
        query: {
          start: '2026-06-02T07:00:00.000Z',
          end: '2026-06-02T09:00:00.000Z',
          timeZone: 'Europe/Rome',
          format: 'range',
        },
        version: undefined,
        body: { topic: 'Product demo', 'company-size': '40', Products: 'Engine,o-mill' },
      },
    ]);
    // The demo route wins (it comes before the multiselect's Mill route): the round-robin team-demo, 45 minutes; Ada's
    // booking at 08:00–08:30Z takes out 07:45 (Charles starts at 13:00Z).
    expect(result).toEqual({
      eventTypeId: 4001,
      slots: [
        { start: '2026-06-02T07:00:00.000Z', end: '2026-06-02T07:45:00.000Z' },
        { start: '2026-06-02T08:30:00.000Z', end: '2026-06-02T09:15:00.000Z' },
      ],
    });
  });

  it('sends no body answers when none are given (the fallback route), with duration and bookingUidToReschedule', async () => {
    const client = createTestClient();
    const result = await client.routingForms.calculateSlots(FORM, {
      start: new Date('2026-06-02T07:00:00Z'),
      end: '2026-06-02T09:00:00+00:00',
      duration: 60,
      bookingUidToReschedule: 'abc_123',
    });
    expect(sentRequests()[0]).toMatchObject({
      query: {
        start: '2026-06-02T07:00:00.000Z',
        end: '2026-06-02T09:00:00.000Z',
        timeZone: 'UTC',
        format: 'range',
        duration: '60',
        bookingUidToReschedule: 'abc_123',
      },
      body: {},
    });
    // The fallback route (team-demo) at 60 minutes: 08:00 is Ada's booking.
    expect(result).toEqual({
      eventTypeId: 4001,
      slots: [
        { start: '2026-06-02T07:00:00.000Z', end: '2026-06-02T08:00:00.000Z' },
        { start: '2026-06-02T09:00:00.000Z', end: '2026-06-02T10:00:00.000Z' },
      ],
    });
  });

  it("surfaces Cal.com's 404 when the answers route to no event type, or the form is unknown", async () => {
    const client = createTestClient();
    const message = await refusal(
      client.routingForms.calculateSlots(FORM, { responses: { topic: 'Something else' }, ...RANGE }),
    );
    expect(message.name).toBe(CalComNotFoundError.name);
    expect(message.message).toContain('Route to which the form response should be redirected not found.');
    const unknown = await refusal(client.routingForms.calculateSlots('no-such-form', RANGE));
    expect(unknown.name).toBe(CalComNotFoundError.name);
  });

  it.each([
    [
      'a form id that could change the path',
      () => ['../me', RANGE],
      'Invalid formId: "../me" is not a Cal.com uid: only letters, digits, "-" and "_" are allowed.',
    ],
    [
      'answers that are not an object',
      () => [FORM, { ...RANGE, responses: 'demo' }],
      'Invalid responses: expected an object of answers keyed by field identifier, got "demo".',
    ],
    [
      'answers as a list',
      () => [FORM, { ...RANGE, responses: ['topic'] }],
      'Invalid responses: expected an object of answers keyed by field identifier, got a list ["topic"].',
    ],
    [
      'a nested answer',
      () => [FORM, { ...RANGE, responses: { topic: { id: 'o-demo' } } }],
      'Invalid responses.topic: expected text, a number or a list of strings, got an object.',
    ],
    [
      'a blank answer',
      () => [FORM, { ...RANGE, responses: { topic: ' ' } }],
      'Invalid responses.topic: is empty or blank. Leave an unanswered question out.',
    ],
    [
      'an option with a comma',
      () => [FORM, { ...RANGE, responses: { Products: ['Engine, large'] } }],
      'Invalid responses.Products.0: is the option "Engine, large", which contains a comma;',
    ],
    [
      'a too long answer',
      () => [FORM, { ...RANGE, responses: { topic: 'x'.repeat(5001) } }],
      'Invalid responses.topic: is 5001 characters long. Shorten it to at most 5000 characters.',
    ],
    [
      'an option that is not a string',
      () => [FORM, { ...RANGE, responses: { Products: [7] } }],
      'Invalid responses.Products: expected text, a number or a list of strings, got "[7]".',
    ],
    [
      'a blank option',
      () => [FORM, { ...RANGE, responses: { Products: [' '] } }],
      'Invalid responses.Products.0: is a blank option.',
    ],
    [
      'an empty field identifier',
      () => [FORM, { ...RANGE, responses: { ' ': 'x' } }],
      'Invalid responses: an answer has an empty field identifier.',
    ],
    [
      'a too long field identifier',
      () => [FORM, { ...RANGE, responses: { ['q'.repeat(256)]: 'x' } }],
      'Invalid responses: a field identifier is longer than 255 characters.',
    ],
    [
      'more than 100 answers',
      () => [FORM, { ...RANGE, responses: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, 'a'])) }],
      'Invalid responses: has more than 100 answers.',
    ],
    [
      'an empty list',
      () => [FORM, { ...RANGE, responses: { Products: [] } }],
      'Invalid responses.Products: is an empty list.',
    ],
    [
      'a non-finite number',
      () => [FORM, { ...RANGE, responses: { 'company-size': Number.POSITIVE_INFINITY } }],
      'Invalid responses.company-size: expected a finite number, got Infinity.',
    ],
    [
      "a field identifier reserved by Cal.com's router",
      () => [FORM, { ...RANGE, responses: { 'cal.teamId': '7' } }],
      `Invalid responses: the field identifier "cal.teamId" is reserved by Cal.com's router (form, cal.*)`,
    ],
    ['an end before the start', () => [FORM, { start: RANGE.end, end: RANGE.start }], 'Invalid end:'],
    [
      'a range longer than 62 days',
      () => [FORM, { start: '2026-06-02T00:00:00Z', end: '2026-09-02T00:00:00Z' }],
      'Invalid end:',
    ],
    ['a zero duration', () => [FORM, { ...RANGE, duration: 0 }], 'Invalid duration:'],
    ['an unknown time zone', () => [FORM, { ...RANGE, timeZone: 'Mars/Olympus' }], 'Invalid timeZone:'],
    [
      'a bad bookingUidToReschedule',
      () => [FORM, { ...RANGE, bookingUidToReschedule: 'a/b' }],
      'Invalid bookingUidToReschedule:',
    ],
    ['no params', () => [FORM, undefined], 'Invalid params: expected an object, got undefined.'],
  ])('refuses %s before sending anything', async (_name, args, expected) => {
    const client = createTestClient();
    const [formId, params] = args() as [string, never];
    const error = await refusal(client.routingForms.calculateSlots(formId, params));
    expect(error.name).toBe(CalComValidationError.name);
    expect(error.message).toContain(expected);
    expect(sentRequests()).toEqual([]);
  });
});
