import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { ru } from '../../shared/i18n/ru';
import type { Language } from '../../shared/i18n/languages';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The sign-in page of browser mode. It holds no secret: the one-time code comes in the address's
 * fragment (never sent to the server in a request line), the script trades it for the session
 * cookie with a same-origin POST, wipes it from the address bar and history, and opens the app.
 */
export function loginPage(language: Language): string {
  const text = { ru, en, fr }[language].signIn;
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="data:," />
    <title>TourDesk</title>
    <script src="/login.js" defer></script>
  </head>
  <body data-signing-in="${escapeHtml(text.signingIn)}" data-refused="${escapeHtml(text.refused)}">
    <h1>TourDesk</h1>
    <p id="status">${escapeHtml(text.needed)}</p>
  </body>
</html>
`;
}

// Runs again on hashchange: a new address pasted over the sign-in page is a same-document navigation.
export const LOGIN_SCRIPT = `(function () {
  var status = document.getElementById('status');
  function signIn() {
    var match = /(?:^#|&)code=([A-Za-z0-9_-]+)/.exec(location.hash);
    history.replaceState(null, '', '/login');
    if (!match) return;
    status.textContent = document.body.dataset.signingIn;
    fetch('/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: match[1] }),
    }).then(
      function (response) {
        if (response.ok) location.replace('/');
        else status.textContent = document.body.dataset.refused;
      },
      function () {
        status.textContent = document.body.dataset.refused;
      },
    );
  }
  window.addEventListener('hashchange', signIn);
  signIn();
})();
`;
