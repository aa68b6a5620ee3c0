// Streams archived messages as an mboxrd file (oldest first), honouring backpressure and client aborts.
import type { ServerResponse } from 'node:http';
import type { Services } from '../services/context';
import type { MessageRow } from '../storage/messages';

function asctime(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** mboxrd: LF line ends, and every line matching /^>*From / gets one more '>' so the file splits back exactly. */
export function mboxEntry(row: MessageRow, raw: Buffer): Buffer {
  const sender = row.fromAddress.replace(/\s/g, '') || 'MAILER-DAEMON';
  const body = raw
    .toString('latin1')
    .replace(/\r\n/g, '\n')
    .replace(/^(>*From )/gm, '>$1');
  const ending = body.endsWith('\n') ? '\n' : '\n\n';
  return Buffer.from(`From ${sender} ${asctime(row.dateMs)}\n${body}${ending}`, 'latin1');
}

export async function streamMbox(s: Services, res: ServerResponse, rows: Iterable<MessageRow>): Promise<void> {
  for (const row of rows) {
    if (res.destroyed) return;
    let raw: Buffer;
    try {
      raw = await s.maildirs.read(row.file);
    } catch {
      continue; // deleted while the export ran
    }
    if (!res.write(mboxEntry(row, raw))) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end();
}
