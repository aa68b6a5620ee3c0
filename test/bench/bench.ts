// `npm run bench`: the demo extension in Chromium, driven as a user, against the reference provider holding 100,000
// bulk messages behind a proxy that adds a round trip to every request. Prints a Markdown table and one JSON line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { removeDataDir, startProvider, type RunningProvider } from '../support/provider';
import { testControl } from '../support/session';
import { freePort } from '../support/roundcube';
import { buildExtension, outputFiles } from './bundle';
import { signInOnWebmail, timedRpc } from './extension-steps';
import { measureHeaps } from './heap';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy';
import { median } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const PER_MONTH = Number(process.env.BENCH_PER_MONTH ?? 50_000);
const MONTHS = ['2023-01', '2023-02'];
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** A git ref whose extension is measured instead of this checkout's (a "before" run); the provider stays this one. */
const BASELINE = process.env.BENCH_BASELINE;
const LABEL = process.env.BENCH_LABEL ?? (BASELINE ? `before (${BASELINE})` : 'after');
const WAIT_MS = 60_000;
/** How long the bench waits for the background to page the whole archive in. */
const FILL_WAIT_MS = Number(process.env.BENCH_FILL_WAIT_MS ?? 300_000);
const GIULIA = 'giulia.verdi@example.it';
const TOPICS = ['fattura', 'preventivo', 'ordine', 'riunione', 'verbale', 'consegna', 'rinnovo', 'promemoria'];

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Counts rows in the DOM and long tasks in every extension page, from its first script on. */
const PAGE_PROBE = `(() => {
  window.__bench = { maxRows: 0, longTasks: 0 };
  const sample = () => {
    window.__bench.maxRows = Math.max(window.__bench.maxRows, document.querySelectorAll('[role=option]').length);
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.duration > 50) window.__bench.longTasks++;
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** One search sample in the page: puts `text` into the search box, resolves with the ms until its rows show. */
const SEARCH_SAMPLE = `function (text, wait) {
  function signature() {
    return Array.from(document.querySelectorAll('[role=option][data-message-id]')).slice(0, 3)
      .map(function (row) { return row.getAttribute('data-message-id'); })
      .join(',');
  }
  var input = document.querySelector('.search-input');
  if (!input) throw new Error('no search input');
  var before = signature();
  var started = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return new Promise(function (done) {
    function check() {
      var now = signature();
      // The previous term's rows, or none while the new run starts, are not this term's answer yet.
      if (now !== before && now !== '') return done(performance.now() - started);
      if (performance.now() - started > wait) return done(wait);
      requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  });
}`;

interface Probe {
  maxRows: number;
  longTasks: number;
}

class Run {
  probes: Probe[] = [];
  constructor(
    readonly browser: ExtensionBrowser,
    readonly helper: Page,
    readonly origin: string,
  ) {}

  url(view?: string): string {
    return `chrome-extension://${this.browser.extensionId}/archive.html#origin=${encodeURIComponent(this.origin)}${view ? `&view=${view}` : ''}`;
  }

  async clearCache(): Promise<void> {
    const reply = await timedRpc(this.helper, 'cache.clear', {});
    if (!reply.ok) throw new Error(`cache.clear: ${reply.error}`);
  }

  /** Opens the archive and returns the page and the ms from navigation start to the first frame with a loaded row. */
  async open(view?: string): Promise<{ page: Page; ms: number }> {
    const page = await this.browser.context.newPage();
    await page.goto(this.url(view));
    const handle = await page.waitForFunction(() => (document.querySelector('[role=option][data-message-id]') ? performance.now() : 0), undefined, {
      polling: 'raf',
      timeout: WAIT_MS,
    });
    return { page, ms: (await handle.jsonValue()) as number };
  }

  async close(page: Page): Promise<void> {
    this.probes.push(await page.evaluate(() => (window as unknown as { __bench: Probe }).__bench).catch(() => ({ maxRows: 0, longTasks: 0 })));
    await page.close();
  }

  async openAndClose(view?: string): Promise<number> {
    const { page, ms } = await this.open(view);
    await this.close(page);
    return ms;
  }

  /** Stops the extension's service worker (Chrome does it after 30 s idle); the next message starts a new one. */
  async stopWorker(): Promise<void> {
    const page = await this.browser.context.newPage();
    await page.goto('about:blank');
    const cdp = await this.browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.close();
    await new Promise((done) => setTimeout(done, 300));
  }

  /** The list's End key on a freshly opened month (cache cleared): ms until the month's oldest row is on screen. */
  async endOfMonth(folderId: string): Promise<number> {
    await this.clearCache();
    const { page } = await this.open(folderId);
    try {
      await page.locator('[role=listbox]').first().focus();
      const started = performance.now();
      await page.keyboard.press('End');
      await page.waitForFunction(
        () => [...document.querySelectorAll('[role=option][data-message-id]')].some((row) => row.textContent?.includes('n. 00001')),
        undefined,
        { polling: 'raf', timeout: WAIT_MS },
      );
      return performance.now() - started;
    } catch {
      return WAIT_MS;
    } finally {
      await this.close(page);
    }
  }

  /** Each sample types a whole new term into the search box at once: ms from the input event to the list showing its rows. */
  async search(folderId: string, samples: number): Promise<number[]> {
    const { page } = await this.open(folderId);
    try {
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const term = TOPICS[i % TOPICS.length] as string;
        // A string, not a function: the bundler's name helpers do not exist in the page.
        const ms = (await page.evaluate(`(${SEARCH_SAMPLE})(${JSON.stringify(term)}, ${WAIT_MS})`)) as number;
        times.push(ms);
      }
      return times;
    } finally {
      await this.close(page);
    }
  }

  /**
   * Opens the month (cache cleared before, by the End key runs) and keeps it open while the background pages the
   * archive in: until every summary is cached, or none was added for 20 s, or FILL_WAIT_MS. Its long tasks count.
   */
  async backgroundFill(folderId: string, expected: number): Promise<{ summaries: number; ms: number }> {
    const { page } = await this.open(folderId);
    const started = performance.now();
    let summaries = 0;
    let last = -1;
    let lastGrowth = started;
    try {
      while (performance.now() - started < FILL_WAIT_MS) {
        summaries = await this.cachedSummaries();
        if (summaries >= expected) break;
        if (summaries !== last) [last, lastGrowth] = [summaries, performance.now()];
        else if (performance.now() - lastGrowth > 20_000) break;
        await new Promise((done) => setTimeout(done, 1_000));
      }
      return { summaries, ms: performance.now() - started };
    } finally {
      await this.close(page);
    }
  }

  async cachedSummaries(): Promise<number> {
    const worker = await this.browser.worker();
    return worker.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          const open = indexedDB.open('archivio-cache');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('messages').objectStore('messages').count();
            count.onsuccess = () => done(count.result);
            count.onerror = () => fail(count.error);
          };
        }),
    );
  }
}

