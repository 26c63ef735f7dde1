import { simulator } from '@calcom-int/testkit/vitest';
import { toStandardJsonSchema } from '@valibot/to-json-schema';
import { asSchema, generateText, type JSONSchema7, jsonSchema } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestClient, useFixedSimulator, WRITE_TOOL_NAMES } from '../../../test/support';
import { validInputs } from '../../../test/tool-inputs';
import { toInputJsonSchema } from '../../to-input-json-schema';
import { calComTools } from '../../tools/all-tools';
import { getBooking } from '../../tools/get-booking';
import { createCalComAiTools, toAiInputSchema } from './create-cal-com-ai-tools';

const WRITES = WRITE_TOOL_NAMES;

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};

/**
 * A model that calls one tool on its first step and then stops.
 *
 * @param toolName The tool to call.
 * @param input The tool input.
 * @returns The mock model.
 */
function modelCalling(toolName: string, input: unknown) {
  let step = 0;
  return new MockLanguageModelV3({
    doGenerate: async () => {
      step += 1;
      if (step > 1) {
        return {
          content: [{ type: 'text', text: 'done' }],
          finishReason: { unified: 'stop', raw: 'stop' },
          usage,
          warnings: [],
        };
      }
      return {
        content: [{ type: 'tool-call', toolCallId: 'call_1', toolName, input: JSON.stringify(input) }],
        finishReason: { unified: 'tool-calls', raw: 'tool_use' },
        usage,
        warnings: [],
      };
    },
  });
}

describe('createCalComAiTools', () => {
  beforeEach(() => useFixedSimulator());

  it('creates one AI SDK tool per Cal.com tool with our JSON Schema, approval on every write', async () => {
    const tools = createCalComAiTools({ client: createTestClient() });
    expect(Object.keys(tools)).toEqual(calComTools.map((tool) => tool.name));
    for (const tool of calComTools) {
      const aiTool = tools[tool.name];
      expect(aiTool?.description).toBe(tool.description);
      expect(await asSchema(aiTool?.inputSchema).jsonSchema).toEqual(toInputJsonSchema(tool));
    }
    expect(
      Object.entries(tools)
        .filter(([, aiTool]) => aiTool.needsApproval === true)
        .map(([name]) => name),
    ).toEqual(WRITES);
    expect(Object.values(tools).every((aiTool) => typeof aiTool.needsApproval === 'boolean')).toBe(true);
  });

  it('asks for approval before create_booking runs (every write, not only destructive ones)', async () => {
    const input = validInputs(simulator()).create_booking;
    const result = await generateText({
      model: modelCalling('create_booking', input),
      tools: createCalComAiTools({ client: createTestClient() }),
      prompt: 'Book it',
      stopWhen: ({ steps }) => steps.length >= 2,
    });
    expect(result.content.filter((part) => part.type === 'tool-approval-request')).toHaveLength(1);
    expect(simulator().requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('runs a tool inside generateText and shows the model the text', async () => {
    const input = validInputs(simulator()).get_booking;
    const result = await generateText({
      model: modelCalling('get_booking', input),
      tools: createCalComAiTools({ client: createTestClient() }),
      prompt: 'Show the booking',
      stopWhen: ({ steps }) => steps.length >= 2,
    });
    const [toolResult] = result.steps[0]?.toolResults ?? [];
    expect(toolResult?.output).toMatchObject({ ok: true, structured: { booking: { uid: input?.booking_id } } });
    const toolMessage = result.response.messages.find((message) => message.role === 'tool');
    expect(JSON.stringify(toolMessage?.content)).toContain(`"type":"text","value":"uid ${input?.booking_id}`);
  });

  it('rejects invalid input before execute (no request), unlike valibot Standard Schema', async () => {
    const result = await generateText({
      model: modelCalling('get_booking', { booking_id: '' }),
      tools: createCalComAiTools({ client: createTestClient() }),
      prompt: 'Show the booking',
      stopWhen: ({ steps }) => steps.length >= 2,
    });
    expect(result.steps[0]?.toolResults).toEqual([]);
    const errors = result.steps[0]?.content.filter((part) => part.type === 'tool-error') ?? [];
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as { error: unknown }).error)).toContain(
      '- booking_id: is empty. Pass the uid exactly as Cal.com returned it',
    );
    expect(simulator().requests).toEqual([]);

    // The hole we avoid: the Standard Schema path reports success for the same invalid input.
    const standard = asSchema(
      jsonSchema(toInputJsonSchema(getBooking) as JSONSchema7, {
        validate: async (value) => {
          const outcome = await toStandardJsonSchema(getBooking.input)['~standard'].validate(value);
          return 'value' in outcome ? { success: true, value } : { success: false, error: new Error('invalid') };
        },
      }),
    );
    expect(await standard.validate?.({ booking_id: '' })).toMatchObject({ success: true });
    expect(await toAiInputSchema(getBooking).validate?.({ booking_id: '' })).toMatchObject({ success: false });
  });

  it('turns API failures into error text for the model, never a throw', async () => {
    const result = await generateText({
      model: modelCalling('get_booking', { booking_id: 'missing' }),
      tools: createCalComAiTools({ client: createTestClient() }),
      prompt: 'Show the booking',
      stopWhen: ({ steps }) => steps.length >= 2,
    });
    const [toolResult] = result.steps[0]?.toolResults ?? [];
    expect(toolResult?.output).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const toolMessage = result.response.messages.find((message) => message.role === 'tool');
    expect(JSON.stringify(toolMessage?.content)).toContain('"type":"error-text","value":"Not found (404)');
  });

  it('asks for approval before a destructive tool runs', async () => {
    const input = validInputs(simulator()).cancel_booking;
    const result = await generateText({
      model: modelCalling('cancel_booking', input),
      tools: createCalComAiTools({ client: createTestClient() }),
      prompt: 'Cancel it',
      stopWhen: ({ steps }) => steps.length >= 2,
    });
    expect(result.content.filter((part) => part.type === 'tool-approval-request')).toHaveLength(1);
    expect(simulator().requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('passes the abort signal and honours a custom approval rule', async () => {
    const tools = createCalComAiTools({
      client: createTestClient(),
      approval: (tool) => tool.annotations.destructiveHint || tool.name === 'list_teams',
    });
    expect(
      Object.entries(tools)
        .filter(([, aiTool]) => aiTool.needsApproval === true)
        .map(([name]) => name),
    ).toEqual([
      'delete_event_type',
      'delete_private_link',
      'delete_schedule',
      'reschedule_booking',
      'cancel_booking',
      'decline_booking',
      'list_teams',
      'delete_webhook',
    ]);
    const controller = new AbortController();
    const output = await tools.list_teams?.execute?.(
      {},
      { toolCallId: 'call_1', messages: [], abortSignal: controller.signal },
    );
    expect(output).toMatchObject({ ok: true, structured: { teams: [{ id: 5001, name: 'Analytical Engines' }] } });
    expect(simulator().requests.map((request) => `${request.method} ${request.path}`)).toContain('GET /v2/teams');

    // An already aborted signal reaches the client: nothing is sent and the result is a failure.
    const sentBefore = simulator().requests.length;
    const aborted = new AbortController();
    aborted.abort(new Error('user stopped'));
    const stopped = await tools.list_teams?.execute?.(
      {},
      { toolCallId: 'call_2', messages: [], abortSignal: aborted.signal },
    );
    expect(stopped).toMatchObject({ ok: false });
    expect(simulator().requests).toHaveLength(sentBefore);
  });
});
