import { ok, type Route, type RouteContext } from '../context';
import { badRequestError, notFoundError } from '../http-error';
import type { Bookable } from '../team-scheduling';
import type { SimulatorData } from '../types';
import { validateQuery } from '../validation';
import { slotsOf } from './slots';

/** A question of a routing form. `identifier` (else `label`) names its answer in a calculate-slots body. */
export interface RoutingFormField {
  readonly id: string;
  readonly label: string;
  readonly identifier?: string;
  readonly type: 'text' | 'email' | 'number' | 'select' | 'multiselect';
  /** The choices of a select or multiselect; an answer names one by id or label. */
  readonly options?: readonly { readonly id: string; readonly label: string }[];
}

/** When a route applies: the subset of Cal.com's jsonLogic conditions the simulator models. */
export type RoutingCondition =
  | { readonly field: string; readonly equals: string }
  | { readonly field: string; readonly includes: string }
  | { readonly field: string; readonly atLeast: number };

/** What a route does: Cal.com's three route actions. */
export type RoutingAction =
  | { readonly type: 'eventTypeRedirectUrl'; readonly value: string }
  | { readonly type: 'customPageMessage'; readonly value: string }
  | { readonly type: 'externalRedirectUrl'; readonly value: string };

/** A route of a routing form: its condition and its action. */
export interface RoutingFormRoute {
  readonly id: string;
  readonly when: RoutingCondition;
  readonly action: RoutingAction;
}

/**
 * A routing form (string id), its team (`null` for a personal form), questions, routes checked in order, and the
 * fallback route's action (Cal.com's form editor always keeps a fallback route).
 */
export interface StoredRoutingForm {
  readonly id: string;
  readonly name: string;
  readonly teamId: number | null;
  readonly fields: readonly RoutingFormField[];
  readonly routes: readonly RoutingFormRoute[];
  readonly fallback: RoutingAction;
}

/** The id of the seeded routing form of the Analytical Engines team. */
export const SEEDED_ROUTING_FORM_ID = '9d3b6f1e-2c4a-4e8b-a1f0-7c5d2e9b4a61';

/** The id of Ada's seeded personal routing form. */
export const PERSONAL_ROUTING_FORM_ID = '4c1e8a2b-7d3f-4b9e-8f6a-2d5c7e9a1b03';

/**
 * The seeded routing forms. Analytical Engines' "Talk to us": Enterprise companies (1000+) go to an external page, a
 * demo to the round-robin `team-demo`, planning to the collective `team-sync`, training to a removed event type,
 * "something else" to a message; everything else falls back to `team-demo`. Ada's personal "Intake" form, which
 * calculate-slots cannot route (Cal.com routes to team event types only).
 *
 * @returns The forms.
 */
export function seedRoutingForms(): StoredRoutingForm[] {
  return [
    {
      id: SEEDED_ROUTING_FORM_ID,
      name: 'Talk to us',
      teamId: 5001,
      fields: [
        { id: 'f-size', label: 'Company size', identifier: 'company-size', type: 'number' },
        {
          id: 'f-topic',
          label: 'What would you like?',
          identifier: 'topic',
          type: 'select',
          options: [
            { id: 'o-demo', label: 'Product demo' },
            { id: 'o-planning', label: 'Planning' },
            { id: 'o-training', label: 'Training' },
            { id: 'o-other', label: 'Something else' },
          ],
        },
        {
          id: 'f-products',
          label: 'Products',
          type: 'multiselect',
          options: [
            { id: 'o-engine', label: 'Engine' },
            { id: 'o-mill', label: 'Mill' },
          ],
        },
        { id: 'f-email', label: 'Email', identifier: 'email', type: 'email' },
      ],
      routes: [
        {
          id: 'r-enterprise',
          when: { field: 'f-size', atLeast: 1000 },
          action: { type: 'externalRedirectUrl', value: 'https://example.com/enterprise' },
        },
        {
          id: 'r-demo',
          when: { field: 'f-topic', equals: 'o-demo' },
          action: { type: 'eventTypeRedirectUrl', value: 'team/analytical-engines/team-demo' },
        },
        {
          id: 'r-planning',
          when: { field: 'f-topic', equals: 'o-planning' },
          action: { type: 'eventTypeRedirectUrl', value: 'team/analytical-engines/team-sync' },
        },
        {
          id: 'r-mill',
          when: { field: 'f-products', includes: 'o-mill' },
          action: { type: 'eventTypeRedirectUrl', value: 'team/analytical-engines/team-sync' },
        },
        {
          id: 'r-training',
          when: { field: 'f-topic', equals: 'o-training' },
          action: { type: 'eventTypeRedirectUrl', value: 'team/analytical-engines/training' },
        },
        {
          id: 'r-other',
          when: { field: 'f-topic', equals: 'o-other' },
          action: { type: 'customPageMessage', value: 'Thanks! We will write to you.' },
        },
      ],
      fallback: { type: 'eventTypeRedirectUrl', value: 'team/analytical-engines/team-demo' },
    },
    {
      // A personal form: Cal.com's calculate-slots routes only to team event types.
      id: PERSONAL_ROUTING_FORM_ID,
      name: 'Intake',
      teamId: null,
      fields: [{ id: 'f-need', label: 'What do you need?', type: 'text' }],
      routes: [],
      fallback: { type: 'eventTypeRedirectUrl', value: 'ada-lovelace/thirty-minutes' },
    },
  ];
}

