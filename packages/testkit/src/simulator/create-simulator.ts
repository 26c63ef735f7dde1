import {
  bareInternalServerError,
  errorEnvelope,
  htmlBadGateway,
  malformedJson,
  type ResponseSpec,
  serverErrorEnvelope,
  tooManyRequests,
  toResponse,
} from '../fixtures/errors';
import { NO_AUTH_MESSAGE, type RouteContext } from './context';
import { createFaultRegistry } from './fault-registry';
import { badRequestError, SimulatorHttpError, unauthorizedError } from './http-error';
import { createOAuthState, OAUTH_AUTHORIZE_PATH, oauthControls } from './oauth';
import { accessTokenGrant, bearerGrant, enforceScope } from './oauth-access';
import { authorize } from './oauth-authorize';
import { createRateLimiter } from './rate-limiter';
import { matchRoute } from './router';
import { ROUTES } from './routes';
import { createSeedData } from './seed';
import type {
  CalComSimulator,
  Fault,
  RecordedRequest,
  SimulatorData,
  SimulatorOptions,
  SimulatorResult,
  SimulatorStateView,
  SimulatorUser,
} from './types';

const API_KEY_INVALID = 'ApiAuthStrategy - api key - Your api key is not valid';
const ACCESS_TOKEN_INVALID = 'ApiAuthStrategy - access token - Invalid access token';

interface ErrorContext {
  path: string;
  now: Date;
  requestId: string;
}

