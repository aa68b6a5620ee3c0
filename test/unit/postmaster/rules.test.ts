// Pure postmaster rules: frame addresses, frame messages, the typed confirmation, bulk runs.
import { describe, expect, it } from 'vitest';
import { ArchiveError } from '@/utils/api/errors';
import { runBulk, type BulkOutcome } from '@/entrypoints/postmaster/bulk/bulk';
import { isExactConfirmation } from '@/entrypoints/postmaster/dialogs/confirm';
import { parseFrameMessage } from '@/utils/frames/postmaster-messages';
import { frameHash, parseFrameHash } from '@/utils/frames/postmaster-url';

const MARIO = 'mario.rossi@example.it';

describe('frame address', () => {
  it('round-trips the view, mailboxes, origin and scheme', () => {
    const params = { view: 'bulk' as const, mailboxes: [MARIO, 'luca.neri@example.it'], origin: 'http://127.0.0.1:8787', scheme: 'dark' as const };
    expect(parseFrameHash(frameHash(params))).toEqual(params);
    expect(parseFrameHash(frameHash({ view: 'tab', mailboxes: [MARIO], origin: null, scheme: null }))).toEqual({
      view: 'tab',
      mailboxes: [MARIO],
      origin: null,
      scheme: null,
    });
  });

  it('refuses unknown views, bad addresses, and several mailboxes outside bulk', () => {
    expect(parseFrameHash('#view=delete-all&mailbox=mario.rossi%40example.it')).toBeNull();
    expect(parseFrameHash('#view=tab&mailbox=not-an-address')).toBeNull();
    expect(parseFrameHash('#view=tab')).toBeNull();
    expect(parseFrameHash(`#view=disable&mailbox=${encodeURIComponent(MARIO)}&mailbox=luca.neri%40example.it`)).toBeNull();
  });

  it('keeps only the origin of a given URL, and only http(s)', () => {
    expect(
      parseFrameHash(`#view=tab&mailbox=${encodeURIComponent(MARIO)}&origin=${encodeURIComponent('http://127.0.0.1:8787/#/posta')}`)?.origin,
    ).toBe('http://127.0.0.1:8787');
    expect(parseFrameHash(`#view=tab&mailbox=${encodeURIComponent(MARIO)}&origin=javascript%3Aalert(1)`)?.origin).toBeNull();
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
