import { keepLines, mapText, type Stage } from '../draft.ts';

/** "READ | Headline", "Also Read: Headline", "WATCH: …", "Related: …", "More: …": links to other pages. */
const LINK_LINE =
  /^(?:read(?: more| also| next| the full story)?|also read|see also|watch(?: (?:it )?on \w{2,20})?|listen(?: on \w{2,20})?|click here|related(?: story| stories| article| coverage| video)?|more|don'?t miss|must read|top stories|editor'?s picks?|recommended)\s?[|:»>›]/i;
/**
 * Lines inviting the reader on: "Share this article on Facebook", "Click here to read more", "Read
 * more about …", and a player's fallback link for readers it does not show to ("Don't see the video
 * above? Click here to listen").
 */
const INVITATION =
  /^(?:share (?:this|on)\b|click here\b|tap here\b|read more (?:about|on|at)\b|download (?:the|our) app\b|follow (?:us|the latest)\b|join (?:us|the conversation)\b|(?:can['’]?t|don['’]?t|cannot) (?:see|view|watch|play|hear)\b[^?]{0,60}\?\s?(?:click|tap) here\b)/i;
const MAX_INVITATION_WORDS = 20;

/**
 * "Background:Storm closes the harbour for a week", "Engagement vs. entertainment:What the trial says
 * about us": a short label glued to another story's headline, with no space after its colon, as a
 * newspaper network's pages print their links to related stories; a sentence never runs so.
 */
const GLUED_TEASER = /^\p{Lu}[\p{L}.'’ -]{1,40}:(?=\p{Lu})[^.!?]{2,200}\??$/u;

/** "« Previous post's title | Main | Next post's title »": a blog's links to the posts either side. */
const POST_NAVIGATION = /^«[^«»]{1,300}\|\s?Main\s?\|[^«»]{1,300}»$/;

/** "… the judge said. (Read more Jane Doe stories.)": a link to the outlet's other stories run into the end of a paragraph. */
const READ_MORE_TAIL = /\s?\((?:read )?more [^()]{1,60} (?:stories|coverage|articles)\.?\)$/i;

/** Links to other stories and posts and invitations to share or read on, anywhere in the page, and at the end of a paragraph. */
export const dropLinkLines: Stage = (draft) =>
  keepLines(
    mapText(draft, (text) => text.replace(READ_MORE_TAIL, '')),
    (line) =>
      !LINK_LINE.test(line.text) &&
      !POST_NAVIGATION.test(line.text) &&
      !GLUED_TEASER.test(line.text) &&
      !(INVITATION.test(line.text) && line.text.split(' ').length <= MAX_INVITATION_WORDS),
  );
