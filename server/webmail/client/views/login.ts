// Sign-in form: "Indirizzo email", "Password", "Accedi"; POST /api/session and an error on wrong credentials.
import { api, ApiError, type Account } from '../api';
import { h } from '../dom';
import type { View } from '../route';

export function mountLogin(element: HTMLElement, options: { onSignedIn(account: Account): void; message?: string }): View {
  const address = h('input', {
    attrs: { id: 'login-address', name: 'address', type: 'email', autocomplete: 'username', required: true, spellcheck: 'false' },
  });
  const password = h('input', {
    attrs: { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true },
  });
  const submit = h('button', { attrs: { type: 'submit', class: 'primary' } }, 'Accedi');
  const error = h('p', { attrs: { id: 'login-error', class: 'error', role: 'alert' } });
  const notice = options.message ? h('p', { attrs: { class: 'notice', role: 'status' } }, options.message) : null;

  const form = h(
    'form',
    { attrs: { id: 'login-form', class: 'login-form', 'aria-labelledby': 'login-title', novalidate: true } },
    h('h1', { attrs: { id: 'login-title', tabindex: '-1' } }, 'Accedi alla Webmail'),
    notice,
    h('div', { attrs: { class: 'field' } }, h('label', { attrs: { for: 'login-address' } }, 'Indirizzo email'), address),
    h('div', { attrs: { class: 'field' } }, h('label', { attrs: { for: 'login-password' } }, 'Password'), password),
    error,
    submit,
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!address.value.trim() || !password.value) {
      error.textContent = 'Inserisci indirizzo email e password.';
      (address.value.trim() ? password : address).focus();
      return;
    }
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const account = await api.signIn(address.value.trim(), password.value);
      options.onSignedIn(account);
    } catch (failure) {
      password.value = '';
      error.textContent =
        failure instanceof ApiError && failure.status === 401
          ? 'Indirizzo email o password non corretti.'
          : failure instanceof ApiError && failure.status === 429
            ? 'Troppi tentativi non riusciti: accesso bloccato per qualche minuto. Riprova più tardi.'
            : failure instanceof Error
              ? failure.message
              : 'Accesso non riuscito.';
      password.focus();
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });

  element.append(
    h(
      'section',
      { attrs: { class: 'login-card' } },
      form,
      h('p', { attrs: { class: 'hint' } }, 'Demo: usa una casella di example.it con la password archivio-demo.'),
    ),
  );
  queueMicrotask(() => address.focus());
  return { update: () => true };
}
