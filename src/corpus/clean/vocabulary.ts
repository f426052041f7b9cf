/**
 * General knowledge of news pages that cleaning relies on: the wire agencies and picture services
 * whose names appear in credits, and the words of site chrome (navigation, widgets, ad slots).
 * Nothing here belongs to one story or one site: these are the conventions of the trade, the same
 * on every outlet's pages. No package keeps such lists, so they are kept here, small and sorted.
 */

/**
 * News agencies, as they are credited in datelines, bylines and credit lines ("(AP)", "By
 * Reuters", "--IANS", "The Associated Press contributed"): the name shown, then other ways of
 * writing it.
 */
export const NEWS_AGENCIES: ReadonlyArray<readonly [name: string, ...aliases: string[]]> = [
  ['AAP', 'Australian Associated Press'],
  ['AFP', 'Agence France-Presse', 'Agence France Presse'],
  ['ANI', 'Asian News International'],
  ['ANSA'],
  ['AP', 'Associated Press', 'The Associated Press'],
  ['Anadolu', 'Anadolu Agency', 'AA'],
  ['Bernama'],
  ['Bloomberg', 'Bloomberg News'],
  ['CNN'],
  ['Canadian Press', 'The Canadian Press', 'CP'],
  ['DHA', 'Demiroren News Agency'],
  ['DPA', 'Deutsche Presse-Agentur'],
  ['EFE'],
  ['IANS', 'Indo-Asian News Service'],
  ['IRNA'],
  ['Interfax'],
  ['Kyodo', 'Kyodo News'],
  ['PA', 'PA Media', 'Press Association'],
  ['PTI', 'Press Trust of India'],
  ['Reuters', 'Thomson Reuters'],
  ['SANA'],
  ['TASS'],
  ['UPI', 'United Press International'],
  ['WAM'],
  ['Xinhua', 'Xinhua News Agency'],
  ['Yonhap', 'Yonhap News Agency'],
];

/** Picture services and credit words that end a photo caption ("/Getty Images", "AP Photo", "Handout"). */
export const PHOTO_SERVICES: readonly string[] = [
  'AFP', 'Alamy', 'AP', 'AP Photo', 'Anadolu', 'Anadolu Agency', 'Bloomberg', 'Courtesy', 'EPA', 'EPA Photo', 'EPA-EFE', 'File', 'File Photo',
  'Getty', 'Getty Images', 'Handout', 'iStock', 'NurPhoto', 'Pool', 'Reuters', 'Shutterstock', 'Sipa', 'SOPA Images', 'TNS', 'UPI', 'Xinhua', 'ZUMA',
];

/**
 * Whole lines that are a site's interface, not its article: navigation, widgets, account and
 * theme links, ad labels. Matched after lower-casing and dropping the punctuation at either end.
 */
export const SITE_CHROME: ReadonlySet<string> = new Set([
  'ad', 'advert', 'advertisement', 'advertise with us', 'back to top', 'cancel reply', 'contact us', 'get started', 'latest posts', 'leave a reply', 'register now',
  'please enter your comment', 'please enter your name here', 'you have entered an incorrect email address', 'back to top button', 'bookmark', 'breaking news', 'close', 'comment',
  'comments', 'copy link', 'dark theme', 'donate', 'email', 'facebook', 'follow us', 'full-size photo', 'get live market quotes & news', 'home',
  'latest', 'light theme', 'linkedin', 'listen', 'listen to this article', 'live updates', 'load more', 'log in', 'login', 'menu', 'more',
  'now reading', 'print', 'print this article', 'read more', 'register', 'related story', 'save', 'scorecardresearch', 'search', 'see more',
  'share', 'share this', 'share this article', 'share this story', 'show less', 'show more', 'sign in', 'sign up', 'skip navigation',
  'skip to content', 'skip to main content', 'sponsored', 'sponsored content', 'subscribe', 'text size', 'text size aa aa', 'trending',
  'trending now', 'tweet', 'twitter', 'watch live', 'whatsapp',
]);
