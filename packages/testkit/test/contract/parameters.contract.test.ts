import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCalComSpec } from '../../src/contract/index';
import type { OpenApiDocument } from '../../src/contract/openapi-document';
import { applySpecExceptions } from '../../src/contract/spec-exceptions';
import { ROUTES } from '../../src/simulator/routes';
import { callSimulator } from '../support/call-simulator';
import { createContractHarness, routeKey, VERSIONS, validator } from './simulator-harness';

/**
 * The rule of issue 13: for every operation the simulator serves, each documented query parameter is either honoured
 * (a named test sends it and shows its effect) or refused with a 400 naming it, never silently ignored. Path
 * parameters are honoured by routing: the route binds the segment as a parameter.
 */
type Proof =
  /** A test that sends the parameter and asserts its effect: the file (under packages/testkit) and the test's title. */
  | { honoured: { file: string; test: string } }
  /** A request (path with query) that sends the parameter; the simulator must answer 400 naming it. */
  | { refused: { path: string; version?: string } };

const SLOTS = 'src/simulator/resources/slots.test.ts';
const BOOKINGS = 'src/simulator/resources/bookings.test.ts';
const TEAM = 'src/simulator/resources/team-scheduling.test.ts';
const TEAMS = 'src/simulator/resources/teams.test.ts';
const EVENT_TYPES = 'src/simulator/resources/event-types.test.ts';
const CALENDARS = 'src/simulator/resources/calendars.test.ts';
const WEBHOOKS = 'src/simulator/resources/webhooks.test.ts';
const ROUTING_FORMS = 'src/simulator/resources/routing-forms.test.ts';

const honoured = (file: string, test: string): Proof => ({ honoured: { file, test } });
const filtersAndSorts = honoured(BOOKINGS, 'filters and sorts %s');
const DAY = 'start=2030-09-04&end=2030-09-04';

/** The proof for each documented query parameter of each served operation, keyed by route. */
const PROOFS: Record<string, Record<string, Proof>> = {
  'GET /v2/slots': {
    start: honoured(SLOTS, 'reads end as inclusive'),
    end: honoured(SLOTS, 'reads end as inclusive'),
    eventTypeId: honoured(SLOTS, 'lists free slots in the requested zone minus bookings'),
    eventTypeSlug: honoured(SLOTS, 'finds the event type by slug and username'),
    username: honoured(SLOTS, 'finds the event type by slug and username'),
    teamSlug: honoured(TEAM, 'gives a collective event only the times every host is free, by slug and team slug'),
    usernames: honoured(TEAM, 'gives a dynamic group (usernames, at least 2)'),
    format: honoured(SLOTS, 'returns ranges with format=range'),
    duration: honoured(SLOTS, 'applies minimum notice, duration and bookingUidToReschedule'),
    bookingUidToReschedule: honoured(SLOTS, 'applies minimum notice, duration and bookingUidToReschedule'),
    timeZone: honoured(SLOTS, 'lists free slots in the requested zone'),
    organizationSlug: {
      refused: { path: `/v2/slots?eventTypeId=3002&${DAY}&organizationSlug=acme`, version: VERSIONS.slots },
    },
  },
  'GET /v2/bookings': {
    status: filtersAndSorts,
    attendeeEmail: filtersAndSorts,
    attendeeName: filtersAndSorts,
    bookingUid: honoured(BOOKINGS, 'filters by bookingUid'),
    eventTypeId: filtersAndSorts,
    eventTypeIds: filtersAndSorts,
    teamId: honoured(TEAM, 'keeps only bookings of the given teams (teamId, teamsIds)'),
    teamsIds: honoured(TEAM, 'keeps only bookings of the given teams (teamId, teamsIds)'),
    afterStart: filtersAndSorts,
    beforeEnd: filtersAndSorts,
    afterCreatedAt: filtersAndSorts,
    beforeCreatedAt: filtersAndSorts,
    afterUpdatedAt: honoured(TEAM, 'filters by afterUpdatedAt and beforeUpdatedAt'),
    beforeUpdatedAt: honoured(TEAM, 'filters by afterUpdatedAt and beforeUpdatedAt'),
    sortStart: filtersAndSorts,
    sortEnd: filtersAndSorts,
    sortCreated: filtersAndSorts,
    sortUpdatedAt: filtersAndSorts,
    take: honoured(BOOKINGS, 'pages with take and skip'),
    skip: honoured(BOOKINGS, 'pages with take and skip'),
  },
  'GET /v2/event-types': {
    username: honoured(EVENT_TYPES, 'lists by username without hidden ones for others, and filters by eventSlug'),
    eventSlug: honoured(EVENT_TYPES, 'lists by username without hidden ones for others, and filters by eventSlug'),
    sortCreatedAt: honoured(TEAM, 'sorts by creation'),
    usernames: {
      refused: { path: '/v2/event-types?usernames=ada-lovelace,charles-babbage', version: VERSIONS.eventTypes },
    },
    orgSlug: { refused: { path: '/v2/event-types?orgSlug=acme', version: VERSIONS.eventTypes } },
    orgId: { refused: { path: '/v2/event-types?orgId=7', version: VERSIONS.eventTypes } },
  },
  'GET /v2/teams/:teamId/memberships': {
    take: honoured(TEAMS, 'lists memberships as an array with take, skip and emails'),
    skip: honoured(TEAMS, 'lists memberships as an array with take, skip and emails'),
    emails: honoured(TEAMS, 'lists memberships as an array with take, skip and emails'),
  },
  'GET /v2/teams/:teamId/event-types': {
    eventSlug: honoured(TEAMS, 'lists team event types without a version header'),
    hostsLimit: honoured(TEAM, 'limits the hosts of team event types with hostsLimit'),
    sortCreatedAt: honoured(TEAM, 'sorts by creation'),
  },
  'GET /v2/webhooks': {
    take: honoured(WEBHOOKS, 'creates, lists, reads, updates and deletes a webhook by string id'),
    skip: honoured(WEBHOOKS, 'creates, lists, reads, updates and deletes a webhook by string id'),
  },
  'GET /v2/calendars/busy-times': {
    timeZone: honoured(CALENDARS, 'refuses a query without calendars, time zone or dates, naming each parameter'),
    loggedInUsersTz: honoured(CALENDARS, 'accepts the deprecated loggedInUsersTz'),
    dateFrom: honoured(CALENDARS, 'refuses a query without calendars, time zone or dates, naming each parameter'),
    dateTo: honoured(CALENDARS, 'refuses a query without calendars, time zone or dates, naming each parameter'),
    calendarsToLoad: honoured(CALENDARS, 'reads an unselected calendar when asked'),
  },
  'POST /v2/routing-forms/:routingFormId/calculate-slots': {
    start: honoured(ROUTING_FORMS, 'refuses bad start, end, timeZone, duration and format with a 400 naming each'),
    end: honoured(ROUTING_FORMS, 'refuses bad start, end, timeZone, duration and format with a 400 naming each'),
    timeZone: honoured(ROUTING_FORMS, 'answers its slots exactly as GET /v2/slots does'),
    format: honoured(ROUTING_FORMS, 'answers its slots exactly as GET /v2/slots does'),
    duration: honoured(ROUTING_FORMS, 'honours duration and bookingUidToReschedule like GET /v2/slots'),
    bookingUidToReschedule: honoured(ROUTING_FORMS, 'honours duration and bookingUidToReschedule like GET /v2/slots'),
  },
};

