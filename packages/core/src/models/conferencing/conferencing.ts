import * as v from 'valibot';
import { IdSchema } from '../id';

/** A conferencing app you installed (`ConferencingAppsOutputDto`). */
export interface ConferencingApp {
  /** The app's credential id. */
  readonly id: number;
  /** The app type, e.g. `google_video`, `zoom_video`, `daily_video` (Cal Video). */
  readonly type: string;
  /** Your user id. */
  readonly userId: number;
  /** Whether the connection is broken (reconnect the app in Cal.com). */
  readonly invalid: boolean;
}

/** Schema of `data` of `GET /v2/conferencing`. */
export const ConferencingAppsSchema = v.array(
  v.pipe(
    v.object({ id: IdSchema, type: v.string(), userId: IdSchema, invalid: v.nullish(v.boolean()) }),
    v.transform(
      (dto): ConferencingApp => ({ id: dto.id, type: dto.type, userId: dto.userId, invalid: dto.invalid === true }),
    ),
  ),
);

/** Your default conferencing app (`DefaultConferencingAppsOutputDto`); both fields are optional in the document. */
export interface DefaultConferencingApp {
  /** The app's slug, e.g. `google-meet`, `zoom`, `daily-video`; `null` when none is set. */
  readonly appSlug: string | null;
  /** The app's fixed meeting link, for apps that have one; else `null`. */
  readonly appLink: string | null;
}

/** Schema of `data` of `GET /v2/conferencing/default` (the document does not require `data`). */
export const DefaultConferencingAppSchema = v.pipe(
  v.nullish(v.object({ appSlug: v.nullish(v.string()), appLink: v.nullish(v.string()) })),
  v.transform((dto): DefaultConferencingApp => ({ appSlug: dto?.appSlug ?? null, appLink: dto?.appLink ?? null })),
);
