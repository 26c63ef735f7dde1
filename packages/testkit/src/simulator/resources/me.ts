import { LOCALES } from '../../dto/booking';
import { WEEK_DAYS } from '../../dto/schedule';
import type { MeOutput } from '../../dto/user';
import { TIME_FORMATS } from '../../generated/spec-facts.generated';
import { ok, type Route, requireUser } from '../context';
import type { SimulatorUser } from '../types';
import { validateBody } from '../validation';

/**
 * Projects a simulator user onto `MeOutput` (no key, no locale: Cal.com's output has none).
 *
 * @param user The user.
 * @returns The output.
 */
export function toMeOutput(user: SimulatorUser): MeOutput {
  const { apiKey: _apiKey, locale: _locale, metadata: _metadata, ...me } = user;
  return { ...me };
}

/** `GET /v2/me` and `PATCH /v2/me` (unversioned). */
export const meRoutes: Route[] = [
  { method: 'GET', pattern: '/v2/me', auth: 'required', handle: (context) => ok(toMeOutput(requireUser(context))) },
  {
    method: 'PATCH',
    pattern: '/v2/me',
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const patch = validateBody(context.body, {
        email: { type: 'email' },
        name: { type: 'string' },
        timeFormat: { type: 'enum', values: TIME_FORMATS },
        defaultScheduleId: { type: 'integer' },
        weekStart: { type: 'enum', values: WEEK_DAYS },
        timeZone: { type: 'timeZone' },
        locale: { type: 'enum', values: LOCALES },
        avatarUrl: { type: 'string' },
        bio: { type: 'string' },
        metadata: { type: 'object' },
      });
      // The primary email changes only after verification (spec description), so `email` is accepted and ignored.
      const { email: _email, ...changes } = patch;
      Object.assign(user, changes);
      return ok(toMeOutput(user));
    },
  },
];