/** The document with its declared corrections (the busy-times calendars parameter as the API reads it). */
const document = applySpecExceptions(loadCalComSpec()) as OpenApiDocument & {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
};

function operationOf(route: (typeof ROUTES)[number]) {
  const sample = route.pattern.replace(/:(\w+)/g, (_match, name: string) => (/Id$/.test(name) ? '1' : 'x'));
  const found = validator.findOperation(route.method, sample);
  if (found === undefined) throw new Error(`${routeKey(route)} has no documented operation`);
  const operation = document.paths[found.pathTemplate]?.[route.method.toLowerCase()];
  return { template: found.pathTemplate, parameters: operation?.parameters ?? [] };
}

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('every documented parameter of every served operation is honoured or refused', () => {
  it('has a proof for each query parameter, and no proof for a parameter the document lacks', () => {
    const missing: string[] = [];
    const documented: Record<string, string[]> = {};
    for (const route of ROUTES) {
      const names = operationOf(route)
        .parameters.filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
      if (names.length > 0) documented[routeKey(route)] = names;
      for (const name of names)
        if (PROOFS[routeKey(route)]?.[name] === undefined) missing.push(`${routeKey(route)} ?${name}`);
    }
    expect(missing).toEqual([]);
    expect(
      Object.fromEntries(Object.entries(PROOFS).map(([key, proofs]) => [key, Object.keys(proofs).sort()])),
    ).toEqual(Object.fromEntries(Object.entries(documented).map(([key, names]) => [key, [...names].sort()])));
  });

  it('binds each documented path parameter as a parameter segment of the route', () => {
    const unbound = ROUTES.flatMap((route) => {
      const { template } = operationOf(route);
      const documentedSegments = template.split('/');
      const routeSegments = route.pattern.split('/');
      return documentedSegments.flatMap((segment, index) =>
        segment.startsWith('{') && !routeSegments[index]?.startsWith(':') ? [`${routeKey(route)} ${segment}`] : [],
      );
    });
    expect(unbound).toEqual([]);
  });

  const honouredProofs = Object.entries(PROOFS).flatMap(([key, proofs]) =>
    Object.entries(proofs).flatMap(([name, proof]) => ('honoured' in proof ? [{ key, name, ...proof.honoured }] : [])),
  );
  it.each(honouredProofs)('$key ?$name is honoured: "$test" sends it in $file', ({ name, file, test }) => {
    const source = readFileSync(`${packageRoot}${file}`, 'utf8');
    expect(source).toContain(test);
    expect(source).toMatch(new RegExp(`[?&\`'"\\[]${name}(=|\\[)`));
  });

  const refusedProofs = Object.entries(PROOFS).flatMap(([key, proofs]) =>
    Object.entries(proofs).flatMap(([name, proof]) => ('refused' in proof ? [{ key, name, ...proof.refused }] : [])),
  );
  it.each(refusedProofs)('$key ?$name is refused with a 400 naming it', async ({ key, name, path, version }) => {
    const harness = createContractHarness();
    const result = await callSimulator(harness.simulator, key.split(' ')[0] ?? 'GET', path, {
      ...(version === undefined ? {} : { version }),
    });
    const message = (result.json as { error: { message: string } }).error.message;
    expect({ status: result.status, namesIt: message.startsWith(`${name}`) || message.includes(` ${name} `) }).toEqual({
      status: 400,
      namesIt: true,
    });
  });
});
