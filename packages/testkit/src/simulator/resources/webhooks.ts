import { WEBHOOK_TRIGGERS, type WebhookOutput, type WebhookTrigger } from '../../dto/webhook';
import { buildWebhook } from '../../fixtures/webhook';
import { ok, type Route, type RouteContext, requireUser } from '../context';
import { notFoundError } from '../http-error';
import { type Shape, validateBody, validateQuery } from '../validation';

function ownWebhook(context: RouteContext): WebhookOutput {
  const user = requireUser(context);
  const webhook = context.data.webhooks.find(
    (candidate) => String(candidate.id) === context.params.webhookId && candidate.userId === user.id,
  );
  if (webhook === undefined) throw notFoundError(`Webhook with id ${context.params.webhookId} not found`);
  return webhook;
}

function webhookShape(required: boolean): Shape {
  return {
    active: { type: 'boolean', required },
    subscriberUrl: { type: 'string', required },
    triggers: { type: 'array', required, items: { type: 'enum', values: WEBHOOK_TRIGGERS } },
    payloadTemplate: { type: 'string' },
    secret: { type: 'string' },
    version: { type: 'enum', values: ['2021-10-20'] },
  };
}

/** User webhooks (unversioned; `webhookId` is a string path parameter). */
export const webhookRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/webhooks',
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const query = validateQuery(context.query, {
        take: { type: 'integer', min: 1, max: 250 },
        skip: { type: 'integer', min: 0 },
      });
      const skip = (query.skip as number | undefined) ?? 0;
      const take = (query.take as number | undefined) ?? 250;
      const own = context.data.webhooks.filter((webhook) => webhook.userId === user.id);
      return ok(own.slice(skip, skip + take));
    },
  },
  {
    method: 'POST',
    pattern: '/v2/webhooks',
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const input = validateBody(context.body, webhookShape(true));
      const webhook = buildWebhook({
        id: context.data.nextIds.webhook++,
        userId: user.id,
        subscriberUrl: input.subscriberUrl as string,
        active: input.active as boolean,
        triggers: input.triggers as WebhookTrigger[],
        payloadTemplate: (input.payloadTemplate as string | undefined) ?? '',
        ...(input.secret === undefined ? {} : { secret: input.secret as string }),
      });
      context.data.webhooks.push(webhook);
      return ok(webhook, 201);
    },
  },
  { method: 'GET', pattern: '/v2/webhooks/:webhookId', auth: 'required', handle: (context) => ok(ownWebhook(context)) },
  {
    method: 'PATCH',
    pattern: '/v2/webhooks/:webhookId',
    auth: 'required',
    handle(context) {
      const webhook = ownWebhook(context);
      const { version: _version, ...patch } = validateBody(context.body, webhookShape(false));
      Object.assign(webhook, patch);
      return ok(webhook);
    },
  },
  {
    method: 'DELETE',
    pattern: '/v2/webhooks/:webhookId',
    auth: 'required',
    handle(context) {
      const webhook = ownWebhook(context);
      context.data.webhooks.splice(context.data.webhooks.indexOf(webhook), 1);
      return ok(webhook);
    },
  },
];
