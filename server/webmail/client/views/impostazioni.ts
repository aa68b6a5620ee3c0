// Impostazioni: account details and the light/dark theme choice.
import { h } from '../dom';
import type { AppContext, View } from '../route';
import { setThemeChoice, themeChoice, type ThemeChoice } from '../theme';

const choices: Array<[ThemeChoice, string]> = [
  ['auto', 'Automatico (come il sistema)'],
  ['light', 'Chiaro'],
  ['dark', 'Scuro'],
];

export function mountImpostazioni(element: HTMLElement, ctx: AppContext): View {
  const { account } = ctx;
  const selected = themeChoice();
  const radios = choices.map(([value, label]) => {
    const input = h('input', { attrs: { type: 'radio', name: 'theme', id: `theme-${value}`, value, checked: value === selected } });
    input.addEventListener('change', () => input.checked && setThemeChoice(value));
    return h('div', { attrs: { class: 'radio' } }, input, h('label', { attrs: { for: `theme-${value}` } }, label));
  });
  element.append(
    h(
      'section',
      { attrs: { class: 'panel narrow' } },
      h('h1', { attrs: { tabindex: '-1' } }, 'Impostazioni'),
      h('h2', null, 'Account'),
      h(
        'dl',
        { attrs: { class: 'details' } },
        h('dt', null, 'Nome'),
        h('dd', null, account.displayName),
        h('dt', null, 'Indirizzo email'),
        h('dd', null, account.address),
        h('dt', null, 'Ruolo'),
        h('dd', null, account.role === 'postmaster' ? 'Postmaster del dominio' : 'Utente'),
      ),
      h(
        'form',
        { attrs: { class: 'settings-form', 'aria-labelledby': 'theme-title' }, on: { submit: (event) => event.preventDefault() } },
        h('fieldset', null, h('legend', { attrs: { id: 'theme-title' } }, 'Tema'), ...radios),
      ),
    ),
  );
  return { update: () => true };
}
