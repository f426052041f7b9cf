import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';

describe('configuration', () => {
  it('applies documented defaults and freezes the result', () => {
    const config = parseConfig({});
    expect(config).toEqual({
      DISCORD_API_URL: 'https://discord.com/api',
      CORPUS_DIR: 'corpus',
      MAX_ARTICLE_BYTES: 2 * 1024 * 1024,
      SEARCH_INDEX: 'auto',
      CITE_STYLE: 'apa',
      DISCORD_ATTACHMENT_HOSTS: ['cdn.discordapp.com', 'media.discordapp.net'],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads SEARCH_INDEX in any case, and says what it may be', () => {
    expect(parseConfig({ SEARCH_INDEX: ' MiniSearch ' }).SEARCH_INDEX).toBe('minisearch');
    expect(() => parseConfig({ SEARCH_INDEX: 'elastic' })).toThrow(
      'Invalid configuration: SEARCH_INDEX: must be auto, minisearch, compact. See .env.example.',
    );
  });

  it('treats an empty value as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', CORPUS_DIR: '' }).DISCORD_TOKEN).toBeUndefined();
  });

  it.each([
    [{ MAX_ARTICLE_BYTES: 'two megabytes' }, 'MAX_ARTICLE_BYTES'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CITE_STYLE: 'harvard' }, 'CITE_STYLE'],
    [{ DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL'],
    [{ DISCORD_GUILD_ID: 'my-guild' }, 'DISCORD_GUILD_ID'],
    [{ SEARCH_INDEX: 'elastic' }, 'SEARCH_INDEX'],
  ])('refuses %j with a message naming %s', (env, name) => {
    expect(() => parseConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name}: .*See \\.env\\.example\\.$`));
  });

  it('never echoes the token in an error', () => {
    expect(() => parseConfig({ DISCORD_TOKEN: 'secret-token-value', LOG_LEVEL: 'loud' })).toThrow(
      /^(?!.*secret-token-value)/s,
    );
  });
});
