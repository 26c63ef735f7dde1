import { ok, type Route, type RouteContext, requireUser } from '../context';

// Conferencing apps (`/v2/conferencing`, unversioned). docs/CALCOM-API.md §7.9.

/** A seeded conferencing app: `ConferencingAppsOutputDto` without the user id. */
interface SeededApp {
  readonly id: number;
  readonly type: string;
  readonly invalid: boolean;
}

/**
 * The apps each seeded user installed, by username: Ada has Google Meet (her default) and a Zoom connection that is
 * broken; Charles has none, so his default is Cal Video, which every account has without installing it [inferred].
 */
const INSTALLED: Readonly<
  Record<string, { apps: readonly SeededApp[]; defaultApp: { appSlug: string; appLink?: string } }>
> = {
  'ada-lovelace': {
    apps: [
      { id: 8001, type: 'google_video', invalid: false },
      { id: 8002, type: 'zoom_video', invalid: true },
    ],
    defaultApp: { appSlug: 'google-meet' },
  },
};

const NONE = { apps: [], defaultApp: { appSlug: 'daily-video' } } as const;

function installed(context: RouteContext) {
  const user = requireUser(context);
  return { user, ...(INSTALLED[user.username] ?? NONE) };
}

/** `GET /v2/conferencing` and `GET /v2/conferencing/default`. */
export const conferencingRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/conferencing/default',
    auth: 'required',
    handle: (context) => ok(installed(context).defaultApp),
  },
  {
    method: 'GET',
    pattern: '/v2/conferencing',
    auth: 'required',
    handle: (context) => {
      const { user, apps } = installed(context);
      return ok(apps.map((app) => ({ id: app.id, type: app.type, userId: user.id, invalid: app.invalid })));
    },
  },
];
