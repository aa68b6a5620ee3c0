// Content script on the webmail: tells the background a webmail session is open (it warms the cache).
import { rpc } from '@/utils/rpc/client';

export default defineContentScript({
  // Replaced at build time by the provider profile's webmail matches (see wxt.config.ts).
  matches: ['https://webmail.aruba.it/new/*'],
  runAt: 'document_idle',
  main(ctx) {
    const announce = () => {
      rpc('session.get', {}).catch(() => undefined);
    };
    announce();
    ctx.addEventListener(window, 'wxt:locationchange', announce);
  },
});
