// An SMTPServer whose connections may send commands only at a bounded rate: a burst, then a steady pace. A client
// over the pace gets 421 and is disconnected, so one connection cannot keep the intake busy with endless
// RSET, NOOP, VRFY or AUTH attempts. Message data (after DATA) is not commands and is bounded by the size limit.
import type net from 'node:net';
import type tls from 'node:tls';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface CommandPace {
  /** Commands a connection may send at once. */
  burst: number;
  /** Commands per second it may keep sending after the burst. */
  perSecond: number;
}

/** A token bucket: `take` is true while the caller is within its burst and pace. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly pace: CommandPace,
    now: number,
  ) {
    this.tokens = pace.burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.pace.burst, this.tokens + ((now - this.last) / 1000) * this.pace.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class PacedSmtpServer extends SMTPServer {
  constructor(
    options: SMTPServerOptions,
    private readonly pace: CommandPace,
  ) {
    super(options);
  }

  override connect(socket: net.Socket | tls.TLSSocket, socketOptions?: Parameters<SMTPServer['connect']>[1]): void {
    super.connect(socket, socketOptions);
    // connect() has just added this socket's connection: the newest entry of the (insertion-ordered) set.
    const connection = [...this.connections].at(-1);
    if (!connection) return;
    const bucket = new TokenBucket(this.pace, Date.now());
    const handle = connection._onCommand.bind(connection);
    connection._onCommand = (command, callback) => {
      if (bucket.take(Date.now())) return handle(command, callback);
      connection.send(421, 'Too many commands, slow down', false);
    };
  }
}
