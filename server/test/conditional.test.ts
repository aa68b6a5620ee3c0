// Contract: every successful read carries an ETag; asked again with it (If-None-Match) and unchanged, the reply is
// 304 with no body; any change gives a new tag and the full reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, archivePath, MARIO, POSTMASTER, sendMail, startTestProvider, uniqueSubject, type Client, type TestProvider } from './helpers';

let provider: TestProvider;
let mario: Client;

beforeAll(async () => {
  provider = await startTestProvider();
  mario = await provider.as(MARIO);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('conditional reads', () => {
  it('answer an unchanged identity, status, folder list and changes with 304 and no body', async () => {
    const version = (await mario.get(archivePath(MARIO))).body.version as number;
    for (const path of [`${API}/me`, archivePath(MARIO), archivePath(MARIO, '/folders'), archivePath(MARIO, `/changes?since=${version}`)]) {
      const first = await mario.get(path);
      expect(first.status, path).toBe(200);
      const tag = first.headers.get('etag');
      expect(tag, path).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
      const again = await mario.get(path, { 'if-none-match': tag! });
      expect(again.status, path).toBe(304);
      expect(again.text, path).toBe('');
      expect(again.headers.get('etag'), path).toBe(tag);
      // A tag among others, or weak, still matches; another tag does not.
      expect((await mario.get(path, { 'if-none-match': `"other", W/${tag}` })).status, path).toBe(304);
      expect((await mario.get(path, { 'if-none-match': '"other"' })).status, path).toBe(200);
    }
  });

  it('give the full reply and a new tag once the archive changed', async () => {
    const folders = await mario.get(archivePath(MARIO, '/folders'));
    const status = await mario.get(archivePath(MARIO));
    await sendMail(provider, { from: 'news@outside.example.com', to: MARIO, subject: uniqueSubject('changes the tag'), text: 'new' });
    const foldersAfter = await mario.get(archivePath(MARIO, '/folders'), { 'if-none-match': folders.headers.get('etag')! });
    expect(foldersAfter.status).toBe(200);
    expect(foldersAfter.body.version).toBeGreaterThan(folders.body.version);
    expect(foldersAfter.headers.get('etag')).not.toBe(folders.headers.get('etag'));
    const statusAfter = await mario.get(archivePath(MARIO), { 'if-none-match': status.headers.get('etag')! });
    expect(statusAfter.status).toBe(200);
    expect(statusAfter.body.messageCount).toBe(status.body.messageCount + 1);
  });

  it('never tell one account that another account’s reply is unchanged, and never answer a refusal with 304', async () => {
    const own = await mario.get(archivePath(MARIO, '/folders'));
    const postmaster = await provider.as(POSTMASTER);
    const refused = await postmaster.get(archivePath(MARIO, '/folders'), { 'if-none-match': own.headers.get('etag')! });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('etag')).toBeNull();
  });
});
