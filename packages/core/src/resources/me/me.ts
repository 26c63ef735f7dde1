import * as v from 'valibot';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';
import type { RetryKind } from '../../internal/request-types';
import {
  EmailInputSchema,
  IdInputSchema,
  LocaleInputSchema,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  TimeZoneInputSchema,
  textInputSchema,
} from '../../models/input';
import { type User, UserSchema, WeekdaySchema } from '../../models/user';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import { type ReadBack, sendRepeatableWrite } from '../common/read-back';
import { describeValue, invalidField, parseField, requireObject } from '../common/validate';

/** How long the profile is cached, in milliseconds. */
export const USER_CACHE_TTL_MS = 60_000;

/** Params of `cal.me.update`; only the given fields are sent. */
export interface UpdateUserSettingsInput {
  /** The display name. */
  readonly name?: string;
  /** The email address (Cal.com keeps the old one until the new one is verified). */
  readonly email?: string;
  /** The IANA time zone, e.g. `Europe/Rome`. */
  readonly timeZone?: string;
  /** The locale, one of Cal.com's list (`en`, `de`, `pt-BR`, …). */
  readonly locale?: string;
  /** The first day of the week, `Monday` … `Sunday`. */
  readonly weekStart?: string;
  /** The clock format, 12 or 24. */
  readonly timeFormat?: number;
  /** The id of the default schedule. */
  readonly defaultScheduleId?: number;
  /** The short biography. */
  readonly bio?: string;
  /** The avatar image URL. */
  readonly avatarUrl?: string;
  /** Free-form metadata. */
  readonly metadata?: Record<string, unknown>;
}

const SETTINGS_FIELDS = [
  'name',
  'email',
  'timeZone',
  'locale',
  'weekStart',
  'timeFormat',
  'defaultScheduleId',
  'bio',
  'avatarUrl',
  'metadata',
] as const;

/**
 * Settings that `GET /v2/me` shows, so a read-back can tell whether a `PATCH` was applied. `email` changes only after
 * verification and `locale` and `metadata` are not in the answer (docs/CALCOM-API.md §7.1, §8.3).
 */
const VISIBLE_SETTINGS = [
  'name',
  'timeZone',
  'weekStart',
  'timeFormat',
  'defaultScheduleId',
  'bio',
  'avatarUrl',
] as const;

