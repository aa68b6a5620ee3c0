// The extension's own origin (`chrome-extension://<id>`, `moz-extension://<uuid>`), which messages from our frames carry.
// Taken from the URL text, not `new URL().origin`: outside a browser, non-http schemes have the opaque origin "null".
export function extensionOrigin(): string {
  return browser.runtime.getURL('/').replace(/\/$/, '');
}
