import { agencyNamed } from '../credits.ts';
import type { Stage } from '../draft.ts';
import { NAME, PUBLICATION } from './outletStatements.ts';

/** "spoke exclusively to Example News’s Jane Doe": read from just after "exclusively to". */
const POSSESSIVE_NAME = new RegExp(String.raw`^(${NAME})['’]s\b`, 'u');
/** A word of a name: a capital or a digit first ("Example", "News,", "Line’s"). */
const NAME_WORD = /^(?:[\p{Lu}\d][\p{L}\d&.'’-]*,?|The)$/u;
/** A person's name is this many words at most ("Jane Q. Doe"). */
const MAX_PERSON_WORDS = 3;
const MAX_NAME_WORDS = 6;
/** "said last night to this website": the page speaking of itself without its name. */
const THIS_SITE = /\b(?:to|told|for|on|with) this (?:website|site|publication|newspaper|paper|magazine)\b/i;
/** "told Example", "a statement provided to Example": whom a source spoke to. */
const RECIPIENT = new RegExp(String.raw`\b(?:told|said to|provided to|(?:a )?statement to) (${NAME})`, 'gu');

/** The run of capitalised words that ends where `words` end ("… in another report, Example News, Northtown" -> "Example News, Northtown"). */
function nameEnding(words: readonly string[]): string {
  let start = words.length;
  while (start > 0 && words.length - start < MAX_NAME_WORDS && NAME_WORD.test(words[start - 1]!)) start--;
  return words.slice(start).join(' ').replace(/,$/, '');
}

/** "… said Example News’s Jane Doe": the outlet before the possessive that ends within a person's name of the end. */
function possessorBefore(words: readonly string[]): string | undefined {
  for (let i = words.length - 1; i >= Math.max(0, words.length - MAX_PERSON_WORDS - 1); i--) {
    const word = words[i]!;
    if (/['’]s$/.test(word)) return nameEnding([...words.slice(0, i), word.slice(0, -2)]) || undefined;
    if (!NAME_WORD.test(word)) return undefined;
  }
  return undefined;
}

/** The words before `phrase` in the text, or null when the text does not have it. */
function wordsBefore(text: string, phrase: string): string[] | null {
  const at = text.indexOf(phrase);
  return at < 0 ? null : text.slice(0, at).split(' ');
}

/** "did not respond to Example News’s request for comment", "a request for comment from Example": whose reporter asked. */
const COMMENT_REQUESTED = new RegExp(
  String.raw`\b(?:to|ignored|declined) (?:the )?(${NAME})['’]s? requests? for comment|\brequests? for comment from (?:the )?(${NAME})`,
  'u',
);
/** "Example News has contacted the council for comment": the page asking, by name. */
const ASKS_FOR_COMMENT = / (?:has|had) (?:contacted|approached|reached out to|asked)\b[^.]{0,80}\bfor (?:a )?comment\b/;

/** The outlet a paragraph names as itself, if it does. */
function selfNamed(text: string): string | undefined {
  const requested = COMMENT_REQUESTED.exec(text);
  const requester = requested ? (requested[1] ?? requested[2])!.replace(/\.$/, '') : undefined;
  if (requester && !agencyNamed(requester)) return requester;
  const asking = ASKS_FOR_COMMENT.exec(text);
  const asker = asking ? nameEnding(text.slice(0, asking.index).split(' ')) : '';
  if (PUBLICATION.test(asker) || (asker.startsWith('The ') && !agencyNamed(asker))) return asker;
  const confirming = wordsBefore(text, ' can confirm');
  const confirmer = confirming ? nameEnding(confirming) : '';
  // "Police can confirm" is a source speaking; a publication's name says what it is.
  if (PUBLICATION.test(confirmer)) return confirmer;
  const reporting = wordsBefore(text, ', reporting from ');
  const correspondent = reporting ? possessorBefore(reporting) : undefined;
  if (correspondent) return correspondent;
  const exclusive = /\bexclusively (?:to|with) /.exec(text);
  return exclusive ? POSSESSIVE_NAME.exec(text.slice(exclusive.index + exclusive[0].length))?.[1] : undefined;
}

/**
 * Whom the sources spoke to, on a page that says they spoke to "this website": the page, by name.
 * A name of one word ("ExampleWire") or a publication's ("Example News"); a person's or an agency's is not the page.
 */
function recipientOfThisSite(texts: readonly string[]): string | undefined {
  if (!texts.some((text) => THIS_SITE.test(text))) return undefined;
  for (const text of texts)
    for (const match of text.matchAll(RECIPIENT)) {
      const name = match[1]!;
      if ((!name.includes(' ') || PUBLICATION.test(name)) && !agencyNamed(name)) return name;
    }
  return undefined;
}

/**
 * The article naming its publisher in its own sentences: its correspondent "reporting from" the
 * scene ("said Example News’s Jane Doe, reporting from …"), an interview given "exclusively to" its
 * reporter, "Example News can confirm", its request for comment ("did not respond to Example’s request for
 * comment", "The Example has contacted the council for comment"), a source that "told Example" on a page that says the source spoke
 * "to this website". Read last, when nothing the page prints around the article
 * (masthead, copyright, byline) has named the outlet; the sentences stay.
 */
export const readSelfReferences: Stage = (draft) => {
  if (draft.meta.outlet !== undefined) return draft;
  for (const line of draft.lines) {
    const outlet = line.heading ? undefined : selfNamed(line.text);
    if (outlet) return { ...draft, meta: { ...draft.meta, outlet } };
  }
  const recipient = recipientOfThisSite(draft.lines.filter((line) => !line.heading).map((line) => line.text));
  return recipient ? { ...draft, meta: { ...draft.meta, outlet: recipient } } : draft;
};