function authenticate(data: SimulatorData, header: string | null, now: Date): SimulatorUser | null {
  if (header === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/.exec(header);
  if (match === null) throw unauthorizedError(NO_AUTH_MESSAGE);
  const token = match[1] ?? '';
  if (!token.startsWith('cal_')) {
    // An OAuth2 access token: unknown, expired and revoked ones all get the same 401 (docs/CALCOM-API.md §2.1).
    const grant = accessTokenGrant(data.oauth, token, now);
    const owner = grant === undefined ? undefined : data.users.find((candidate) => candidate.id === grant.userId);
    if (owner === undefined) throw unauthorizedError(ACCESS_TOKEN_INVALID);
    return owner;
  }
  const user = data.users.find((candidate) => candidate.apiKey === token);
  if (user === undefined) throw unauthorizedError(API_KEY_INVALID);
  return user;
}

function trackerOf(header: string | null): string {
  const token = header === null ? undefined : /^Bearer\s+(\S+)/.exec(header)?.[1];
  return token === undefined ? 'ip_127.0.0.1' : token.startsWith('cal_') ? `api_key_${token}` : `access_token_${token}`;
}

function withHeaders(spec: ResponseSpec, headers: Record<string, string>): ResponseSpec {
  return { ...spec, headers: { ...spec.headers, ...headers } };
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * Creates an in-memory, deterministic model of Cal.com API v2 (auth, version routing, rate limits, slots,
 * bookings, event types, schedules, teams, webhooks, fault injection). Transport-agnostic: msw and node:http
 * are thin adapters over {@link CalComSimulator.handle}.
 *
 * @param options Seed, clock, faults and rate limits.
 * @returns The simulator.
 */
export function createCalComSimulator(options: SimulatorOptions = {}): CalComSimulator {
  const clock = options.now ?? (() => new Date());
  const seedData = (): SimulatorData => ({
    ...createSeedData(clock(), options.seed),
    oauth: createOAuthState(options.oauth),
  });
  let data = seedData();
  let log: RecordedRequest[] = [];
  let requestCounter = 0;
  const faults = createFaultRegistry(options.faults);
  const limiter = createRateLimiter(options.rateLimit);
  const rateLimited = options.rateLimit?.enabled !== false;

  const errorResponse = (error: SimulatorHttpError, context: ErrorContext): ResponseSpec =>
    errorEnvelope(error.status, error.code, error.message, error.details, context.path, context);

  function dispatch(request: Request, url: URL, rawBody: string, errorContext: ErrorContext): ResponseSpec {
    const method = request.method.toUpperCase();
    const match = matchRoute(ROUTES, method, url.pathname, request.headers.get('cal-api-version'));
    if (match === undefined) {
      return errorResponse(
        new SimulatorHttpError(404, 'NotFoundException', `Cannot ${method} ${errorContext.path}`),
        errorContext,
      );
    }
    const authorization = request.headers.get('authorization');
    let rateHeaders: Record<string, string> = {};
    if (rateLimited) {
      const decision = limiter.check(trackerOf(authorization), errorContext.now.getTime());
      rateHeaders = decision.headers;
      if (!decision.allowed) {
        return tooManyRequests({ ...errorContext, limit: decision.limit, resetSeconds: decision.resetSeconds });
      }
    }
    try {
      const user = authenticate(data, authorization, errorContext.now);
      enforceScope(bearerGrant(data.oauth, authorization, errorContext.now), method, url.pathname);
      if (match.route.auth === 'required' && user === null) throw unauthorizedError(NO_AUTH_MESSAGE);
      let body: unknown;
      if (
        rawBody.trim() !== '' &&
        /^application\/x-www-form-urlencoded/i.test(request.headers.get('content-type') ?? '')
      ) {
        body = Object.fromEntries(new URLSearchParams(rawBody));
      } else if (rawBody.trim() !== '') {
        try {
          body = JSON.parse(rawBody);
        } catch {
          throw badRequestError('Request body is not valid JSON');
        }
      }
      const context: RouteContext = {
        method,
        path: url.pathname,
        params: match.params,
        query: url.searchParams,
        headers: request.headers,
        body,
        user,
        data,
        now: errorContext.now,
      };
      const reply = match.route.handle(context);
      return {
        status: reply.status,
        headers: { 'content-type': 'application/json; charset=utf-8', ...rateHeaders, ...reply.headers },
        body: reply.body as object,
      };
    } catch (error) {
      if (error instanceof SimulatorHttpError) return withHeaders(errorResponse(error, errorContext), rateHeaders);
      return withHeaders(bareInternalServerError(), rateHeaders);
    }
  }

  function faultResponse(fault: Fault, context: ErrorContext): SimulatorResult | undefined {
    switch (fault.type) {
      case 'reset':
        return { kind: 'reset' };
      case 'hang':
        return { kind: 'hang' };
      case 'server-error':
        return toResponse(
          fault.shape === 'bare' ? bareInternalServerError() : serverErrorEnvelope(fault.status ?? 500, context),
        );
      case 'malformed-json':
        return toResponse(malformedJson());
      case 'html-502':
        return toResponse(htmlBadGateway());
      case 'rate-limit':
        return toResponse(tooManyRequests({ ...context, resetSeconds: fault.resetSeconds ?? 60 }));
      default:
        return undefined;
    }
  }

  function commitOutcome(fault: Fault, context: ErrorContext): SimulatorResult | undefined {
    if (fault.type !== 'commit-then-fail') return undefined;
    if (fault.outcome === 'hang') return { kind: 'hang' };
    if (fault.outcome === 'reset') return { kind: 'reset' };
    return toResponse(
      fault.outcome === 'bare-server-error' ? bareInternalServerError() : serverErrorEnvelope(500, context),
    );
  }

  const copy = <T>(value: readonly T[]): readonly T[] => structuredClone(value) as readonly T[];
  const state: SimulatorStateView = {
    get users() {
      return copy(data.users);
    },
    get schedules() {
      return copy(data.schedules);
    },
    get eventTypes() {
      return copy(data.eventTypes);
    },
    get teamEventTypes() {
      return copy(data.teamEventTypes);
    },
    get teams() {
      return copy(data.teams);
    },
    get memberships() {
      return copy(data.memberships);
    },
    get bookings() {
      return copy(data.bookings);
    },
    get webhooks() {
      return copy(data.webhooks);
    },
    get calendarConnections() {
      return copy(data.calendarConnections);
    },
    get reservations() {
      return copy(data.reservations);
    },
  };

  return {
    async handle(request) {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const rawBody = method === 'GET' || method === 'HEAD' ? '' : await request.text();
      let loggedBody: unknown;
      try {
        loggedBody = rawBody === '' ? undefined : JSON.parse(rawBody);
      } catch {
        loggedBody = rawBody;
      }
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      log.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body: loggedBody });
      requestCounter += 1;
      const context: ErrorContext = {
        path: `${url.pathname}${url.search}`,
        now: clock(),
        requestId: `00000000-0000-4000-8000-${requestCounter.toString(16).padStart(12, '0')}`,
      };
      const fault = faults.take(method, url.pathname);
      if (fault?.type === 'latency') await sleep(fault.ms);
      const early = fault === undefined ? undefined : faultResponse(fault, context);
      if (early !== undefined) return early;
      if (method === 'GET' && url.pathname === OAUTH_AUTHORIZE_PATH) {
        return toResponse(authorize(data.oauth, data.users, url, context.now));
      }
      const response = toResponse(dispatch(request, url, rawBody, context));
      return (fault === undefined ? undefined : commitOutcome(fault, context)) ?? response;
    },
    faults,
    state,
    oauth: oauthControls(
      () => data.oauth,
      () => data.users,
    ),
    get requests() {
      return [...log];
    },
    now: clock,
    reset() {
      data = seedData();
      log = [];
      requestCounter = 0;
      faults.clear();
      for (const rule of options.faults ?? []) faults.add(rule);
      limiter.reset();
    },
  };
}
