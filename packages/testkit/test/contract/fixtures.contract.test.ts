import { describe, expect, it } from 'vitest';
import { createContractValidator, loadCalComSpec } from '../../src/contract/index';
import {
  badRequest,
  bareInternalServerError,
  buildBooking,
  buildEventType,
  buildMe,
  buildMembership,
  buildPagination,
  buildRescheduledPair,
  buildSchedule,
  buildSlots,
  buildTeam,
  buildTeamEventType,
  buildWebhook,
  conflict,
  forbidden,
  notFound,
  serverErrorEnvelope,
  success,
  tokenExpired,
  tooManyRequests,
  unauthorized,
  unprocessable,
} from '../../src/fixtures/index';

const validator = createContractValidator(loadCalComSpec());

/** Checks one fixture as the response of one operation; shows the validator's errors when it fails. */
function expectValid(method: string, path: string, status: number, body: unknown): void {
  const result = validator.validateResponse({ method, path, status, body });
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

describe('fixture builders match their operations’ response schemas', () => {
  const pair = buildRescheduledPair();
  const cases: readonly [string, string, string, number, unknown][] = [
    ['buildMe', 'GET', '/v2/me', 200, success(buildMe())],
    ['buildEventType (list)', 'GET', '/v2/event-types', 200, success([buildEventType()])],
    ['buildEventType (get)', 'GET', '/v2/event-types/1', 200, success(buildEventType())],
    ['buildEventType (create)', 'POST', '/v2/event-types', 201, success(buildEventType())],
    ['buildTeamEventType (team list)', 'GET', '/v2/teams/1/event-types', 200, success([buildTeamEventType()])],
    ['buildTeamEventType (get)', 'GET', '/v2/teams/1/event-types/2', 200, success(buildTeamEventType())],
    ['buildSlots', 'GET', '/v2/slots', 200, success(buildSlots())],
    ['buildSchedule (list)', 'GET', '/v2/schedules', 200, success([buildSchedule()])],
    ['buildSchedule (default)', 'GET', '/v2/schedules/default', 200, success(buildSchedule())],
    ['buildSchedule (get)', 'GET', '/v2/schedules/1', 200, success(buildSchedule())],
    [
      'buildBooking + buildPagination (list)',
      'GET',
      '/v2/bookings',
      200,
      success([buildBooking()], buildPagination({ totalItems: 1 })),
    ],
    ['buildBooking (get)', 'GET', '/v2/bookings/abc', 200, success(buildBooking())],
    ['buildBooking (create)', 'POST', '/v2/bookings', 201, success(buildBooking())],
    ['buildRescheduledPair (new booking)', 'POST', '/v2/bookings/abc/reschedule', 201, success(pair.to)],
    ['buildRescheduledPair (old booking)', 'GET', '/v2/bookings/abc', 200, success(pair.from)],
    [
      'buildBooking (cancelled)',
      'POST',
      '/v2/bookings/abc/cancel',
      200,
      success(buildBooking({ status: 'cancelled' })),
    ],
    ['buildTeam (list)', 'GET', '/v2/teams', 200, success([buildTeam()])],
    ['buildTeam (get)', 'GET', '/v2/teams/1', 200, success(buildTeam())],
    ['buildMembership (list)', 'GET', '/v2/teams/1/memberships', 200, success([buildMembership()])],
    ['buildWebhook (list)', 'GET', '/v2/webhooks', 200, success([buildWebhook()])],
    ['buildWebhook (create)', 'POST', '/v2/webhooks', 201, success(buildWebhook())],
  ];
  it.each(cases)('%s → %s %s %i', (_name, method, path, status, body) => {
    expectValid(method, path, status, body);
  });
});

describe('error factories match the Cal.com error envelope (docs/CALCOM-API.md §4.2)', () => {
  const cases = [
    ['badRequest', badRequest()],
    ['badRequest (validation)', badRequest('Bad Request Exception', { errors: [{ property: 'start' }] })],
    ['unauthorized', unauthorized()],
    ['forbidden', forbidden()],
    ['notFound', notFound()],
    ['conflict', conflict()],
    ['unprocessable', unprocessable()],
    ['tooManyRequests', tooManyRequests()],
    ['tokenExpired', tokenExpired()],
    ['serverErrorEnvelope', serverErrorEnvelope(503)],
    ['bareInternalServerError', bareInternalServerError()],
  ] as const;
  it.each(cases)('%s', (_name, response) => {
    expectValid('GET', '/v2/me', response.status, response.body);
  });
});

describe('a deliberately broken fixture is rejected', () => {
  it('reports the broken fields', () => {
    const broken = { ...buildBooking(), start: 1_700_000_000, status: 'ACCEPTED' };
    const result = validator.validateResponse({
      method: 'GET',
      path: '/v2/bookings/abc',
      status: 200,
      body: success(broken),
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('response body /data/start must be string');
    expect(result.errors).toContain(
      'response body /data/status must be equal to one of the allowed values (allowed: ["cancelled","accepted","rejected","pending"])',
    );
  });

  it('rejects a success body sent with an error status', () => {
    expect(
      validator.validateResponse({ method: 'GET', path: '/v2/me', status: 404, body: success(buildMe()) }).valid,
    ).toBe(false);
  });
});
