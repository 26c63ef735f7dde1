import {
  type ConferencingApp,
  ConferencingAppsSchema,
  type DefaultConferencingApp,
  DefaultConferencingAppSchema,
} from '../../models/conferencing';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';

/** Your conferencing apps (`/v2/conferencing`, unversioned; docs/CALCOM-API.md §7.9): `list`, `getDefault`. */
export class ConferencingResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Lists the conferencing apps you installed (`GET /v2/conferencing`).
   *
   * @example
   * ```ts
   * const working = (await cal.conferencing.list()).filter((app) => !app.invalid);
   * ```
   *
   * @param options The per-call options.
   * @returns The apps.
   */
  async list(options?: RequestOptions): Promise<ConferencingApp[]> {
    const result = await this.#context.executor.execute(
      {
        method: 'GET',
        path: '/conferencing',
        resource: 'conferencing',
        retry: 'idempotent',
        schema: ConferencingAppsSchema,
      },
      options,
    );
    return result.data;
  }

  /**
   * Gets your default conferencing app (`GET /v2/conferencing/default`), the one new bookings use unless the event type
   * says otherwise.
   *
   * @example
   * ```ts
   * const { appSlug } = await cal.conferencing.getDefault();
   * ```
   *
   * @param options The per-call options.
   * @returns The app's slug and fixed link, `null` when unset.
   */
  async getDefault(options?: RequestOptions): Promise<DefaultConferencingApp> {
    const result = await this.#context.executor.execute(
      {
        method: 'GET',
        path: '/conferencing/default',
        resource: 'conferencing',
        retry: 'idempotent',
        schema: DefaultConferencingAppSchema,
      },
      options,
    );
    return result.data;
  }
}
