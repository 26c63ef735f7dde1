import type { OpenApiDocument, OpenApiOperation, OpenApiParameter, OpenApiSchema } from './openapi-document';

/** One place where Cal.com's OpenAPI document is known to be wrong, and what the validator checks instead. */
export interface SpecException {
  /** A stable id, e.g. `event-type-users`. */
  readonly id: string;
  /**
   * Where the exception comes from: `spec-gaps` for the typing gaps listed in docs/CALCOM-API.md §9.8,
   * `contract-tests` for the NestJS Swagger generator artefacts our own contract tests found (§9.10).
   */
  readonly source: 'spec-gaps' | 'contract-tests';
  /** Where the gap is documented. */
  readonly reference: string;
  /** What the exception touches: a component schema property, an operation's parameter or response. */
  readonly target: string;
  /** What the document says. */
  readonly documented: string;
  /** What Cal.com really does, and so what the validator checks. */
  readonly actual: string;
  /** The JSON Pointers (RFC 6901, `/` in a path key written `~1`) of every schema the exception replaces. */
  readonly specPaths: readonly string[];
}

/** A spec exception together with the change it makes to a copy of the document. */
interface SpecPatch extends SpecException {
  /** Applies the correction to the mutable copy. */
  readonly apply: (document: MutableDocument) => void;
}

/** A deep, mutable copy of the parts of the document the patches touch. */
interface MutableDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

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

/** The event-type input schemas (personal and team, create and update) that type `lengthInMinutesOptions` as strings. */
const EVENT_TYPE_INPUTS = [
  'CreateEventTypeInput_2024_06_14',
  'UpdateEventTypeInput_2024_06_14',
  'CreateTeamEventTypeInput_2024_06_14',
  'UpdateTeamEventTypeInput_2024_06_14',
] as const;

/**
 * Every known typing gap of Cal.com's OpenAPI document with its correction: first the spec gaps of docs/CALCOM-API.md
 * §9.8, then the generator artifacts the contract tests found (§9.10). Nothing else in the document is relaxed or
 * changed. (The first gap of §9.8, "no error responses documented", is handled by validating error statuses against
 * the explicit envelope in `error-envelope.ts`.)
 */
