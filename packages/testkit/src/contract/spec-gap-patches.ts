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
];
