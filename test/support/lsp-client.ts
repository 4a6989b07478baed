/**
 * A minimal Language Server Protocol client over stdio (JSON-RPC with Content-Length framing),
 * enough to drive yaml-language-server as an editor does (issue 16). Requests time out.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };

export class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly listeners: ((message: Message) => void)[] = [];
  readonly process: ChildProcessWithoutNullStreams;

  constructor(command: string, args: readonly string[]) {
    this.process = spawn(command, args, { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) this.pending.get(message.id)?.(message);
    else if (message.id !== undefined && message.method !== undefined) this.send({ id: message.id, result: message.method === 'workspace/configuration' ? [] : null });
    for (const listener of this.listeners) listener(message);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  request<T>(method: string, params: unknown, timeoutMs = 20000): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        this.pending.delete(id);
        if (message.error) reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
        else resolve(message.result as T);
      });
      this.send({ id, method, params });
    });
  }

  /** The first notification `method` whose params satisfy `test`. */
  waitFor<T>(method: string, test: (params: T) => boolean, timeoutMs = 20000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} in ${timeoutMs} ms`)), timeoutMs);
      this.listeners.push((message) => {
        if (message.method === method && test(message.params as T)) {
          clearTimeout(timer);
          resolve(message.params as T);
        }
      });
    });
  }

  /** Stops the server by its PID. */
  stop(): void {
    if (this.process.pid !== undefined && this.process.exitCode === null) process.kill(this.process.pid);
  }
}
