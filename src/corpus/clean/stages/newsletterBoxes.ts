import { keepLines, type Stage } from '../draft.ts';

/** Imperative openings of a sign-up box: "Sign up for …", "Get the latest … in your inbox", "Get push notifications …", "Enter your email". */
const SIGN_UP_OPENING =
  /^(?:sign up|sign me up|subscribe|register (?:today|now|for free)|get (?:the|our|breaking|daily|free|email|news|push|a (?:daily|weekly|monthly))|create (?:a |your )?(?:free )?(?:profile|account)|join (?:our|the)|enter your e-?mail|stay (?:informed|up to date|updated)|never miss|want (?:more|the latest)|by signing up|thank you for (?:signing up|subscribing)|you(?:'re| are) (?:all set|subscribed)|already a subscriber|(?:read|enjoy|discover|explore|try)\b[^.]{0,80}\b(?:news and|insight|analysis|journalism|coverage|unlimited))/i;
/** What a sign-up box offers, wherever it says it. */
const SIGN_UP_OFFER =
  /\b(?:newsletters?|your inbox|email address|e-mail address|alerts?|notifications|subscribe|subscription|sign(?:ing)? up|terms and conditions|privacy policy|unlimited (?:content|access)|free trial|insight|journalism)\b/i;
/**
 * "Example.com would like to send you notifications", "access all 10 of our newsletters", "Sign up
 * for Example's Morning newsletter", a box's consent ("I would like to be emailed about offers …
 * Read our privacy notice") or its form's small print ("protected by reCAPTCHA"): a box whatever its opening.
 */
const BOX_ANYWHERE =
  /\b(?:would like to send you (?:push )?notifications|(?:all|one)(?: \d{1,3})? of our newsletters|sign up (?:for|to) our|would like to (?:be emailed|receive (?:e-?mails|news|updates|offers))|read our privacy (?:notice|policy)|sign up for [^.!?]{1,60} newsletter|protected by recaptcha)\b/i;
const MAX_BOX_WORDS = 80;

/** A sign-up box or a promo selling a subscription: short, inviting to subscribe or read on, offering mail, alerts or access. */
export function isSignUpBox(text: string): boolean {
  return (
    text.split(' ').length <= MAX_BOX_WORDS &&
    ((SIGN_UP_OPENING.test(text) && SIGN_UP_OFFER.test(text)) || BOX_ANYWHERE.test(text))
  );
}

/** Newsletter and alert sign-up boxes, and the promos that sell a subscription. */
export const dropNewsletterBoxes: Stage = (draft) => keepLines(draft, ({ text }) => !isSignUpBox(text));
