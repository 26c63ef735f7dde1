import { describe, expect, it } from 'vitest';
import { createContractValidator } from './contract-validator';
import { loadCalComSpec } from './load-spec';

const spec = loadCalComSpec();
const validator = createContractValidator(spec);
const raw = createContractValidator(spec, { applyExceptions: false });

/** The fields every event type output (personal and team) requires, with valid values. */
const EVENT_TYPE_BASE = {
  id: 11,
  lengthInMinutes: 30,
  title: 'Intro call',
  slug: 'intro-call',
  description: '',
  locations: [],
  bookingFields: [],
  disableGuests: false,
  recurrence: null,
  metadata: {},
  price: 0,
  currency: 'usd',
  lockTimeZoneToggleOnBookingPage: false,
  forwardParamsSuccessRedirect: null,
  successRedirectUrl: null,
  isInstantEvent: false,
  scheduleId: null,
  hidden: false,
  bookingRequiresAuthentication: false,
};

describe('the docs/CALCOM-API.md §9.8 spec gaps, each against the raw document', () => {
  it('event-type-users: accepts user objects that the raw spec rejects', () => {
    const response = {
      method: 'GET',
      path: '/v2/event-types/11',
      status: 200,
      body: {
        status: 'success',
        data: {
          ...EVENT_TYPE_BASE,
          ownerId: 5,
          bookingUrl: 'https://cal.com/ada/intro-call',
          users: [{ id: 5, name: 'Ada', username: 'ada', avatarUrl: null, weekStart: 'Monday' }],
        },
      },
    };
    expect(validator.validateResponse(response)).toEqual({
      valid: true,
      operationId: 'EventTypesController_2024_06_14_getEventTypeById',
      errors: [],
    });
    const rawResult = raw.validateResponse(response);
    expect(rawResult.valid).toBe(false);
    expect(rawResult.errors).toContain('response body /data/users/0 must be string');
    // Nothing but the users items is wrong for the raw spec (the team branch of the union fails as a whole).
    expect(rawResult.errors.filter((error) => error.includes('/data/users/'))).toEqual([
      'response body /data/users/0 must be string',
    ]);
  });

  it('team-event-type-hosts: accepts host objects that the raw spec rejects', () => {
    const response = {
      method: 'GET',
      path: '/v2/teams/7/event-types',
      status: 200,
      body: {
        status: 'success',
        data: [
          {
            ...EVENT_TYPE_BASE,
            teamId: 7,
            schedulingType: 'roundRobin',
            team: {
              id: 7,
              slug: 'sales',
              bannerUrl: '',
              name: 'Sales',
              logoUrl: '',
              weekStart: 'Monday',
              brandColor: '#000000',
              darkBrandColor: '#ffffff',
              theme: 'light',
            },
            hosts: [{ userId: 5, name: 'Ada', username: 'ada', avatarUrl: null }],
          },
        ],
      },
    };
    expect(validator.validateResponse(response)).toEqual({
      valid: true,
      operationId: 'TeamsEventTypesController_getTeamEventTypes',
      errors: [],
    });
    expect(raw.validateResponse(response)).toEqual({
      valid: false,
      operationId: 'TeamsEventTypesController_getTeamEventTypes',
      errors: ['response body /data/0/hosts/0 must be string'],
    });
  });

  it('team-memberships-array: accepts the array the API returns, which the raw spec rejects', () => {
    const membership = {
      id: 1,
      userId: 5,
      teamId: 7,
      accepted: true,
      role: 'OWNER',
      user: { email: 'ada@example.com', username: 'ada' },
    };
    const response = {
      method: 'GET',
      path: '/v2/teams/7/memberships',
      status: 200,
      body: { status: 'success', data: [membership] },
    };
    expect(validator.validateResponse(response)).toEqual({
      valid: true,
      operationId: 'TeamsMembershipsController_getTeamMemberships',
      errors: [],
    });
    expect(raw.validateResponse(response)).toEqual({
      valid: false,
      operationId: 'TeamsMembershipsController_getTeamMemberships',
      errors: ['response body /data must be object'],
    });
    // The single object the raw spec describes is no longer accepted.
    expect(validator.validateResponse({ ...response, body: { status: 'success', data: membership } }).errors).toEqual([
      'response body /data must be array',
    ]);
  });

  it('event-type-id-path-param: takes a numeric id on GET like PATCH and DELETE (stricter than the raw spec)', () => {
    const headers = { 'cal-api-version': '2024-06-14', authorization: 'Bearer cal_test' };
    expect(validator.validateRequest({ method: 'GET', path: '/v2/event-types/11', headers }).valid).toBe(true);
    expect(raw.validateRequest({ method: 'GET', path: '/v2/event-types/11', headers }).valid).toBe(true);
    expect(validator.validateRequest({ method: 'GET', path: '/v2/event-types/intro-call', headers })).toEqual({
      valid: false,
      operationId: 'EventTypesController_2024_06_14_getEventTypeById',
      errors: ['path parameter eventTypeId must be number'],
    });
    expect(raw.validateRequest({ method: 'GET', path: '/v2/event-types/intro-call', headers }).valid).toBe(true);
    expect(validator.validateRequest({ method: 'DELETE', path: '/v2/event-types/intro-call', headers }).errors).toEqual(
      ['path parameter eventTypeId must be number'],
    );
  });

  it('slots-response: accepts the enveloped slots of both formats, which the raw spec rejects', () => {
    const time = {
      status: 'success',
      data: { '2050-09-05': [{ start: '2050-09-05T09:00:00.000+02:00' }, { start: '2050-09-05T10:00:00.000+02:00' }] },
    };
    const range = {
      status: 'success',
      data: {
        '2050-09-05': [{ start: '2050-09-05T09:00:00.000+02:00', end: '2050-09-05T10:00:00.000+02:00' }],
        '2050-09-06': [],
      },
    };
    const seated = {
      status: 'success',
      data: { '2050-09-05': [{ start: '2050-09-05T09:00:00Z', attendeesCount: 1, bookingUid: 'b1' }] },
    };
    for (const body of [time, range, seated, { status: 'success', data: {} }]) {
      expect(validator.validateResponse({ method: 'GET', path: '/v2/slots', status: 200, body })).toEqual({
        valid: true,
        operationId: 'SlotsController_2024_09_04_getAvailableSlots',
        errors: [],
      });
    }
    expect(raw.validateResponse({ method: 'GET', path: '/v2/slots', status: 200, body: time }).errors).toContain(
      'response body /status must be array',
    );
    expect(
      validator.validateResponse({
        method: 'GET',
        path: '/v2/slots',
        status: 200,
        body: { status: 'success', data: { '05/09/2050': [{ start: 'tomorrow', extra: 1 }] } },
      }).errors,
    ).toEqual([
      'response body /data must match pattern "^\\d{4}-\\d{2}-\\d{2}$"',
      'response body /data property name must be valid (property "05/09/2050")',
      'response body /data/05~109~12050/0 must NOT have additional properties (unexpected property "extra")',
      'response body /data/05~109~12050/0/start must match format "date-time"',
    ]);
  });

  it("routing-form-calculate-slots-body: accepts the form's answers as string values, which the raw spec refuses", () => {
    const request = (body: unknown) => ({
      method: 'POST',
      path: '/v2/routing-forms/abc/calculate-slots?start=2050-09-05&end=2050-09-06',
      headers: { authorization: 'Bearer cal_test', 'content-type': 'application/json' },
      body,
    });
    const answers = { topic: 'Product demo', 'company-size': '40', Products: 'Engine,Mill' };
    expect(validator.validateRequest(request(answers))).toEqual({
      valid: true,
      operationId: 'RoutingFormsController_calculateSlotsBasedOnRoutingFormResponse',
      errors: [],
    });
    expect(raw.validateRequest(request(answers)).errors).toEqual([
      'request body is not accepted: RoutingFormsController_calculateSlotsBasedOnRoutingFormResponse takes no body',
    ]);
    expect(validator.validateRequest(request({ 'company-size': 40 })).errors).toEqual([
      'request body /company-size must be string',
    ]);
  });
});
