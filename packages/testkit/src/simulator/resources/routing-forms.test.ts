import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { createCalComSimulator } from '../create-simulator';
import type { CalComSimulator } from '../types';
import { PERSONAL_ROUTING_FORM_ID, SEEDED_ROUTING_FORM_ID } from './routing-forms';

// Wednesday; Thursday 2026-03-26 both team hosts work (Ada 08:00–16:00Z, Charles 13:00–21:00Z).
const NOW = new Date('2026-03-25T06:00:00.000Z');
const DAY = 'start=2026-03-26&end=2026-03-26';
const FORM = `/v2/routing-forms/${SEEDED_ROUTING_FORM_ID}/calculate-slots`;

function simulator(): CalComSimulator {
  return createCalComSimulator({ now: () => NOW });
}

async function calculate(query: string, body?: unknown, sim = simulator(), path = FORM) {
  return callSimulator(sim, 'POST', `${path}?${query}`, body === undefined ? {} : { body });
}

async function slotsOf(sim: CalComSimulator, query: string): Promise<unknown> {
  const result = await callSimulator(sim, 'GET', `/v2/slots?${query}`, { version: '2024-09-04' });
  expect(result.status).toBe(200);
  return (result.json as { data: unknown }).data;
}

function error(result: { status: number; json: unknown }) {
  return { status: result.status, message: (result.json as { error: { message: string } }).error.message };
}

describe('routing forms: calculate-slots', () => {
  it('routes a demo to the round-robin team-demo and answers its slots exactly as GET /v2/slots does', async () => {
    const sim = simulator();
    const result = await calculate(`${DAY}&timeZone=Europe%2FRome&format=range`, { topic: 'Product demo' }, sim);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      status: 'success',
      data: {
        eventTypeId: 4001,
        slots: await slotsOf(sim, `eventTypeId=4001&${DAY}&timeZone=Europe%2FRome&format=range`),
      },
    });
    const slots = (result.json as { data: { slots: Record<string, { start: string; end: string }[]> } }).data.slots;
    expect(slots['2026-03-26']?.[0]).toEqual({
      start: '2026-03-26T09:00:00.000+01:00',
      end: '2026-03-26T09:45:00.000+01:00',
    });
  });

  it('names a select option by id or label, reads numbers and multiselect arrays, and falls back', async () => {
    const sim = simulator();
    const planning = await slotsOf(sim, `eventTypeId=4002&${DAY}`);
    const demo = await slotsOf(sim, `eventTypeId=4001&${DAY}`);
    const routed = async (body: unknown) => (await calculate(DAY, body, sim)).json;
    expect(await routed({ topic: 'o-planning' })).toEqual({
      status: 'success',
      data: { eventTypeId: 4002, slots: planning },
    });
    expect(await routed({ Products: ['Engine', 'Mill'], 'company-size': 40 })).toEqual({
      status: 'success',
      data: { eventTypeId: 4002, slots: planning },
    });
    expect(await routed({ Products: 'o-engine', email: 'ann@example.com' })).toEqual({
      status: 'success',
      data: { eventTypeId: 4001, slots: demo },
    });
    expect(await routed(undefined)).toEqual({ status: 'success', data: { eventTypeId: 4001, slots: demo } });
  });

  it('honours duration and bookingUidToReschedule like GET /v2/slots', async () => {
    const sim = simulator();
    // Ada's accepted booking on Thursday 09:00–09:30Z keeps the round-robin team-demo (45 min) from starting at 08:45
    // (Charles starts at 13:00Z).
    const booked = sim.state.bookings.find((booking) => booking.start === '2026-03-26T09:00:00.000Z');
    const starts = async (query: string) => {
      const result = await calculate(query, { topic: 'Product demo' }, sim);
      const data = (result.json as { data: { eventTypeId: number; slots: Record<string, { start: string }[]> } }).data;
      expect(data.slots).toEqual(await slotsOf(sim, `eventTypeId=4001&${query}`));
      return Object.values(data.slots)
        .flat()
        .map((slot) => slot.start.slice(11, 16));
    };
    expect(await starts(DAY)).not.toContain('08:45');
    expect(await starts(`${DAY}&bookingUidToReschedule=${booked?.uid}`)).toContain('08:45');
    // 90 minutes: 08:00 would overlap the booking.
    expect(await starts(`${DAY}&duration=90`)).toEqual(['09:30', '11:00', '13:00', '14:30', '16:00', '17:30']);
  });

  it("answers Cal.com's 404s for an unknown form and for routes that lead to no team event type", async () => {
    expect(
      error(await calculate(DAY, { topic: 'Planning' }, simulator(), '/v2/routing-forms/nope/calculate-slots')),
    ).toEqual({ status: 404, message: 'Route to which the form response should be redirected not found.' });
    expect(error(await calculate(DAY, { topic: 'Something else' }))).toEqual({
      status: 404,
      message: 'Route to which the form response should be redirected not found.',
    });
    expect(error(await calculate(DAY, { 'company-size': '5000', topic: 'Product demo' }))).toEqual({
      status: 404,
      message: 'Routed to a non cal.com event type URL.',
    });
    expect(error(await calculate(DAY, { topic: 'Training' }))).toEqual({
      status: 404,
      message: 'Event type not found.',
    });
    const personal = `/v2/routing-forms/${PERSONAL_ROUTING_FORM_ID}/calculate-slots`;
    expect(error(await calculate(DAY, { 'What do you need?': 'Advice' }, simulator(), personal))).toEqual({
      status: 404,
      message: 'Team ID not found in the routed URL.',
    });
  });

  it('refuses an answer for no field of the form and an answer that is not a form value, naming it', async () => {
    expect(error(await calculate(DAY, { topics: 'Planning' }))).toEqual({
      status: 400,
      message: `topics: the routing form ${SEEDED_ROUTING_FORM_ID} has no field with this identifier. Its fields: company-size, topic, Products, email.`,
    });
    expect(error(await calculate(DAY, { topic: { id: 'o-demo' } }))).toEqual({
      status: 400,
      message:
        'topic: a routing form answer must be a string, a number or an array of strings (Cal.com reads answers as form values).',
    });
    expect(error(await calculate(DAY, ['Planning']))).toEqual({
      status: 400,
      message: 'The body must be a JSON object of answers keyed by the form fields’ identifiers.',
    });
  });

  it('refuses bad start, end, timeZone, duration and format with a 400 naming each', async () => {
    const issues = async (query: string) => {
      const result = await calculate(query, { topic: 'Planning' });
      expect(result.status).toBe(400);
      return JSON.stringify(result.json);
    };
    expect(await issues('end=2026-03-26')).toContain('start should not be null or undefined');
    expect(await issues('start=2026-03-26')).toContain('end should not be null or undefined');
    expect(await issues('start=tomorrow&end=2026-03-26')).toContain('start must be a valid ISO 8601 date string');
    expect(await issues(`${DAY}&timeZone=Mars%2FOlympus`)).toContain('timeZone must be a valid IANA time zone');
    expect(await issues(`${DAY}&duration=0`)).toContain('duration must not be less than 1');
    expect(await issues(`${DAY}&format=list`)).toContain('format must be one of the following values: range, time');
    expect(error(await calculate('start=2026-03-27&end=2026-03-26', { topic: 'Planning' }))).toEqual({
      status: 400,
      message: 'The end date must be after the start date.',
    });
  });

  it('requires a Bearer credential', async () => {
    const result = await callSimulator(simulator(), 'POST', `${FORM}?${DAY}`, { key: null, body: {} });
    expect(result.status).toBe(401);
  });
});
