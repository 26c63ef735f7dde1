import type { ScheduleOutput } from '../../dto/schedule';
import { WEEK_DAYS } from '../../dto/schedule';
import { ok, type Route, type RouteContext, requireUser } from '../context';
import { notFoundError } from '../http-error';
import { type Shape, validateBody } from '../validation';

const SCHEDULES_VERSION = ['2024-06-11'] as const;

function ownSchedule(context: RouteContext): ScheduleOutput {
  const user = requireUser(context);
  const id = Number(context.params.scheduleId);
  const schedule = context.data.schedules.find((candidate) => candidate.id === id && candidate.ownerId === user.id);
  if (schedule === undefined) throw notFoundError(`Schedule with id=${context.params.scheduleId} not found`);
  return schedule;
}

const availabilityShape: Shape = {
  days: { type: 'array', required: true, items: { type: 'enum', values: WEEK_DAYS } },
  startTime: { type: 'clockTime', required: true },
  endTime: { type: 'clockTime', required: true },
};

const overrideShape: Shape = {
  date: { type: 'date', required: true },
  startTime: { type: 'clockTime', required: true },
  endTime: { type: 'clockTime', required: true },
};

/** Schedules (`cal-api-version: 2024-06-11`): list, default, get, update. */
export const scheduleRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/schedules',
    versions: SCHEDULES_VERSION,
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      return ok(context.data.schedules.filter((schedule) => schedule.ownerId === user.id));
    },
  },
  {
    method: 'GET',
    pattern: '/v2/schedules/default',
    versions: SCHEDULES_VERSION,
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const schedule = context.data.schedules.find((candidate) => candidate.ownerId === user.id && candidate.isDefault);
      return ok(schedule ?? null);
    },
  },
  {
    method: 'GET',
    pattern: '/v2/schedules/:scheduleId',
    versions: SCHEDULES_VERSION,
    auth: 'required',
    handle: (context) => ok(ownSchedule(context)),
  },
  {
    method: 'PATCH',
    pattern: '/v2/schedules/:scheduleId',
    versions: SCHEDULES_VERSION,
    auth: 'required',
    handle(context) {
      const schedule = ownSchedule(context);
      const patch = validateBody(context.body, {
        name: { type: 'string' },
        timeZone: { type: 'timeZone' },
        availability: { type: 'nestedArray', shape: availabilityShape },
        overrides: { type: 'nestedArray', shape: overrideShape },
        isDefault: { type: 'boolean' },
      });
      Object.assign(schedule, patch);
      return ok(schedule);
    },
  },
];
