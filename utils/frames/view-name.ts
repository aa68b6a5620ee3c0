// The one check of an archive view name (a folder id such as "inbox-2026-11", "sent", "custom-1", or "expiring"),
// wherever a view arrives from outside: a frame's fragment, the webmail's route, a popup message.
const VIEW_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isArchiveViewName(view: string): boolean {
  return VIEW_NAME.test(view);
}
