import { CalComConfigError } from '../errors/config-error';

/** The default API base URL (D1). */
export const DEFAULT_BASE_URL = 'https://api.cal.com/v2';

/**
 * Normalises the API base URL (D1): defaults to `https://api.cal.com/v2`, drops trailing slashes, appends `/v2` to a
 * bare origin such as `https://api.cal.eu`, and refuses `/v1` URLs (v1 was shut down) and any other path that does not
 * end in `/v2`. Plain `http://` is refused unless the host is a loopback address (`localhost`, `127.0.0.0/8`,
 * `[::1]`, e.g. a local simulator): every request carries the API key, which would otherwise travel in clear text.
 *
 * @param value The base URL as given, or `undefined` for the default.
 */
export function normaliseBaseUrl(value: string | undefined, field: string): string {
  if (value === undefined || value.trim() === '') {
    return DEFAULT_BASE_URL;
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new CalComConfigError(
      `${field} "${value}" is not a URL. Use https://api.cal.com/v2 (EU: https://api.cal.eu/v2, self-hosted: https://<host>/v2).`,
      field,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CalComConfigError(
      `${field} must start with https:// (got ${url.protocol}). Use https://api.cal.com/v2.`,
      field,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new CalComConfigError(
      `${field} uses plain http:// for ${url.host}, so the API key would travel in clear text with every request. Use https://${url.host}${url.pathname.replace(/\/+$/, '')} (Cal.com: https://api.cal.com/v2), or a loopback address (localhost, 127.0.0.1 or [::1]) for a local simulator.`,
      field,
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v1$/i.test(path)) {
    throw new CalComConfigError(
      `${field} points to Cal.com API v1 (${url.origin}${path}), which was shut down on 2026-04-08. Set ${field} to ${url.origin}${path.replace(/\/v1$/i, '/v2')} (API v2).`,
      field,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new CalComConfigError(`${field} must not contain a query or fragment. Use ${url.origin}${path}.`, field);
  }
  if (path === '') {
    return `${url.origin}/v2`;
  }
  if (!/\/v2$/.test(path)) {
    throw new CalComConfigError(
      `${field} must end in /v2 (got ${url.origin}${path}). Use ${url.origin}${path}/v2 if the API is served there, or https://api.cal.com/v2.`,
      field,
    );
  }
  return `${url.origin}${path}`;
}

/**
 * Tells whether a URL host name is a loopback address, where plain `http:` never leaves the machine.
 *
 * @param hostname The host name as `URL` normalises it (lower case, IPv4 in dotted form, IPv6 in brackets).
 * @returns Whether it is `localhost`, in `127.0.0.0/8` or `[::1]`.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
