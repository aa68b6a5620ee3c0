// Contract: a listing seeks by position (`offset`), so any window of a large folder is one request away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePath, GIULIA, listAll, startTestProvider, type Client, type TestProvider } from './helpers';

let provider: TestProvider;
let giulia: Client;
const COUNT = 1_200;

const listing = (query: string) => giulia.get(archivePath(GIULIA, `/folders/inbox-2020-03/messages?${query}`));

beforeAll(async () => {
  provider = await startTestProvider();
  giulia = await provider.as(GIULIA);
  const reply = await provider.client().post(`/api/test/mailboxes/${GIULIA}/bulk`, { count: COUNT, month: '2020-03' });
  expect(reply.body.inserted).toBe(COUNT);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('listing seek by offset', () => {
  it('answers the rows at that position, as paging from the top would, with a cursor for the rows after them', async () => {
    const all = (await listAll(giulia, GIULIA, 'inbox-2020-03')).map((item) => item.id);
    expect(all).toHaveLength(COUNT);
    const middle = await listing('offset=700&limit=50');
    expect(middle.status).toBe(200);
    expect(middle.body.items.map((item: { id: string }) => item.id)).toEqual(all.slice(700, 750));
    const after = await listing(`limit=50&cursor=${middle.body.nextCursor}`);
    expect(after.body.items.map((item: { id: string }) => item.id)).toEqual(all.slice(750, 800));
  });

  it('ends the listing at its last rows and answers an empty page past its end', async () => {
    const all = (await listAll(giulia, GIULIA, 'inbox-2020-03')).map((item) => item.id);
    const end = await listing(`offset=${COUNT - 30}&limit=50`);
    expect(end.body.items.map((item: { id: string }) => item.id)).toEqual(all.slice(COUNT - 30));
    expect(end.body.nextCursor).toBeNull();
    const past = await listing(`offset=${COUNT + 10}&limit=50`);
    expect(past.body).toMatchObject({ items: [], nextCursor: null });
  });

  it('refuses a malformed offset and an offset with a cursor', async () => {
    for (const bad of ['-1', '1.5', 'abc', '99999999']) {
      const reply = await listing(`offset=${bad}&limit=10`);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
    const first = await listing('limit=10');
    const both = await listing(`offset=20&limit=10&cursor=${first.body.nextCursor}`);
    expect(both.status).toBe(400);
  });
});
