/**
 * The enum facts the packages take from Cal.com's OpenAPI document, each with its place in the document, the places
 * that must carry the same values, and the packages that use it. The generator writes each fact into the
 * `spec-facts.generated.ts` of every package listed.
 */
import { enumAt, formatPointer, type SpecPointer } from './document';

/** A package the generator writes into. */
export type FactPackage = 'core' | 'testkit';

/** An enum fact. */
export interface EnumFact {
  /** The exported constant's name. */
  readonly name: string;
  /** What the values are (the doc comment). */
  readonly summary: string;
  /** The schema whose `enum` is the fact. */
  readonly source: SpecPointer;
  /** Other schemas that must have the same values (in any order); generation fails when one differs. */
  readonly sameAs?: readonly SpecPointer[];
  /** The packages that use the fact. */
  readonly packages: readonly FactPackage[];
}

/**
 * The place of a property's schema in a component schema.
 *
 * @param schema The component schema's name.
 * @param property The property.
 * @returns The pointer.
 */
function property(schema: string, property: string): SpecPointer {
  return ['components', 'schemas', schema, 'properties', property];
}

/**
 * The place of a query parameter's schema.
 *
 * @param path The operation's path.
 * @param name The parameter's name.
 * @returns The pointer.
 */
function query(path: string, name: string): SpecPointer {
  return ['paths', path, 'get', 'parameters', { name }, 'schema'];
}

/** Every enum fact, sorted by name. */
export const ENUM_FACTS: readonly EnumFact[] = [
  {
    name: 'BOOKING_LIST_SORT_ORDERS',
    summary: 'Sort orders of `GET /v2/bookings` (`sortStart`, `sortEnd`, `sortCreated`, `sortUpdatedAt`).',
    source: query('/v2/bookings', 'sortStart'),
    sameAs: [query('/v2/bookings', 'sortEnd'), query('/v2/bookings', 'sortCreated')],
    packages: ['testkit'],
  },
  {
    name: 'BOOKING_LIST_STATUSES',
    summary: 'Status filters of `GET /v2/bookings` (`status`, comma-separated).',
    source: query('/v2/bookings', 'status'),
    packages: ['core', 'testkit'],
  },
  {
    name: 'BOOKING_STATUSES',
    summary: 'Statuses of a booking (`BookingOutput_2024_08_13.status`).',
    source: property('BookingOutput_2024_08_13', 'status'),
    packages: ['core'],
  },
  {
    name: 'CONFIRMATION_POLICY_TYPES',
    summary: 'Kinds of confirmation policy of an event type (`BaseConfirmationPolicy_2024_06_14.type`).',
    source: property('BaseConfirmationPolicy_2024_06_14', 'type'),
    packages: ['testkit'],
  },
  {
    name: 'LOCALES',
    summary: 'Locales Cal.com accepts for attendees (`language`) and users (`locale`).',
    source: property('UpdateManagedUserInput', 'locale'),
    sameAs: [property('CreateManagedUserInput', 'locale'), property('BookingAttendee', 'language')],
    packages: ['core', 'testkit'],
  },
  {
    name: 'LOCATION_INTEGRATIONS',
    summary: "Integrations a booking's location can be changed to (`PATCH /v2/bookings/{bookingUid}/location`).",
    source: property('UpdateBookingInputIntegrationLocation_2024_08_13', 'integration'),
    packages: ['core', 'testkit'],
  },
  {
    name: 'SCHEDULING_TYPES',
    summary: 'Scheduling types of team event types (`TeamEventTypeOutput_2024_06_14.schedulingType`).',
    source: property('TeamEventTypeOutput_2024_06_14', 'schedulingType'),
    packages: ['core'],
  },
  {
    name: 'TEAM_ROLES',
    summary: 'Roles of a team membership (`TeamMembershipOutput.role`).',
    source: property('TeamMembershipOutput', 'role'),
    sameAs: [property('CreateTeamMembershipInput', 'role'), property('UpdateTeamMembershipInput', 'role')],
    packages: ['core', 'testkit'],
  },
  {
    name: 'TIME_FORMATS',
    summary: "Clock formats of a user's profile, 12 or 24 hours (`UpdateManagedUserInput.timeFormat`).",
    source: property('UpdateManagedUserInput', 'timeFormat'),
    packages: ['testkit'],
  },
  {
    name: 'WEBHOOK_TRIGGERS',
    summary: 'Events a webhook can subscribe to (`CreateWebhookInputDto.triggers`).',
    source: property('CreateWebhookInputDto', 'triggers'),
    sameAs: [property('UserWebhookOutputDto', 'triggers')],
    packages: ['core', 'testkit'],
  },
  {
    name: 'WEEK_DAYS',
    summary: 'Days of the week, as schedules and `weekStart` name them (`ScheduleAvailabilityInput_2024_06_11.days`).',
    source: property('ScheduleAvailabilityInput_2024_06_11', 'days'),
    sameAs: [property('UpdateManagedUserInput', 'weekStart')],
    packages: ['core', 'testkit'],
  },
];

/** A fact with its values read from the document. */
export interface ResolvedEnumFact extends EnumFact {
  /** The values, in the document's order. */
  readonly values: readonly (string | number)[];
}

/**
 * Reads every fact's values and checks that the places that must agree do.
 *
 * @param document The parsed document.
 * @returns The facts with their values.
 * @throws An `Error` naming the fact and both places when two places that must agree differ.
 */
export function resolveEnumFacts(document: unknown): readonly ResolvedEnumFact[] {
  return ENUM_FACTS.map((fact) => {
    const values = enumAt(document, fact.source);
    const key = (list: readonly (string | number)[]) => JSON.stringify([...list].map(String).sort());
    for (const other of fact.sameAs ?? []) {
      if (key(enumAt(document, other)) !== key(values)) {
        throw new Error(
          `${fact.name}: the enum at ${formatPointer(other)} differs from the one at ${formatPointer(fact.source)}. ` +
            'Decide which one each package needs and split the fact in tooling/spec-facts/facts.ts.',
        );
      }
    }
    return { ...fact, values };
  });
}
