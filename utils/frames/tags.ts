// Every tag our messages carry, between extension contexts and between our frames and the content scripts hosting them.
// One list, so no tag is declared twice and none is listened for without a sender.
export const MESSAGE_TAGS = {
  /** A request to the background (runtime message; see utils/rpc). */
  rpc: 'archivio/rpc',
  /** A change the background broadcasts to every open view (runtime message). */
  event: 'archivio/event',
  /** The popup asks a webmail tab to show a view of the archive (tabs.sendMessage). */
  openView: 'archivio/open-view',
  /** A postmaster frame talks to the content script hosting it (window.postMessage). */
  postmaster: 'archivio/postmaster',
  /** The archive frame asks the content script hosting it to close the archive (window.postMessage, Esc). */
  closeArchive: 'archivio/close',
} as const;

export type MessageTag = (typeof MESSAGE_TAGS)[keyof typeof MESSAGE_TAGS];
