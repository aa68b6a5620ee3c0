// Shared steps of end-to-end scenarios: sign in on the demo webmail, call the background like a view does.
import type { BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Signs in through the demo webmail's form, as a user does; usable in hooks too (no expect.poll). */
export async function signInOnWebmail(page: Page, baseUrl: string, address: string, password = 'archivio-demo'): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Indirizzo email').fill(address);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.locator(`[data-account="${address}"]`).first().waitFor({ timeout: 15_000 });
}

/** A new webmail tab signed in as `address`, earlier sessions' cookies cleared first. */
export async function newSignedInTab(context: BrowserContext, baseUrl: string, address: string): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  await signInOnWebmail(page, baseUrl, address);
  return page;
}

/** Opens an extension page from which runtime messages reach the background as they do from our views. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, path = 'popup.html'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

export function callBackground<T = unknown>(
  page: Page,
  name: string,
  payload: unknown = {},
): Promise<{ ok: boolean; value?: T; error?: { kind: string } }> {
  return page.evaluate(
    ([n, p]) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<never> } } }).chrome.runtime;
      return runtime.sendMessage({ tag: 'archivio/rpc', name: n, payload: p });
    },
    [name, payload] as const,
  );
}

/**
 * The page-wide postmaster dialog frame. Its shadow root is closed (the webmail page cannot reach in), so locators
 * cannot pierce it either: the frame is found among the page's frames, by the dialog host its element sits under.
 */
export async function dialogFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(async () => {
      for (const frame of page.frames()) {
        if (!frame.url().includes('/postmaster.html')) continue;
        const element = await frame.frameElement().catch(() => null);
        const inDialog = await element?.evaluate((iframe) => (iframe.getRootNode() as ShadowRoot).host?.hasAttribute('data-archivio-dialog'));
        if (inDialog) found = frame;
      }
      return found !== undefined;
    })
    .toBe(true);
  await found!.waitForLoadState();
  return found!;
}

/**
 * The open message's headers in the archive frame; when they never show, the error says what the frame showed instead
 * (the workspace, a state screen, the reader still loading or failed), so a failure on a loaded machine explains itself.
 */
export async function readerHeaders(app: FrameLocator): Promise<Locator> {
  const headers = app.locator('.reader-headers');
  try {
    await headers.waitFor();
  } catch (error) {
    const shown = await app
      .locator('body')
      .evaluate((body) => ({
        workspace: body.querySelector('.workspace')?.className ?? null,
        stateScreen: body.querySelector('.state-screen')?.getAttribute('data-state') ?? null,
        reader: body.querySelector('.reader')?.textContent?.slice(0, 300) ?? null,
        active: document.activeElement?.className ?? null,
      }))
      .catch((reason: unknown) => String(reason));
    throw new Error(`the message did not open; the archive frame showed ${JSON.stringify(shown)}`, { cause: error });
  }
  return headers;
}

/**
 * Clicks a message row and returns the reader's headers. A click that a loaded browser delivered before the list could
 * take it (the reader stays closed, the frame shows the list) is made once more; a reader that then still does not
 * open fails with what the frame showed.
 */
export async function openFromRow(app: FrameLocator, row: Locator): Promise<Locator> {
  await row.click();
  const headers = app.locator('.reader-headers');
  const opened = await headers.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (opened) return headers;
  const readerShown = await app.locator('.workspace.reader-open').count();
  if (readerShown === 0) await row.click();
  return readerHeaders(app);
}
