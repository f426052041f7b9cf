import { describe, expect, it } from 'vitest';
import { runCli } from '../src/adapters/cli/run.ts';
import { errorSchema, exportSchema } from '../src/contract/schema.ts';
import { seedLibrary } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';

async function cli(...argv: string[]) {
  return runCli(argv, { openLibrary: seedLibrary, log: memoryLogger().log });
}

describe('cli export: the corpus bibliography for reference managers', () => {
  it('prints BibTeX by default, one entry per source, ready to redirect to a .bib file', {
    timeout: 30_000,
  }, async () => {
    const { exitCode, stdout } = await cli('export');
    expect(exitCode).toBe(0);
    const keys = [...stdout.matchAll(/^@(\w+)\{([^,]+),$/gm)].map((match) => match[2]);
    expect(keys).toEqual(['dossier_495c20', 'dossier_097016', 'dossier_05a530', 'dossier_701650', 'dossier_74ef57']);
    expect(stdout).toContain('journal = {VOA News}');
    expect(stdout).not.toMatch(/^Bibliography/);
  });

  it('prints CSL-JSON that parses, with --json wrapping it in the export document', { timeout: 30_000 }, async () => {
    const raw = await cli('export', '--format', 'csl-json');
    const items = JSON.parse(raw.stdout) as Array<{ id: string; title: string }>;
    expect(items.map((item) => item.id)).toEqual(['495c20', '097016', '05a530', '701650', '74ef57']);
    const doc = exportSchema.parse(JSON.parse((await cli('export', 'csl-json', '--json')).stdout));
    expect(doc).toMatchObject({ format: 'csl-json', sources: 5 });
    expect(JSON.parse(doc.bibliography)).toEqual(items);
  });

  it('prints a BibTeX citation alone without --json, so it redirects to a .bib file; months BibTeX and biblatex read', async () => {
    const { exitCode, stdout } = await cli('cite', '097016-acd369', '--style', 'bibtex');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^@misc\{dossier_097016_acd369,\n/);
    expect(stdout).toContain('\tmonth = sep,\n\tday = {29},\n');
    expect(stdout.trimEnd().endsWith('}')).toBe(true);
  });

  it('refuses an unknown format with exit 2', async () => {
    const { exitCode, stdout } = await cli('export', '--format', 'ris', '--json');
    expect(exitCode).toBe(2);
    expect(errorSchema.parse(JSON.parse(stdout)).error.message).toBe(
      '/export format must be one of apa, mla, chicago, bibtex, csl-json, not "ris".',
    );
  });
});

describe('cli ask --format markdown', () => {
  it('prints block quotes with in-text citations, passage ids and the references', { timeout: 30_000 }, async () => {
    const { exitCode, stdout } = await cli(
      'ask',
      'Who was killed near Baghdad airport?',
      '--limit',
      '2',
      '--format',
      'markdown',
      '--style',
      'apa',
    );
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^## Who was killed near Baghdad airport\?\n\n> /);
    const quotes = stdout
      .split('\n')
      .filter((line) => /^> — \(.+, 2020, para\. \d+\) · passage `[0-9a-f]{6}-[0-9a-f]{6}`$/.test(line));
    expect(quotes).toHaveLength(2);
    expect(stdout).toContain('### References');
    expect(stdout).toContain('- VOA News. (2020, September 28). US Threatens to Close Embassy in Baghdad.');
  });

  it('says so when nothing answers', async () => {
    const { stdout } = await cli('ask', 'Who won the football world cup?', '--format', 'markdown');
    expect(stdout).toBe('## Who won the football world cup?\n\n_No passage in the corpus answers this question._\n\n');
  });

  it.each([
    [['ask', 'embassy', '--format', 'markdown', '--json'], 'bad_format'],
    [['ask', 'embassy', '--format', 'pdf'], 'bad_format'],
    [['sources', '--format', 'markdown'], 'bad_format'],
    [['ask', 'embassy', '--format', 'markdown', '--style', 'bibtex'], 'bad_option'],
    [['ask', 'embassy', '--style', 'mla'], 'unknown_option'],
  ])('refuses %j', async (argv, code) => {
    const { exitCode, stdout } = await cli(...argv, ...(argv.includes('--json') ? [] : ['--json']));
    expect(exitCode).toBe(2);
    expect(errorSchema.parse(JSON.parse(stdout)).error.code).toBe(code);
  });
});
