// Reading pane: one message's headers, attachment names and body, always rendered as text (never as HTML).
import { api, type MailDetail } from '../api';
import { h, replaceChildren } from '../dom';
import { bytes, htmlToText, personLabel, readingDate } from '../format';
import type { AppContext } from '../route';

interface ReadingOptions {
  ctx: AppContext;
  inTrash: boolean;
  onDeleted(id: string): void;
  backHash: string;
}

let paneToken = 0;

export function showMessage(pane: HTMLElement, id: string | null, options: ReadingOptions): void {
  const token = ++paneToken;
  if (!id) {
    pane.removeAttribute('data-message-id');
    replaceChildren(pane, h('div', { attrs: { class: 'pane-empty' } }, h('p', null, 'Seleziona un messaggio per leggerlo.')));
    return;
  }
  pane.dataset.messageId = id;
  pane.setAttribute('aria-busy', 'true');
  replaceChildren(pane, h('p', { attrs: { class: 'muted pane-loading' } }, 'Caricamento del messaggio…'));
  api.message(id).then(
    (message) => {
      if (token !== paneToken) return;
      pane.removeAttribute('aria-busy');
      replaceChildren(pane, messageView(message, options));
    },
    (error: unknown) => {
      if (token !== paneToken) return;
      pane.removeAttribute('aria-busy');
      options.ctx.fail(error, pane);
    },
  );
}

function messageView(message: MailDetail, options: ReadingOptions): HTMLElement {
  const deleteLabel = options.inTrash ? 'Elimina definitivamente' : 'Elimina';
  const status = h('p', { attrs: { class: 'error', role: 'alert' } });
  const remove = h('button', { attrs: { type: 'button', class: 'danger', 'data-action': 'delete' } }, deleteLabel);
  remove.addEventListener('click', async () => {
    if (options.inTrash && !window.confirm('Eliminare definitivamente il messaggio? Non potrà essere recuperato dalla casella.')) return;
    remove.disabled = true;
    try {
      await api.deleteMessage(message.id);
      options.onDeleted(message.id);
    } catch (error) {
      remove.disabled = false;
      options.ctx.fail(error, status);
    }
  });

  const header = (label: string, value: string) => (value ? [h('dt', null, label), h('dd', null, value)] : []);
  const body = message.text ?? (message.html ? htmlToText(message.html) : '');
  const attachments =
    message.attachments.length > 0
      ? h(
          'ul',
          { attrs: { class: 'attachments', 'aria-label': 'Allegati' } },
          ...message.attachments.map((attachment) =>
            h(
              'li',
              null,
              h('span', { attrs: { class: 'attachment-name' } }, attachment.filename || 'allegato senza nome'),
              h('span', { attrs: { class: 'muted' } }, ` (${bytes(attachment.size)})`),
            ),
          ),
        )
      : null;

  return h(
    'article',
    { attrs: { class: 'message', 'data-message-id': message.id, 'aria-labelledby': 'message-subject' } },
    h(
      'div',
      { attrs: { class: 'toolbar' } },
      h('a', { attrs: { class: 'button secondary back-to-list', href: options.backHash } }, "Torna all'elenco"),
      h('a', { attrs: { class: 'button secondary', href: `#/posta/scrivi/${encodeURIComponent(message.from.address)}` } }, 'Rispondi'),
      remove,
    ),
    status,
    h('h2', { attrs: { id: 'message-subject', class: 'subject' } }, message.subject || '(nessun oggetto)'),
    h(
      'dl',
      { attrs: { class: 'message-headers' } },
      ...header('Da', personLabel(message.from)),
      ...header('A', message.to.map(personLabel).join(', ')),
      ...header('Cc', (message.cc ?? []).map(personLabel).join(', ')),
      ...header('Data', readingDate(message.date)),
    ),
    attachments,
    h('div', { attrs: { class: 'message-body', tabindex: '0', 'aria-label': 'Testo del messaggio' } }, body),
  );
}
