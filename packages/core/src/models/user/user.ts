import * as v from 'valibot';
import { LOCALES, WEEK_DAYS } from '../../generated/spec-facts.generated';
import { IdSchema } from '../id';

/** Days a week can start on. */
export const WeekdaySchema = v.picklist(WEEK_DAYS);

/** Day of the week, `Monday` … `Sunday`. */
export type Weekday = v.InferOutput<typeof WeekdaySchema>;

/** Profile DTO schema (`MeOutput`): lenient to unknown fields, strict on the ones used. */
export const MeDtoSchema = v.object({
  id: IdSchema,
  username: v.string(),
  email: v.string(),
  name: v.nullable(v.string()),
  avatarUrl: v.nullish(v.string()),
  bio: v.nullish(v.string()),
  timeFormat: v.number(),
  defaultScheduleId: v.nullable(IdSchema),
  weekStart: v.string(),
  timeZone: v.string(),
  organizationId: v.nullish(IdSchema),
});

/** Profile DTO as the API sends it. */
export type MeDto = v.InferInput<typeof MeDtoSchema>;

/** Schema mapping the profile DTO to the `User` domain model. */
export const UserSchema = v.pipe(
  MeDtoSchema,
  v.transform((dto) => ({
    id: dto.id,
    username: dto.username,
    email: dto.email,
    name: dto.name,
    avatarUrl: dto.avatarUrl ?? null,
    bio: dto.bio ?? null,
    timeZone: dto.timeZone,
    weekStart: dto.weekStart,
    timeFormat: dto.timeFormat === 24 ? (24 as const) : (12 as const),
    defaultScheduleId: dto.defaultScheduleId,
    organizationId: dto.organizationId ?? null,
  })),
);

/** The authenticated Cal.com user (domain model). */
export type User = v.InferOutput<typeof UserSchema>;

/** Locales Cal.com accepts for a user (`UpdateManagedUserInput.locale` in the OpenAPI document, docs/CALCOM-API.md §7.1). */
export const CAL_COM_LOCALES = LOCALES;

/** A locale Cal.com accepts. */
export type CalComLocale = (typeof CAL_COM_LOCALES)[number];