const SPEC_PATCHES: readonly SpecPatch[] = [
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
  // The exceptions below are not in docs/CALCOM-API.md §9.8: the contract tests over the fixtures found them (§9.10).
  // Each is a NestJS Swagger generator artifact that no real response can satisfy (a boolean typed `object`, a
  // constant's name used as the regex). They are corrected to what the property's own `example`/`default`/description
  // says.
  {
    id: 'booking-field-is-default',
    source: 'contract-tests',
    reference: "found by the contract tests (docs/CALCOM-API.md §9.10); the schema's own example/default is a boolean",
    target: 'components.schemas.*FieldOutput_2024_06_14.properties.isDefault',
    documented: 'type object (example/default true or false)',
    actual: 'boolean',
    specPaths: [
      '#/components/schemas/EmailDefaultFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/NameDefaultFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/LocationDefaultFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/RescheduleReasonDefaultFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/TitleDefaultFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/NotesDefaultFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/GuestsDefaultFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/AddressFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/BooleanFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/CheckboxGroupFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/MultiEmailFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/MultiSelectFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/UrlFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/NumberFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/PhoneFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/RadioGroupFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/SelectFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/TextAreaFieldOutput_2024_06_14/properties/isDefault',
      '#/components/schemas/TextFieldOutput_2024_06_14/properties/isDefault',
    ],
    apply: (document) => {
      for (const [name, schema] of Object.entries(document.components.schemas)) {
        const isDefault = (schema.properties as Record<string, Record<string, unknown>> | undefined)?.isDefault;
        if (/FieldOutput_2024_06_14$/.test(name) && isDefault?.type === 'object') {
          setProperty(document, name, 'isDefault', { type: 'boolean' });
        }
      }
    },
  },
  {
    id: 'schedule-time-and-days',
    source: 'contract-tests',
    reference: 'found by the contract tests (docs/CALCOM-API.md §9.10); §7.4 gives "HH:MM" and day names',
    target: 'components.schemas.ScheduleAvailabilityInput_2024_06_11 / ScheduleOverrideInput_2024_06_11',
    documented:
      'startTime/endTime pattern "TIME_FORMAT_HH_MM" (a constant name, matches no time); days: enum on the array',
    actual: 'startTime/endTime "HH:MM"; days: an array of day names',
    specPaths: [
      '#/components/schemas/ScheduleAvailabilityInput_2024_06_11/properties/days',
      '#/components/schemas/ScheduleAvailabilityInput_2024_06_11/properties/startTime',
      '#/components/schemas/ScheduleAvailabilityInput_2024_06_11/properties/endTime',
      '#/components/schemas/ScheduleOverrideInput_2024_06_11/properties/startTime',
      '#/components/schemas/ScheduleOverrideInput_2024_06_11/properties/endTime',
    ],
    apply: (document) => {
      const time = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' };
      for (const name of ['ScheduleAvailabilityInput_2024_06_11', 'ScheduleOverrideInput_2024_06_11']) {
        setProperty(document, name, 'startTime', time);
        setProperty(document, name, 'endTime', time);
      }
      const availability = mutableSchema(document, 'ScheduleAvailabilityInput_2024_06_11');
      const days = (availability.properties as Record<string, Record<string, unknown>>).days;
      setProperty(document, 'ScheduleAvailabilityInput_2024_06_11', 'days', {
        type: 'array',
        items: { type: 'string', enum: days?.enum },
      });
    },
  },
  {
    id: 'event-type-numbers-typed-object',
    source: 'contract-tests',
    reference: 'found by the contract tests (docs/CALCOM-API.md §9.10); §8.2 lists ownerId as number|null',
    target: 'EventTypeOutput_2024_06_14.slotInterval, TeamEventTypeOutput_2024_06_14.slotInterval and .ownerId',
    documented: 'type object (nullable), example 60',
    actual: 'number or null',
    specPaths: [
      '#/components/schemas/EventTypeOutput_2024_06_14/properties/slotInterval',
      '#/components/schemas/TeamEventTypeOutput_2024_06_14/properties/slotInterval',
      '#/components/schemas/TeamEventTypeOutput_2024_06_14/properties/ownerId',
    ],
    apply: (document) => {
      const numberOrNull = { type: 'number', nullable: true };
      setProperty(document, 'EventTypeOutput_2024_06_14', 'slotInterval', numberOrNull);
      setProperty(document, 'TeamEventTypeOutput_2024_06_14', 'slotInterval', numberOrNull);
      setProperty(document, 'TeamEventTypeOutput_2024_06_14', 'ownerId', numberOrNull);
    },
  },
  {
    id: 'reserved-slot-self-reference',
    source: 'contract-tests',
    reference:
      'found by the contract tests (docs/CALCOM-API.md §9.10); the response wrapper and its data DTO share one name, so ' +
      'data points at the wrapper itself; PATCH answers the same reservation as ReserveSlotOutput_2024_09_04',
    target: 'components.schemas.GetReservedSlotOutput_2024_09_04.properties.data (GET /v2/slots/reservations/{uid})',
    documented: 'nullable allOf [GetReservedSlotOutput_2024_09_04] (itself: { status, data }, endlessly nested)',
    actual: 'the reservation (ReserveSlotOutput_2024_09_04) or null',
    specPaths: ['#/components/schemas/GetReservedSlotOutput_2024_09_04/properties/data'],
    apply: (document) => {
      setProperty(document, 'GetReservedSlotOutput_2024_09_04', 'data', {
        nullable: true,
        allOf: [{ $ref: '#/components/schemas/ReserveSlotOutput_2024_09_04' }],
      });
    },
  },
  {
    // Not a generator artifact like the ones above but a wrong item type: the inputs say string[], while the
    // property's own example, the output schemas and the API (which compares them with lengthInMinutes) use numbers.
    id: 'event-type-length-options',
    source: 'contract-tests',
    reference:
      "found by the contract tests (docs/CALCOM-API.md §9.10); the property's own example is [15, 30, 60] and the output " +
      'schemas type it number[]',
    target: '{Create,Update}{,Team}EventTypeInput_2024_06_14.properties.lengthInMinutesOptions (items)',
    documented: 'string[] (example [15, 30, 60])',
    actual: 'number[] (minutes), as in the example, EventTypeOutput_2024_06_14 and the API',
    specPaths: [
      '#/components/schemas/CreateEventTypeInput_2024_06_14/properties/lengthInMinutesOptions/items',
      '#/components/schemas/UpdateEventTypeInput_2024_06_14/properties/lengthInMinutesOptions/items',
      '#/components/schemas/CreateTeamEventTypeInput_2024_06_14/properties/lengthInMinutesOptions/items',
      '#/components/schemas/UpdateTeamEventTypeInput_2024_06_14/properties/lengthInMinutesOptions/items',
    ],
    apply: (document) => {
      for (const name of EVENT_TYPE_INPUTS) {
        setArrayItems(document, name, 'lengthInMinutesOptions', { type: 'number' });
      }
    },
  },
];

