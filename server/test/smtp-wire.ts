// A bare SMTP client over one TCP socket, for tests that need exact control of what goes on the wire.
import net from 'node:net';

export interface SmtpReply {
  code: number;
  text: string;
}

export class SmtpWire {
  private buffer = '';
  private readonly replies: SmtpReply[] = [];
  private readonly waiters: Array<(reply: SmtpReply) => void> = [];
  private lines: string[] = [];
  readonly closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => this.onData(data));
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** Connects and reads the greeting (220, or 421 when the server refuses the connection). */
  static async open(port: number): Promise<{ wire: SmtpWire; greeting: SmtpReply }> {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const wire = new SmtpWire(socket);
    return { wire, greeting: await wire.reply() };
  }

  private onData(data: string): void {
    this.buffer += data;
    let end: number;
    while ((end = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.lines.push(line);
      if (line[3] === '-') continue; // a multi-line reply goes on
      const reply = { code: Number(line.slice(0, 3)), text: this.lines.join('\n') };
      this.lines = [];
      const waiter = this.waiters.shift();
      if (waiter) waiter(reply);
      else this.replies.push(reply);
    }
  }

  /** The next reply; a closed connection answers code 0. */
  reply(): Promise<SmtpReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.socket.destroyed) return Promise.resolve({ code: 0, text: 'closed' });
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.socket.once('close', () => {
        const at = this.waiters.indexOf(resolve);
        if (at >= 0) {
          this.waiters.splice(at, 1);
          resolve({ code: 0, text: 'closed' });
        }
      });
    });
  }

  async command(line: string): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  /** Writes with backpressure, so the sender never holds more than the socket's buffer. */
  async write(data: string | Buffer): Promise<void> {
    if (!this.socket.write(data)) await new Promise((resolve) => this.socket.once('drain', resolve));
  }

  close(): void {
    this.socket.destroy();
  }
}
