import { describe, expect, it } from 'vitest';
import { parseAliases } from '../src/corpus/aliasesFile.ts';

describe("the moderators' aliases file", () => {
  it('reads each name with the other names it goes by, one or several', () => {
    expect(
      parseAliases('# Names in this story\nSupreme Court: [SCOTUS, the high court]\nFederal Reserve: the Fed\n'),
    ).toEqual({
      groups: [
        ['Supreme Court', 'SCOTUS', 'the high court'],
        ['Federal Reserve', 'the Fed'],
      ],
    });
  });

  it('reads an empty file as no names', () => {
    expect(parseAliases('# nothing yet\n')).toEqual({ groups: [] });
  });

  it.each([
    ['YAML that does not parse', 'Supreme Court: [SCOTUS', /is not valid YAML/],
    [
      'a list instead of names with their others',
      '- SCOTUS\n- Supreme Court\n',
      /must list each name with the other names it goes by/,
    ],
    ['a name with no other name', 'Supreme Court: []\n', /must list each name/],
    ['a name that is a paragraph', `Court: ${'x'.repeat(200)}\n`, /must list each name/],
  ])('says what is wrong with %s', (_what, text, message) => {
    const parsed = parseAliases(text);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});