/** Cal.com's 404 when the form is unknown or its route leads to no redirect (a custom page message). */
const NO_ROUTE = 'Route to which the form response should be redirected not found.';

const identifierOf = (field: RoutingFormField) => field.identifier ?? field.label;

/** An answer as Cal.com's router reads it (`new URLSearchParams(body)`): a string, arrays joined with commas. */
function answerText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  throw badRequestError(
    `${name}: a routing form answer must be a string, a number or an array of strings (Cal.com reads answers as form values).`,
  );
}

/** An option's id from an answer naming it by id or label (Cal.com's `transformSelectValue`). */
function optionId(field: RoutingFormField, idOrLabel: string): string {
  const trimmed = idOrLabel.trim();
  const option = field.options?.find((candidate) => candidate.id === trimmed || candidate.label === trimmed);
  return option?.id ?? trimmed;
}

/**
 * Reads the body of a calculate-slots request into answers by field id. Cal.com reads the body as form values keyed
 * by field identifier (else label); the simulator refuses a key that is no field of the form (Cal.com would route as
 * if that question were unanswered), so a misspelt identifier cannot look right.
 */
function readAnswers(form: StoredRoutingForm, body: unknown): Map<string, string> {
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw badRequestError('The body must be a JSON object of answers keyed by the form fields’ identifiers.');
  }
  const answers = new Map<string, string>();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const field = form.fields.find((candidate) => identifierOf(candidate) === name);
    if (field === undefined) {
      throw badRequestError(
        `${name}: the routing form ${form.id} has no field with this identifier. Its fields: ${form.fields.map(identifierOf).join(', ')}.`,
      );
    }
    answers.set(field.id, answerText(name, value));
  }
  return answers;
}

function matches(form: StoredRoutingForm, condition: RoutingCondition, answers: Map<string, string>): boolean {
  const field = form.fields.find((candidate) => candidate.id === condition.field);
  const answer = answers.get(condition.field) ?? '';
  if (field === undefined || answer === '') return false;
  if ('atLeast' in condition) return Number(answer) >= condition.atLeast;
  if ('includes' in condition) return answer.split(',').some((item) => optionId(field, item) === condition.includes);
  return (field.options === undefined ? answer : optionId(field, answer)) === condition.equals;
}

/**
 * Routes the answers like Cal.com's router: the first route whose condition holds, else the fallback; then the team
 * event type a redirect names (`team/<teamSlug>/<eventTypeSlug>`), with Cal.com's 404s for every other outcome.
 */
function routedEventType(data: SimulatorData, form: StoredRoutingForm, answers: Map<string, string>): Bookable {
  const action = form.routes.find((route) => matches(form, route.when, answers))?.action ?? form.fallback;
  if (action.type === 'customPageMessage') throw notFoundError(NO_ROUTE);
  if (action.type === 'externalRedirectUrl') throw notFoundError('Routed to a non cal.com event type URL.');
  if (form.teamId === null) throw notFoundError('Team ID not found in the routed URL.');
  const slug = action.value.split('/').at(-1);
  const eventType = data.teamEventTypes.find(
    (candidate) => candidate.teamId === form.teamId && candidate.slug === slug,
  );
  if (eventType === undefined) throw notFoundError('Event type not found.');
  return { kind: 'team', eventType };
}

function calculateSlots(context: RouteContext) {
  const query = validateQuery(context.query, {
    start: { type: 'date', required: true },
    end: { type: 'date', required: true },
    timeZone: { type: 'timeZone' },
    duration: { type: 'integer', min: 1 },
    format: { type: 'enum', values: ['range', 'time'] },
    bookingUidToReschedule: { type: 'string' },
  });
  const form = context.data.routingForms.find((candidate) => candidate.id === context.params.routingFormId);
  if (form === undefined) throw notFoundError(NO_ROUTE);
  const target = routedEventType(context.data, form, readAnswers(form, context.body));
  return ok({ eventTypeId: target.eventType.id, slots: slotsOf(context, target, query) });
}

/** Routing forms: `POST /v2/routing-forms/{routingFormId}/calculate-slots` (unversioned, docs/CALCOM-API.md §7.10). */
export const routingFormRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v2/routing-forms/:routingFormId/calculate-slots',
    auth: 'required',
    handle: calculateSlots,
  },
];
