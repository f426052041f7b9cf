/**
 * Issue 16, finding 11: `/corpus add` downloads attachments only from Discord's attachment hosts
 * (cdn.discordapp.com, media.discordapp.net; DISCORD_ATTACHMENT_HOSTS to change them, as the tests
 * do for their server on 127.0.0.1), and follows a redirect only to one of those hosts. Anything
 * else is refused before it is asked for, with a message that says so.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentUploads } from '../src/adapters/discord/attachments.ts';
import { parseConfig } from '../src/config.ts';
import { OperationalError } from '../src/errors.ts';

let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(`${req.headers.host?.split(':')[0]}${path}`);
    if (path === '/files/story.txt')
      return void res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end('The embassy in Baghdad will close, officials said.');
    if (path === '/same-host') return void res.writeHead(302, { location: '/files/story.txt' }).end();
    if (path === '/other-host')
      return void res.writeHead(302, { location: `http://localhost:${port}/files/story.txt` }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Reads one attachment at `path` on `host` with the given allowed hosts. */
function download(host: string, path: string, allowedHosts?: readonly string[]) {
  hits.length = 0;
  const attachment = { id: '1', name: 'story.txt', url: `http://${host}:${port}${path}`, size: 50 };
  return attachmentUploads(new Map([['1', attachment]]), allowedHosts ? { allowedHosts } : {}).read('1', {
    maxBytes: 10_000,
  });
}

describe('attachment downloads', () => {
  it('come from Discord’s hosts by default', () => {
    expect(parseConfig({}).DISCORD_ATTACHMENT_HOSTS).toEqual(['cdn.discordapp.com', 'media.discordapp.net']);
    expect(parseConfig({ DISCORD_ATTACHMENT_HOSTS: ' 127.0.0.1, CDN.example ' }).DISCORD_ATTACHMENT_HOSTS).toEqual([
      '127.0.0.1',
      'cdn.example',
    ]);
    expect(() => parseConfig({ DISCORD_ATTACHMENT_HOSTS: 'https://cdn.example/x' })).toThrow(
      /^Invalid configuration: DISCORD_ATTACHMENT_HOSTS: must be host names/,
    );
  });

  it('are refused from any other host, before anything is asked of it', async () => {
    const failure = await download('127.0.0.1', '/files/story.txt').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OperationalError);
    expect(failure).toMatchObject({
      code: 'download_refused',
      message:
        'Did not download "story.txt": its address is on 127.0.0.1, which is not one of Discord\'s attachment hosts (cdn.discordapp.com, media.discordapp.net). Attach the file to the command in Discord.',
    });
    expect(hits).toEqual([]);
  });

  it('are read from an allowed host, following a redirect that stays on one', async () => {
    const file = await download('127.0.0.1', '/same-host', ['127.0.0.1']);
    expect(Buffer.from(file.bytes).toString('utf8')).toBe('The embassy in Baghdad will close, officials said.');
    expect(hits).toEqual(['127.0.0.1/same-host', '127.0.0.1/files/story.txt']);
  });

  it('stop at a redirect to another host, which is never asked', async () => {
    const failure = await download('127.0.0.1', '/other-host', ['127.0.0.1']).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'download_refused',
      message:
        'Did not download "story.txt": Discord\'s server redirected the download to localhost, which is not one of Discord\'s attachment hosts (127.0.0.1). Attach the file to the command in Discord.',
    });
    expect(hits).toEqual(['127.0.0.1/other-host']);
  });
});
