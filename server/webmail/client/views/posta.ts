// Posta: folder list with counts, message list and reading pane; compose replaces list and pane.
import { api, type Folder, type MailSummary } from '../api';
import { announce, h, replaceChildren } from '../dom';
import { listDate, shortPerson } from '../format';
import { routeHash, type AppContext, type Route, type View } from '../route';
import { mountCompose } from './compose';
import { showMessage } from './reading';

const fallbackNames: Record<string, string> = { inbox: 'Posta in arrivo', sent: 'Posta inviata', trash: 'Cestino' };

export function mountPosta(element: HTMLElement, route: Route, ctx: AppContext): View {
  let folders: Folder[] = [];
  let folderId: string | null = null;
  let messageId: string | null = null;
  let composing = false;
  let listToken = 0;

  const folderList = h('ul', { attrs: { class: 'folder-list' } });
  const aside = h(
    'aside',
    { attrs: { class: 'folders' } },
    h('a', { attrs: { class: 'button primary compose-button', href: '#/posta/scrivi', 'data-action': 'compose' } }, 'Scrivi'),
    h('nav', { attrs: { 'aria-label': 'Cartelle' } }, folderList),
  );
  const work = h('div', { attrs: { class: 'mail-work' } });
  element.append(h('div', { attrs: { class: 'posta' } }, aside, work));

  const listTitle = h('h1', { attrs: { id: 'list-title', tabindex: '-1' } });
  const rows = h('ul', { attrs: { class: 'message-rows', 'aria-labelledby': 'list-title' } });
  const more = h('div', { attrs: { class: 'list-footer' } });
  const listSection = h(
    'section',
    { attrs: { id: 'message-list', class: 'message-list', 'aria-labelledby': 'list-title' } },
    h('div', { attrs: { class: 'list-header' } }, listTitle),
    rows,
    more,
  );
  const pane = h('section', { attrs: { id: 'reading-pane', class: 'reading-pane', 'aria-label': 'Lettura messaggio' } });

  const folderName = (id: string) => folders.find((folder) => folder.id === id)?.name ?? fallbackNames[id] ?? id;

  async function refreshFolders(): Promise<void> {
    try {
      folders = (await api.folders()).folders;
    } catch (error) {
      ctx.fail(error, folderList);
      return;
    }
    replaceChildren(
      folderList,
      ...folders.map((folder) =>
        h(
          'li',
          null,
          h(
            'a',
            {
              attrs: {
                href: routeHash('posta', folder.id),
                'data-folder': folder.id,
                class: folder.unread > 0 ? 'has-unread' : null,
                'aria-current': !composing && folder.id === folderId ? 'page' : null,
              },
            },
            h('span', { attrs: { class: 'folder-name' } }, folder.name),
            h('span', { attrs: { class: 'count', title: `${folder.count} messaggi, ${folder.unread} non letti` } }, folder.count),
          ),
        ),
      ),
    );
    if (folderId) listTitle.textContent = folderName(folderId);
  }

  function markFolder(): void {
    folderList.querySelectorAll<HTMLElement>('a[data-folder]').forEach((link) => {
      if (!composing && link.dataset.folder === folderId) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
  }

  function row(message: MailSummary): HTMLLIElement {
    const sentLike = message.folderId === 'sent' || folderId === 'sent';
    const who = sentLike ? `A: ${message.to.map(shortPerson).join(', ')}` : shortPerson(message.from);
    const unread = message.seen === false;
    return h(
      'li',
      { attrs: { 'data-message-id': message.id, class: unread ? 'unread' : null } },
      h(
        'a',
        {
          attrs: {
            href: routeHash('posta', folderId ?? 'inbox', message.id),
            class: 'message-row',
            'aria-current': message.id === messageId ? 'true' : null,
          },
        },
        h('span', { attrs: { class: 'sender' } }, who),
        h('time', { attrs: { class: 'date', datetime: message.date } }, listDate(message.date)),
        h(
          'span',
          { attrs: { class: 'subject' } },
          message.subject || '(nessun oggetto)',
          message.hasAttachments ? h('span', { attrs: { class: 'attachment-mark', title: 'Con allegati' } }, ' · allegati') : null,
        ),
        h('span', { attrs: { class: 'snippet' } }, message.snippet),
      ),
    );
  }

  async function loadList(cursor: string | null): Promise<void> {
    const token = ++listToken;
    const id = folderId ?? 'inbox';
    if (!cursor) {
      replaceChildren(rows);
      replaceChildren(more, h('p', { attrs: { class: 'muted' } }, 'Caricamento…'));
    }
    listSection.setAttribute('aria-busy', 'true');
    try {
      const page = await api.messages(id, cursor);
      if (token !== listToken) return;
      rows.append(...page.items.map(row));
      replaceChildren(more);
      if (!cursor && page.items.length === 0) more.append(h('p', { attrs: { class: 'muted empty' } }, 'Nessun messaggio in questa cartella.'));
      if (page.nextCursor) {
        const next = page.nextCursor;
        more.append(h('button', { attrs: { type: 'button', class: 'secondary' }, on: { click: () => void loadList(next) } }, 'Carica altri'));
      }
    } catch (error) {
      if (token === listToken) ctx.fail(error, more);
    } finally {
      if (token === listToken) listSection.removeAttribute('aria-busy');
    }
  }

  function markRow(): void {
    rows.querySelectorAll<HTMLElement>('a.message-row').forEach((link) => {
      const id = link.parentElement?.dataset.messageId;
      if (id === messageId) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    });
  }

  async function deleted(id: string): Promise<void> {
    const inTrash = folderId === 'trash';
    rows.querySelector(`li[data-message-id="${CSS.escape(id)}"]`)?.remove();
    announce(inTrash ? 'Messaggio eliminato definitivamente.' : 'Messaggio spostato nel Cestino.');
    ctx.navigate(routeHash('posta', folderId ?? 'inbox'), { replace: true });
    await refreshFolders();
  }

  function apply(next: Route): boolean {
    const [first = 'inbox', second] = next.parts;
    if (first === 'scrivi') {
      composing = true;
      folderId = null;
      messageId = null;
      markFolder();
      replaceChildren(work);
      mountCompose(work, ctx, { to: second ?? '', onSent: () => void refreshFolders() });
      return true;
    }
    const folderChanged = composing || first !== folderId;
    composing = false;
    folderId = first;
    messageId = second ?? null;
    if (folderChanged) {
      replaceChildren(work, listSection, pane);
      listTitle.textContent = folderName(first);
      markFolder();
      void loadList(null);
    } else {
      markRow();
    }
    work.classList.toggle('has-message', messageId !== null);
    rows.querySelector(`li[data-message-id="${CSS.escape(messageId ?? '')}"]`)?.classList.remove('unread');
    showMessage(pane, messageId, { ctx, inTrash: folderId === 'trash', onDeleted: (id) => void deleted(id), backHash: routeHash('posta', folderId) });
    return true;
  }

  void refreshFolders();
  apply(route);
  return { update: apply };
}
