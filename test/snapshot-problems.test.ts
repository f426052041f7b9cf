import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../src/search/engine.ts';
import {
  readIndexFile,
  INDEX_FILE_FORMAT_VERSION,
  writeIndexFile,
  type IndexFileRead,
} from '../src/search/indexFile.ts';
import { seedCorpus, withTempDir } from './support/corpus.ts';

/** A good snapshot's bytes, written once. */
let good: Buffer;

beforeAll(async () => {
  const corpus = await seedCorpus();
  await withTempDir(async (dir) => {
    const path = join(dir, 'good.snapshot');
    await writeIndexFile(path, { fingerprint: 'seed', corpus, index: SearchIndex.build(corpus) });
    good = await readFile(path);
  });
});

/** Writes `bytes` where a snapshot is expected and reads it back. */
async function readBytes(bytes: Uint8Array, fingerprint = 'seed'): Promise<IndexFileRead> {
  return withTempDir(async (dir) => {
    const path = join(dir, 'index.snapshot');
    await writeFile(path, bytes);
    return readIndexFile(path, fingerprint);
  });
}

function changed(at: number, value: (old: number) => number): Buffer {
  const copy = Buffer.from(good);
  copy[at] = value(copy[at]!) & 0xff;
  return copy;
}

describe('a snapshot that cannot be used says why, and never throws', () => {
  it('reads the good one (the control)', async () => {
    expect((await readBytes(good)).ok).toBe(true);
  });

  it('missing: no file at the path', async () => {
    await withTempDir(async (dir) => {
      expect(await readIndexFile(join(dir, 'nothing-here.snapshot'), 'seed')).toEqual({
        ok: false,
        reason: 'missing',
        message: `Snapshot ${join(dir, 'nothing-here.snapshot')} not used: there is no such file.`,
      });
    });
  });

  it('stale: built from another corpus', async () => {
    expect(await readBytes(good, 'another corpus')).toMatchObject({
      ok: false,
      reason: 'stale',
      message: expect.stringMatching(/built from another corpus\.$/),
    });
  });

  it('stale: indexed under another analysis', async () => {
    const header = good.toString('latin1');
    const at = header.indexOf('"analysis":"') + '"analysis":"'.length;
    const copy = changed(at, (old) => (old === 0x30 ? 0x31 : 0x30));
    expect(await readBytes(copy)).toMatchObject({
      ok: false,
      reason: 'stale',
      message: expect.stringMatching(/another analysis/),
    });
  });

  it('version: another format version', async () => {
    const copy = Buffer.from(good);
    copy.writeUInt32LE(INDEX_FILE_FORMAT_VERSION + 1, 8);
    expect(await readBytes(copy)).toMatchObject({
      ok: false,
      reason: 'version',
      message: expect.stringMatching(`format version ${INDEX_FILE_FORMAT_VERSION + 1}`),
    });
  });

  it.each([
    ['cut in the middle', () => good.subarray(0, Math.floor(good.length / 2)), /truncated/],
    ['cut by one byte', () => good.subarray(0, good.length - 1), /truncated/],
    ['cut inside the fixed header', () => good.subarray(0, 20), /too short/],
    ['empty', () => Buffer.alloc(0), /too short/],
    ['with bytes appended', () => Buffer.concat([good, Buffer.from('extra')]), /bytes more than it should/],
    ['with one byte flipped in the postings', () => changed(good.length - 100, (old) => old ^ 0x01), /checksum/],
    ['with one byte flipped in the texts', () => changed(Math.floor(good.length / 3), (old) => old ^ 0x80), /checksum/],
    ['with one byte flipped in the checksum', () => changed(30, (old) => old ^ 0xff), /checksum/],
    ['with its header broken', () => changed(70, () => 0x00), /header is not valid JSON|checksum/],
    [
      'not a snapshot at all',
      () => Buffer.from('{"this": "is JSON, not a snapshot"}'.padEnd(200, ' ')),
      /not a Dossier snapshot/,
    ],
  ])('corrupt: %s', async (_name, bytes, message) => {
    const result = await readBytes(bytes());
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('corrupt: a file length that lies, pointing past the end', async () => {
    const copy = Buffer.from(good);
    copy.writeBigUInt64LE(BigInt(good.length * 2), 16);
    expect(await readBytes(copy)).toMatchObject({
      ok: false,
      reason: 'corrupt',
      message: expect.stringMatching(/truncated/),
    });
  });

  it('unreadable: a folder where the file should be', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'index.snapshot');
      await mkdir(path);
      expect(await readIndexFile(path, 'seed')).toMatchObject({ ok: false, reason: 'unreadable' });
    });
  });

  it('corrupt: every single-byte truncation point of the fixed header and the start of the body', async () => {
    // A crash mid-copy can leave any length; none may throw or be taken for a snapshot.
    for (const length of [0, 1, 7, 8, 12, 16, 24, 56, 63, 64, 65, 200, good.length - 8]) {
      const result = await readBytes(good.subarray(0, length));
      expect(result.ok, `length ${length}`).toBe(false);
    }
  });

  it('truncate() on disk behaves as a short file', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'index.snapshot');
      await writeFile(path, good);
      await truncate(path, good.length - 4096);
      expect(await readIndexFile(path, 'seed')).toMatchObject({ ok: false, reason: 'corrupt' });
    });
  });
});
