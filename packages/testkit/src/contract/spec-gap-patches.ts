import type { OpenApiParameter, OpenApiSchema } from './openapi-document';
import { mutableOperation, mutableSchema, type SpecPatch, setArrayItems } from './spec-patch';

/**
 * The slots response as Cal.com sends it (docs/CALCOM-API.md §7.3): the envelope around a map from date (in the
 * requested time zone) to the day's slots, each `{ start }` (`format=time` or none) or `{ start, end }`
 * (`format=range`); seated slots add `attendeesCount` and `bookingUid` (the spec's own response description says so).
 */
const SLOTS_RESPONSE_SCHEMA: OpenApiSchema = {
  type: 'object',
  required: ['status', 'data'],
  properties: {
    status: { type: 'string', enum: ['success', 'error'] },
    data: {
      type: 'object',
      propertyNames: { pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      additionalProperties: {
        type: 'array',
        items: {
          type: 'object',
          required: ['start'],
          additionalProperties: false,
          properties: {
            start: { type: 'string', format: 'date-time' },
            end: { type: 'string', format: 'date-time' },
            attendeesCount: { type: 'number' },
            bookingUid: { type: 'string' },
          },
        },
      },
    },
  },
};

/**
 * `calendarsToLoad` of `GET /v2/calendars/busy-times` as Cal.com reads it (docs/CALCOM-API.md §7.8): indexed keys
 * `calendarsToLoad[0][credentialId]=…&calendarsToLoad[0][externalId]=…`, at least one calendar.
 */
const CALENDARS_TO_LOAD: OpenApiParameter = {
  name: 'calendarsToLoad',
  in: 'query',
  required: true,
  style: 'deepObject',
  description: 'The calendars to read, as calendarsToLoad[<n>][credentialId] and calendarsToLoad[<n>][externalId]',
  schema: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['credentialId', 'externalId'],
      additionalProperties: false,
      properties: { credentialId: { type: 'number' }, externalId: { type: 'string' } },
    },
  },
};

/**
 * The body of `POST /v2/routing-forms/{routingFormId}/calculate-slots` as Cal.com reads it (docs/CALCOM-API.md §7.10):
 * the form's answers as form values keyed by field identifier (`new URLSearchParams(request.body)`), so every value a
 * string; a multiselect's choices joined with commas.
 */
const ROUTING_FORM_ANSWERS_BODY = {
  required: false,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        description: "The routing form's answers keyed by field identifier (else label), each a string",
        additionalProperties: { type: 'string' },
      },
    },
  },
};

/** The 21 operations of the bookings controller 2024-08-13 (docs/CALCOM-API.md §3.2). */
const BOOKINGS_2024_08_13_OPERATIONS: readonly (readonly [string, string])[] = [
  ['/v2/bookings', 'post'],
  ['/v2/bookings', 'get'],
  ['/v2/bookings/by-seat/{seatUid}', 'get'],
  ['/v2/bookings/{bookingUid}', 'get'],
  ['/v2/bookings/{bookingUid}/recordings', 'get'],
  ['/v2/bookings/{bookingUid}/transcripts', 'get'],
  ['/v2/bookings/{bookingUid}/reschedule', 'post'],
  ['/v2/bookings/{bookingUid}/cancel', 'post'],
  ['/v2/bookings/{bookingUid}/mark-absent', 'post'],
  ['/v2/bookings/{bookingUid}/reassign', 'post'],
  ['/v2/bookings/{bookingUid}/reassign/{userId}', 'post'],
  ['/v2/bookings/{bookingUid}/confirm', 'post'],
  ['/v2/bookings/{bookingUid}/decline', 'post'],
  ['/v2/bookings/{bookingUid}/calendar-links', 'get'],
  ['/v2/bookings/{bookingUid}/references', 'get'],
  ['/v2/bookings/{bookingUid}/conferencing-sessions', 'get'],
  ['/v2/bookings/{bookingUid}/location', 'patch'],
  ['/v2/bookings/{bookingUid}/attendees', 'get'],
  ['/v2/bookings/{bookingUid}/attendees', 'post'],
  ['/v2/bookings/{bookingUid}/attendees/{attendeeId}', 'get'],
  ['/v2/bookings/{bookingUid}/guests', 'post'],
];

/** The bookings `cal-api-version` values Cal.com serves at the 2024-08-13 paths (docs/CALCOM-API.md §3.3). */
export const BOOKINGS_VERSIONS = ['2024-08-13', '2026-02-25'] as const;

