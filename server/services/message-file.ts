// Reading a stored message's bytes, tolerating a concurrent move that renamed its file between lookup and read.
import { notFound } from '../http/errors';
import type { MessageRow } from '../storage/messages';
import type { Services } from './context';

export async function readMessageFile(s: Services, row: MessageRow): Promise<Buffer> {
  try {
    return await s.maildirs.read(row.file);
  } catch {
    const again = s.messages.get(row.store, row.address, row.id);
    if (!again || again.file === row.file) throw notFound('The message no longer exists');
    return s.maildirs.read(again.file);
  }
}
