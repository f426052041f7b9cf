import { BULLET_SYMBOL, wordCount, type Draft, type Line, type Stage, type TextMeta } from './draft.ts';
import { toDraft } from './segment.ts';
import { dropAdBreaks } from './stages/adBreaks.ts';
import { dropAuthorBios } from './stages/authorBios.ts';
import { dropCaptions } from './stages/captions.ts';
import { extractClosingStamp } from './stages/closingStamp.ts';
import { cutComments } from './stages/comments.ts';
import { extractDateline } from './stages/dateline.ts';
import { dropEmbedIntros } from './stages/embedIntros.ts';
import { isDatedHeading, isListLead, markHeadings } from './stages/headings.ts';
import { dropHoverCards } from './stages/hoverCards.ts';
import { dropLinkLines } from './stages/linkLines.ts';
import { dropLiveNotices } from './stages/liveNotices.ts';
import { stripMarkupResidue } from './stages/markupResidue.ts';
import { dropNewsletterBoxes } from './stages/newsletterBoxes.ts';
import { extractOutletStatements } from './stages/outletStatements.ts';
import { dropPolls } from './stages/polls.ts';
import { cutRelatedTail } from './stages/relatedTail.ts';
import { dropRepeats } from './stages/repeats.ts';
import { readSelfReferences } from './stages/selfReferences.ts';
import { dropSiteChrome } from './stages/siteChrome.ts';
import { dropStoryRails } from './stages/storyRails.ts';
import { extractStamps } from './stages/stamps.ts';
import { extractTitle } from './stages/title.ts';
import { dropTweets } from './stages/tweets.ts';

/**
 * The cleaning stages, in order, one kind of page furniture each. Markup goes first, and the
 * readers' comments (before chrome takes their bare heading for a widget), then what
 * is furniture wherever it stands (chrome, ads, links, sign-up boxes, tweets, polls, the list of
 * other stories, the announcement of a widget the scrape left out, the notice that a story is live), except that statements of the outlet are read first, sign-up boxes and "Follow" links among them
 * (a box names whose mail it sends, a link where to follow the outlet); bylines, stamps (and a closing date line glued to the last paragraph) and the agency's credits become metadata
 * before captions are judged (a copyright line is no photo credit, a stamp no label
 * above a picture); a rail of other stories' headlines is told from the article's lines once the
 * captions have gone; paragraphs printed twice keep their first printing; the title is judged on what remains; headings are marked, and the dateline read, when only the article's lines are left; last, where nothing else named the outlet, the article's own sentences may.
 */
const CLEANING_STAGES: readonly Stage[] = [
  stripMarkupResidue,
  cutComments,
  dropSiteChrome,
  dropAdBreaks,
  extractOutletStatements,
  dropLinkLines,
  dropNewsletterBoxes,
  dropTweets,
  dropPolls,
  dropEmbedIntros,
  dropLiveNotices,
  cutRelatedTail,
  extractStamps,
  extractClosingStamp,
  dropCaptions,
  dropStoryRails,
  dropAuthorBios,
  dropHoverCards,
  dropRepeats,
  extractTitle,
  markHeadings,
  extractDateline,
  readSelfReferences,
];

interface CleanParagraph {
  readonly text: string;
  readonly section: string | null;
}

export interface CleanArticle {
  readonly paragraphs: readonly CleanParagraph[];
  readonly meta: TextMeta;
}

/** Fewer words than this is a label or a stray fragment, not a passage anyone would quote. */
const MIN_PARAGRAPH_WORDS = 4;

export function cleanArticle(body: string, stages: readonly Stage[] = CLEANING_STAGES): CleanArticle {
  const draft = stages.reduce<Draft>((current, stage) => stage(current), toDraft(body));
  const paragraphs: CleanParagraph[] = [];
  let section: string | null = null;
  let shortItems: string[] = [];
  // The sentence a list completes ("The suspects were identified as:") opens the passage of its short items.
  let lead: string | null = null;
  const flushItems = (): void => {
    const items = shortItems.join(' • ');
    const text = lead === null ? items : items === '' ? lead : `${lead} ${items}`;
    if (wordCount(text) >= MIN_PARAGRAPH_WORDS) paragraphs.push({ text, section });
    shortItems = [];
    lead = null;
  };
  draft.lines.forEach((line, i) => {
    if (!line.listItem) flushItems();
    if (line.heading) {
      section = line.text;
      // A dated heading is an event of the story as well as a label ("March 3, 2021: Court hears first motions").
      if (isDatedHeading(line.text) && wordCount(line.text) >= MIN_PARAGRAPH_WORDS)
        paragraphs.push({ text: line.text, section });
    } else if (line.listItem) addItem(line);
    else if (isListLead(line.text, draft.lines[i + 1])) lead = line.text;
    else if (wordCount(line.text) >= MIN_PARAGRAPH_WORDS) paragraphs.push({ text: line.text, section });
  });
  flushItems();
  return { paragraphs, meta: draft.meta };

  /** A list is article text however short its items: an item long enough is a passage; short ones are one passage together. */
  function addItem(line: Line): void {
    const text = line.text.replace(BULLET_SYMBOL, '');
    if (wordCount(text) >= MIN_PARAGRAPH_WORDS) {
      const opening = shortItems.length === 0 ? lead : null;
      if (opening !== null) lead = null;
      flushItems();
      paragraphs.push({ text: opening === null ? text : `${opening} ${text}`, section });
    } else shortItems.push(text);
  }
}
