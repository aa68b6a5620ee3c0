// `npm run bench`: one run of the demo extension in Chromium against the reference provider with 20,000 bulk messages.
// Reports medians and ratios (warm cache vs network, local filter vs provider search) and the store build's sizes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { removeDataDir, startProvider, type RunningProvider } from '../support/provider';
import { signIn, testControl } from '../support/session';
import { buildExtension, outputFiles } from './bundle';
import { firstRowsMs, pagesFetchedInPage, signInOnWebmail, timedRpc, type TimedReply } from './extension-steps';
import { fmt, ratio, repeat, summary, type Samples } from './stats';

const COUNT = Number(process.env.BENCH_COUNT ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GIULIA = 'giulia.verdi@example.it';
const MONTH = '2023-01';
const TERM = 'fattura';
const WINDOW = 100; // the archive app's ListingSource page size

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function expectReply(reply: TimedReply, what: string, check: (reply: TimedReply) => boolean): number {
  if (!reply.ok || !check(reply)) throw new Error(`${what}: unexpected reply ${JSON.stringify(reply)}`);
  return reply.ms;
}

async function coldVsWarm(browser: ExtensionBrowser, helper: Page, origin: string, folderId: string) {
  const window = { origin, folderId, offset: 0, limit: WINDOW };
  const clear = async () => expectReply(await timedRpc(helper, 'cache.clear', {}), 'cache.clear', () => true);
  const rpcCold = await repeat('messages.list, cold (cache cleared, from the provider)', RUNS, async () => {
    await clear();
    return expectReply(await timedRpc(helper, 'messages.list', window), 'cold list', (r) => r.rows === WINDOW && r.source === 'network');
  });
  // Warm: the listing is in IndexedDB; the background still revalidates it with `changes?since=` and lets a refresh
  // that settles within its 150 ms budget decide the answer (then freshness.source says 'network').
  const warmSources = new Map<string, number>();
  const rpcWarm = await repeat('messages.list, warm (listing in IndexedDB)', RUNS, async () => {
    const reply = await timedRpc(helper, 'messages.list', window);
    warmSources.set(reply.source ?? '?', (warmSources.get(reply.source ?? '?') ?? 0) + 1);
    return expectReply(reply, 'warm list', (r) => r.rows === WINDOW);
  });
  const url = `chrome-extension://${browser.extensionId}/archive.html#origin=${encodeURIComponent(origin)}&view=${folderId}`;
  const open = async () => {
    const page = await browser.context.newPage();
    try {
      return await firstRowsMs(page, url);
    } finally {
      await page.close();
    }
  };
  const uiCold = await repeat('archive.html to first rows, cold', RUNS, async () => {
    await clear();
    return open();
  });
  const uiWarm = await repeat('archive.html to first rows, warm', RUNS, open);
  return { rpcCold, rpcWarm, uiCold, uiWarm, warmSources };
}

/** The same term through the background: its instant filter over cached summaries, and the provider's search. */
async function filterVsSearch(helper: Page, origin: string, cached: string, folderId?: string) {
  const scope = folderId ? 'one folder' : 'whole archive';
  const where = folderId ? { folderId } : {};
  let rows = 0;
  const timed = (name: string, query: object, check: (r: TimedReply) => boolean) => async () => {
    const reply = await timedRpc(helper, name, { origin, query });
    rows = reply.rows;
    return expectReply(reply, name, check);
  };
  const filter = await repeat(
    '',
    RUNS,
    timed('messages.filter', { text: TERM, ...where }, () => true),
  );
  filter.label = `messages.filter "${TERM}", ${scope}, ${cached} cached → ${rows} rows (app default limit 500)`;
  const search = await repeat(
    '',
    RUNS,
    timed('search', { q: TERM, limit: 100, ...where }, (r) => r.rows > 0),
  );
  search.label = `search q="${TERM}", ${scope} → ${rows} rows (limit 100, as the app asks)`;
  return { filter, search };
}

function ratioLine(pair: { filter: Samples; search: Samples }, scope: string): string {
  const slower = ratio(pair.filter, pair.search);
  return slower >= 1
    ? `${scope}: the local filter took ${slower.toFixed(1)}× as long as the provider's search.`
    : `${scope}: the provider's search took ${(1 / slower).toFixed(1)}× as long as the local filter.`;
}

/** The provider alone: every page of the folder at the largest limit, over HTTP from Node (no browser, no cache). */
async function providerPaging(origin: string, folderId: string): Promise<{ ms: number; pages: number; rows: number }> {
  const session = await signIn(origin, GIULIA);
  const started = performance.now();
  let cursor: string | null = null;
  let pages = 0;
  let rows = 0;
  do {
    const query: string = `limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await session.fetch(
      new URL(`/api/archive/v1/mailboxes/${encodeURIComponent(GIULIA)}/archive/folders/${folderId}/messages?${query}`, origin),
    );
    const page = (await response.json()) as { items: unknown[]; nextCursor: string | null };
    rows += page.items.length;
    pages++;
    cursor = page.nextCursor;
  } while (cursor);
  return { ms: performance.now() - started, pages, rows };
}

function table(rows: Samples[]): string {
  return ['| measurement | median (min, max, runs) |', '|---|---|', ...rows.map((s) => `| ${s.label} | ${summary(s)} |`)].join('\n');
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'archivio-bench-'));
  let provider: RunningProvider | null = null;
  let browser: ExtensionBrowser | null = null;
  try {
    log('starting the reference provider (demo seed, test mode)…');
    provider = await startProvider({ seed: true, testMode: true });
    const origin = provider.url;
    log(`bulk-inserting ${COUNT} messages into ${GIULIA} ${MONTH}…`);
    let started = performance.now();
    const bulk = (await testControl(origin, `mailboxes/${GIULIA}/bulk`, { count: COUNT, month: MONTH })) as { inserted: number; folderId: string };
    const bulkMs = performance.now() - started;
    if (bulk.inserted !== COUNT) throw new Error(`bulk insert stored ${bulk.inserted} of ${COUNT}`);

    log('building the demo extension…');
    const demoDir = buildExtension(join(scratch, 'demo'), { demoPort: provider.port });
    browser = await launchWithExtension(demoDir);
    const webmail = await browser.context.newPage();
    await signInOnWebmail(webmail, origin, GIULIA);
    const helper = await browser.context.newPage();
    await helper.goto(`chrome-extension://${browser.extensionId}/popup.html`);

    log('(a) first window: cold vs warm…');
    const a = await coldVsWarm(browser, helper, origin, bulk.folderId);

    log('(b) local filter vs provider search, small cache…');
    expectReply(await timedRpc(helper, 'cache.clear', {}), 'cache.clear', () => true);
    const seeded = await timedRpc(helper, 'messages.list', { origin, folderId: 'inbox', offset: 0, limit: WINDOW });
    expectReply(seeded, 'seeded inbox', (r) => r.rows > 0);
    const small = await filterVsSearch(helper, origin, 'the newest 200 inbox summaries');
    log(`paging all ${COUNT} summaries into the cache…`);
    const fill = await timedRpc(helper, 'messages.list', { origin, folderId: bulk.folderId, offset: COUNT - WINDOW, limit: WINDOW });
    expectReply(fill, 'fill', (r) => r.rows === WINDOW);
    const direct = await providerPaging(origin, bulk.folderId);
    const inPage = await pagesFetchedInPage(
      helper,
      `${origin}/api/archive/v1/mailboxes/${encodeURIComponent(GIULIA)}/archive/folders/${bulk.folderId}/messages`,
    );
    if (inPage.rows !== COUNT) throw new Error(`the extension page fetched ${inPage.rows} rows`);
    log('(b) local filter vs provider search, large cache…');
    const largeAll = await filterVsSearch(helper, origin, `200 + ${COUNT}`);
    const largeFolder = await filterVsSearch(helper, origin, `${COUNT}`, bulk.folderId);
    await browser.close();
    browser = null;

    log('(c) store build (npm run build) sizes…');
    started = performance.now();
    const storeDir = buildExtension(join(scratch, 'store'));
    const buildMs = performance.now() - started;
    const files = outputFiles(storeDir);

    const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const lines = [
      `# Archivio benchmark — ${new Date().toISOString()}`,
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}; ${chromium} (headless). One run; timings are noisy.`,
      `Setup: demo seed + ${COUNT} bulk messages in ${GIULIA} inbox-${MONTH} (bulk insert ${fmt(bulkMs)} ms).`,
      '',
      '## (a) First window of a folder: network (cold) vs IndexedDB (warm)',
      '',
      table([a.rpcCold, a.rpcWarm, a.uiCold, a.uiWarm]),
      '',
      `Warm answers' freshness.source: ${[...a.warmSources].map(([source, n]) => `${source} ×${n}`).join(', ')}.`,
      '',
      `Ratio cold / warm: background request ${ratio(a.rpcCold, a.rpcWarm).toFixed(1)}×, archive page to first rows ${ratio(a.uiCold, a.uiWarm).toFixed(1)}×.`,
      '',
      `## (b) Instant local filter vs provider search ("${TERM}")`,
      '',
      table([small.filter, small.search, largeAll.filter, largeAll.search, largeFolder.filter, largeFolder.search]),
      '',
      ratioLine(small, 'Small cache, whole archive'),
      ratioLine(largeAll, `${COUNT} cached, whole archive`),
      ratioLine(largeFolder, `${COUNT} cached, one folder`),
      '',
      `Paging all ${COUNT} summaries of the folder into the cache took ${fmt(fill.ms)} ms (one \`messages.list\` at offset ${COUNT - WINDOW}); ` +
        `the provider alone serves the same ${direct.pages} pages of 200 to Node in ${fmt(direct.ms)} ms, ` +
        `and an extension page fetches and parses them (no validation, no IndexedDB) in ${fmt(inPage.ms)} ms.`,
      '',
      `## (c) Store build (\`npm run build\`, ${fmt(buildMs)} ms)`,
      '',
      '| file | bytes | gzip -9 |',
      '|---|---:|---:|',
      ...files.map((file) => `| ${file.path} | ${file.bytes} | ${file.gzipBytes} |`),
      `| **total** | **${files.reduce((sum, f) => sum + f.bytes, 0)}** | **${files.reduce((sum, f) => sum + f.gzipBytes, 0)}** |`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (provider) {
      await provider.stop();
      removeDataDir(provider.dataDir);
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