/** The authenticated user's profile (`/v2/me`), cached for {@link USER_CACHE_TTL_MS}. */
export class MeResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;
  #cached: { readonly user: User; readonly expiresAt: number } | undefined;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Gets the authenticated user's profile (`GET /v2/me`), from the cache when it is younger than 60 s; `update`
   * refreshes it.
   *
   * @example
   * ```ts
   * const { username, timeZone } = await cal.me.get();
   * ```
   *
   * @param options The per-call options.
   * @returns The user.
   */
  async get(options?: RequestOptions): Promise<User> {
    const cached = this.#cached;
    if (cached !== undefined && cached.expiresAt > this.#context.now()) {
      return cached.user;
    }
    const user = (
      await this.#context.executor.execute(
        { method: 'GET', path: '/me', resource: 'me', retry: 'idempotent', schema: UserSchema },
        options,
      )
    ).data;
    this.#cached = { user, expiresAt: this.#context.now() + USER_CACHE_TTL_MS };
    return user;
  }

  /**
   * Updates the authenticated user's settings (`PATCH /v2/me`) after checking every given field (the time zone against
   * IANA, the locale against Cal.com's list); only the given fields are sent, and the cache is refreshed. After an
   * ambiguous failure (timeout, reset, 5xx or an unreadable answer) the profile is read back: every given setting that
   * `GET /v2/me` shows has the new value → that profile is returned; otherwise the `PATCH` (absolute values, so
   * repeating it changes nothing more) is sent again; still unknown (also when only `email`, `locale` or `metadata`
   * were given, which the profile does not show) → `CalComUnknownOutcomeError`.
   *
   * @example
   * ```ts
   * await cal.me.update({ timeZone: 'Europe/Rome', locale: 'it', timeFormat: 24 });
   * ```
   *
   * @param input The fields to change.
   * @param options The per-call options.
   * @returns The updated user (as Cal.com answered it, or as read back).
   */
  async update(input: UpdateUserSettingsInput, options?: RequestOptions): Promise<User> {
    const body = validateSettings(input);
    this.#cached = undefined;
    const outcome = await sendRepeatableWrite({
      send: async (retry: RetryKind) =>
        (
          await this.#context.executor.execute(
            { method: 'PATCH', path: '/me', body, resource: 'me', retry, schema: UserSchema },
            options,
          )
        ).data,
      readBack: async (): Promise<ReadBack<User>> => {
        const visible = VISIBLE_SETTINGS.filter((field) => body[field] !== undefined);
        // One PATCH is applied whole or not at all, so the visible fields speak for the others.
        if (visible.length === 0) return { state: 'unknown' };
        const user = (
          await this.#context.executor.execute(
            { method: 'GET', path: '/me', resource: 'me', retry: 'idempotent', schema: UserSchema },
            options,
          )
        ).data;
        return visible.every((field) => user[field] === body[field])
          ? { state: 'done', value: user }
          : { state: 'not-done' };
      },
      refusalMayBeOurs: () => false,
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The update of your settings (${Object.keys(body).join(', ')}) failed after it was sent, and reading your profile back could not show it applied, so it may or may not have been.`,
          {
            operation: 'me.get',
            params: {},
            meaning: ' whether the settings have the new values; otherwise update them again.',
          },
          cause,
        ),
    });
    this.#cached = { user: outcome.value, expiresAt: this.#context.now() + USER_CACHE_TTL_MS };
    return outcome.value;
  }
}

/** Checks the settings input and builds the request body of the given fields. */
function validateSettings(input: UpdateUserSettingsInput): Record<string, unknown> {
  requireObject(input, 'input', 'e.g. { timeZone: "Europe/Rome" }');
  const unknownFields = Object.keys(input).filter((key) => !(SETTINGS_FIELDS as readonly string[]).includes(key));
  if (unknownFields.length > 0) {
    throw new CalComValidationError(
      `Unknown user setting(s) ${unknownFields.join(', ')}. Use only ${SETTINGS_FIELDS.join(', ')}. Nothing was sent to Cal.com.`,
      unknownFields.map((path) => ({ path, message: `unknown setting; use one of ${SETTINGS_FIELDS.join(', ')}` })),
    );
  }
  const body: Record<string, unknown> = {};
  if (input.name !== undefined) body.name = parseField(textInputSchema(MAX_NAME_LENGTH), input.name, 'name').trim();
  if (input.email !== undefined) body.email = parseField(EmailInputSchema, input.email, 'email');
  if (input.timeZone !== undefined) body.timeZone = parseField(TimeZoneInputSchema, input.timeZone, 'timeZone');
  if (input.locale !== undefined) body.locale = parseField(LocaleInputSchema, input.locale, 'locale');
  if (input.weekStart !== undefined) {
    if (!v.is(WeekdaySchema, input.weekStart)) {
      throw invalidField(
        'weekStart',
        `${describeValue(input.weekStart)} is not a weekday`,
        'Use Monday … Sunday (capitalised).',
      );
    }
    body.weekStart = input.weekStart;
  }
  if (input.timeFormat !== undefined) {
    if (input.timeFormat !== 12 && input.timeFormat !== 24) {
      throw invalidField('timeFormat', `${describeValue(input.timeFormat)} is not a clock format`, 'Use 12 or 24.');
    }
    body.timeFormat = input.timeFormat;
  }
  if (input.defaultScheduleId !== undefined) {
    body.defaultScheduleId = parseField(IdInputSchema, input.defaultScheduleId, 'defaultScheduleId');
  }
  if (input.bio !== undefined) body.bio = parseField(textInputSchema(MAX_NOTE_LENGTH), input.bio, 'bio').trim();
  if (input.avatarUrl !== undefined) {
    if (typeof input.avatarUrl !== 'string' || !URL.canParse(input.avatarUrl)) {
      throw invalidField(
        'avatarUrl',
        `${describeValue(input.avatarUrl)} is not a URL`,
        'Pass an absolute https:// URL.',
      );
    }
    body.avatarUrl = input.avatarUrl;
  }
  if (input.metadata !== undefined) {
    if (typeof input.metadata !== 'object' || input.metadata === null || Array.isArray(input.metadata)) {
      throw invalidField(
        'metadata',
        `expected an object, got ${describeValue(input.metadata)}`,
        'Pass a plain object.',
      );
    }
    body.metadata = input.metadata;
  }
  if (Object.keys(body).length === 0) {
    throw new CalComValidationError(
      `No user settings given. Pass at least one of ${SETTINGS_FIELDS.join(', ')}. Nothing was sent to Cal.com.`,
      [{ path: '', message: 'no settings given' }],
    );
  }
  return body;
}
