// Archive routes carried in the URL fragment ("#/archivio/<view>"), so back and forward open and leave the archive.
import { isArchiveViewName } from '@/utils/frames/view-name';
import type { ArchiveRoute } from './adapter';

/** A route living in the fragment: `<prefix>` for the default view, `<prefix>/<view>` for another. */
export function fragmentRoute(prefix: string): ArchiveRoute {
  return {
    url(current, view) {
      const url = new URL(current.href);
      url.hash = view && isArchiveViewName(view) ? `${prefix}/${view}` : prefix;
      return url;
    },
    viewOf(url) {
      const hash = url.hash;
      if (hash === prefix || hash === `${prefix}/`) return '';
      if (!hash.startsWith(`${prefix}/`)) return null;
      const view = hash.slice(prefix.length + 1).split(/[/?&]/)[0] ?? '';
      return isArchiveViewName(view) ? view : '';
    },
  };
}
