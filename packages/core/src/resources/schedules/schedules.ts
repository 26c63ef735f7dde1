import * as v from 'valibot';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';
import type { RetryKind } from '../../internal/request-types';
import { IdInputSchema } from '../../models/input';
import { type Schedule, ScheduleSchema } from '../../models/schedule';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext } from '../common/context';
import { type ReadBack, sendCreatingWrite, sendRepeatableDelete, sendRepeatableWrite } from '../common/read-back';
import { parseField, requireObject } from '../common/validate';
import {
  type CreateScheduleInput,
  scheduleMatches,
  type UpdateScheduleInput,
  validateScheduleFields,
} from './schedule-input';

/** Working-hours schedules (`/v2/schedules`, `cal-api-version: 2024-06-11`). */
export class SchedulesResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Lists your schedules (`GET /v2/schedules`).
   *
   * @example
   * ```ts
   * const schedules = await cal.schedules.list();
   * ```
   *
   * @param options The per-call options.
   * @returns The schedules.
   */
  async list(options?: RequestOptions): Promise<Schedule[]> {
    return (
      await this.#context.executor.execute(
        {
          method: 'GET',
          path: '/schedules',
          resource: 'schedules',
          retry: 'idempotent',
          schema: v.array(ScheduleSchema),
        },
        options,
      )
    ).data;
  }

  /**
   * Gets your default schedule (`GET /v2/schedules/default`).
   *
   * @example
   * ```ts
   * const schedule = await cal.schedules.getDefault();
   * ```
   *
   * @param options The per-call options.
   * @returns The default schedule, or `null` when the user has none.
   */
  async getDefault(options?: RequestOptions): Promise<Schedule | null> {
    return (
      await this.#context.executor.execute(
        {
          method: 'GET',
          path: '/schedules/default',
          resource: 'schedules',
          retry: 'idempotent',
          schema: v.nullable(ScheduleSchema),
        },
        options,
      )
    ).data;
  }

  /**
   * Gets one of your schedules (`GET /v2/schedules/{scheduleId}`).
   *
   * @example
   * ```ts
   * const schedule = await cal.schedules.get(254);
   * ```
   *
   * @param id The schedule id.
   * @param options The per-call options.
   * @returns The schedule.
   */
  async get(id: number, options?: RequestOptions): Promise<Schedule> {
    const scheduleId = parseField(IdInputSchema, id, 'id');
    return (
      await this.#context.executor.execute(
        {
          method: 'GET',
          path: `/schedules/${pathParam(scheduleId)}`,
          resource: 'schedules',
          retry: 'idempotent',
          schema: ScheduleSchema,
        },
        options,
      )
    ).data;
  }

  /**
   * Creates a schedule after checking every field (days, `HH:MM` hours, dates, the time zone). The ids of the existing
   * schedules are read first; the create is sent once (D6), and after an ambiguous failure a new schedule with this
   * name is looked up and returned; if there is none, `CalComUnknownOutcomeError` says how to check (D7).
   *
   * @example
   * ```ts
   * await cal.schedules.create({
   *   name: 'Mornings',
   *   timeZone: 'Europe/Rome',
   *   isDefault: false,
   *   availability: [{ days: ['Monday', 'Tuesday'], startTime: '08:00', endTime: '12:00' }],
   * });
   * ```
   *
   * @param input The schedule.
   * @param options The per-call options.
   * @returns The created schedule.
   */
  async create(input: CreateScheduleInput, options?: RequestOptions): Promise<Schedule> {
    requireObject(input, 'input', '{ name, timeZone, isDefault }');
    const body = validateScheduleFields(input, true);
    // Schedules have no unique key, so only a schedule that did not exist before this call can be this call's.
    const existing = new Set((await this.list(options)).map((schedule) => schedule.id));
    const outcome = await sendCreatingWrite({
      send: async () =>
        (
          await this.#context.executor.execute(
            {
              method: 'POST',
              path: '/schedules',
              body,
              resource: 'schedules',
              retry: 'create',
              schema: ScheduleSchema,
            },
            options,
          )
        ).data,
      find: async () =>
        (await this.list(options)).find((schedule) => !existing.has(schedule.id) && schedule.name === body.name),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `Creating the schedule "${String(body.name)}" failed after the request was sent, and no new schedule with that name was found yet, so it may or may not exist.`,
          {
            operation: 'schedules.list',
            params: {},
            meaning: ` for a schedule named "${String(body.name)}" before creating it again.`,
          },
          cause,
        ),
    });
    return outcome.value;
  }

  /**
   * Updates a schedule; only the given fields are sent, and a given `availability` or `overrides` list replaces the old
   * one. After an ambiguous failure the schedule is read back: every given field has the new value → it is returned;
   * otherwise the `PATCH` (absolute values) is sent again; unknown → `CalComUnknownOutcomeError`.
   *
   * @example
   * ```ts
   * await cal.schedules.update(254, { overrides: [{ date: '2026-12-24', startTime: '09:00', endTime: '12:00' }] });
   * ```
   *
   * @param id The schedule id.
   * @param patch The changes.
   * @param options The per-call options.
   * @returns The updated schedule.
   */
  async update(id: number, patch: UpdateScheduleInput, options?: RequestOptions): Promise<Schedule> {
    const scheduleId = parseField(IdInputSchema, id, 'id');
    requireObject(patch, 'patch', 'the fields to change');
    const body = validateScheduleFields(patch, false);
    if (Object.keys(body).length === 0) {
      throw new CalComValidationError(
        'No schedule changes given. Pass at least one of name, timeZone, isDefault, availability, overrides. Nothing was sent to Cal.com.',
        [{ path: '', message: 'no changes given. Pass at least one field to change.' }],
      );
    }
    const outcome = await sendRepeatableWrite({
      send: async (retry: RetryKind) =>
        (
          await this.#context.executor.execute(
            {
              method: 'PATCH',
              path: `/schedules/${pathParam(scheduleId)}`,
              body,
              resource: 'schedules',
              retry,
              schema: ScheduleSchema,
            },
            options,
          )
        ).data,
      readBack: async (): Promise<ReadBack<Schedule>> => {
        const schedule = await this.get(scheduleId, options);
        return scheduleMatches(schedule, body) ? { state: 'done', value: schedule } : { state: 'not-done' };
      },
      refusalMayBeOurs: () => false,
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The update of schedule ${scheduleId} failed after it was sent, and reading it back did not show the new values, so it may or may not have been applied.`,
          {
            operation: 'schedules.get',
            params: { id: scheduleId },
            meaning: ` whether ${Object.keys(body).join(', ')} have the new values; otherwise update it again.`,
          },
          cause,
        ),
    });
    return outcome.value;
  }

  /**
   * Deletes a schedule. After an ambiguous failure the schedule is read back: gone (404) → deleted; still there → the
   * delete is sent again; unknown → `CalComUnknownOutcomeError`. An id that never existed is `CalComNotFoundError`.
   *
   * @example
   * ```ts
   * await cal.schedules.delete(254);
   * ```
   *
   * @param id The schedule id.
   * @param options The per-call options.
   */
  async delete(id: number, options?: RequestOptions): Promise<void> {
    const scheduleId = parseField(IdInputSchema, id, 'id');
    await sendRepeatableDelete({
      send: async (retry: RetryKind) =>
        (
          await this.#context.executor.execute(
            { method: 'DELETE', path: `/schedules/${pathParam(scheduleId)}`, resource: 'schedules', retry },
            options,
          )
        ).data,
      lookUp: () => this.get(scheduleId, options),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The delete of schedule ${scheduleId} failed after it was sent, and reading it back could not tell whether it is gone.`,
          {
            operation: 'schedules.get',
            params: { id: scheduleId },
            meaning: ': CalComNotFoundError means it is deleted; otherwise delete it again.',
          },
          cause,
        ),
    });
  }
}
