/**
 * Which analysis built a saved index: how files become passages (formats, cleaning, metadata,
 * ids) and passages become terms (analyzer, stop words, what the index stores). A saved index of
 * another version is stale, whatever its corpus. Bump it with any change to that code;
 * test/analysis-signature.test.ts fails when the code changes and this does not.
 *
 * 2: clashing source ids are settled (corpus/sourceIds.ts). 3: cleaning reads lines as
 * paragraphs, a stage a kind of furniture. 4: no story's aliases in the analyzer (names are
 * matched when a question is read), "BoE"-style initials. 5: linear-time cleaning rules, HTML
 * below 64 levels flattened, paragraphs a page prints twice kept once. 6: captions credited
 * "Name, Agency" and cards cut short before their date and outlet are furniture. 7: the
 * analyzer reads a question's initials that spell a stop word ("WHO") as initials. 8: the
 * signature leaves out `export` (no change to what is saved). 9: cleaning takes time linear in
 * long runs of lines, the header is at most 60 lines. 10: outlets the pages state, readers'
 * comments, announcements of widgets left out and reprinted captions are furniture. 11: pages of
 * any outlet: the headline under a promo or an ad player's controls; affiliate disclosures name
 * the outlet. 12: a staff photographer's credit and a source speaking "to this
 * website" name the outlet; a group's content desk in a byline does not. 13: a stamp glued to
 * its byline outranks a bare date (a site's calendar); a closing date line glued to the last paragraph.
 * 14: "FILE PHOTO:" captions with a label run in, and credits run into a caption's full stop.
 * 15: a line cut off mid-word is never a title. 16: a dateline with a dash before the agency's
 * brackets ("NORTHTOWN — (AP) — "). 17: the group-desk byline rule in two linear patterns (no
 * change to what is saved). 18: initials inside a capitalised name give all their letters to the
 * name's initials ("NVA Wales" -> "nvaw"). 19: the title's search in time linear in the header, a
 * logo's following credit read only for a logo (no change to what is saved). 20: a line cut short
 * (ending in a comma, "the", a cut word, or an excerpt's last line stopped mid-name) is text, never
 * a heading. 21: WordPress caption shortcodes, icon descriptions, skip-link lists, tickers, blocked
 * embeds, newsletter consent lines and captions placing a picture's subject leave the text; "Jane
 * Doe – 2nd May 2023" is a byline and a date; a headline may end in "on" or "in". 22: captions
 * ending "REUTERS/Jane Doe" and sports captions set off by dashes; a weekday after a stamp's date;
 * a date line run into the first paragraph; a dateline closed with ".-". 23: "what year", "which
 * day" ask for a date and search for no "year" or "day" (questions only: no change to what is saved).
 * 24: a caption under "Image caption," and one printed twice, the second time with "Picture: PA".
 * 25: caption shortcodes' openers found by position (no change to what is saved). 26: the outlet
 * from its own request for comment ("did not respond to Example's request for comment"). 27: a
 * headline may run to 40 words. 28: a quotation alone atop the page is its headline when it has no other.
 * 29: a label of everyday words only ("What we know so far") is no headline. 30: a rail of three
 * or more other stories' headlines amid the article leaves the text (stages/storyRails.ts). 31:
 * "Download the Example app for the latest news" names the outlet; "Watch Example News live" without "live".
 * 32: an ad slot's "Hide Ad" run into the line after it. 33: one pattern for a person's name in
 * bylines and credits (no change to what is saved). 34: comments give invented places, not a
 * development story's (no change to what is saved). 35: a line printed twice over is read once (not
 * at all under its first printing); a caption without a full stop that takes a run of twelve words
 * over from a paragraph above it goes; the notice that a story is live or developing leaves the text
 * (stages/liveNotices.ts); a tweet's signature cut off at the end of the page goes with the tweet.
 * 36: a headline in title case may ask or exclaim; a headline has a capital; "Written By Example
 * Bureau|Last Updated: …|Source: …" is read part by part (the desk names the outlet, "Source: Bureau"
 * credits no one); a byline naming an agency is its credit, not an author. 37: "Up next", "Read
 * next", "Editor's picks", "Don't miss" start the page's tail of other stories. 38: a place in
 * ordinary case with its day is a dateline ("Northtown, August 27: "); "This Article is From <date>"
 * dates the page; a dateline's day falls on or after the latest full date its sentences report.
 * 39: WordNet takes back an adjective's doubled consonant ("hotter" -> "hot"). 40: "Follow Example on
 * Google News" and a breadcrumb opening with the site's address name the outlet; the outlet's
 * statements are read before link lines go. 41: another story's headline in title case run into
 * the end of a paragraph leaves it (stages/storyRails.ts); title case is nine words in ten capitalised.
 * 42: a placed caption with its credit run into the end of a paragraph leaves it ("… Northtown:
 * Students look at a model.(XYZ file photo)"); "XYZ file photo" is a picture service's credit.
 * 43: live notices are told among sentences as the text reader splits them (no passage of any
 * development story changed). 44: comments give invented examples where they quoted a development
 * story's words (no change to what is saved). 45: a measure after "how" ("how heavy", "how tall")
 * asks for the kind of answer, it is no topic word of the question (questions only). 46: the word
 * before a period is read backwards, not by a pattern anchored at the end (no passage changed).
 * 47: a caption with its bracketed credit printed inside a paragraph leaves it; a line of over 60
 * words cut short by the page is the article's teaser, no caption. 48: credits set off by bars;
 * agency captions by their place and day in capitals, or naming someone on a weekday with its full
 * date; the page's note on its age and notice of new terms; more sign-up box shapes; "(Read more …
 * stories.)" after a paragraph; two stamps run together; "By X (stamp) --" gives the date and
 * author, no agency; a masthead's issue date is no article date. 49: a name no agency list knows
 * in a dateline's brackets is the publisher crediting itself, not an agency; dpa-AFX is an agency.
 * 50: a line with no full stop saying whom a picture shows (", seen leaving court …,") is a caption.
 * 51: a blog's "« Previous post | Main | Next post »" links go. 52: a short line whose last period
 * closes an abbreviation ("U.S. v. Jane Doe, et al.") may be a headline. 53: the words after "how"
 * naming a measure are one list, which the answer kinds read too (no change to what is saved).
 * 54: the caption patterns spell the months and an agency's full date once (the same patterns).
 * 55: a stamp line's parts are read through one helper (nothing saved changes). 56: the corpus's
 * dating reads the other articles' first and last days from the ends of its list (nothing saved changes).
 * 57: a dateline or a byline naming several newsrooms (stations sharing a report, a group's desk) names no outlet.
 * 58: a line opening with a word that starts a clause ("After Jane Doe was led away …") is no author bio.
 * 59: a player's fallback link, a push-notification promo, a slideshow's screen-reader instructions, a video caption's sources in capitals and an outlet's reporters credited by name are furniture (the last credits a network).
 * 60: a short label glued to another story's headline without a space after its colon ("Background:Storm closes the harbour") is a related-story link.
 * 61: a newspaper network's caption with no credit (a name doing something in the present tense on a weekday with its full date and place: "Jane Doe is led outside … Thursday, March 2, 2023, in Northtown") is furniture.
 * 62: a magazine's deck printed above its headline (a long line in sentence case, then one in title case) leaves the headline to be the title and stays as text; title case counts a word after a quotation mark and lets "from", "with", "into", "onto", "over", "upon" stand in lower case.
 * 63: a station's promise of its coverage by its name ("KEXA 5 will provide extensive coverage …") and its invitation to follow "our live blog" are live notices.
 * 64: the line under the headline is its deck even when the page cut it short with an ellipsis (not a teaser repeating another line's opening, nor a caption ending a sentence before the cut).
 * 65: a word the English list keeps capitalised ("valley", "county") is no cut-off fragment; captions and credits run into a paragraph
 * ("…outCredit: GettyThe …") leave it and the paragraph stays; a credit run into a dateline goes; "By midday Wednesday, …" is no byline;
 * an account, saved-stories or support appeal box (and its heading) goes; "More on …:" with its list of links goes; a question above
 * the article is its headline when the page has no other; a headline printed with the site's name after it and bare gives the bare
 * one as title and the name as outlet; "Associated Press" alone under the headline credits the agency; "Watch the video" names no outlet.
 * 66: a station's credit in its dateline ("NORTHTOWN (KEXA 5) --") names the outlet where the page only invited to its network ("Watch Example News").
 * 67: the reader of captions run into a paragraph finds the sentence ends once (nothing saved changes).
 * 68: words are counted a character at a time, not a match each (the same counts).
 * 69: a stamp labelled "Date:" dates the article; a line the header prints twice is its headline though the opening shares none of its words.
 * 70: a page's details set out as a list ("- Author:", "- Jane Doe", "- Date:") give the author and date, and their labels go.
 * 71: version 70's code as formatted (nothing saved changes).
 * 72: "SKIP ADVERTISEMENT", gift-article boxes, a bio naming a beat ("covers … for The Example Times"), the print edition's note,
 * an agency's "Reporting by …; Editing by …" and "Our Standards:" lines go; a dateline on a line of its own reads with the paragraph under it.
 * 73: a "RELATED COVERAGE" box of links amid the story goes without the paragraphs under it (the rest of the page was cut); a live page's
 * "Please turn on JavaScript …" and "Our live coverage has ended" go.
 * 74: a note that the story came from a syndicated feed goes; "Catch all the … News Updates on Example Mint." names the outlet.
 * 75: a details list's bullets are read with the segmenter's symbols (draft.ts BULLET_SYMBOL), not a narrower copy ("● Author:" too).
 * 76: the sentence a list completes ("… identified as:") opens the list's passage; a box of links amid the story keeps
 *     the story under it (lists and subheadings too); a paragraph reporting speech is no caption (above a credit, or
 *     signed off "(Jane Doe)"); a byline's glued stamp dates the page; a place's correspondent names no outlet;
 *     "Source: X and news agencies" names X; publishing notes (print, syndication, updates, regulator, rights), comment
 *     rules, text-size controls, tags, broken widgets and government banners go; a masthead printed twice is no title.
 * 77: a caption's credit after its sentence ("… PTI Photo", "… Jane Doe / Example Herald") and one run into a dateline
 *     ("— AFP picNORTHTOWN") go; "… — Bernama" ending the last paragraph credits the agency; "with AAP" too; ANA is an
 *     agency; a navigation bar, a station's or firm's name is no title; a copyright holder ends before a bracketed
 *     place; a foot update stamp dates a page with no other; "…, first published at 9.40am" leaves a stamp readable.
 * 78: never a masthead, a consent banner or a tagline for a title; consent text, pull quotes, "… Jane Doe for Example
 *     Weekly" captions and bracketed wire credits go; bylines by role ("John Roe, Reporter", a name over its role, "By"
 *     over a name); agencies from "X with AFP", "jd/mm (dpa)", "Reporting by ANP", not from a picture's "(Yonhap)";
 *     a semicolon makes no heading; a stamp's date among short parts ("Southvale - Mar 14, 2024 - 05:40 CET").
 * 79: the first paragraph printed twice (deck, then lede) keeps one copy; the last paragraph above an agency's
 *     name alone is no caption; "Summary" over short points above the first paragraph keeps them as a list.
 * 80: an archive's or a republication's note, a source's "Materials provided by …", a review policy, "Cite This
 *     Page", prompts to log in to comment, appeals to subscribe for quality journalism and podcast promos go.
 * 81: the rule for prompts to comment ("Log in here to leave a comment.") reads from the line's start, as the
 *     comment rules beside it do: unanchored, it dropped any sentence saying someone had to register to join a
 *     discussion.
 * 82: review, no rule changed: the line a byline's role or name was read from goes before any other reading of it
 *     (it stayed as text when it fell just below the header); comments rewrapped; chrome words in order.
 */
export const ANALYSIS_VERSION = 82;
