import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A content block the scripted model answers with. */
export type ScriptedBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input: Record<string, unknown> };

/** A `tool_result` block the agent sent back to the model. */
export interface ReceivedToolResult {
  /** The id of the `tool_use` block this result answers. */
  toolUseId: string;
  /** The name of the tool that was called (resolved from the earlier `tool_use`). */
  toolName: string;
  /** Whether the agent marked the result as an error. */
  isError: boolean;
  /** The text of the result (text blocks joined with newlines, the CLI's `<system-reminder>` blocks removed). */
  text: string;
}

/** One request the scripted server received. */
export interface RecordedRequest {
  /** The HTTP method. */
  method: string;
  /** The path with query string. */
  url: string;
  /** The parsed JSON body, or `undefined` when there was none. */
  body: unknown;
  /** Whether this request was part of the scripted conversation (it offered our MCP tools). */
  conversation: boolean;
}

/**
 * One step of the conversation: receives the tool results of the previous turn and returns the model's next blocks.
 * A step that returns only text ends the conversation (`stop_reason: end_turn`).
 */
export type ScriptedStep = (previousResults: ReceivedToolResult[]) => ScriptedBlock[] | Promise<ScriptedBlock[]>;

/** Options of {@link startScriptedMessagesApi}. */
export interface ScriptedMessagesApiOptions {
  /** The conversation, one step per model turn. */
  steps: ScriptedStep[];
  /** The tool-name prefix that marks a request as the scripted conversation (default `mcp__`). */
  conversationToolPrefix?: string;
}

/** A running scripted Messages API. */
export interface ScriptedMessagesApi {
  /** The base URL to put in `ANTHROPIC_BASE_URL`. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** The tool results received, one array per completed model turn. */
  toolResultsByTurn: ReceivedToolResult[][];
  /** Tool names offered to the model in the last conversation request. */
  offeredTools: () => string[];
  /** Errors raised while answering (a step that threw, a request out of script). */
  errors: string[];
  /** Stops the server and destroys open sockets. */
  close: () => Promise<void>;
}

interface MessageParam {
  role: 'user' | 'assistant';
  content: string | Array<Record<string, unknown>>;
}

interface MessagesRequestBody {
  model?: string;
  stream?: boolean;
  messages?: MessageParam[];
  tools?: Array<{ name?: string }>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function blocksOf(message: MessageParam): Array<Record<string, unknown>> {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
}

function textOfResult(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: unknown) =>
      typeof block === 'object' && block !== null && 'text' in block && typeof block.text === 'string'
        ? block.text
        : '',
    )
    .join('\n');
}

/**
 * Extracts the `tool_result` blocks of the last user message, naming each with its `tool_use`.
 *
 * @param messages The conversation sent by the agent.
 * @returns The results of the last turn.
 */
export function lastToolResults(messages: MessageParam[]): ReceivedToolResult[] {
  const toolNames = new Map<string, string>();
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    for (const block of blocksOf(message)) {
      if (block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string') {
        toolNames.set(block.id, block.name);
      }
    }
  }
  const last = messages.at(-1);
  if (last === undefined || last.role !== 'user') return [];
  return blocksOf(last)
    .filter((block) => block.type === 'tool_result')
    .map((block) => {
      const toolUseId = typeof block.tool_use_id === 'string' ? block.tool_use_id : '';
      return {
        toolUseId,
        toolName: toolNames.get(toolUseId) ?? '',
        isError: block.is_error === true,
        text: textOfResult(block.content)
          .replaceAll(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '')
          .trim(),
      };
    });
}

function toApiBlocks(blocks: ScriptedBlock[]): Array<Record<string, unknown>> {
  return blocks.map((block) =>
    block.type === 'text'
      ? { type: 'text', text: block.text }
      : { type: 'tool_use', id: `toolu_${randomUUID().replaceAll('-', '')}`, name: block.name, input: block.input },
  );
}

function sendJsonMessage(response: ServerResponse, model: string, blocks: Array<Record<string, unknown>>): void {
  const stopReason = blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      id: `msg_${randomUUID()}`,
      type: 'message',
      role: 'assistant',
      model,
      content: blocks,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 10 },
    }),
  );
}

function sendStreamedMessage(response: ServerResponse, model: string, blocks: Array<Record<string, unknown>>): void {
  const stopReason = blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (event: string, data: Record<string, unknown>) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
  };
  send('message_start', {
    message: {
      id: `msg_${randomUUID()}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 1 },
    },
  });
  blocks.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
    } else {
      send('content_block_start', {
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
      });
      send('content_block_delta', {
        index,
        delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
      });
    }
    send('content_block_stop', { index });
  });
  send('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 10 } });
  send('message_stop', {});
  response.end();
}

/**
 * Starts a scripted stand-in for the Anthropic Messages API on 127.0.0.1: the conversation that offers our MCP tools
 * is answered step by step from the script; any other call the CLI makes gets a minimal valid answer.
 *
 * @param options The conversation script.
 * @returns The running server with everything it recorded.
 */
export async function startScriptedMessagesApi(options: ScriptedMessagesApiOptions): Promise<ScriptedMessagesApi> {
  const prefix = options.conversationToolPrefix ?? 'mcp__';
  const requests: RecordedRequest[] = [];
  const toolResultsByTurn: ReceivedToolResult[][] = [];
  const errors: string[] = [];
  let lastOffered: string[] = [];
  const sockets = new Set<Socket>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const method = request.method ?? 'GET';
    const messagesBody = (typeof body === 'object' && body !== null ? body : {}) as MessagesRequestBody;
    const offered = (messagesBody.tools ?? []).map((tool) => tool.name ?? '');
    const conversation =
      method === 'POST' && path === '/v1/messages' && offered.some((name) => name.startsWith(prefix));
    requests.push({ method, url, body, conversation });

    if (method === 'POST' && path === '/v1/messages/count_tokens') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ input_tokens: 100 }));
      return;
    }
    if (method === 'GET' && path.startsWith('/v1/models')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: [], has_more: false, first_id: null, last_id: null }));
      return;
    }
    if (method !== 'POST' || path !== '/v1/messages') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `No route ${path}` } }));
      return;
    }

    const model = messagesBody.model ?? 'claude-scripted';
    let blocks: Array<Record<string, unknown>>;
    if (conversation) {
      lastOffered = offered;
      const messages = messagesBody.messages ?? [];
      const turn = messages.filter((message) => message.role === 'assistant').length;
      const results = lastToolResults(messages);
      if (turn > 0) toolResultsByTurn[turn - 1] = results;
      const step = options.steps[turn];
      if (step === undefined) {
        errors.push(`The agent asked for turn ${turn}, but the script has ${options.steps.length} steps.`);
        blocks = toApiBlocks([{ type: 'text', text: 'Done.' }]);
      } else {
        try {
          blocks = toApiBlocks(await step(results));
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
          blocks = toApiBlocks([{ type: 'text', text: 'Script step failed.' }]);
        }
      }
    } else {
      blocks = toApiBlocks([{ type: 'text', text: 'OK' }]);
    }
    if (messagesBody.stream === true) sendStreamedMessage(response, model, blocks);
    else sendJsonMessage(response, model, blocks);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      errors.push(error instanceof Error ? error.message : String(error));
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    toolResultsByTurn,
    offeredTools: () => lastOffered,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
