// Pure postmaster rules: frame addresses and tickets, frame messages, the typed confirmation, bulk runs.
import { describe, expect, it } from 'vitest';
import { ArchiveError } from '@/utils/api/errors';
import { runBulk, type BulkOutcome } from '@/entrypoints/postmaster/bulk/bulk';
import { isExactConfirmation } from '@/entrypoints/postmaster/dialogs/confirm';
import { parseFrameMessage } from '@/utils/frames/postmaster-messages';
import { frameTickets, TICKET_TTL_MS } from '@/utils/background/frame-tickets';
import { frameHash, readFrameHash } from '@/utils/frames/postmaster-url';

const MARIO = 'mario.rossi@example.it';

describe('frame address', () => {
  it('carries a ticket and a scheme, never a view or mailboxes to act on', () => {
    const ticket = 'a'.repeat(32);
    expect(frameHash({ ticket, scheme: 'dark' })).toBe(`#ticket=${ticket}&scheme=dark`);
    expect(readFrameHash(frameHash({ ticket, scheme: 'dark' }))).toEqual({ ticket, scheme: 'dark', lang: null });
    expect(readFrameHash(`#view=bulk&mailbox=${encodeURIComponent(MARIO)}`)).toEqual({ ticket: null, scheme: null, lang: null });
    expect(readFrameHash('#ticket=../../x&scheme=purple')).toEqual({ ticket: null, scheme: null, lang: null });
  });
});

describe('frame tickets', () => {
  const params = { view: 'bulk' as const, mailboxes: [MARIO, 'luca.neri@example.it'], origin: null, scheme: 'dark' as const };
  const ORIGIN = 'http://127.0.0.1:8787';

  it('gives the view once, on the origin it was issued for, within its lifetime', () => {
    let now = 1_000;
    const tickets = frameTickets(() => now);
    const ticket = tickets.issue(params, ORIGIN);
    expect(ticket).toMatch(/^[0-9a-f]{32}$/);
    expect(tickets.redeem(ticket, 'http://localhost:8787')).toBeNull();
    const again = tickets.issue(params, ORIGIN);
    expect(tickets.redeem(again, ORIGIN)).toEqual({ ...params, origin: ORIGIN });
    expect(tickets.redeem(again, ORIGIN)).toBeNull();
    const late = tickets.issue(params, ORIGIN);
    now += TICKET_TTL_MS;
    expect(tickets.redeem(late, ORIGIN)).toBeNull();
    expect(tickets.redeem('f'.repeat(32), ORIGIN)).toBeNull();
  });

  it('never holds more than a bounded number of open tickets', () => {
    const tickets = frameTickets();
    const first = tickets.issue(params, ORIGIN);
    for (let n = 0; n < 200; n++) tickets.issue(params, ORIGIN);
    expect(tickets.redeem(first, ORIGIN)).toBeNull();
  });
});

describe('frame messages', () => {
  it('accepts the three actions and nothing else', () => {
    expect(parseFrameMessage({ type: 'archivio/postmaster', action: 'resize', height: 420.4 })).toEqual({
      type: 'archivio/postmaster',
      action: 'resize',
      height: 421,
    });
    expect(parseFrameMessage({ type: 'archivio/postmaster', action: 'close', changed: true })).toMatchObject({ action: 'close', changed: true });
    expect(parseFrameMessage({ type: 'archivio/postmaster', action: 'open', view: 'disable', mailbox: MARIO })).toMatchObject({
      action: 'open',
      view: 'disable',
      mailbox: MARIO,
    });
    expect(parseFrameMessage({ type: 'archivio/postmaster', action: 'open', view: 'bulk', mailbox: MARIO })).toBeNull();
    expect(parseFrameMessage({ type: 'archivio/postmaster', action: 'resize', height: Number.NaN })).toBeNull();
    expect(parseFrameMessage({ type: 'other', action: 'close' })).toBeNull();
    expect(parseFrameMessage('close')).toBeNull();
  });
});

describe('typed confirmation', () => {
  it('counts only the exact address', () => {
    expect(isExactConfirmation(MARIO, MARIO)).toBe(true);
    for (const variant of [
      '',
      'Mario.Rossi@example.it',
      'MARIO.ROSSI@EXAMPLE.IT',
      ` ${MARIO}`,
      `${MARIO} `,
      `${MARIO}\n`,
      'mario.rossi@example',
      'mario.rossi@example.it.',
    ]) {
      expect(isExactConfirmation(variant, MARIO), JSON.stringify(variant)).toBe(false);
    }
  });
});

describe('bulk run', () => {
  const mailboxes = ['a@example.it', 'b@example.it', 'c@example.it', 'd@example.it', 'e@example.it'];

  it('finishes every mailbox, reports a failure without stopping the others, and never exceeds the concurrency', async () => {
    let running = 0;
    let peak = 0;
    const reports: BulkOutcome[] = [];
    const outcomes = await runBulk(
      mailboxes,
      async (mailbox) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (mailbox === 'c@example.it') throw new ArchiveError('server', { status: 500 });
      },
      (outcome) => reports.push(outcome),
      2,
    );
    expect(outcomes.map((outcome) => [outcome.mailbox, outcome.state])).toEqual(
      mailboxes.map((mailbox) => [mailbox, mailbox === 'c@example.it' ? 'failed' : 'done']),
    );
    expect(outcomes[2]!.error).toMatchObject({ kind: 'server', messageKey: 'error_server' });
    expect(peak).toBe(2);
    expect(
      reports
        .filter((report) => report.state === 'running')
        .map((report) => report.mailbox)
        .sort(),
    ).toEqual(mailboxes);
  });

  it('runs one at a time when asked to', async () => {
    const order: string[] = [];
    await runBulk(
      mailboxes.slice(0, 3),
      async (mailbox) => {
        order.push(`start ${mailbox}`);
        await Promise.resolve();
        order.push(`end ${mailbox}`);
      },
      () => undefined,
      1,
    );
    expect(order).toEqual([
      'start a@example.it',
      'end a@example.it',
      'start b@example.it',
      'end b@example.it',
      'start c@example.it',
      'end c@example.it',
    ]);
  });

  it('turns a non-archive error into a server error instead of losing it', async () => {
    const [outcome] = await runBulk(
      ['a@example.it'],
      async () => {
        throw new TypeError('boom');
      },
      () => undefined,
    );
    expect(outcome).toMatchObject({ state: 'failed', error: { kind: 'server' } });
  });
});
