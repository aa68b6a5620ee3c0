// The content script's additions on the demo webmail's markup: the column, row selection, the Archivio tab.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MailboxColumn } from '@/entrypoints/postmaster-page.content/column';
import { MailboxArchiveTab } from '@/entrypoints/postmaster-page.content/detail-tab';
import { FrameHub } from '@/entrypoints/postmaster-page.content/frames';
import { useDictionary } from '@/utils/i18n';
import { demoAdapter } from '@/utils/webmail/demo';
import { enableTabs } from '../../../server/webmail/client/tabs';
import { fakeBrowser } from 'wxt/testing';
import { RPC_TAG } from '@/utils/rpc/tag';
import { plain, useItalian } from './support';

const TICKET = '0123456789abcdef0123456789abcdef';
const ticketRequests: unknown[] = [];
/** Stands for the background's ticket desk: records what the content script asked for, answers a fixed ticket. */
function answerTickets() {
  ticketRequests.length = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as { tag?: string; name?: string; payload?: { frame?: unknown } };
    if (request.tag !== RPC_TAG || request.name !== 'frame.open') return undefined;
    ticketRequests.push(request.payload?.frame);
    return Promise.resolve({ ok: true, value: { ticket: TICKET } });
  });
}

const MARIO = 'mario.rossi@example.it';
const LUCA = 'luca.neri@example.it';
const GiB = 1024 ** 3;

const fakeCtx = {
  addEventListener: (target: EventTarget, type: string, handler: EventListener) => target.addEventListener(type, handler),
} as unknown as ContentScriptContext;

function caselle(): HTMLTableElement {
  document.body.innerHTML = `
    <main id="content"><table id="mailbox-table"><thead><tr>
      <th data-column="casella">Casella</th><th data-column="nome">Nome</th><th data-column="spazio">Spazio usato</th>
    </tr></thead><tbody>
      <tr data-mailbox="${MARIO}"><td data-column="casella"><a href="#">${MARIO}</a></td><td>Mario Rossi</td><td>1 MB</td></tr>
      <tr data-mailbox="${LUCA}"><td data-column="casella"><a href="#">${LUCA}</a></td><td>Luca Neri</td><td>1 MB</td></tr>
    </tbody></table></main>`;
  return document.querySelector('table')!;
}

function detail(withHostTabs: boolean) {
  document.body.innerHTML = `
    <section id="mailbox-detail" data-mailbox="${MARIO}">
      <div role="tablist" id="mailbox-tabs">
        <button role="tab" id="tab-generale" data-tab="generale" aria-controls="panel-generale" aria-selected="true" tabindex="0">Generale</button>
        <button role="tab" id="tab-alias" data-tab="alias" aria-controls="panel-alias" aria-selected="false" tabindex="-1">Alias</button>
      </div>
      <div id="mailbox-tabpanels">
        <div role="tabpanel" id="panel-generale">G</div><div role="tabpanel" id="panel-alias" hidden>A</div>
      </div>
    </section>`;
  const tablist = document.getElementById('mailbox-tabs')!;
  if (withHostTabs) enableTabs(tablist, () => undefined);
  return demoAdapter.mailboxDetail(document)!;
}

const shadowText = (element: Element | null) =>
  plain(element?.querySelector('[data-archivio-host]')?.shadowRoot?.textContent?.replace(/:host[\s\S]*?}\n?/g, '') ?? '');
const spaceCell = (mailbox: string) => document.querySelector(`tr[data-mailbox="${mailbox}"] > td[data-archivio-cell="spazio-archivio"]`);
const usage = (mailbox: string) => plain(spaceCell(mailbox)?.querySelector('[data-archivio-host]')?.shadowRoot?.querySelector('.usage')?.textContent);
const checkbox = (row: Element | null) =>
  row?.querySelector('[data-archivio-cell="select"] [data-archivio-host]')?.shadowRoot?.querySelector('input') as HTMLInputElement;

beforeEach(() => {
  useItalian();
  answerTickets();
});
afterEach(() => {
  useDictionary('it', null);
  document.body.innerHTML = '';
});

