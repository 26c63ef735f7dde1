import { CalComClient, DEFAULT_API_VERSIONS } from '@calcom-int/core';
import { ofetch } from 'ofetch';
import createClient from 'openapi-fetch';
import type { CannedServer } from './canned-server';
import type { paths } from './generated/cal-com-v2';

/** The contenders, in the order of the table's columns. */
export const CONTENDERS = ['raw fetch', 'openapi-fetch', 'ofetch', 'CalComClient'] as const;

/** A contender's name. */
export type ContenderName = (typeof CONTENDERS)[number];

/** What each contender does: the two calls of the throughput rows. Each returns what a caller would use. */
export interface Contender {
  readonly name: ContenderName;
  /** `GET /v2/event-types/{id}`: the event type's title. */
  readonly eventType: () => Promise<string>;
  /** `GET /v2/bookings?take=100`: how many bookings the page holds. */
  readonly bookingsPage: () => Promise<number>;
  /** Releases what the contender holds. */
  readonly close: () => Promise<void>;
}

interface EventTypeBody {
  readonly data: { readonly title: string };
}
interface BookingsBody {
  readonly data: readonly unknown[];
}

/**
 * Creates the four contenders over the same canned loopback server, each sending the same headers Cal.com asks for
 * (`Authorization`, `cal-api-version`).
 *
 * @param server The canned server.
 * @returns The contenders, in {@link CONTENDERS} order.
 */
export function createContenders(server: CannedServer): Contender[] {
  const authorization = `Bearer ${server.apiKey}`;
  const eventTypeVersion = DEFAULT_API_VERSIONS.eventTypes ?? '';
  const bookingsVersion = DEFAULT_API_VERSIONS.bookings ?? '';
  const eventTypeHeaders = { authorization, 'cal-api-version': eventTypeVersion };
  const bookingsHeaders = { authorization, 'cal-api-version': bookingsVersion };
  const eventTypeUrl = `${server.baseUrl}/event-types/${server.eventTypeId}`;
  const bookingsUrl = `${server.baseUrl}/bookings?take=100`;
  const origin = server.baseUrl.replace(/\/v2$/, '');

  const typed = createClient<paths>({ baseUrl: origin });
  const client = new CalComClient({ apiKey: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  const noop = async () => {};
  return [
    {
      name: 'raw fetch',
      eventType: async () =>
        ((await (await fetch(eventTypeUrl, { headers: eventTypeHeaders })).json()) as EventTypeBody).data.title,
      bookingsPage: async () =>
        ((await (await fetch(bookingsUrl, { headers: bookingsHeaders })).json()) as BookingsBody).data.length,
      close: noop,
    },
    {
      name: 'openapi-fetch',
      eventType: async () => {
        const { data, error } = await typed.GET('/v2/event-types/{eventTypeId}', {
          params: {
            path: { eventTypeId: String(server.eventTypeId) },
            header: { Authorization: authorization, 'cal-api-version': eventTypeVersion },
          },
        });
        if (error !== undefined || data === undefined) throw new Error('openapi-fetch: GET event type failed');
        return (data.data as { title: string }).title;
      },
      bookingsPage: async () => {
        const { data, error } = await typed.GET('/v2/bookings', {
          params: {
            query: { take: 100 },
            header: { Authorization: authorization, 'cal-api-version': bookingsVersion },
          },
        });
        if (error !== undefined || data === undefined) throw new Error('openapi-fetch: GET bookings failed');
        return data.data.length;
      },
      close: noop,
    },
    {
      name: 'ofetch',
      eventType: async () => (await ofetch<EventTypeBody>(eventTypeUrl, { headers: eventTypeHeaders })).data.title,
      bookingsPage: async () => (await ofetch<BookingsBody>(bookingsUrl, { headers: bookingsHeaders })).data.length,
      close: noop,
    },
    {
      name: 'CalComClient',
      eventType: async () => (await client.eventTypes.get(server.eventTypeId)).title,
      bookingsPage: async () => (await client.bookings.list({ limit: 100 })).items.length,
      close: () => client.close(),
    },
  ];
}
