import { mapText, type Stage } from '../draft.ts';
import { splitSentences } from '../../../text/sentences.ts';
import { NAME } from './outletStatements.ts';

/**
 * The outlet telling its reader that a story is live or still developing: "We'll be bringing you
 * the latest updates on this Breaking News story.", "This is a developing story and will be
 * updated.", "This article will be updated as more information becomes available.", "More to
 * follow.", "Check back for updates.", "Follow our live blog below and watch on example.com.", "Please
 * turn on JavaScript in your browser to see live updates.", "Our live coverage has ended." A whole
 * sentence, never a part of one.
 */
const LIVE_NOTICE =
  /^(?:we(?:['’]ll| will) (?:be )?(?:bring(?:ing)?|keep(?:ing)?) you (?:up to date|updated|(?:all )?(?:the )?(?:latest|more|further))\b[^.!?]{0,80}|this (?:is an? )?(?:breaking|developing|live)(?: news)? (?:story|report)\b[^.!?]{0,80}|this (?:story|article|page|report|post) (?:will be|is being|may be|has been|is) updat(?:ed|ing)\b[^.!?]{0,80}|more (?:to )?follows?|(?:follow|watch|read|keep up with|stay with) our (?:live )?(?:blog|coverage|updates|stream)\b(?:[^.!?]|\.(?=\S)){0,160}|(?:please )?(?:refresh|check back)\b[^.!?]{0,40}\bupdates?|(?:please )?(?:turn on|enable) javascript\b[^.!?]{0,80}|(?:our|this) live (?:coverage|blog|page|updates?) (?:has|have) (?:now )?(?:ended|closed|finished)|you can (?:find|read) more of our (?:reporting|coverage)\b[^.!?]{0,40})[.!]?$/i;

/**
 * "KEXA 5 will provide extensive coverage through the end of the trial.": the outlet, by its name,
 * promising its coverage. The name is read case-sensitively: "the court will provide live coverage" is news.
 */
const COVERAGE_PROMISE = new RegExp(
  String.raw`^${NAME} will (?:provide|have|bring you|carry) (?:extensive|continuing|continued|full|complete|live|wall-to-wall)(?: live)? coverage\b[^.!?]{0,80}[.!]?$`,
  'u',
);

/** A line without the live or developing-story notices among its sentences (empty when it was only that). */
function withoutNotices(text: string): string {
  if (!/\b(?:updat|follow|latest|developing|breaking|refresh|check back|coverage|javascript|reporting)/i.test(text))
    return text;
  const sentences = splitSentences(text).map((sentence) => sentence.text);
  const kept = sentences.filter((sentence) => !LIVE_NOTICE.test(sentence) && !COVERAGE_PROMISE.test(sentence));
  return kept.length === sentences.length ? text : kept.join(' ');
}

/** The outlet's notices that the story is live or developing, on lines of their own or run into a paragraph. */
export const dropLiveNotices: Stage = (draft) => mapText(draft, withoutNotices);
