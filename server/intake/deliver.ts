// The delivery pipeline shared by SMTP intake, SMTP submission and the webmail's send: mailbox first, archive copy by the rules.
import { parseForIndex, type IndexFields } from '../mail/parse';
import { archivesCopy, planDeliveries, type Via } from '../rules/delivery';
import { archiveCopy } from '../services/archive-store';
import { directoryOf, type Services } from '../services/context';
import { deliverToMailbox } from '../services/mailbox';

export type ArchiveResult = 'archived' | 'full' | 'disabled' | 'not-direct';

export interface DeliveryReport {
  mailbox: string;
  via: Via | 'submission';
  mailboxMessageId: string;
  archive: ArchiveResult;
  archiveMessageId: string | null;
}

/** Mail arriving for local recipients: every mailbox reached gets it; only direct recipients get an archive copy. */
export async function deliverInbound(s: Services, raw: Buffer, recipients: string[], parsed?: IndexFields): Promise<DeliveryReport[]> {
  const fields = parsed ?? (await parseForIndex(raw));
  return s.lock.run(async () => {
    const dateMs = s.clock.nowMs();
    const reports: DeliveryReport[] = [];
    for (const delivery of planDeliveries(directoryOf(s), recipients)) {
      const mailboxMessageId = await deliverToMailbox(s, delivery.mailbox, 'inbox', raw, fields, {
        dateMs,
        via: delivery.via,
        seen: false,
      });
      const enabled = s.archives.get(delivery.mailbox)?.enabled ?? false;
      let archive: ArchiveResult = enabled ? 'not-direct' : 'disabled';
      let archiveMessageId: string | null = null;
      if (archivesCopy(delivery, enabled)) {
        const outcome = await archiveCopy(s, delivery.mailbox, 'inbox', raw, fields, dateMs, delivery.via);
        archive = outcome.outcome;
        archiveMessageId = outcome.outcome === 'archived' ? outcome.id : null;
      }
      reports.push({ mailbox: delivery.mailbox, via: delivery.via, mailboxMessageId, archive, archiveMessageId });
    }
    return reports;
  });
}

/**
 * Authenticated submission: the sender's copy goes to Posta inviata (mailbox and archive), local recipients get
 * it as inbound mail. Remote recipients are accepted but not relayed (the reference provider has no outbound relay).
 */
export async function submit(s: Services, sender: string, raw: Buffer, recipients: string[]): Promise<DeliveryReport[]> {
  const fields = await parseForIndex(raw);
  const sentCopy = await s.lock.run(async (): Promise<DeliveryReport> => {
    const dateMs = s.clock.nowMs();
    const mailboxMessageId = await deliverToMailbox(s, sender, 'sent', raw, fields, { dateMs, via: 'submission', seen: true });
    const outcome = await archiveCopy(s, sender, 'sent', raw, fields, dateMs, 'submission');
    return {
      mailbox: sender,
      via: 'submission',
      mailboxMessageId,
      archive: outcome.outcome,
      archiveMessageId: outcome.outcome === 'archived' ? outcome.id : null,
    };
  });
  const inbound = await deliverInbound(s, raw, recipients, fields);
  return [sentCopy, ...inbound];
}