/** The extension's sources at a git ref, in a scratch folder that borrows this checkout's node_modules. */
function checkoutOf(ref: string, scratch: string): string {
  const dir = join(scratch, 'baseline-src');
  execFileSync('sh', ['-c', `mkdir -p "${dir}" && git -C "${ROOT}" archive "${ref}" | tar -x -C "${dir}"`]);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const round = (ms: number) => Math.round(ms);

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'archivio-bench-'));
  let provider: RunningProvider | null = null;
  let proxy: LatencyProxy | null = null;
  let browser: ExtensionBrowser | null = null;
  try {
    let upstream = 0;
    proxy = await startLatencyProxy(LATENCY_MS, () => upstream);
    const origin = `http://127.0.0.1:${proxy.port}`;
    log(`starting the reference provider behind a ${LATENCY_MS} ms proxy (${origin})…`);
    provider = await startProvider({ seed: true, testMode: true, publicOrigin: origin });
    upstream = provider.port;
    const folders: string[] = [];
    for (const month of MONTHS) {
      log(`bulk-inserting ${PER_MONTH} messages into ${GIULIA} ${month}…`);
      const bulk = (await testControl(provider.url, `mailboxes/${GIULIA}/bulk`, { count: PER_MONTH, month })) as {
        inserted: number;
        folderId: string;
      };
      if (bulk.inserted !== PER_MONTH) throw new Error(`bulk insert stored ${bulk.inserted} of ${PER_MONTH}`);
      folders.push(bulk.folderId);
    }
    const month = folders[0] as string;

    const sourceRoot = BASELINE ? checkoutOf(BASELINE, scratch) : ROOT;
    log(`building the demo extension${BASELINE ? ` of ${BASELINE}` : ''}…`);
    const demoDir = buildExtension(join(scratch, 'demo'), { demoPort: proxy.port, root: sourceRoot });
    const debuggingPort = await freePort();
    browser = await launchWithExtension(demoDir, { args: [`--remote-debugging-port=${debuggingPort}`] });
    await browser.context.addInitScript(PAGE_PROBE);
    const webmail = await browser.context.newPage();
    await signInOnWebmail(webmail, origin, GIULIA);
    const helper = await browser.context.newPage();
    await helper.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const run = new Run(browser, helper, origin);

    log('cold archive and cold month…');
    const coldArchive: number[] = [];
    const coldMonth: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await run.clearCache();
      coldArchive.push(await run.openAndClose());
      await run.clearCache();
      coldMonth.push(await run.openAndClose(month));
    }
    // The cold runs clear the cache; then the background pages the archive in, and the warm runs find it whole.
    log('End key in a cold month…');
    const endOfMonth: number[] = [];
    for (let i = 0; i < RUNS; i++) endOfMonth.push(await run.endOfMonth(month));

    log('background fill of the whole archive, with the month open…');
    const fill = await run.backgroundFill(month, PER_MONTH * MONTHS.length);
    log(`background fill: ${fill.summaries} summaries cached after ${round(fill.ms)} ms`);

    log('warm month…');
    await run.openAndClose(month);
    const warmMonth: number[] = [];
    for (let i = 0; i < RUNS; i++) warmMonth.push(await run.openAndClose(month));
    log('warm month after the service worker stopped…');
    const afterStop: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await run.stopWorker();
      afterStop.push(await run.openAndClose(month));
    }
    log('unchanged warm reopen, bytes on the wire…');
    await new Promise((done) => setTimeout(done, 3_000));
    proxy.resetBytes();
    await run.openAndClose(month);
    await new Promise((done) => setTimeout(done, 3_000));
    const unchangedRefreshBytes = proxy.bytes();
    log(`unchanged reopen: ${unchangedRefreshBytes} bytes, requests: ${proxy.requests().join(' | ') || 'none'}`);

    log('search keystrokes…');
    await run.openAndClose(month);
    await new Promise((done) => setTimeout(done, 5_000));
    const searches = await run.search(month, 16);
    const cachedSummaries = await run.cachedSummaries();
    log('heaps, every summary cached and the month open…');
    const { page: heapPage } = await run.open(month);
    const heaps = await measureHeaps(debuggingPort, browser.extensionId);
    await run.close(heapPage);
    log(`heaps: background ${heaps.backgroundHeapBytes} B, archive page ${heaps.archiveFrameHeapBytes} B`);
    await browser.close();
    browser = null;

    log('store build (npm run build) sizes…');
    const storeFiles = outputFiles(buildExtension(join(scratch, 'store'), { root: sourceRoot }));
    const contentScript = storeFiles.find((file) => file.path === 'content-scripts/webmail.js');

    const sorted = [...searches].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number;
    const result = {
      label: LABEL,
      messages: PER_MONTH * MONTHS.length,
      latencyMs: LATENCY_MS,
      runs: RUNS,
      coldArchiveMs: round(median(coldArchive)),
      coldMonthMs: round(median(coldMonth)),
      warmMonthMs: round(median(warmMonth)),
      warmAfterWorkerStopMs: round(median(afterStop)),
      warmColdRatio: Number((median(warmMonth) / median(coldMonth)).toFixed(2)),
      endOfMonthColdMs: round(median(endOfMonth)),
      searchP50Ms: round(median(searches)),
      searchP95Ms: round(p95),
      cachedSummaries,
      unchangedRefreshBytes,
      maxDomRows: Math.max(...run.probes.map((probe) => probe.maxRows)),
      longTasksOver50Ms: run.probes.reduce((sum, probe) => sum + probe.longTasks, 0),
      contentScriptGzipBytes: contentScript?.gzipBytes ?? 0,
      backgroundHeapBytes: heaps.backgroundHeapBytes,
      archiveFrameHeapBytes: heaps.archiveFrameHeapBytes,
    };
    const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    writeResults(result, `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}; ${chromium} (headless)`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser?.close().catch(() => undefined);
    await proxy?.close().catch(() => undefined);
    if (provider) {
      await provider.stop();
      removeDataDir(provider.dataDir);
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Puts the run's row into docs/benchmarks.md's results table (one row per label, replaced on a re-run). */
function writeResults(result: Record<string, string | number>, machine: string): void {
  const file = join(ROOT, 'docs/benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- bench:results -->');
  const end = text.indexOf('<!-- /bench:results -->');
  if (start < 0 || end < 0) throw new Error('docs/benchmarks.md has no results markers');
  const keys = Object.keys(result);
  const previous = text
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| label') && !line.startsWith(`| ${result.label} |`));
  const row = `| ${keys.map((key) => result[key]).join(' | ')} |`;
  const table = [
    '<!-- bench:results -->',
    '',
    `Last run ${new Date().toISOString().slice(0, 16)}Z on ${machine}.`,
    '',
    `| ${keys.join(' | ')} |`,
    `|${keys.map(() => '---').join('|')}|`,
    ...previous,
    row,
    '',
  ].join('\n');
  writeFileSync(file, text.slice(0, start) + table + text.slice(end));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
