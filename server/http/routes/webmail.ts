// Serves the demo webmail's static assets (server/webmail/assets.ts, loaded lazily); a placeholder page until it exists.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../context';
import { notFound } from '../errors';

type Asset = { body: Buffer | string; contentType: string };
type AssetModule = { loadWebmailAssets(): Promise<Map<string, Asset>> };

const MODULE_URL = new URL('../../webmail/assets.ts', import.meta.url);

const PLACEHOLDER: Asset = {
  contentType: 'text/html; charset=utf-8',
  body: '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Webmail</title></head><body><main><h1>Webmail</h1><p>La webmail dimostrativa non è ancora disponibile.</p></main></body></html>',
};

let assets: Promise<Map<string, Asset>> | null = null;

async function load(): Promise<Map<string, Asset> | null> {
  if (assets) return assets;
  if (!fs.existsSync(fileURLToPath(MODULE_URL))) return null;
  const loading = (import(MODULE_URL.href) as Promise<AssetModule>).then((mod) => mod.loadWebmailAssets());
  assets = loading;
  loading.catch(() => {
    assets = null;
  });
  return loading;
}

export async function serveWebmail(ctx: Ctx): Promise<void> {
  const map = await load();
  const asset = map ? map.get(ctx.path) : ctx.path === '/' ? PLACEHOLDER : undefined;
  if (!asset) throw notFound('No such page');
  const body = typeof asset.body === 'string' ? Buffer.from(asset.body, 'utf8') : asset.body;
  const headers: Record<string, string> = { 'Content-Type': asset.contentType, 'Content-Length': String(body.length) };
  if (asset.contentType.startsWith('text/html')) {
    headers['Content-Security-Policy'] = "frame-ancestors 'none'";
    headers['X-Frame-Options'] = 'DENY';
  }
  ctx.res.writeHead(200, headers);
  ctx.res.end(ctx.method === 'HEAD' ? undefined : body);
}
