import { describe, expect, it } from 'vitest';
import { SEEDED_ROUTING_FORM_ID } from '../../src/simulator/resources/routing-forms';
import { createContractHarness, dataOf, expectGroupCovered } from './simulator-harness';

const PATH = `/v2/routing-forms/${SEEDED_ROUTING_FORM_ID}/calculate-slots`;
const DAY = 'start=2030-09-05&end=2030-09-05';

describe('simulator /v2/routing-forms against the contract', () => {
  const harness = createContractHarness();

  it('POST …/calculate-slots routes string answers to a team event type and answers its slots (no version header)', async () => {
    const data = dataOf<{ eventTypeId: number; slots: Record<string, { start: string; end: string }[]> }>(
      await harness.expectValid(
        {
          method: 'POST',
          path: `${PATH}?${DAY}&timeZone=Europe%2FBerlin&format=range&duration=45`,
          body: { topic: 'Product demo', 'company-size': '40', Products: 'Engine' },
        },
        200,
      ),
    );
    expect(data.eventTypeId).toBe(4001);
    expect(data.slots['2030-09-05']?.[0]).toEqual({
      start: '2030-09-05T09:00:00.000+02:00',
      end: '2030-09-05T09:45:00.000+02:00',
    });
    expectGroupCovered(harness, 'routingForms');
  });

  it('accepts a call without answers (the fallback route) and answers errors in the error envelope', async () => {
    expect(
      dataOf<{ eventTypeId: number }>(await harness.expectValid({ method: 'POST', path: `${PATH}?${DAY}` }, 200)),
    ).toMatchObject({ eventTypeId: 4001 });
    await harness.expectValid({ method: 'POST', path: `${PATH}?${DAY}`, body: { topic: 'Something else' } }, 404);
    const invalid = await harness.send({ method: 'POST', path: `${PATH}?${DAY}&format=list`, body: {} });
    expect({ status: invalid.status, response: invalid.response.errors }).toEqual({ status: 400, response: [] });
  });

  it('flags answers that are not strings, which Cal.com would read as form values', async () => {
    const exchange = await harness.send({ method: 'POST', path: `${PATH}?${DAY}`, body: { 'company-size': 40 } });
    expect(exchange.request.errors).toEqual(['request body /company-size must be string']);
  });
});
