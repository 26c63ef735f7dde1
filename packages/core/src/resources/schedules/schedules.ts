import * as v from 'valibot';
import { type Schedule, ScheduleSchema } from '../../models/schedule';
import type { RequestOptions } from '../../request-options';
import { type ResourceContext, send } from '../common/context';

/** Working-hours schedules (`/v2/schedules`, `cal-api-version: 2024-06-11`). */
export class SchedulesResource {
  /**
   * Creates the schedules resource.
   *
   * @param context The resource context.
   */
  constructor(private readonly context: ResourceContext) {}

  /**
   * Lists the authenticated user's schedules.
   *
   * @param options The per-call options.
   * @returns The schedules.
   */
  async listSchedules(options?: RequestOptions): Promise<Schedule[]> {
    return send(
      this.context,
      {
        method: 'GET',
        path: '/schedules',
        resource: 'schedules',
        retry: 'idempotent',
        schema: v.array(ScheduleSchema),
      },
      options,
    );
  }

  /**
   * Gets the authenticated user's default schedule.
   *
   * @param options The per-call options.
   * @returns The default schedule, or `null` when the user has none.
   */
  async getDefaultSchedule(options?: RequestOptions): Promise<Schedule | null> {
    return send(
      this.context,
      {
        method: 'GET',
        path: '/schedules/default',
        resource: 'schedules',
        retry: 'idempotent',
        schema: v.nullable(ScheduleSchema),
      },
      options,
    );
  }
}
