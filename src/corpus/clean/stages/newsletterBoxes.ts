import { isHeadlineLike, keepLines, wordCount, type Stage } from '../draft.ts';

/** Imperative openings of a sign-up box: "Sign up for …", "Get the latest … in your inbox", "Get push notifications …", "Enter your email", "Thanks for reading Example Notes! Subscribe …". */
const SIGN_UP_OPENING =
  /^(?:sign up|sign me up|subscribe|register (?:today|now|for free)|get (?:the|our|breaking|daily|free|email|news|push|a (?:daily|weekly|monthly))|create (?:an? |your )?(?:free )?(?:profile|account)|join (?:our|the)|enter your e-?mail|stay (?:informed|up to date|updated)|never miss|want (?:more|the latest)|by signing up|thank(?:s| you) for (?:signing up|subscribing|reading)|you(?:'re| are) (?:all set|subscribed)|already a subscriber|(?:read|enjoy|discover|explore|try)\b[^.]{0,80}\b(?:news and|insight|analysis|journalism|coverage|unlimited))/i;
/** What a sign-up box offers, wherever it says it. */
const SIGN_UP_OFFER =
  /\b(?:newsletters?|your (?:inbox|mailbox)|email address|e-mail address|alerts?|notifications|subscribe|subscription|sign(?:ing)? up|terms and conditions|privacy policy|unlimited (?:content|access)|free trial|insight|journalism|save (?:stories|articles)|reading list)\b/i;
/**
 * "Example.com would like to send you notifications", "access all 10 of our newsletters", "Sign up
 * for Example's Morning newsletter", a box's consent ("I would like to be emailed about offers …
 * Read our privacy notice") or its form's small print ("protected by reCAPTCHA"): a box whatever its opening.
 */
const BOX_ANYWHERE =
  /\b(?:would like to send you (?:push )?notifications|(?:all|one)(?: \d{1,3})? of our newsletters|sign up (?:for|to) our|would like to (?:be emailed|receive (?:e-?mails|news|updates|offers))|read our privacy (?:notice|policy)|sign up for [^.!?]{1,60} newsletter|protected by recaptcha|added (?:it|this (?:story|article)) to (?:a |your )?(?:list of your )?(?:favou?rite|saved|reading)|turn up your support|gift articles? to give|send any friend a story|anyone can read what you share)\b/i;
/**
 * "Example News helps you turn down the noise … Turn up your support for this public resource and
 * keep trusted journalism accessible to all.", "Support independent journalism: donate today", "By
 * subscribing, you can help us get the story right.": an appeal for members' money, which asks for
 * support of the outlet's journalism itself; and a promo for its podcast ("… wherever you get your podcasts").
 */
const APPEAL =
  /\b(?:(?:support|donate to|give to|become a (?:sustaining )?member of) (?:this|our|independent|local|public|nonprofit|non-profit) (?:public resource|journalism|newsroom|reporting|news)|keep (?:trusted |independent |quality |local )?(?:journalism|news|reporting) (?:free|accessible|available|open)|by subscribing,? you (?:can |will )?(?:help|support)|quality journalism is (?:more |now )?(?:crucial|important|essential|vital|needed)|wherever you get your podcasts)\b/i;
const MAX_BOX_WORDS = 80;

/** A sign-up box, a promo selling a subscription or an appeal for support: short, inviting to subscribe, read on or give, offering mail, alerts or access. */
export function isSignUpBox(text: string): boolean {
  return (
    text.split(' ').length <= MAX_BOX_WORDS &&
    ((SIGN_UP_OPENING.test(text) && SIGN_UP_OFFER.test(text)) || BOX_ANYWHERE.test(text) || APPEAL.test(text))
  );
}

/** A box's own heading ("Turn Up Your Support", "Get Our Newsletter") is a few words. */
const MAX_BOX_HEADING_WORDS = 6;

/** Newsletter and alert sign-up boxes, the promos that sell a subscription and the appeals for support, with a box's heading above it. */
export const dropNewsletterBoxes: Stage = (draft) => {
  const box = draft.lines.map(({ text }) => isSignUpBox(text));
  const heading = (i: number): boolean => {
    const { text, listItem } = draft.lines[i]!;
    return !listItem && box[i + 1] === true && isHeadlineLike(text) && wordCount(text) <= MAX_BOX_HEADING_WORDS;
  };
  return keepLines(draft, (_line, i) => !box[i] && !heading(i));
};
