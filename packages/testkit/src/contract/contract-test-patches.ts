import { mutableSchema, type SpecPatch, setArrayItems, setProperty } from './spec-patch';

/** The event-type input schemas (personal and team, create and update) that type `lengthInMinutesOptions` as strings. */
const EVENT_TYPE_INPUTS = [
  'CreateEventTypeInput_2024_06_14',
  'UpdateEventTypeInput_2024_06_14',
  'CreateTeamEventTypeInput_2024_06_14',
  'UpdateTeamEventTypeInput_2024_06_14',
] as const;

/**
 * The corrections the contract tests over the fixtures found (docs/CALCOM-API.md §9.10; they are not in §9.8). Each
 * but the last is a NestJS Swagger generator artifact that no real response can satisfy (a boolean typed `object`, a
 * constant's name used as the regex); each is corrected to what the property's own `example`/`default`/description
 * says.
 */
export const CONTRACT_TEST_PATCHES: readonly SpecPatch[] = [
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
  {
    // `DestinationCalendar.id` is the row id of Cal.com's DestinationCalendar table, an integer; the generator typed
    // it `object`.
    id: 'destination-calendar-id',
    source: 'contract-tests',
    reference: 'found by the contract tests (docs/CALCOM-API.md §9.10); the id of a database row',
    target: 'components.schemas.DestinationCalendar.properties.id',
    documented: 'type object',
    actual: 'number',
    specPaths: ['#/components/schemas/DestinationCalendar/properties/id'],
    apply: (document) => {
      setProperty(document, 'DestinationCalendar', 'id', { type: 'number' });
    },
  },
  {
    // `CalendarLinksOutput_2024_08_13.status` is typed `object`; its own description and example say the string
    // `success`, like every other envelope.
    id: 'calendar-links-status',
    source: 'contract-tests',
    reference: 'found by the contract tests (docs/CALCOM-API.md §9.10); the property\'s own example is "success"',
    target: 'components.schemas.CalendarLinksOutput_2024_08_13.properties.status',
    documented: 'type object (example "success")',
    actual: 'string "success" or "error"',
    specPaths: ['#/components/schemas/CalendarLinksOutput_2024_08_13/properties/status'],
    apply: (document) => {
      setProperty(document, 'CalendarLinksOutput_2024_08_13', 'status', { type: 'string', enum: ['success', 'error'] });
    },
  },
  {
    // Like reserved-slot-self-reference: the response wrapper and its data DTO (platform-types'
    // ReassignBookingOutput_2024_08_13: `{ bookingUid, reassignedTo: ReassignedToDto }`) share one name.
    id: 'reassign-booking-self-reference',
    source: 'contract-tests',
    reference:
      'found by the contract tests (docs/CALCOM-API.md §9.10); the response wrapper and its data DTO share one name, so ' +
      'data points at the wrapper itself; the DTO is { bookingUid, reassignedTo } with ReassignedToDto',
    target:
      'components.schemas.ReassignBookingOutput_2024_08_13.properties.data (POST /v2/bookings/{bookingUid}/reassign[/{userId}])',
    documented: 'oneOf/allOf [ReassignBookingOutput_2024_08_13] (itself: { status, data }, endlessly nested)',
    actual: '{ bookingUid: string, reassignedTo: ReassignedToDto }',
    specPaths: ['#/components/schemas/ReassignBookingOutput_2024_08_13/properties/data'],
    apply: (document) => {
      setProperty(document, 'ReassignBookingOutput_2024_08_13', 'data', {
        type: 'object',
        required: ['bookingUid', 'reassignedTo'],
        properties: {
          bookingUid: { type: 'string' },
          reassignedTo: { $ref: '#/components/schemas/ReassignedToDto' },
        },
      });
    },
  },
];
