import type { CreateBookingDetails, CreateBookingLocation, LocationIntegration } from '@calcom-int/core';
import { CalComValidationError } from '@calcom-int/core';
import { LengthInMinutesInputSchema, MetadataInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { EmailSchema } from '../../schemas';

// create_booking's optional details beyond the attendee: guests, location, answers, length and metadata.

/** The tool's location types and the document's (`CreateBookingInput_2024_08_13.location`). */
const LOCATION_TYPES = {
  address: 'address',
  link: 'link',
  phone: 'phone',
  integration: 'integration',
  attendee_address: 'attendeeAddress',
  attendee_phone: 'attendeePhone',
  attendee_defined: 'attendeeDefined',
} as const;

/** The field of the document's location object that holds the tool's `value`, per type. */
const VALUE_FIELDS = {
  integration: 'integration',
  attendeeAddress: 'address',
  attendeePhone: 'phone',
  attendeeDefined: 'location',
} as const;

const LocationSchema = v.strictObject({
  type: v.picklist(
    Object.keys(LOCATION_TYPES) as (keyof typeof LOCATION_TYPES)[],
    `must be one of ${Object.keys(LOCATION_TYPES).join(', ')}`,
  ),
  value: v.optional(v.string()),
});

const AnswerSchema = v.union(
  [v.string(), v.number(), v.boolean(), v.array(v.string())],
  'must be text, a number, true/false or a list of texts',
);

/** The input fields of the details. */
export const bookingDetailFields = {
  guest_emails: v.optional(v.pipe(v.array(EmailSchema), v.description('Guest emails.'))),
  location: v.optional(
    v.pipe(
      LocationSchema,
      v.description(
        "One of get_event_type's locations: address|link|phone (the host's; no value), integration (value: app, e.g. zoom), attendee_* (value: theirs).",
      ),
    ),
  ),
  answers: v.optional(
    v.pipe(
      v.record(v.string(), AnswerSchema),
      v.description('Answers to get_event_type\'s questions by slug, e.g. {"company":"Acme"}.'),
    ),
  ),
  length_minutes: v.optional(
    v.pipe(LengthInMinutesInputSchema, v.description('For event types with several lengths.')),
  ),
  metadata: v.optional(v.pipe(MetadataInputSchema, v.description('Your keys (≤50) and values.'))),
};

/** How core's paths of the details name the tool's fields. */
export const BOOKING_DETAIL_CORE_FIELDS = {
  guests: 'guest_emails',
  location: 'location',
  bookingFieldsResponses: 'answers',
  lengthInMinutes: 'length_minutes',
  metadata: 'metadata',
} as const;

/** The parsed details. */
type DetailInput = {
  readonly [K in keyof typeof bookingDetailFields]?: v.InferOutput<(typeof bookingDetailFields)[K]>;
};

/**
 * Maps the tool's details to core's create params; core checks them (the location against the event type, the
 * required questions, the length) and names core's paths, which {@link BOOKING_DETAIL_CORE_FIELDS} and
 * {@link renameAnswerIssues} turn into the tool's fields.
 *
 * @param input The parsed tool input.
 * @returns The params to spread into `cal.bookings.create`.
 */
export function toBookingDetails(input: DetailInput): Partial<CreateBookingDetails> {
  return {
    ...(input.guest_emails === undefined ? {} : { guests: input.guest_emails }),
    ...(input.location === undefined ? {} : { location: toLocation(input.location) }),
    ...(input.answers === undefined ? {} : { bookingFieldsResponses: input.answers }),
    ...(input.length_minutes === undefined ? {} : { lengthInMinutes: input.length_minutes }),
    ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
  };
}

function toLocation(location: NonNullable<DetailInput['location']>): CreateBookingLocation {
  const type = LOCATION_TYPES[location.type];
  const field = (VALUE_FIELDS as Partial<Record<string, string>>)[type];
  // A value on a type that takes none, or a missing value, is left for core to refuse by its own path.
  const value = location.value === undefined ? {} : { [field ?? 'value']: location.value };
  return { type, ...value } as CreateBookingLocation & { integration?: LocationIntegration };
}

/** The tool's name of a nested core path, if it differs: an answer's slug, the location's value. */
function toolPath(path: string): string | undefined {
  const prefix = 'bookingFieldsResponses.';
  if (path.startsWith(prefix)) return `answers.${path.slice(prefix.length)}`;
  return /^location\.(integration|address|phone|location)$/.test(path) ? 'location.value' : undefined;
}

/**
 * Names a refused nested field by the tool's field (`coreFields` maps top-level paths only): core's
 * `bookingFieldsResponses.<slug>` becomes `answers.<slug>`, `location.phone` (and the other value fields)
 * `location.value`.
 *
 * @param error What core threw.
 * @returns The error to throw.
 */
export function renameAnswerIssues(error: unknown): unknown {
  if (!(error instanceof CalComValidationError) || !error.issues.some((issue) => toolPath(issue.path) !== undefined)) {
    return error;
  }
  const issues = error.issues.map((issue) => ({ ...issue, path: toolPath(issue.path) ?? issue.path }));
  return new CalComValidationError(error.message, issues, {
    status: error.status,
    code: error.code,
    details: error.details,
    requestId: error.requestId,
    method: error.method,
    url: error.url,
    cause: error,
  });
}
