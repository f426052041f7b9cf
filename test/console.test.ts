import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConsoleSession, PROMPT, answerLine, runConsole } from '../src/adapters/console/console.ts';
import { seedLibrary } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';

const execFileAsync = promisify(execFile);

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const done = runConsole({ input, output, library: await seedLibrary(), log: memoryLogger().log, color: false });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return printed;
}

describe('the local console', () => {
  it('greets with the corpus size, answers slash commands and plain questions, and leaves on /quit', async () => {
    const printed = await session([
      '/sources',
      'How long would closing the embassy take?',
      '/ask Soleimani limit:1',
      '/quit',
      '/help',
    ]);
    expect(printed).toMatch(
      /^Dossier: 5 articles, 41 passages from .*corpus\.\nType a question, or \/help for the commands, \/more for the next page, \/quit to leave\.\n/,
    );
    expect(printed).toContain(PROMPT);
    expect(printed).toContain(
      "5 articles\n\nUS warns Iraq it's planning to pull out of Baghdad embassy over inaction against militants · Sep 28, 2020",
    );
    expect(printed).not.toContain('Unknown outlet');
    expect(printed).toMatch(/1\. “[^”]*expected to take 90 days/);
    expect(printed).toMatch(/¶\d+ · id [0-9a-f]{6}-[0-9a-f]{6}/);
    // limit:1 gives one passage; /help after /quit is never answered.
    expect(printed.split('Soleimani\n')[1]).not.toMatch(/\n2\. “/);
    expect(printed).not.toContain('What Dossier can do');
  });

  it('wraps an answer to the terminal’s width at spaces, never splitting a word or a passage id', async () => {
    const options = { library: await seedLibrary(), log: memoryLogger().log, color: true, width: 60 };
    const answer = (await answerLine('How long would closing the embassy take?', options))!;
    const lines = answer.split('\n').map((line) => line.replace(/\x1b\[\d+m/g, ''));
    expect(lines.every((line) => line.length <= 60)).toBe(true);
    const unwrapped = (await answerLine('How long would closing the embassy take?', {
      ...options,
      width: undefined,
    }))!.replace(/\x1b\[\d+m/g, '');
    const ids = [...unwrapped.matchAll(/id ([0-9a-f]{6}-[0-9a-f]{6})/g)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(lines.some((line) => line.includes(id))).toBe(true);
    // The same words, only the line breaks (and the continuation indents) differ.
    expect(lines.join(' ').split(/\s+/)).toEqual(unwrapped.split(/\s+/));
  });

  it('shows the next page of the last answer with /more, and says when there is none', async () => {
    const options = { library: await seedLibrary(), log: memoryLogger().log, color: false };
    const session = new ConsoleSession();
    expect(await answerLine('/more', options, session)).toBe(
      'Nothing to continue: /more shows the next page of the last answer that has one.',
    );
    const first = (await answerLine('/ask embassy limit:2', options, session))!;
    expect(first).toMatch(/\n1\. “[\s\S]*\n2\. “[\s\S]*More passages: type \/more$/);
    const second = (await answerLine('/more', options, session))!;
    expect(second).toMatch(/^embassy\n\n3\. “[\s\S]*\n4\. “/);
    const ids = (text: string) => [...text.matchAll(/id ([0-9a-f]{6}-[0-9a-f]{6})/g)].map((match) => match[1]);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
  });

  it('clears the typed line at Ctrl-C, and quits at a second one in a row', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    // color: a terminal, where Ctrl-C arrives as a key.
    const done = runConsole({ input, output, library: await seedLibrary(), log: memoryLogger().log, color: true });
    input.write('How long would closing');
    input.write('\x03');
    await expect.poll(() => printed).toContain('(Press Ctrl-C again to quit, or type /quit.)');
    input.write('\x03');
    await done;
    expect(printed).not.toContain('90 days'); // the half-typed question was dropped, never asked
  });

  it('explains a bad line and keeps going', async () => {
    const options = { library: await seedLibrary(), log: memoryLogger().log, color: false };
    expect(await answerLine('/nope', options)).toBe(
      'There is no /nope command. Commands: ask, timeline, cite, export, sources, help, corpus; /help says what each does.',
    );
    expect(await answerLine('/ask', options)).toBe(
      '/ask needs a question. Example: /ask What did officials say would happen next?',
    );
    expect(await answerLine('/ask embassy --from 2020-9-1', options)).toBe(
      '/ask from must be a date written YYYY-MM-DD, like 2020-09-28, not "2020-9-1".',
    );
    expect(await answerLine('What is the capital of France?', options)).toMatch(/^No passage answers that\n/);
    expect(await answerLine('   ', options)).toBe('');
    expect(await answerLine('/exit', options)).toBeNull();
  });
});

describe('npm start without a token', () => {
  it('refuses to start with no terminal, naming DISCORD_TOKEN and the console', { timeout: 30_000 }, async () => {
    const failure = await execFileAsync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: '' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/DISCORD_TOKEN is not set, and there is no terminal for the local console/);
  });
});
