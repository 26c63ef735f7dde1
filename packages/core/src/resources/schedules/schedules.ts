import * as v from 'valibot';
import { type Schedule, ScheduleSchema } from '../../models/schedule';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';

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
}
