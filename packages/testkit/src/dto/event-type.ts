import type {
  BaseConfirmationPolicy_2024_06_14,
  DeleteData_2024_06_14,
  EmailDefaultFieldOutput_2024_06_14,
  EventTypeOutput_2024_06_14,
  EventTypeTeam as EventTypeTeamDto,
  NameDefaultFieldOutput_2024_06_14,
  TeamEventTypeOutput_2024_06_14,
} from '../generated/dto.generated';

/** A location of an event type (`Output*Location_2024_06_14`; the simulator uses the integration and link kinds). */
export type EventTypeLocation = EventTypeOutput_2024_06_14['locations'][number];

/**
 * A default booking field (`NameDefaultFieldOutput_2024_06_14`, with the email field's `hidden`). `isDefault` is a
 * boolean; the document types it `object` (docs/CALCOM-API.md §9.10 item 1).
 */
export type EventTypeBookingField = Omit<NameDefaultFieldOutput_2024_06_14, 'isDefault'> &
  Pick<EmailDefaultFieldOutput_2024_06_14, 'hidden'> & { isDefault: boolean };

/** Confirmation policy (`BaseConfirmationPolicy_2024_06_14`). */
export type ConfirmationPolicy = BaseConfirmationPolicy_2024_06_14;

/** User of an event type (the source DTO; the spec types `users` as `string[]`, docs/CALCOM-API.md §9.8). */
export interface EventTypeUser {
  id: number;
  name: string | null;
  username: string;
  avatarUrl: string | null;
  weekStart: string;
  brandColor: string | null;
  darkBrandColor: string | null;
  metadata: Record<string, unknown> | null;
}

/** Fields the document types differently from what the API sends; {@link EventTypeBase} corrects them. */
type CorrectedField = 'ownerId' | 'slotInterval' | 'bookingFields' | 'confirmationPolicy';

/**
 * Fields shared by personal and team event types: those of `EventTypeOutput_2024_06_14` except the personal ones,
 * with `slotInterval` a number (typed `object`, docs/CALCOM-API.md §9.10 item 3), booking fields as
 * {@link EventTypeBookingField} and the confirmation policy as {@link ConfirmationPolicy} (typed `object`).
 */
export type EventTypeBase = Omit<EventTypeOutput_2024_06_14, CorrectedField | 'users' | 'bookingUrl'> & {
  slotInterval?: number | null;
  bookingFields: EventTypeBookingField[];
  confirmationPolicy?: ConfirmationPolicy;
};

/** A personal event type (`EventTypeOutput_2024_06_14`), with `users` as the API sends them. */
export type EventTypeOutput = EventTypeBase &
  Pick<EventTypeOutput_2024_06_14, 'ownerId' | 'bookingUrl'> & { users: EventTypeUser[] };

/** Team summary embedded in team event types (`EventTypeTeam`). */
export type EventTypeTeam = EventTypeTeamDto;

/** Host of a team event type (source DTO; the spec types `hosts` as `string[]`, docs/CALCOM-API.md §9.8). */
export interface TeamEventTypeHost {
  userId: number;
  name: string;
  username: string;
  avatarUrl: string | null;
  mandatory?: boolean;
  priority?: string;
}

/**
 * A team event type (`TeamEventTypeOutput_2024_06_14`), with `hosts` as the API sends them and `ownerId` a number
 * (typed `object`, docs/CALCOM-API.md §9.10 item 3).
 */
export type TeamEventTypeOutput = EventTypeBase &
  Omit<TeamEventTypeOutput_2024_06_14, keyof EventTypeOutput_2024_06_14 | 'hosts'> & {
    ownerId?: number | null;
    hosts: TeamEventTypeHost[];
  };

/** Data of `DELETE /v2/event-types/{id}` (`DeleteData_2024_06_14`). */
export type DeletedEventTypeOutput = DeleteData_2024_06_14;
