// "Scrivi": a plain-text compose form (A, Oggetto, Testo, Invia) sending through POST /api/mail/send.
import { api } from '../api';
import { announce, h } from '../dom';
import type { AppContext } from '../route';

export function mountCompose(container: HTMLElement, ctx: AppContext, options: { to: string; onSent(): void }): void {
  const to = h('input', {
    attrs: {
      id: 'compose-to',
      name: 'to',
      type: 'text',
      autocomplete: 'email',
      required: true,
      'aria-describedby': 'compose-to-hint',
      spellcheck: 'false',
    },
  });
  to.value = options.to;
  const subject = h('input', { attrs: { id: 'compose-subject', name: 'subject', type: 'text' } });
  const text = h('textarea', { attrs: { id: 'compose-text', name: 'text', rows: '12' } });
  const error = h('p', { attrs: { id: 'compose-error', class: 'error', role: 'alert' } });
  const send = h('button', { attrs: { type: 'submit', class: 'primary' } }, 'Invia');

  const form = h(
    'form',
    { attrs: { id: 'compose-form', class: 'compose-form', 'aria-labelledby': 'compose-title', novalidate: true } },
    h('h1', { attrs: { id: 'compose-title', tabindex: '-1' } }, 'Nuovo messaggio'),
    h(
      'div',
      { attrs: { class: 'field' } },
      h('label', { attrs: { for: 'compose-to' } }, 'A'),
      to,
      h('p', { attrs: { id: 'compose-to-hint', class: 'hint' } }, 'Uno o più indirizzi separati da virgola.'),
    ),
    h('div', { attrs: { class: 'field' } }, h('label', { attrs: { for: 'compose-subject' } }, 'Oggetto'), subject),
    h('div', { attrs: { class: 'field' } }, h('label', { attrs: { for: 'compose-text' } }, 'Testo'), text),
    error,
    h('div', { attrs: { class: 'actions' } }, send, h('a', { attrs: { class: 'button secondary', href: '#/posta/inbox' } }, 'Annulla')),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const recipients = to.value
      .split(/[\s,;]+/)
      .map((value) => value.trim())
      .filter(Boolean);
    const invalid = recipients.find((value) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value));
    if (recipients.length === 0 || invalid) {
      error.textContent = invalid ? `Indirizzo non valido: ${invalid}` : 'Indica almeno un destinatario.';
      to.focus();
      return;
    }
    send.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await api.send(recipients, subject.value, text.value);
      announce('Messaggio inviato.');
      options.onSent();
      ctx.navigate('#/posta/sent');
    } catch (failure) {
      ctx.fail(failure, error);
    } finally {
      send.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });

  container.append(h('section', { attrs: { id: 'compose', class: 'panel compose' } }, form));
  queueMicrotask(() => (options.to ? subject : to).focus());
}