/**
 * The JSON Pointer of an operation's first parameter (the `cal-api-version` header of every bookings operation).
 *
 * @param path The path template.
 * @param method The method.
 * @returns The pointer.
 */
function versionPointer(path: string, method: string): string {
  return `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}/parameters/0`;
}

/**
 * The typing gaps of Cal.com's OpenAPI document listed in docs/CALCOM-API.md §9.8, with their corrections. (The first
 * gap of §9.8, "no error responses documented", is handled by validating error statuses against the explicit envelope
 * in `error-envelope.ts`.)
 */
export const SPEC_GAP_PATCHES: readonly SpecPatch[] = [
  {
    // docs/CALCOM-API.md §8.2 and §9.8: the source DTO is
    // `{ id, name, username, avatarUrl, weekStart, brandColor, … }`.
    id: 'event-type-users',
    source: 'spec-gaps',
    reference: 'docs/CALCOM-API.md §9.8, §8.2',
    target: 'components.schemas.EventTypeOutput_2024_06_14.properties.users',
    documented: 'string[]',
    actual: 'an array of user objects ({ id, name, username, avatarUrl, weekStart, brandColor, … })',
    specPaths: ['#/components/schemas/EventTypeOutput_2024_06_14/properties/users/items'],
    apply: (document) => {
      setArrayItems(document, 'EventTypeOutput_2024_06_14', 'users', { type: 'object' });
    },
  },
  {
    // docs/CALCOM-API.md §8.2 and §9.8: the source DTO is
    // `{ userId, name, username, avatarUrl, mandatory?, priority? }`.
    id: 'team-event-type-hosts',
    source: 'spec-gaps',
    reference: 'docs/CALCOM-API.md §9.8, §8.2',
    target: 'components.schemas.TeamEventTypeOutput_2024_06_14.properties.hosts',
    documented: 'string[]',
    actual: 'an array of host objects ({ userId, name, username, avatarUrl, mandatory?, priority? })',
    specPaths: ['#/components/schemas/TeamEventTypeOutput_2024_06_14/properties/hosts/items'],
    apply: (document) => {
      setArrayItems(document, 'TeamEventTypeOutput_2024_06_14', 'hosts', { type: 'object' });
    },
  },
  {
    // docs/CALCOM-API.md §7.6 and §9.8: TeamsMembershipsController returns the list, the spec types one membership.
    id: 'team-memberships-array',
    source: 'spec-gaps',
    reference: 'docs/CALCOM-API.md §9.8, §7.6',
    target: 'components.schemas.GetTeamMembershipsOutput.properties.data',
    documented: 'one TeamMembershipOutput object',
    actual: 'an array of TeamMembershipOutput',
    specPaths: ['#/components/schemas/GetTeamMembershipsOutput/properties/data'],
    apply: (document) => {
      const schema = mutableSchema(document, 'GetTeamMembershipsOutput');
      const properties = { ...(schema.properties as Record<string, unknown>) };
      properties.data = { type: 'array', items: { $ref: '#/components/schemas/TeamMembershipOutput' } };
      schema.properties = properties;
    },
  },
  {
    // docs/CALCOM-API.md §7.2 and §9.8: `string` on GET, `number` on PATCH/DELETE; the API takes the numeric id on
    // all three.
    // Unlike the other exceptions this one is stricter than the document: a non-numeric id is refused on GET too.
    id: 'event-type-id-path-param',
    source: 'spec-gaps',
    reference: 'docs/CALCOM-API.md §9.8, §7.2',
    target: 'GET /v2/event-types/{eventTypeId} path parameter eventTypeId',
    documented: 'string on GET (number on PATCH and DELETE)',
    actual: 'a numeric event type id on GET, PATCH and DELETE alike',
    specPaths: ['#/paths/~1v2~1event-types~1{eventTypeId}/get/parameters/1/schema'],
    apply: (document) => {
      const operation = mutableOperation(document, '/v2/event-types/{eventTypeId}', 'get');
      operation.parameters = (operation.parameters as readonly OpenApiParameter[]).map((parameter) =>
        parameter.in === 'path' && parameter.name === 'eventTypeId'
          ? { ...parameter, schema: { type: 'number' } }
          : parameter,
      );
    },
  },
  {
    // docs/CALCOM-API.md §7.3 and §9.8: the schema describes a bare date map whose slots are strings (no envelope);
    // the spec's own example, and the API, send `{ status, data: { "<date>": [{ start }] } }`.
    id: 'slots-response',
    source: 'spec-gaps',
    reference: 'docs/CALCOM-API.md §9.8, §7.3',
    target: 'GET /v2/slots response 200',
    documented: 'oneOf two bare maps date → string[] / date → { start, end }[] (no envelope)',
    actual: '{ status, data: { "<YYYY-MM-DD>": [{ start, end?, attendeesCount?, bookingUid? }] } }',
    specPaths: ['#/paths/~1v2~1slots/get/responses/200'],
    apply: (document) => {
      const operation = mutableOperation(document, '/v2/slots', 'get');
      operation.responses = {
        ...(operation.responses as Record<string, unknown>),
        200: { description: 'Slots by date', content: { 'application/json': { schema: SLOTS_RESPONSE_SCHEMA } } },
      };
    },
  },
  {
    // docs/CALCOM-API.md §7.8 and §9.8: `CalendarBusyTimesInput.calendarsToLoad` is an array of
    // `{ credentialId, externalId }` hidden from the generator (`@ApiHideProperty`), which flattened its item's fields
    // into two top-level parameters the API never reads.
    id: 'busy-times-calendars-to-load',
    source: 'spec-gaps',
    reference: 'docs/CALCOM-API.md §9.8, §7.8',
    target: 'GET /v2/calendars/busy-times query parameters credentialId, externalId',
    documented: 'required top-level query parameters credentialId (number) and externalId (string)',
    actual:
      'calendarsToLoad[<n>][credentialId] and calendarsToLoad[<n>][externalId], one pair per calendar (at least one)',
    specPaths: [
      '#/paths/~1v2~1calendars~1busy-times/get/parameters/4',
      '#/paths/~1v2~1calendars~1busy-times/get/parameters/5',
    ],
    apply: (document) => {
      const operation = mutableOperation(document, '/v2/calendars/busy-times', 'get');
      const parameters = operation.parameters as readonly OpenApiParameter[];
      const flattened = (parameter: OpenApiParameter) =>
        parameter.in === 'query' && (parameter.name === 'credentialId' || parameter.name === 'externalId');
      if (parameters.filter(flattened).length !== 2) throw new Error('credentialId and externalId are not both there');
      operation.parameters = [...parameters.filter((parameter) => !flattened(parameter)), CALENDARS_TO_LOAD];
    },
  },
  {
    // docs/CALCOM-API.md §3.3: 2026 code serves the bookings controller 2026-02-25 at the same paths as 2024-08-13,
    // with the same input and output types; the March 2026 document predates it and names 2024-08-13 only.
    id: 'bookings-version-2026-02-25',
    source: 'spec-gaps',
    reference: 'docs/CALCOM-API.md §9.8, §3.3',
    target: 'header cal-api-version of the 21 bookings operations',
    documented: '2024-08-13 only (a default, or "Must be set to 2024-08-13")',
    actual: '2024-08-13 or 2026-02-25, the same request and response shapes',
    specPaths: BOOKINGS_2024_08_13_OPERATIONS.map(([path, method]) => versionPointer(path, method)),
    apply: (document) => {
      for (const [path, method] of BOOKINGS_2024_08_13_OPERATIONS) {
        const operation = mutableOperation(document, path, method);
        const [header, ...rest] = operation.parameters as readonly OpenApiParameter[];
        if (header?.name !== 'cal-api-version') throw new Error(`${method} ${path} has no cal-api-version first`);
        operation.parameters = [
          { ...header, schema: { type: 'string', enum: [...BOOKINGS_VERSIONS], default: BOOKINGS_VERSIONS[0] } },
          ...rest,
        ];
      }
    },
  },
  {
    // docs/CALCOM-API.md §7.10 and §9.8: the operation routes a form response, but the document describes no body;
    // Cal.com's RoutingFormsService reads the answers from the JSON body (`new URLSearchParams(request.body)`).
    id: 'routing-form-calculate-slots-body',
    source: 'spec-gaps',
    reference: 'docs/CALCOM-API.md §9.8, §7.10',
    target: 'POST /v2/routing-forms/{routingFormId}/calculate-slots request body',
    documented: 'no request body',
    actual: "an optional JSON object of the form's answers keyed by field identifier (else label), each a string",
    specPaths: ['#/paths/~1v2~1routing-forms~1{routingFormId}~1calculate-slots/post'],
    apply: (document) => {
      const operation = mutableOperation(document, '/v2/routing-forms/{routingFormId}/calculate-slots', 'post');
      if (operation.requestBody !== undefined) throw new Error('calculate-slots already documents a body');
      operation.requestBody = ROUTING_FORM_ANSWERS_BODY;
    },
  },
];
