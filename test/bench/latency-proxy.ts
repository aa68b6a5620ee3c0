// A TCP proxy that delays every client→server chunk, so each request pays a realistic round trip, and counts bytes.
import net from 'node:net';

export interface LatencyProxy {
  port: number;
  /** Bytes in both directions since the last reset. */
  bytes(): number;
  /** The request line of every HTTP request since the last reset ("GET /api/… HTTP/1.1"). */
  requests(): string[];
  resetBytes(): void;
  close(): Promise<void>;
}

export async function startLatencyProxy(latencyMs: number, upstreamPort: () => number): Promise<LatencyProxy> {
  let counted = 0;
  let requestLines: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort(), '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      counted += chunk.length;
      const line = chunk.subarray(0, 300).toString('latin1').split('\r\n')[0] ?? '';
      if (/^[A-Z]+ \S+ HTTP\/1\.[01]$/.test(line)) requestLines.push(line);
      // The same delay for every chunk keeps their order.
      setTimeout(() => upstream.write(chunk), latencyMs);
    });
    upstream.on('data', (chunk) => {
      counted += chunk.length;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('end', () => setTimeout(() => upstream.end(), latencyMs));
    upstream.on('end', () => client.end());
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', () => setTimeout(end, latencyMs + 10));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    bytes: () => counted,
    requests: () => [...requestLines],
    resetBytes: () => {
      counted = 0;
      requestLines = [];
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