/**
 * The corrections the contract validator applies to Cal.com's OpenAPI document, so that users see exactly what is
 * relaxed (or, for `event-type-id-path-param`, tightened) relative to the official document.
 */
export const CALCOM_SPEC_EXCEPTIONS: readonly SpecException[] = SPEC_PATCHES.map(
  ({ apply: _apply, ...exception }) => exception,
);

/**
 * Applies every spec exception to a copy of the document; the input is not changed.
 *
 * @param document Cal.com's OpenAPI document.
 * @returns The corrected copy.
 * @throws An `Error` naming the exception whose target is missing (a different document version).
 */
export function applySpecExceptions(document: OpenApiDocument): OpenApiDocument {
  const copy: MutableDocument = {
    paths: { ...(document.paths as Record<string, Record<string, unknown>>) },
    components: { schemas: { ...(document.components?.schemas as Record<string, Record<string, unknown>>) } },
  };
  for (const patch of SPEC_PATCHES) {
    try {
      patch.apply(copy);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Spec exception "${patch.id}" (${patch.reference}) cannot be applied to ${patch.target}: ${reason}. ` +
          'The OpenAPI document differs from the one the exceptions were written for; update spec-exceptions.ts.',
      );
    }
  }
  return { ...document, paths: copy.paths, components: { ...document.components, schemas: copy.components.schemas } };
}

/**
 * Replaces a component schema in the copy by a shallow copy of itself and returns it.
 *
 * @param document The mutable copy.
 * @param name The component schema name.
 * @returns The schema, safe to change.
 */
function mutableSchema(document: MutableDocument, name: string): Record<string, unknown> {
  const schema = document.components.schemas[name];
  if (schema === undefined) {
    throw new Error(`component schema ${name} does not exist`);
  }
  const copy = { ...schema };
  document.components.schemas[name] = copy;
  return copy;
}

/**
 * Replaces one property schema of a component schema.
 *
 * @param document The mutable copy.
 * @param schemaName The component schema name.
 * @param property The property.
 * @param replacement The new property schema.
 */
function setProperty(
  document: MutableDocument,
  schemaName: string,
  property: string,
  replacement: OpenApiSchema,
): void {
  const schema = mutableSchema(document, schemaName);
  const properties = { ...(schema.properties as Record<string, Record<string, unknown>>) };
  if (properties[property] === undefined) {
    throw new Error(`property ${property} does not exist`);
  }
  properties[property] = { ...replacement };
  schema.properties = properties;
}

/**
 * Sets the item schema of an array property of a component schema.
 *
 * @param document The mutable copy.
 * @param schemaName The component schema name.
 * @param property The array property.
 * @param items The new item schema.
 */
function setArrayItems(document: MutableDocument, schemaName: string, property: string, items: OpenApiSchema): void {
  const schema = mutableSchema(document, schemaName);
  const properties = { ...(schema.properties as Record<string, Record<string, unknown>>) };
  const current = properties[property];
  if (current === undefined) {
    throw new Error(`property ${property} does not exist`);
  }
  properties[property] = { ...current, items };
  schema.properties = properties;
}

/**
 * Replaces an operation in the copy by a shallow copy of itself and returns it.
 *
 * @param document The mutable copy.
 * @param pathTemplate The path template.
 * @param method The lower-case method.
 * @returns The operation, safe to change.
 */
function mutableOperation(
  document: MutableDocument,
  pathTemplate: string,
  method: string,
): { -readonly [Key in keyof OpenApiOperation]: unknown } {
  const pathItem = document.paths[pathTemplate];
  const operation = pathItem?.[method];
  if (pathItem === undefined || typeof operation !== 'object' || operation === null) {
    throw new Error(`operation ${method.toUpperCase()} ${pathTemplate} does not exist`);
  }
  const copy = { ...(operation as Record<string, unknown>) };
  document.paths[pathTemplate] = { ...pathItem, [method]: copy };
  return copy;
}
