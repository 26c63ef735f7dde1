/** A location of an event type (`Output*Location_2024_06_14`; the simulator uses the integration and link kinds). */
export type EventTypeLocation =
  | { type: 'integration'; integration: string; link?: string; credentialId?: number }
  | { type: 'link'; link: string; public: boolean }
  | { type: 'address'; address: string; public: boolean };

/** A booking field (`*DefaultFieldOutput_2024_06_14`, default name and email fields). */
export interface EventTypeBookingField {
  type: string;
  slug: string;
  label: string;
  placeholder: string;
  required: boolean;
  isDefault: boolean;
  hidden?: boolean;
  disableOnPrefill?: boolean;
}

/** Confirmation policy (`BaseConfirmationPolicy_2024_06_14`). */
export interface ConfirmationPolicy {
  type: 'always' | 'time';
  noticeThreshold?: { unit: string; count: number };
  blockUnconfirmedBookingsInBooker: boolean;
}

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

/** Fields shared by personal and team event types. */
export interface EventTypeBase {
  id: number;
  lengthInMinutes: number;
  lengthInMinutesOptions?: number[];
  title: string;
  slug: string;
  description: string;
  locations: EventTypeLocation[];
  bookingFields: EventTypeBookingField[];
  disableGuests: boolean;
  slotInterval?: number | null;
  minimumBookingNotice?: number;
  beforeEventBuffer?: number;
  afterEventBuffer?: number;
  recurrence: { interval: number; occurrences: number; frequency: 'yearly' | 'monthly' | 'weekly' } | null;
  metadata: Record<string, unknown>;
  price: number;
  currency: string;
  lockTimeZoneToggleOnBookingPage: boolean;
  seatsPerTimeSlot?: number | null;
  forwardParamsSuccessRedirect: boolean | null;
  successRedirectUrl: string | null;
  isInstantEvent: boolean;
  scheduleId: number | null;
  confirmationPolicy?: ConfirmationPolicy;
  hidden: boolean;
  bookingRequiresAuthentication: boolean;
}

/** A personal event type (`EventTypeOutput_2024_06_14`). */
export interface EventTypeOutput extends EventTypeBase {
  ownerId: number;
  users: EventTypeUser[];
  bookingUrl: string;
}

/** Team summary embedded in team event types (`EventTypeTeam`). */
export interface EventTypeTeam {
  id: number;
  slug: string;
  bannerUrl: string;
  name: string;
  logoUrl: string;
  weekStart: string;
  brandColor: string;
  darkBrandColor: string;
  theme: string;
}

/** Host of a team event type (source DTO; the spec types `hosts` as `string[]`). */
export interface TeamEventTypeHost {
  userId: number;
  name: string;
  username: string;
  avatarUrl: string | null;
  mandatory?: boolean;
  priority?: string;
}

/** A team event type (`TeamEventTypeOutput_2024_06_14`). */
export interface TeamEventTypeOutput extends EventTypeBase {
  teamId: number;
  ownerId?: number | null;
  parentEventTypeId?: number | null;
  hosts: TeamEventTypeHost[];
  assignAllTeamMembers?: boolean;
  schedulingType: 'roundRobin' | 'collective' | 'managed';
  team: EventTypeTeam;
}

/** Data of `DELETE /v2/event-types/{id}` (`DeleteData_2024_06_14`). */
export interface DeletedEventTypeOutput {
  id: number;
  lengthInMinutes: number;
  title: string;
  slug: string;
}
