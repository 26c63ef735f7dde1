import { server, simulator, TEST_BASE_URL } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { calls, refusal, seeded, UPCOMING_START, V } from '../../../test/support/booking-people';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';

describe('bookings.updateLocation', () => {
  it.each([
    [{ type: 'link', link: 'https://meet.example.com/abc' }, 'https://meet.example.com/abc'],
    [{ type: 'address', address: 'Via Roma 1, Torino' }, 'Via Roma 1, Torino'],
    [{ type: 'phone', phone: '+393331234567' }, '+393331234567'],
    [{ type: 'attendeeDefined', location: 'Their office' }, 'Their office'],
    [{ type: 'integration', integration: 'google-meet' }, 'integrations:google:meet'],
  ] as const)('sets %j', async (location, expected) => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    const { booking } = await client.bookings.updateLocation(uid, { location });
    expect(booking.location).toBe(expected);
    expect(sentRequests()[0]).toEqual({
      method: 'PATCH',
      path: `/v2/bookings/${uid}/location`,
      query: {},
      version: V,
      body: { location },
    });
  });

  it('reads the booking back after a lost answer', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    simulator().faults.add({
      method: 'PATCH',
      path: `/v2/bookings/${uid}/location`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.updateLocation(uid, {
      location: { type: 'link', link: 'https://x.example.com/1' },
    });
    expect(result).toMatchObject({ booking: { location: 'https://x.example.com/1' }, verifiedByReadBack: true });
  });

  it('sends an integration again after a lost answer, since its location text cannot be read back', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    simulator().faults.add({
      method: 'PATCH',
      path: `/v2/bookings/${uid}/location`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
      times: 1,
    });
    const result = await client.bookings.updateLocation(uid, {
      location: { type: 'integration', integration: 'zoom' },
    });
    expect(result).toMatchObject({ booking: { location: 'integrations:zoom' }, verifiedByReadBack: false });
    expect(calls()).toEqual([`PATCH /v2/bookings/${uid}/location`, `PATCH /v2/bookings/${uid}/location`]);
  });

  it('says how to check when the location cannot be confirmed', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    server.use(http.patch(`${TEST_BASE_URL}/bookings/${uid}/location`, () => new HttpResponse(null, { status: 200 })));
    const error = await client.bookings
      .updateLocation(uid, { location: { type: 'link', link: 'https://x.example.com/1' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
  });

  it.each([
    [{}, 'location: expected an object'],
    [
      { location: { type: 'teleport' } },
      'location.type: "teleport" is not a location type. Use one of address, attendeeAddress',
    ],
    [
      { location: { type: 'link', link: 'meet.example.com' } },
      'location.link: "meet.example.com" is not an http(s) URL',
    ],
    [{ location: { type: 'link', url: 'https://x.example.com' } }, 'location.url'],
    [{ location: { type: 'phone', phone: '555' } }, 'location.phone'],
    [
      { location: { type: 'integration', integration: 'skype' } },
      'location.integration: "skype" is not an integration Cal.com takes. Use one of cal-video, google-meet',
    ],
    [{ location: { type: 'address', address: '' } }, 'location.address'],
    [{ location: { type: 'link', link: 'https://x.example.com' }, notify: true }, 'notify'],
  ])('refuses %j before sending', async (input, expected) => {
    const client = createTestClient();
    expect(await refusal(client.bookings.updateLocation(seeded(UPCOMING_START).uid, input as never))).toContain(
      expected,
    );
  });
});
