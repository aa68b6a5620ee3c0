// Rubrica: a minimal address book of recent correspondents, gathered from the inbox and sent folders.
import { api, type Person } from '../api';
import { h, replaceChildren } from '../dom';
import type { AppContext, View } from '../route';

export function mountRubrica(element: HTMLElement, ctx: AppContext): View {
  const list = h(
    'ul',
    { attrs: { class: 'contact-list', 'aria-labelledby': 'rubrica-title' } },
    h('li', { attrs: { class: 'muted' } }, 'Caricamento…'),
  );
  element.append(
    h(
      'section',
      { attrs: { class: 'panel' } },
      h('h1', { attrs: { id: 'rubrica-title', tabindex: '-1' } }, 'Rubrica'),
      h('p', { attrs: { class: 'muted' } }, 'Contatti recenti, dai messaggi ricevuti e inviati.'),
      list,
    ),
  );

  Promise.all([api.messages('inbox'), api.messages('sent')]).then(
    ([inbox, sent]) => {
      const contacts = new Map<string, Person>();
      const add = (person: Person) => {
        const key = person.address.toLowerCase();
        if (key && key !== ctx.account.address.toLowerCase() && !contacts.has(key)) contacts.set(key, person);
      };
      inbox.items.forEach((message) => add(message.from));
      sent.items.forEach((message) => message.to.forEach(add));
      const sorted = [...contacts.values()].sort((a, b) => (a.name || a.address).localeCompare(b.name || b.address, 'it'));
      replaceChildren(
        list,
        ...(sorted.length === 0
          ? [h('li', { attrs: { class: 'muted' } }, 'Nessun contatto.')]
          : sorted.map((person) =>
              h(
                'li',
                { attrs: { class: 'contact', 'data-contact': person.address } },
                h('span', { attrs: { class: 'contact-name' } }, person.name || person.address),
                h('span', { attrs: { class: 'contact-address muted' } }, person.address),
                h(
                  'a',
                  { attrs: { class: 'button secondary', href: `#/posta/scrivi/${encodeURIComponent(person.address)}` } },
                  'Scrivi',
                  h('span', { attrs: { class: 'visually-hidden' } }, ` a ${person.name || person.address}`),
                ),
              ),
            )),
      );
    },
    (error: unknown) => ctx.fail(error, list),
  );
  return { update: () => true };
}
