import type { ScheduleOutput } from '../../dto/schedule';
import { WEEK_DAYS } from '../../dto/schedule';
import { buildSchedule } from '../../fixtures/schedule';
import { ok, type Route, type RouteContext, requireUser } from '../context';
import { notFoundError } from '../http-error';
import type { SimulatorUser } from '../types';
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

/**
 * Makes a schedule the owner's only default one (`isDefault: true` moves the default, as Cal.com keeps one per user):
 * the other schedules lose the flag and the user's `defaultScheduleId` points at it.
 *
 * @param context The route context.
 * @param user The owner.
 * @param schedule The new default.
 */
function makeDefault(context: RouteContext, user: SimulatorUser, schedule: ScheduleOutput): void {
  for (const other of context.data.schedules) {
    if (other.ownerId === user.id) other.isDefault = other.id === schedule.id;
  }
  user.defaultScheduleId = schedule.id;
}

/** The body rules of a create (`CreateScheduleInput_2024_06_11`) or an update (all optional). */
function scheduleShape(required: boolean): Shape {
  return {
    name: { type: 'string', required },
    timeZone: { type: 'timeZone', required },
    availability: { type: 'nestedArray', shape: availabilityShape },
    overrides: { type: 'nestedArray', shape: overrideShape },
    isDefault: { type: 'boolean', required },
  };
}

/** Schedules (`cal-api-version: 2024-06-11`): list, default, create, get, update, delete. */
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
    method: 'POST',
    pattern: '/v2/schedules',
    versions: SCHEDULES_VERSION,
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const input = validateBody(context.body, scheduleShape(true));
      // Without availability Cal.com uses Monday to Friday 09:00-17:00 (the spec's description of the field).
      const schedule = buildSchedule({
        id: context.data.nextIds.schedule++,
        ownerId: user.id,
        name: input.name as string,
        timeZone: input.timeZone as string,
        isDefault: false,
        ...(input.availability === undefined
          ? {}
          : { availability: input.availability as ScheduleOutput['availability'] }),
        overrides: (input.overrides as ScheduleOutput['overrides'] | undefined) ?? [],
      });
      context.data.schedules.push(schedule);
      if (input.isDefault === true) makeDefault(context, user, schedule);
      return ok(schedule, 201);
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
      const { isDefault, ...patch } = validateBody(context.body, scheduleShape(false));
      Object.assign(schedule, patch);
      if (isDefault === true) makeDefault(context, requireUser(context), schedule);
      if (isDefault === false) schedule.isDefault = false;
      return ok(schedule);
    },
  },
  {
    method: 'DELETE',
    pattern: '/v2/schedules/:scheduleId',
    versions: SCHEDULES_VERSION,
    auth: 'required',
    handle(context) {
      const schedule = ownSchedule(context);
      context.data.schedules.splice(context.data.schedules.indexOf(schedule), 1);
      const user = requireUser(context);
      if (user.defaultScheduleId === schedule.id) user.defaultScheduleId = null;
      return { status: 200, body: { status: 'success' } };
    },
  },
];
