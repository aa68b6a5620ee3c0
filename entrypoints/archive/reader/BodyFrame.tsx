// The message body in a sandboxed frame: no scripts, no same-origin access, a strict CSP inside its srcdoc.
import { t } from '@/utils/i18n';

export interface BodyFrameProps {
  srcdoc: string;
  /** Changes whenever the document does, so each render gets a fresh frame. */
  frameKey: string;
}

/** Links may open in a new tab (outside the sandbox); nothing else is allowed: no scripts, forms or navigation of us. */
export const BODY_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

export function BodyFrame({ srcdoc, frameKey }: BodyFrameProps) {
  // `sandbox` is listed before `srcdoc`: Preact sets them in this order on a new element, before it is inserted.
  return (
    <iframe
      key={frameKey}
      sandbox={BODY_SANDBOX}
      referrerpolicy="no-referrer"
      class="body-frame"
      title={t('archive_body_frame_title')}
      srcdoc={srcdoc}
    />
  );
}