describe('Spazio archivio column', () => {
  it('adds the header, a cell per row, once, and fills it from the provider list', () => {
    const table = caselle();
    const onEnable = vi.fn();
    const column = new MailboxColumn({ onEnable, onSelectionChange: () => undefined });
    column.attach(table, demoAdapter.mailboxRows(table), 'light');
    column.attach(table, demoAdapter.mailboxRows(table), 'light');
    expect([...table.tHead!.rows[0]!.cells].map((cell) => cell.textContent)).toEqual(['', 'Casella', 'Nome', 'Spazio usato', 'Spazio archivio']);
    expect(table.querySelectorAll('td[data-archivio-cell="spazio-archivio"]')).toHaveLength(2);
    expect(shadowText(spaceCell(MARIO))).toContain('…');

    column.setData(
      new Map([
        [
          MARIO,
          { enabled: true, writable: false, imapAccess: false, retentionMonths: 24, plan: 'base', usedBytes: 3650961, quotaBytes: GiB, full: false },
        ],
        [
          LUCA,
          { enabled: false, writable: false, imapAccess: false, retentionMonths: null, plan: 'base', usedBytes: 0, quotaBytes: GiB, full: false },
        ],
      ]),
    );
    expect(usage(MARIO)).toBe('3,4 MiB / 1 GiB');
    expect(shadowText(spaceCell(MARIO))).toContain('Sola lettura · IMAP non attivo · Cancellazione: 24 mesi');
    const enable = spaceCell(LUCA)!.querySelector('[data-archivio-host]')!.shadowRoot!.querySelector('button')!;
    expect(enable.textContent).toBe("Attiva l'archivio");
    expect(enable.getAttribute('aria-label')).toBe(`Attiva l'archivio di ${LUCA}`);
    enable.click();
    expect(onEnable).toHaveBeenCalledWith(LUCA, enable);
  });

  it('selects rows without the click reaching the host row (which would open the detail)', () => {
    const table = caselle();
    const hostRowClick = vi.fn();
    table.tBodies[0]!.addEventListener('click', hostRowClick);
    const selections: string[][] = [];
    const column = new MailboxColumn({ onEnable: () => undefined, onSelectionChange: (selected) => selections.push([...selected]) });
    column.attach(table, demoAdapter.mailboxRows(table), 'light');
    checkbox(table.querySelector(`tr[data-mailbox="${LUCA}"]`)).click();
    expect(hostRowClick).not.toHaveBeenCalled();
    expect(selections.at(-1)).toEqual([LUCA]);
    const all = checkbox(table.tHead!.rows[0]!);
    expect(all.indeterminate).toBe(true);
    all.click();
    expect(selections.at(-1)!.sort()).toEqual([LUCA, MARIO]);
    expect(checkbox(table.querySelector(`tr[data-mailbox="${MARIO}"]`)).checked).toBe(true);
    column.clearSelection();
    expect(selections.at(-1)).toEqual([]);
    expect(checkbox(table.querySelector(`tr[data-mailbox="${LUCA}"]`)).checked).toBe(false);
  });

  it('re-adds its cells when the host re-renders a row, and removes everything on detach', () => {
    const table = caselle();
    const column = new MailboxColumn({ onEnable: () => undefined, onSelectionChange: () => undefined });
    column.attach(table, demoAdapter.mailboxRows(table), 'light');
    const row = table.querySelector(`tr[data-mailbox="${MARIO}"]`)!;
    row.innerHTML = `<td data-column="casella">${MARIO}</td><td>Mario Rossi</td><td>1 MB</td>`;
    column.attach(table, demoAdapter.mailboxRows(table), 'light');
    expect(row.querySelectorAll('[data-archivio-cell]')).toHaveLength(2);
    column.detach();
    expect(table.querySelectorAll('[data-archivio-cell]')).toHaveLength(0);
  });
});

describe('Archivio tab', () => {
  const env = () => ({
    hub: new FrameHub(fakeCtx),
    origin: 'http://127.0.0.1:8787',
    scheme: () => 'light' as const,
    onFrameMessage: () => undefined,
  });
  const tab = () => document.querySelector<HTMLElement>('[role="tab"][data-archivio-tab]')!;
  const panel = () => document.getElementById('archivio-panel')!;

  for (const host of [
    { name: 'a host whose tabs work by delegation', delegation: true },
    { name: 'a host that knows only its own tabs', delegation: false },
  ]) {
    it(`behaves like the host's tabs on ${host.name}`, async () => {
      const archiveTab = new MailboxArchiveTab(env());
      const found = detail(host.delegation);
      archiveTab.attach(found);
      archiveTab.attach(found);
      expect(document.querySelectorAll('[data-archivio-tab]')).toHaveLength(1);
      expect(tab().textContent).toBe('Archivio');
      expect(tab().getAttribute('aria-controls')).toBe('archivio-panel');
      expect(tab().getAttribute('aria-selected')).toBe('false');
      expect(panel().getAttribute('role')).toBe('tabpanel');
      expect(panel().hidden).toBe(true);
      expect(panel().querySelector('iframe')).toBeNull();

      tab().click();
      await Promise.resolve();
      expect(tab().getAttribute('aria-selected')).toBe('true');
      expect(tab().tabIndex).toBe(0);
      expect(panel().hidden).toBe(false);
      expect(document.getElementById('panel-generale')!.hidden).toBe(true);
      expect(document.getElementById('tab-generale')!.getAttribute('aria-selected')).toBe('false');
      const frame = panel().querySelector('iframe')!;
      // The frame's address holds only the ticket the background gave for this view and mailbox.
      await vi.waitFor(() => expect(frame.src).toBe(`chrome-extension://test-extension-id/postmaster.html#ticket=${TICKET}&scheme=light`));
      expect(ticketRequests).toEqual([{ view: 'tab', mailboxes: [MARIO], scheme: 'light' }]);
      expect(frame.title).toBe(`Archivio di sicurezza di ${MARIO}`);

      // Arrow keys move between all tabs, ours included: right from Archivio wraps to Generale.
      tab().focus();
      tab().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      const generale = document.getElementById('tab-generale')!;
      expect(document.activeElement).toBe(generale);
      if (!host.delegation) generale.setAttribute('aria-selected', 'true');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(tab().getAttribute('aria-selected')).toBe('false');
      expect(panel().hidden).toBe(true);
      if (host.delegation) expect(document.getElementById('panel-generale')!.hidden).toBe(false);

      generale.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(document.activeElement).toBe(tab());
      expect(tab().getAttribute('aria-selected')).toBe('true');
      expect(panel().querySelectorAll('iframe')).toHaveLength(1);

      archiveTab.detach();
      expect(document.querySelector('[data-archivio-tab]')).toBeNull();
      expect(document.getElementById('archivio-panel')).toBeNull();
    });
  }

  it('shows its panel when the host selects it (a route that names the tab)', async () => {
    const archiveTab = new MailboxArchiveTab(env());
    archiveTab.attach(detail(true));
    tab().setAttribute('aria-selected', 'true');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(panel().hidden).toBe(false);
    expect(panel().querySelector('iframe')).not.toBeNull();
  });
});
