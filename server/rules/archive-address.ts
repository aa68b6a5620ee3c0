// The archive's own address: mailbox@domain.it → mailbox_domain.it@archivio.postassl.it (as the product guide says).
import { PRODUCT } from '../config';

export function archiveAddressOf(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return `${local}_${domain}@${PRODUCT.archiveHost}`;
}
