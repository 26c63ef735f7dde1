import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { type JSONRPCMessage, JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';

/** How to start the server process. */
export interface RecordingStdioTransportOptions {
  /** The executable, e.g. `process.execPath`. */
  readonly command: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /** The working directory. */
  readonly cwd: string;
  /** The whole environment of the child (nothing is inherited). */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * An MCP client transport over a child process that it spawns itself, keeping every byte the child writes: the raw
 * stdout (which must carry JSON-RPC messages only, one per line) and stderr (where logs belong). A stdout line that is
 * not a JSON-RPC message is recorded in {@link RecordingStdioTransport.strayLines} and skipped, as the SDK's stdio
 * transport does, so the test can say exactly what leaked.
 */
export class RecordingStdioTransport implements Transport {
  /** Called when the child exits. */
  onclose?: () => void;
  /** Called on a spawn or stream error. */
  onerror?: (error: Error) => void;
  /** Called with every JSON-RPC message the child sends. */
  onmessage?: (message: JSONRPCMessage) => void;
  /** Every stdout line that is not a JSON-RPC message. */
  readonly strayLines: string[] = [];
  private readonly stdoutChunks: Buffer[] = [];
  private readonly stderrChunks: Buffer[] = [];
  private pending: Buffer = Buffer.alloc(0);
  private child: ChildProcessWithoutNullStreams | undefined;
  private exited: Promise<void> | undefined;

  /**
   * Creates the transport; the child starts with {@link RecordingStdioTransport.start}.
   *
   * @param options The command, arguments, working directory and environment.
   */
  constructor(private readonly options: RecordingStdioTransportOptions) {}

  /** The raw bytes the child wrote to stdout, so far. */
  get stdout(): Buffer {
    return Buffer.concat(this.stdoutChunks);
  }

  /** What the child wrote to stderr, so far. */
  get stderr(): string {
    return Buffer.concat(this.stderrChunks).toString('utf8');
  }

  /** Spawns the child and starts reading its output. */
  async start(): Promise<void> {
    const child = spawn(this.options.command, [...this.options.args], {
      cwd: this.options.cwd,
      env: { ...this.options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    child.stdout.on('data', (chunk: Buffer) => {
      this.stdoutChunks.push(chunk);
      this.readLines(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => this.stderrChunks.push(chunk));
    child.once('close', () => this.onclose?.());
    child.on('error', (error) => this.onerror?.(error));
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', reject);
    });
  }

  /**
   * Sends one message as a line on the child's stdin.
   *
   * @param message The JSON-RPC message.
   */
  async send(message: JSONRPCMessage): Promise<void> {
    const child = this.child;
    if (child === undefined) throw new Error('RecordingStdioTransport: start() first');
    await new Promise<void>((resolve, reject) =>
      child.stdin.write(`${JSON.stringify(message)}\n`, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** Ends the child's stdin and waits for it to exit, stopping it if it does not leave by itself. */
  async close(): Promise<void> {
    const child = this.child;
    if (child === undefined || this.exited === undefined) return;
    child.stdin.end();
    const stop = setTimeout(() => child.kill('SIGTERM'), 2000);
    await this.exited;
    clearTimeout(stop);
  }

  private readLines(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (let index = this.pending.indexOf(10); index !== -1; index = this.pending.indexOf(10)) {
      const line = this.pending.subarray(0, index).toString('utf8');
      this.pending = this.pending.subarray(index + 1);
      const message = parseMessage(line);
      if (message === undefined) this.strayLines.push(line);
      else this.onmessage?.(message);
    }
  }
}

/**
 * Parses one stdout line as a JSON-RPC message.
 *
 * @param line The line, without its newline.
 * @returns The message, or `undefined` when the line is not one.
 */
export function parseMessage(line: string): JSONRPCMessage | undefined {
  try {
    const parsed = JSONRPCMessageSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
