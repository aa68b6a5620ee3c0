// One-time tickets for the postmaster frames: the content script (our code) asks for the view it opens, and the
// frame learns its view and mailboxes only by redeeming the ticket. A URL anyone can write (a link in a mail, a
// page framing postmaster.html) carries no ticket we issued, so it preselects nothing and shows no destructive view.
import type { FrameParams } from '@/utils/frames/postmaster-url';

export interface FrameTicketStore {
  issue(params: FrameParams, origin: string): string;
  /** The view the ticket was issued for, once, on the origin it was issued for; null otherwise. */
  redeem(ticket: string, origin: string): FrameParams | null;
}

export const TICKET_TTL_MS = 60_000;
const MAX_OPEN_TICKETS = 64;

export function frameTickets(now: () => number = Date.now): FrameTicketStore {
  const open = new Map<string, { params: FrameParams; origin: string; expires: number }>();
  const sweep = () => {
    for (const [ticket, entry] of open) if (entry.expires <= now()) open.delete(ticket);
  };
  return {
    issue(params, origin) {
      sweep();
      // A page cannot make us hoard tickets: the oldest goes first.
      while (open.size >= MAX_OPEN_TICKETS) open.delete(open.keys().next().value!);
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      const ticket = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
      open.set(ticket, { params: { ...params, origin }, origin, expires: now() + TICKET_TTL_MS });
      return ticket;
    },
    redeem(ticket, origin) {
      const entry = open.get(ticket);
      open.delete(ticket);
      if (!entry || entry.expires <= now() || entry.origin !== origin) return null;
      return entry.params;
    },
  };
}
