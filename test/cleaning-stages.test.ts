import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/corpus/clean/pipeline.ts';

/** Page snippets shaped like real scraped pages (names invented), cleaned end to end. */
const texts = (page: string): string[] => cleanArticle(page).paragraphs.map((paragraph) => paragraph.text);

/** An article longer than the header's first lines, for what stands at its foot. */
const LONG_BODY = Array.from(
  { length: 9 },
  (_, i) => `Volunteers in district ${i + 1} said they had cleared ${i + 2} streets of rubble by Friday evening.`,
).join('\n');

const BODY = [
  'Rescuers pulled a family of four from the rubble of a collapsed apartment block early on Tuesday, officials said.',
  'The regional governor said more than 1,200 buildings had been damaged across the province since the quake struck.',
].join('\n');

describe('each kind of page furniture leaves the passages, and the article stays whole', () => {
  it.each([
    [
      'a photo caption with its credit in brackets',
      'Volunteers search the ruins of a market in Northtown, Monday, Feb. 6, 2023. (AP Photo/Jane Doe)',
    ],
    [
      'a caption cut off by the page at its credit',
      'Volunteers search the ruins of a market in Northtown, Monday, Feb. 6, 2023. (',
    ],
    [
      'a caption ending in a short agency name',
      'Medics carry a woman pulled from the debris of a collapsed building in Northtown. (XYZ)',
    ],
    [
      'a caption credited through a distributor',
      'Aerial view of the destruction in the city centre on Thursday. (IHA via AP)',
    ],
    [
      'a print edition’s note',
      'This article appears in the April 2024 print edition with the headline “Rounding Error.”',
    ],
    ['a syndicator’s note', 'Distributed by Example Content Agency, LLC.'],
    [
      'an archive’s note of the first printing',
      'This article was first published in The Example Times on 14 August 1998. It has been digitised as part of our archive project.',
    ],
    [
      'a source’s note under a science story',
      'Materials provided by University of Northtown. Original written by Jane Doe. Note: Content may be edited for style and length.',
    ],
    [
      'a health site’s review policy',
      'Our experts continually monitor the health and wellness space, and we update our articles when new information becomes available.',
    ],
    ['a prompt to log in to comment', 'Log in here to leave a comment.'],
    [
      'an appeal to subscribe for the journalism',
      'In a time of both misinformation and too much information, quality journalism is more crucial than ever.',
    ],
    [
      'a podcast’s promo',
      'The Example News podcast takes a closer look at the week’s news. Listen to the latest episode wherever you get your podcasts.',
    ],
    [
      'a consent banner’s text',
      'We and our 214 partners store and/or access information on a device, such as unique IDs in cookies, to process personal data.',
    ],
    ['the wire’s credits in brackets', '(Reporting by Jane Doe; Editing by John Roe)'],
    [
      'a caption credited to a photographer working for the publication, run into its full stop',
      'A recalled toaster at the company’s test lab in Northtown.John Roe for Example Weekly',
    ],
    [
      'a caption credited to a photographer of a publication',
      'The old customs house on Harbour Road, which survived two floods, is being converted into a museum. Jane Doe / Exampleland Herald',
    ],
    ['an update note', 'Editor’s note: This story has been updated with comments from Mayor John Roe.'],
    [
      'the press regulator’s code the site keeps',
      'This website and associated newspapers adhere to the Example Press Standards Organisation’s Editors’ Code of Practice.',
    ],
    [
      'a rights notice',
      'All rights reserved. This material, and other digital content on this website, may not be reproduced, published, broadcast, rewritten or redistributed in whole or in part without prior express written permission from THE EXAMPLE TIMES.',
    ],
    [
      'the site’s rules for comments',
      'Disclaimer: Comments are moderated. They will not appear immediately or even on the same day. Off-topic comments would be deleted.',
    ],
    [
      'the site’s wish for its comments',
      'We want our comments to be a lively and valuable part of our community - a place where readers can debate the most important local issues.',
    ],
    [
      'a newsletter’s thanks for reading',
      'Thanks for reading Example Notes! Subscribe for free to receive new posts and support my work.',
    ],
    ['a promise of mail', 'Get the news delivered to your mailbox every Thursday.'],
    [
      'a widget that did not load',
      'We’re sorry, this feature is currently unavailable. We’re working to restore it. Please try again later.',
    ],
    [
      'the page’s tags',
      'Tags: Northtown FC, Jane Doe, Sam Poe, Southvale United, Premier Division, Example Stadium, football',
    ],
    ['a stamp under the article', 'Originally Published: March 3, 2023 at 4:12 PM EST'],
    [
      'a caption above a credit line',
      'Headquarters of the lender in Example City, California\nJohn Roe/Bloomberg/Getty Images',
    ],
    [
      'a credit line in capitals',
      'Officials testify at a hearing on Capitol Hill, Wednesday, March 29, 2023, in Washington.\nJANE DOE/AP PHOTO, FILE',
    ],
    [
      'a label, a caption and a credit',
      'Failed Lender Bosses\nThree former executives defended themselves during a hearing on Tuesday.\nBloomberg News',
    ],
    [
      'a "FILE -" caption',
      'FILE - Emergency teams search for people in the rubble of a destroyed building, Tuesday, Feb. 7, 2023.',
    ],
    [
      'a "FILE PHOTO:" caption with its label run in before it',
      'Harbour strike FILE PHOTO: Commuters wait for a ferry at the harbour on Monday. (Jane Doe - stock.example.com)',
    ],
    [
      'a caption with its credit run into the full stop',
      'The exchange was hit by the outage, and could not publish company updates through its service.Jane Doe/Getty Images',
    ],
    ['a gallery caption', '1 of 3 | Rescuers look for survivors in the Harbour neighbourhood on Monday.'],
    [
      'a caption printed twice',
      'Two districts are among those worst affected by the earthquake\nTwo districts are among those worst affected by the earthquake',
    ],
    ['a newsletter box', 'Sign up for our morning newsletter and get the day’s top stories delivered to your inbox.'],
    ['an alerts box', 'Get breaking news alerts from Example News on your phone: turn on notifications.'],
    [
      'an embedded tweet',
      'We are sending two search teams tonight. pic.twitter.com/AbCdEf123\n— Jane Doe (@janedoe) February 6, 2023',
    ],
    ['an ad break', 'Story continues below advertisement'],
    ['a video ad’s controls', 'Click to Skip Ad\nClosing in...'],
    [
      'an affiliate disclosure',
      'If you buy through an Examplia link, we may earn an affiliate commission, helping support our reviews.',
    ],
    ['the announcement of a widget the scrape left out', 'Here are the official results.\nupdated'],
    ['a reader poll', 'Should the city rebuild the old market?\nYes\nNo\nNot sure'],
    ['an author bio', 'Jane Doe is a White House correspondent for Example Today. Follow her on Twitter @janedoe.'],
    ['a share line', 'Share this article on Facebook, Twitter and WhatsApp'],
    ['a read-more line', 'Also Read | Death toll climbs past 2,000 as rescuers race the clock'],
    ['a promo for the site', 'Track Latest News Live on Examplenews.com and get news updates from around the world'],
    ['site navigation', 'Skip to main content\nLog In\nLight Theme\nShow More\nBack to top button\n7 min read'],
    [
      'a copyright line',
      'Copyright 2024 Example Media Inc. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.',
    ],
    ['a logo’s alternative text', 'Examplia Logo'],
    ['a greeting from the site', 'Welcome to Examplia'],
    [
      'the site asking to send notifications',
      'Examplia.com would like to send you notifications for breaking news alerts.',
    ],
    ['a site’s contact strip', '(555) 291-2543 Contact Us Getting It There. Getting It Done.'],
    ['an agency sign-off', '--IANS'],
    ['a contributor credit', 'The Associated Press contributed to this report.'],
    [
      'a network’s reporters credited by name',
      "Example News' Jane Doe, John Roe and Ann Poe contributed to this report.",
    ],
    [
      'a related story’s headline glued to its label',
      'Engagement vs. entertainment:What the Northtown murder trial, true crime interest says about us',
    ],
    ['a push-notification promo', 'Get push notifications with news, features and more.'],
    ['a player’s fallback link', 'DON’T SEE LIVE VIDEO ABOVE? Click here to listen to the hearing.'],
    [
      'a video’s caption with the sources of its pictures',
      'Jane Doe may be charged in the case. (Source: KEXA/EXAMPLE NEWS/NORTHTOWN POLICE DEPT.)',
    ],
    [
      'a caption cut short above its full copy',
      'Guards stand in front of the town hall in the capital on March 1, 2023. Pictures on the wall…\nGuards stand in front of the town hall in the capital, March 1, 2023.',
    ],
    ['a paragraph the page prints again', BODY.split('\n')[0]!],
    [
      'a caption restating a paragraph in other words',
      'Rescuers pulled a family of four from the rubble of a fallen apartment block early on Tuesday, officials said.',
    ],
    [
      'a picture agency’s caption, dated and placed by its formula',
      'Supporters wave a flag during the inauguration ceremony at the palace on January 1, 2023 in Northtown, Exampleland. The mayor starts his third term.',
    ],
    [
      'a teaser cutting a paragraph short',
      'The regional governor said more than 1,200 buildings had been damaged across…',
    ],
    [
      'a caption ending in its photographer and agency after a comma',
      'A crane lifts the last container off the ship in Harbourtown on July 7, 2021. Jane Q. Doe, Reuters',
    ],
    ['a stamp glued to its byline and section', 'Aug 07, 2023Jane DoeLocal / Politics'],
    [
      'a card cut short, with its date and outlet',
      'On Sunday the mayor was sworn in for a third term. The ceremony took place before the council in the town’s... 01.01.2023, Example International',
    ],
    [
      'a newsletter box’s consent line',
      'I would like to be emailed about offers, event and updates from Examplia Standard. Read our privacy notice.',
    ],
    [
      'the notice where an embed was blocked',
      'To view this content, you’ll need to update your privacy settings.\nPlease click here to do so.',
    ],
    [
      'icons described for screen readers',
      'Chevron icon It indicates an expandable section or menu, or sometimes previous / next navigation options. Homepage\nClose icon Two crossed lines that form an ‘X’. It indicates a way to close an interaction, or dismiss a notification.',
    ],
    ['a numbered list of skip links', 'Jump to\n  1. Main content\n  2. Search\n  3. Account'],
    ['a ticker of the site’s latest stories', '57m agoDrivers warned to avoid roads as the holiday getaway begins'],
    [
      'a caption saying where the picture’s subject stands',
      'The tower, which was built in 1974, before the refurbishment (left) in 2011 and with the new cladding (right)',
    ],
    [
      'a caption above a credit set off by bars',
      'Jane Doe arrives at the courthouse in Northtown.\nJohn Roe | Example Photo | Getty Images',
    ],
    [
      'a picture agency’s caption opening with its place and day in capitals',
      'NORTHTOWN, EXAMPLELAND – JANUARY 3: Jane Doe walks with her lawyers as they leave the courthouse in Northtown on Monday, Jan. 3, 2022.',
    ],
    [
      'a caption naming someone, then what they do on a weekday with its full date',
      'Jane Doe, founder and CEO of Example Inc., is leaving the federal court on Wednesday, September 22, 2021 with her husband.',
    ],
    [
      'a newspaper network’s caption with no credit: someone doing something in the present tense on a weekday with its full date and place',
      'Jane Doe is led outside the Northtown County Courthouse by deputies after the verdict Thursday, March 2, 2023, in Northtown, S.C., in the June 7, 2021, deaths of her brother and his son.',
    ],
    ['the page’s note on its age', 'This article is more than 4 years old.'],
    [
      'a blog’s links to the posts either side',
      '« Watching four cases as the term winds down | Main | A couple of notable new stories »',
    ],
    [
      'a caption saying what the picture shows, with no full stop',
      'Jane Doe, seen leaving court on Monday with her husband, faces a second trial after the jury deadlocked',
    ],
    [
      'the site’s notice of new terms',
      'We are updating our Terms of Use. Please carefully review the updated Terms before proceeding to our website.',
    ],
    [
      'a newsletter box offering a weekly recap',
      'Get a weekly recap of the latest Northtown housing news. Sign up for Example News’s Housing newsletter.',
    ],
    [
      'a sign-up form with its small print',
      'Today’s top headlines Sign up for Example Afternoon Headlines and get the day’s biggest stories. Recaptcha SIGN UP This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.',
    ],
    [
      'an invitation to create a profile',
      'Create a free profile to get unlimited access to exclusive videos, breaking news, sweepstakes, and more!',
    ],
    [
      'a caption ending in an agency in capitals and its photographer',
      'The federation president during the ceremony at the palace REUTERS/Jane Doe',
    ],
    [
      'a picture agency’s sports caption, set off by dashes',
      'Soccer Football - Example Cup Final - Harbour Stadium, Northtown - August 20, 2023 The captain lifts the trophy',
    ],
    [
      'a caption under its label, with the picture’s source above',
      'Image source, Northvale Police\nImage caption,\nPolice have released new images of the homes where everyone is accounted for',
    ],
    [
      'a caption printed twice, the second time with its credit',
      'The fire chief was at the scene on the night of the fire\nThe fire chief was at the scene on the night of the fire. Picture: PA',
    ],
    [
      'a caption that takes a run of words over from a paragraph above it, without a full stop',
      'As the search goes on, rescuers pulled a family of four from the rubble of a collapsed apartment block early on Tuesday',
    ],
    ['the notice that a story is developing', 'This is a developing story and will be updated.'],
    [
      'a station’s promise of its coverage, and its invitation to follow its live blog',
      'KEXA 5 will provide extensive coverage through the end of the trial. Follow our live blog below and watch the final days live each day on kexa5.com and in the KEXA 5 NOW app.',
    ],
    ['the promise of updates, and more to follow', 'We’ll keep you updated as we learn more. More to follow.'],
    [
      'a rail of other stories’ headlines amid the article',
      'Jane Doe on the cup draw: Northtown face a hard task against the champions\nThe top 25 sporting moments of the year revealed with three local heroes\nRugby in the north is a good place to be, thanks to people like John Roe',
    ],
    [
      'a prompt to create an account, and the thanks for liking the story',
      'Create an account or log in to save stories.\nThanks for liking this story! We have added it to a list of your favorite stories.',
    ],
    [
      'an appeal for members’ support with its heading',
      'Turn Up Your Support\nKEXA News helps you turn down the noise and build shared understanding. Turn up your support for this public resource and keep trusted journalism accessible to all.',
    ],
    [
      'a box of links to more on the story',
      "More on the Northtown earthquake:\n• Sunday will be 'main event' for aftershocks in the western valley\n• County sets up site to report road closures",
    ],
    [
      'a box offering gift articles',
      'Send any friend a story\nAs a subscriber, you have 10 gift articles to give each month. Anyone can read what you share.',
    ],
    [
      'an author bio naming a beat and the publisher',
      'Jane Doe covers labor and the economy for The Example Times. She is based in Northtown.',
    ],
    [
      'the print edition’s note',
      'A version of this article appears in print on March 4, 2023, Section B, Page 1 of the Northtown edition with the headline: Port Strike Drags On.',
    ],
    [
      'an agency’s credits of its reporters and editors, and its standards link',
      'Reporting by Jane Doe in Northtown; Additional reporting by Ann Poe; Editing by John Roe and Sam Smith\nOur Standards: The Example Trust Principles.',
    ],
    [
      'a live page’s notices that it needs JavaScript and that its coverage has ended',
      'Please turn on JavaScript in your browser to see live updates.\nOur live coverage has ended. You can find more of our reporting below.',
    ],
    [
      'a note that the story came from a syndicated feed',
      'Disclaimer: This story has been auto-generated from a syndicated feed. Only the headline has been changed.',
    ],
  ])('%s', (_kind, furniture) => {
    expect(
      texts(
        `${BODY}\n${furniture}\nThe national disaster agency said its teams would keep searching through the night.`,
      ),
    ).toEqual([
      ...BODY.split('\n'),
      'The national disaster agency said its teams would keep searching through the night.',
    ]);
  });

  it.each([
    [
      'a sentence naming a photographer and an agency',
      'The pictures were taken on July 7 by a photographer for Reuters, Jane Q. Doe.',
    ],
    [
      'a sentence that quotes a reporter of an agency',
      'The crowd cheered as the ship left. “It was a long wait,” said Jane Doe, Reuters’ local correspondent.',
    ],
    [
      'a paragraph printed again with another day: an update',
      'Rescuers pulled a family of four from the rubble of a collapsed apartment block early on Wednesday, officials said.',
    ],
    [
      'a sentence dated and placed as news copy writes it',
      'Supporters waved flags during the inauguration at the palace on Jan. 1, 2023, in Northtown, Exampleland.',
    ],
    [
      'a quotation with an ellipsis, then its date',
      'The mayor wrote that the town would “rebuild what was lost...” in a letter dated 01.02.2023.',
    ],
    [
      'a sentence that repeats a run of words of a paragraph above it',
      'The governor said again that rescuers pulled a family of four from the rubble of a collapsed apartment block early on Tuesday.',
    ],
    [
      'a sentence about a report that will be updated',
      'The agency said this report will be updated every month until the rebuilding is finished.',
    ],
    [
      'a sentence citing its source in brackets',
      'The town lost a fifth of its homes to the floods. (Source: Northtown Housing Office)',
    ],
    ['a sentence saying what contributed to something', 'Heavy rain, strong wind and ice on the roads contributed.'],
    [
      'a sentence opening with a clause about someone, then naming reporters, which is no author bio',
      'After Jane Doe was led away by deputies, her lawyers confirmed to reporters that they will appeal the verdict.',
    ],
    [
      'a sentence telling a past weekday with its full date and place in the past tense',
      'Jane Doe died Thursday, March 2, 2023, in Northtown, S.C., after a long illness, her family said.',
    ],
    [
      'a sentence telling what someone’s lawyers say of a weekday with its full date and place',
      'Jane Doe’s lawyers say the hearing on Thursday, March 2, 2023, in Northtown was unfair to her.',
    ],
    [
      'a sentence saying that a court will provide coverage of a hearing',
      'The court will provide live coverage of the hearing on its own website, the clerk said.',
    ],
    [
      'a sentence naming a file in capitals after a few words',
      'Investigators said the FILE: folder on the server held the letters the mayor had denied writing.',
    ],
    [
      'a sentence opening with "By" and a time, which is no byline',
      'By midday Wednesday, the government reported 850 deaths in the country from the quake.',
    ],
    [
      'a sentence asking readers to support the rescue, which is no appeal for the outlet',
      'The mayor asked residents to support the rescue teams by staying off the roads.',
    ],
    [
      'a sentence saying residents had to register to join a discussion, which is no prompt to comment',
      'Residents who wanted to speak had to register to join the discussion at the town hall on Monday, the council said.',
    ],
    [
      'a sentence saying who edits what, which is no credit line',
      'Editing by hand took the volunteers most of the night, the organisers said.',
    ],
    [
      'a quotation its reporter signs off with a name in brackets',
      '"This should be done early in the process of drafting," he added. (Mary Major)',
    ],
  ])('keeps %s', (_what, sentence) => {
    expect(texts(`${BODY}\n${sentence}`)).toEqual([...BODY.split('\n'), sentence]);
  });

  it.each([
    ['a line cut after a comma', 'The collapse happened at the northern end of the market,'],
    ['a line cut after "the"', 'Early on Sunday, the tram in the'],
    ['an excerpt stopped mid-word after a hyphen', 'The aid agency that has helped families caught in the decade-lon'],
    ['an excerpt stopped in a name', 'The canal, which links the lake with the Re'],
    ['an excerpt stopped after one letter', 'This Wednesday the governor received t'],
    ['an excerpt stopped inside a quotation', '“Rescuers are held so'],
  ])('keeps the last line of an excerpt the scrape cut short: %s', (_what, cut) => {
    expect(texts(`${BODY}\n${cut}`)).toEqual([...BODY.split('\n'), cut]);
  });

  it('keeps the deck under the headline that the page cut short, and takes the headline', () => {
    const lede = 'Convicted banker Jane Doe pleaded guilty in state court on Friday to nearly two dozen fraud charges.';
    const page = cleanArticle(
      `Jane Doe Pleads Guilty To State Fraud Charges\nConvicted banker negotiates 12-year prison sentence …\n${lede}`,
    );
    expect(page.meta.title).toBe('Jane Doe Pleads Guilty To State Fraud Charges');
    expect(page.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Convicted banker negotiates 12-year prison sentence …',
      lede,
    ]);
    // Under the headline, a teaser cut from the first paragraph is no deck.
    const teaser = 'Convicted banker Jane Doe pleaded guilty in state court on Friday ...';
    expect(texts(`Jane Doe Pleads Guilty To State Fraud Charges\n${teaser}\n${lede}`)).toEqual([lede]);
  });

  it('still takes a short line with no sentence ending at the foot of the page for a label, not a passage', () => {
    expect(texts(`${BODY}\nBefore You Leave, Check This Out`)).toEqual(BODY.split('\n'));
  });

  it('reads a line printed twice over once: not at all under its first printing, once where it stands alone', () => {
    const [first, second] = BODY.split('\n');
    expect(texts(`${first}\nSix people have died.\nSix people have died. Six people have died.\n${second}`)).toEqual([
      first,
      'Six people have died.',
      second,
    ]);
    expect(texts(`${BODY}\nSix people have died. Six people have died.`)).toEqual([
      ...BODY.split('\n'),
      'Six people have died.',
    ]);
  });

  it('cuts the promise of live updates out of the paragraph it was run into', () => {
    const lead = 'The council announced on Monday that the tower block will be demolished.';
    expect(
      texts(`${lead} We’ll be bringing you the latest updates on this Breaking Politics News story.\n${BODY}`),
    ).toEqual([lead, ...BODY.split('\n')]);
  });

  it('cuts another story’s headline run into the end of a paragraph, and keeps a last sentence naming things', () => {
    const [first, second] = BODY.split('\n');
    const glued = `${first} Northtown Quake Update: Rescue Teams Relay Data On Survivors' Locations; First Findings Recorded By Drones.`;
    expect(texts(`${glued}\n${second}`)).toEqual([first, second]);
    const named = `${first} Northtown Bank is headquartered in New York State.`;
    expect(texts(`${named}\n${second}`)).toEqual([named, second]);
    const abbreviated = 'The filing was made with the U.S. Bankruptcy Court for the Southern District of New York.';
    expect(texts(`${BODY}\n${abbreviated}`)).toEqual([...BODY.split('\n'), abbreviated]);
  });

  it('cuts a placed caption with its credit run into the end of a paragraph', () => {
    const [first, second] = BODY.split('\n');
    const glued = `${first} Northtown: Students look at a model of the rescue robot at the town planetarium.(AP file photo)`;
    expect(texts(`${glued}\n${second}`)).toEqual([first, second]);
  });

  it('cuts a caption and its credit printed inside a paragraph, and keeps the sentences around them', () => {
    const before = 'Jane Doe told the court on Wednesday that she joined the board in 2013.';
    const after = 'During her cross-examination, she said she had never seen the machines work.';
    const caption = 'Former minister Jane Doe, pictured in 2017, arrives at the courthouse in Northtown.';
    expect(texts(`${before} ${caption} (AP Photo/John Roe, File) ${after}\n${BODY}`)).toEqual([
      `${before} ${after}`,
      ...BODY.split('\n'),
    ]);
  });

  it('cuts captions and credits run into a paragraph with no space, and keeps its sentences', () => {
    const paragraph =
      "Fans wonder who will foot the bill after Northtown FC moved two home games 26 miles away.The move follows problems all season at the club's pitch.Rivals have been praised for helping Northtown outCredit: GettyNorthtown's clash with Southtown was off due to a waterlogged pitchCredit: PAA storm meant the league clash was postponed.";
    expect(texts(`${BODY}\n${paragraph}`)).toEqual([
      ...BODY.split('\n'),
      "Fans wonder who will foot the bill after Northtown FC moved two home games 26 miles away.The move follows problems all season at the club's pitch. A storm meant the league clash was postponed.",
    ]);
  });

  it('cuts a picture’s credit run into the dateline that opens a paragraph', () => {
    expect(texts(`Photo by John Roe-Pool/Getty Images(NORTHTOWN, Ex.) -- ${BODY}`)[0]).toBe(BODY.split('\n')[0]);
  });

  it('cuts a link to the outlet’s other stories run into the end of the last paragraph', () => {
    const [first, second] = BODY.split('\n');
    expect(texts(`${first}\n${second} (Read more Northtown earthquake stories.)`)).toEqual([first, second]);
  });

  it('keeps a teaser of the article cut short by the page, which is no caption', () => {
    const teaser = `By Jane Doe (September 22, 2021, 4:53 PM EDT) -- ${'The former minister testified on Wednesday that she joined the board of the company after its founder asked her twice. '.repeat(4)}She agreed to serve because...`;
    expect(texts(`Minister testifies at fraud trial\n${teaser}`).join(' ')).toContain('She agreed to serve because');
  });

  it('drops a tweet whose signature the excerpt cut off at the end of the page', () => {
    const tweet = [
      'Rescue teams are working through the night https://t.co/abc123',
      '— Northtown Fire (@northtownfire) March 10, 2023',
    ];
    expect(
      texts(`${BODY}\n${tweet.join('\n')}\nSo that means fewer than 300 people were in the building?\n— #Ex`),
    ).toEqual(BODY.split('\n'));
  });

  it('drops a "RELATED COVERAGE" box of links amid the story, and keeps the paragraphs under it', () => {
    const [first, second] = BODY.split('\n');
    expect(
      texts(`${first}\nRELATED COVERAGE\nFloodwaters close schools across the valley for a second day\n${second}`),
    ).toEqual([first, second]);
  });

  it('cuts an "Up next" box of other stories and their decks at the foot of the page', () => {
    const box = [
      'Up next',
      'Discovery of the most powerful energy source in the region',
      'Generates six times the power of the national grid.',
      'River is not as dead as previously thought',
      'Study found evidence of relatively recent activity.',
    ];
    expect(texts(`${BODY}\n${box.join('\n')}`)).toEqual(BODY.split('\n'));
  });

  it('drops a WordPress caption with its shortcode, and keeps the text after it', () => {
    const lead = 'The mayor ordered a full inquiry into the fire on Thursday, officials said.';
    expect(texts(`The mayor spoke to the fire chief as she surveyed the damage[/caption] ${lead}\n${BODY}`)).toEqual([
      lead,
      ...BODY.split('\n'),
    ]);
  });

  it('drops an ad slot’s “Hide Ad” run into the lines after it, and keeps the paragraph', () => {
    const [first, second] = BODY.split('\n');
    expect(texts(`${first}\nHide AdAdvertisement\nHide Ad${second}`)).toEqual([first, second]);
  });

  it('cuts the readers’ comments at the foot of the page, not a “Comments” link above the article', () => {
    const comment = 'Well done to the rescuers. I have followed your work over the last fifty years.';
    expect(texts(`${BODY}\nComments\nComments are closed.\n${comment}`)).toEqual(BODY.split('\n'));
    expect(texts(`${BODY}\n12 Comments\n${comment}`)).toEqual(BODY.split('\n'));
    expect(texts(`Comments\n${BODY}\n${comment}`)).toEqual([...BODY.split('\n'), comment]);
  });

  it('keeps an announcement followed by what it announces', () => {
    const announced = ['Here is what officials said on Tuesday.', BODY.split('\n')[1]!];
    expect(texts(`${BODY.split('\n')[0]}\n${announced.join('\n')}`)).toEqual([BODY.split('\n')[0], ...announced]);
  });

  it('keeps the last paragraph whole without the closing date line glued to it', () => {
    expect(texts(`${BODY}\nThe agency said its teams would keep searching through the night. – July 20, 2023`)).toEqual(
      [...BODY.split('\n'), 'The agency said its teams would keep searching through the night.'],
    );
  });

  it('keeps a short sentence under the headline: it opens the article', () => {
    const opening = 'The lender issued this statement.';
    expect(texts(`Lender collapses after failing to raise capital\n${opening}\n${BODY}`)).toEqual([
      opening,
      ...BODY.split('\n'),
    ]);
  });

  it('drops an ad slot’s “SKIP ADVERTISEMENT”, which labels no section', () => {
    const [first, second] = BODY.split('\n');
    const sections = cleanArticle(`${first}\nAdvertisement\nSKIP ADVERTISEMENT\n${second}`).paragraphs.map(
      (paragraph) => paragraph.section,
    );
    expect(sections).toEqual([null, null]);
  });

  it('drops the labels of a page’s details set out as a list, and keeps a list of the article', () => {
    const page = `Rescuers reach families in collapsed block\n- Author:\n- Jane Doe\n- Date:\n${BODY}\nThe agency listed what the shelters need most this week.\n- Tents\n- Blankets for children\n- Clean water`;
    expect(texts(page)).toEqual([
      ...BODY.split('\n'),
      'The agency listed what the shelters need most this week.',
      'Tents • Blankets for children • Clean water',
    ]);
  });

  it('keeps a bulleted list: long items as passages, short ones together, and the sentence it completes', () => {
    const after = 'The national disaster agency said its teams would keep searching through the night.';
    const page = `${BODY}\nWhat the agency asked residents to do:\n• Stay out of damaged buildings until engineers have inspected them\n• Boil water\n• Keep roads clear\n${after}`;
    expect(texts(page)).toEqual([
      ...BODY.split('\n'),
      'What the agency asked residents to do: Stay out of damaged buildings until engineers have inspected them',
      'Boil water • Keep roads clear',
      after,
    ]);
    const names = `${BODY}\nThe suspects were identified as:\n- Jane Doe, 34\n- John Roe, 29\n- Sam Poe, 41\n${after}`;
    expect(texts(names)).toEqual([
      ...BODY.split('\n'),
      'The suspects were identified as: Jane Doe, 34 • John Roe, 29 • Sam Poe, 41',
      after,
    ]);
  });

  it('keeps the story under a box of links set amid it, and cuts a list of other stories with their decks', () => {
    const box =
      'Related Articles\nSouthvale to begin inspections of its own river bridges\nNorthtown transit adds detour buses for downtown riders';
    const goesOn = [
      'Mayor John Roe, who supported the closure, said Saturday that he would ask the state for emergency repair money next week.',
      'Here’s what changes on Monday:',
      '• Harbor Street will close between Front Avenue and Mill Road.',
      '• Route 9 buses will detour over the Quay Road bridge.',
      'City engineers estimate repairs will take at least eight months and cost about $3 million.',
      'Originally Published: March 3, 2023 at 4:12 PM EST',
    ].join('\n');
    expect(texts(`${BODY}\n${box}\n${goesOn}`)).toEqual([
      ...BODY.split('\n'),
      'Mayor John Roe, who supported the closure, said Saturday that he would ask the state for emergency repair money next week.',
      'Here’s what changes on Monday: Harbor Street will close between Front Avenue and Mill Road.',
      'Route 9 buses will detour over the Quay Road bridge.',
      'City engineers estimate repairs will take at least eight months and cost about $3 million.',
    ]);
    const tail =
      'Up next\nDiscovery of a powerful new energy source near Northtown\nGenerates six times the power of the region’s total output.\nThe valley is not as quiet as previously thought\nStudy found evidence of relatively recent activity.';
    expect(texts(`${BODY}\n${tail}`)).toEqual(BODY.split('\n'));
  });

  it.each([
    [
      'a syndicator’s link to the paper it reprints',
      'Visit The Southvale Gazette (Southvale, Exampleland) at www.southvalegazette.com',
    ],
    [
      'a caption credited to an agency’s photo desk',
      'Police personnel outside the district court on Sunday, Nov 26. PTI Photo',
    ],
  ])('drops %s at the foot of the page', (_kind, furniture) => {
    expect(texts(`${BODY}\n${furniture}`)).toEqual(BODY.split('\n'));
  });

  it('keeps one copy of the first paragraph printed twice, as the deck and as the lede', () => {
    const lede =
      'Southvale council voted unanimously on Tuesday night to spend $4.2 million on emergency repairs to the water plant.';
    expect(
      texts(`Council approves repairs to flooded water plant\n${lede}\nMary Major\nDigital Reporter\n${lede}\n${BODY}`),
    ).toEqual([lede, ...BODY.split('\n')]);
  });

  it('keeps the last paragraph above the agency that signs the article off', () => {
    const last = 'The mall is expected to reopen on Monday.';
    expect(texts(`${BODY}\n${last}\nANA\nRelated Topics:\ncrime`)).toEqual([...BODY.split('\n'), last]);
  });

  it('keeps the story’s points under "Summary" above its first paragraph, and drops the label', () => {
    const page = `Shares hit two-month high as lenders rally\nSummary\nBenchmark index up 0.8%, banks up 2.1%\nExample Bank jumps 4% after buyback plan\n${BODY}`;
    expect(texts(page)).toEqual([
      'Benchmark index up 0.8%, banks up 2.1%',
      'Example Bank jumps 4% after buyback plan',
      ...BODY.split('\n'),
    ]);
  });

  it('keeps clauses a semicolon joins, which no heading has', () => {
    const dates = 'Jane Elizabeth Doe, architect, born 12 June 1931; died 18 February 2024';
    expect(texts(`${BODY}\n${dates}\n${BODY.split('\n')[0]!.replace('four', 'five')}`)).toContain(dates);
  });

  it('cuts the list of other stories under a heading that names the place or the outlet', () => {
    const tail =
      'Northtown Top Stories\nExample News Top Stories\nNorthtown police seek driver after crossing guard struck\nPolice in Northtown are looking for the driver of a grey pickup truck that struck a crossing guard on Monday morning.\nProvince to review flood maps after second spring surge\nThe provincial government says it will update flood maps for 40 municipalities after the river flooded again this spring.';
    expect(texts(`${BODY}\n${tail}`)).toEqual(BODY.split('\n'));
  });

  it('drops a pull quote whose sentences a paragraph says, and keeps the paragraph', () => {
    const paragraph =
      'An engineer who asked not to be named said the reports had been set aside. “We treated it as a rounding error,” she said. “It was the whole story.”';
    expect(texts(`${BODY}\n${paragraph}\n“We treated it as a rounding error. It was the whole story.”`)).toEqual([
      ...BODY.split('\n'),
      paragraph,
    ]);
    const quoteAlone = '“We treated it as a rounding error. It was the whole story, and nobody saw it.”';
    expect(texts(`${BODY}\n${paragraph}\n${quoteAlone}`)).toEqual([...BODY.split('\n'), paragraph, quoteAlone]);
  });

  it('keeps the paragraph a caption and its credit were run into, from its dateline on', () => {
    const paragraph =
      'NORTHTOWN, March 20 — Northtown’s main bus operator has suspended 12 routes after floodwater inundated its central depot.';
    expect(
      texts(`Workers pump water out of the flooded bus depot in Northtown yesterday. — AFP pic${paragraph}\n${BODY}`),
    ).toEqual([
      'Northtown’s main bus operator has suspended 12 routes after floodwater inundated its central depot.',
      ...BODY.split('\n'),
    ]);
  });

  it('reads the agency signing the last paragraph off, and keeps the paragraph', () => {
    const article = cleanArticle(
      `${BODY}\nThe weather office has forecast more rain in the area until Wednesday. — Bernama`,
    );
    expect(article.paragraphs.at(-1)!.text).toBe(
      'The weather office has forecast more rain in the area until Wednesday.',
    );
    expect(article.meta.credit).toBe('Bernama');
  });

  it('keeps a paragraph reporting what someone said above a picture’s credit, and drops a caption there', () => {
    const said =
      'Harbourmaster Mary Major said the tide was falling at the time and the vessel would be refloated on the morning high tide.';
    const caption = 'The ferry ran aground on a sandbar near the Southvale heads on Monday evening.';
    expect(texts(`${BODY}\n${said}\nPhoto:\nRadio Northtown / Jane Doe`)).toEqual([...BODY.split('\n'), said]);
    expect(texts(`${BODY}\n${caption}\nPhoto:\nRadio Northtown / Jane Doe`)).toEqual(BODY.split('\n'));
  });

  it('joins lines the scrape broke mid-sentence, and paragraphs wrapped at a fixed width', () => {
    expect(
      texts(
        '“Despite the bank being in sound financial\ncondition prior to March 9, the run began,” the regulator said.',
      ),
    ).toEqual([
      '“Despite the bank being in sound financial condition prior to March 9, the run began,” the regulator said.',
    ]);
    const wrapped = [
      'The governor said on Tuesday that the province would need',
      'years to rebuild, and that the national government had',
      'promised to pay for new schools and hospitals there.',
    ].join('\n');
    expect(texts(wrapped)).toEqual([wrapped.replace(/\n/g, ' ')]);
  });

  it('unglues an author hover card in time that grows with the text, not faster', () => {
    expect(
      texts('Secretary Jane DoeJane DoeOther headline about something MORE told reporters the plan was final.'),
    ).toEqual(['Secretary Jane Doe told reporters the plan was final.']);
  });
});

describe('titles, outlets, agencies and dates from the page', () => {
  it.each([
    [
      'the first headline, not the kicker or pull quote above it',
      "'We thought it was the end'\nRescuers search for survivors beneath rubble in two countries",
      'Rescuers search for survivors beneath rubble in two countries',
    ],
    [
      'the headline under site chrome and a stamp',
      'Skip to main content\nFriday, Feb 10, 2023\nPresident travels to quake-hit city',
      'President travels to quake-hit city',
    ],
    [
      'the clean headline where a breadcrumb is glued to the first copy',
      'NewsWorldDeath toll passes 50,000 in the region\nDeath toll passes 50,000 in the region',
      'Death toll passes 50,000 in the region',
    ],
    [
      'a headline without the timestamp glued to it',
      'Emergency declared in ten provinces of the quake zone 2023-02-07 16:03:27',
      'Emergency declared in ten provinces of the quake zone',
    ],
    [
      'a headline without the close button before it',
      '× Lender collapses after failing to raise capital',
      'Lender collapses after failing to raise capital',
    ],
    [
      'the headline under a video ad’s controls, above a picture and its credit',
      'Click to Skip Ad\nClosing in...\nRescuers reach families in a collapsed apartment block\nImage: Jane Doe/Example Agency via Getty Images',
      'Rescuers reach families in a collapsed apartment block',
    ],
    [
      'the headline under a promo for another story',
      'What happens when the ferry timetable fails? Harbour strike strands commuters\nRescuers reach families in a collapsed apartment block',
      'Rescuers reach families in a collapsed apartment block',
    ],
    [
      'the headline above a deck and a byline that share none of its words',
      'Rescuers reach families in a collapsed apartment block\nInsurers count the cost of the worst disaster in a generation.\nByJane Doe',
      'Rescuers reach families in a collapsed apartment block',
    ],
    [
      'a headline ending in a particle, not cut off',
      'Family of four remembered by rescuers two years on',
      'Family of four remembered by rescuers two years on',
    ],
    [
      'the headline below a ticker of the site’s latest stories',
      'Latest\n57m agoDrivers warned to avoid roads as the holiday getaway begins\nRescuers reach families in a collapsed apartment block',
      'Rescuers reach families in a collapsed apartment block',
    ],
    [
      'a headline of more than 25 words, as some sites write them',
      "Rescuers who pulled a family of four from the rubble 'had minutes to spare' - and the apartment block they fell from had failed its inspection twice in the five years before",
      "Rescuers who pulled a family of four from the rubble 'had minutes to spare' - and the apartment block they fell from had failed its inspection twice in the five years before",
    ],
    [
      'a headline in title case that asks or exclaims, above its deck',
      "Big Breaking! Rescuers Reach Families In Collapsed Block: What's Next?\nEngineers fear more buildings could fall in the aftershocks expected overnight.",
      "Big Breaking! Rescuers Reach Families In Collapsed Block: What's Next?",
    ],
    [
      'a headline in title case that asks, with a quoted word and a preposition left in lower case',
      "Why Were a 'Loving' Mother and Son from Northtown Killed at Their Farm?",
      "Why Were a 'Loving' Mother and Son from Northtown Killed at Their Farm?",
    ],
    [
      'the headline in title case under a magazine’s deck printed above it',
      'The shocking killings of Jane Doe, 52, and her son, John Doe, 22, who were found shot at their family’s farm on the night of June 7\nWhy Were a Mother and Son Killed at Their Family Farm in Northtown?',
      'Why Were a Mother and Son Killed at Their Family Farm in Northtown?',
    ],
    [
      'the headline under a menu run into a section label in lower case',
      "menu menu menu\nrescuers\n'Great day for the town': Rescuers reach families in a collapsed apartment block",
      "'Great day for the town': Rescuers reach families in a collapsed apartment block",
    ],
    [
      'a quotation for headline when the page has no other, right above the first paragraph',
      '“We will rebuild every home the quake took from this town”',
      '“We will rebuild every home the quake took from this town”',
    ],
    [
      'a headline ending in a word the word list keeps capitalised, which is no word cut off',
      'Rescuers pull family from rubble in Northtown county',
      'Rescuers pull family from rubble in Northtown county',
    ],
    [
      'a question above the article when the page has no other headline',
      'GET AHEAD\nWhat did the collapse of the Northtown market tell us?',
      'What did the collapse of the Northtown market tell us?',
    ],
    [
      'the headline the page prints bare under its copy with the site’s name',
      'Rescuers reach families in collapsed block - Northtown Metro\nRescuers reach families in collapsed block',
      'Rescuers reach families in collapsed block',
    ],
    [
      'the headline above a prompt to create an account',
      'Rescuers search for survivors as the toll climbs past 900\nCreate an account or log in to save stories.',
      'Rescuers search for survivors as the toll climbs past 900',
    ],
    [
      'the headline the header prints twice, though the first paragraphs share none of its words',
      'Connect with us\nTech\nWhat we know about the Northtown market outage\nPublished\non\nWhat we know about the Northtown market outage',
      'What we know about the Northtown market outage',
    ],
  ])('takes %s', (_what, header, title) => {
    expect(cleanArticle(`${header}\n${BODY}`).meta.title).toBe(title);
  });

  it('takes the headline under a navigation bar, and no station’s name', () => {
    const lede = 'Police in Northtown say two people are in hospital after a walkway fell onto a downtown street.';
    expect(
      cleanArticle(
        `Home Latest Northtown World Business Opinion\nWalkway falls onto Northtown street\n${lede}\n${BODY}`,
      ).meta.title,
    ).toBe('Walkway falls onto Northtown street');
    expect(cleanArticle(`Radio Northtown 1040 AM\n${lede}\n${BODY}`).meta.title).toBeUndefined();
  });

  it.each([
    [
      'a masthead',
      'The Example Times\nObituaries',
      'Crowds filled the old streets of Northtown as the new line opened, The Example Times reported on its front page.',
    ],
    [
      'a consent banner’s heading and button',
      'We value your privacy\nAccept and continue',
      'Residents of the old streets value their privacy and fear the crowds the new Northtown line will bring.',
    ],
    [
      'a site’s tagline',
      'Your source for the latest research news',
      'The latest research news from Northtown shows crowds on the old streets doubled when the new line opened.',
    ],
  ])('takes the headline under %s that shares words with the story', (_what, furniture, lede) => {
    const headline = 'Old streets brace for crowds as Northtown opens its new line';
    expect(cleanArticle(`${furniture}\n${headline}\n${lede}\n${BODY}`).meta.title).toBe(headline);
  });

  it('takes a case’s name ending in an abbreviation for the title', () => {
    const page = [
      'You are here',
      'U.S. v. Jane Doe, et al.',
      'Jane Doe and John Roe are charged with two counts of conspiracy to commit wire fraud and nine counts of wire fraud.',
      'According to the indictment, the charges stem from a scheme to defraud investors over several years.',
    ].join('\n');
    expect(cleanArticle(page).meta.title).toBe('U.S. v. Jane Doe, et al.');
  });

  it.each([
    ['an editor’s slug', 'Bank Collapse Fed Review'],
    ['a line cut off mid-sentence', 'US financial regulators on Sunday told the lender’s customers,'],
    ['a caption with its credit', 'Volunteers search the ruins of a market in Northtown. (AP Photo/Jane Doe)'],
    ['a promo line', 'Track Latest News Live on Examplenews.com and get news updates'],
    ['a firm’s name', 'Doe & Roe Family Lawyers LLP'],
    [
      'another story’s headline above the article, sharing none of its words',
      'Index records modest gains in a thin session with markets closed for a holiday',
    ],
  ])('never takes %s for a title', (_what, header) => {
    expect(cleanArticle(`${header}\n${BODY}`).meta.title).toBeUndefined();
  });

  it('never takes a slideshow’s instructions for screen readers for a title, and drops them', () => {
    const article = [
      'NORTHTOWN, Calif. (AP) — A lawyer for a former county treasurer said Tuesday that investigators have indicated they intend to pursue fraud charges against him.',
      'The lawyer said in a statement that investigators told the family they plan to seek indictments from a grand jury later this week.',
    ];
    const page = `This is a carousel. Use Next and Previous buttons to navigate\n${article.join('\n')}`;
    expect(cleanArticle(page).meta.title).toBeUndefined();
    expect(texts(page)).toHaveLength(2);
  });

  it('never takes a label of everyday words only for a headline, though the first paragraph shares its words', () => {
    const page = `What we know so far\nIf you are just waking up, here is what you need to know about the fire in the tower block.\n${BODY}`;
    expect(cleanArticle(page).meta.title).toBeUndefined();
  });

  it('never takes the last line for a headline when the page cut it off mid-word', () => {
    expect(
      cleanArticle(`${BODY}\nRescuers pulled the family from the collapsed apartment block thre`).meta.title,
    ).toBeUndefined();
  });

  it('takes the headline at the foot of a page that ends in a word no word list has', () => {
    expect(
      cleanArticle(`${BODY}\nRescuers pulled a family of four from a collapsed apartment block after ransomware`).meta
        .title,
    ).toBe('Rescuers pulled a family of four from a collapsed apartment block after ransomware');
  });

  it('takes the headline that a teaser of prose under it sums up, when the first paragraphs share none of its words', () => {
    const page = [
      'Lender reveals the root cause of its failure',
      'The lender has published the root cause of its failure, tracing it to a change in how deposits were counted, which the bank introduced after it moved to a new system to enable',
      'The change went live on a Friday in March, and customers noticed within hours.',
      'Engineers at the bank worked through the weekend to undo it.',
    ].join('\n');
    expect(cleanArticle(page).meta.title).toBe('Lender reveals the root cause of its failure');
  });

  it.each([
    [
      'a bio names the employer',
      `${BODY}\nJane Doe is a correspondent for Example Today. Follow her on Twitter.`,
      { outlet: 'Example Today', author: undefined },
    ],
    ['a copyright line names the publication', `${BODY}\n© 2023 Example Gazette`, { outlet: 'Example Gazette' }],
    [
      'a copyright line of a parent company names none',
      `${BODY}\nCopyright 2024 Example Media Inc. All rights reserved.`,
      { outlet: undefined },
    ],
    [
      'a print edition’s masthead',
      `Example Today International Edition\nQuake launches frantic search in two countries\n${BODY}`,
      { outlet: 'Example Today International Edition' },
    ],
    [
      'a staff byline gives the author and the outlet apart',
      `By Jane Doe, Example Staff\n${BODY}`,
      { author: 'Jane Doe', outlet: 'Example' },
    ],
    [
      'a byline from a media group’s content desk gives the author and no outlet',
      `By Jane Doe, Example Media Group National Content Desk\n${BODY}`,
      { author: 'Jane Doe', outlet: undefined },
    ],
    [
      'an agency byline gives the author and the credit',
      `By Jane Doe, Associated Press\n${BODY}`,
      { author: 'Jane Doe', credit: 'AP', outlet: undefined },
    ],
    [
      'a desk byline run together with its stamp and source gives the outlet and the date',
      `Written By  Example Media Bureau|Last Updated: Aug 17, 2023, 02:25 PM IST|Source: Bureau\n${BODY}`,
      { outlet: 'Example Media', credit: undefined, date: { value: '2023-08-17', precision: 'day' } },
    ],
    [
      'a byline with the stamp on its line gives the author and the date',
      `By John Roe March 14th, 2023 2 min read\n${BODY}`,
      { author: 'John Roe', date: { value: '2023-03-14', precision: 'day' } },
    ],
    [
      'a correspondent of a place gives the author and no outlet',
      `By Jane Doe, Southvale Correspondent\n${BODY}`,
      { author: 'Jane Doe', outlet: undefined },
    ],
    [
      'a correspondent of a publication gives the author and the outlet',
      `By Jane Doe, Example News Correspondent\n${BODY}`,
      { author: 'Jane Doe', outlet: 'Example News' },
    ],
    [
      'a text-size control is no agency',
      `Northtown: 3 held for selling fake flood relief kits\nShare\nAA\nText Size\nSmall\nMedium\nLarge\n${BODY}`,
      { credit: undefined },
    ],
    [
      'a publication’s name printed twice above the headline is no title',
      `The Example Times\nThe Example Times\nBusiness\nRescuers pull family of four from collapsed apartment block\n${BODY}`,
      { title: 'Rescuers pull family of four from collapsed apartment block' },
    ],
    [
      'a stamp under the article dates it',
      `${BODY}\nOriginally Published: March 3, 2023 at 4:12 PM EST`,
      { date: { value: '2023-03-03', precision: 'day' } },
    ],
    [
      'a government site’s banner is no title',
      `An official website of the Exampleland government\nHere’s how you know\n${BODY}`,
      { title: undefined },
    ],
    [
      'an agency’s staff byline by its initials gives the agency, not an outlet',
      `By ANA Reporter\n${BODY}`,
      { credit: 'ANA', outlet: undefined },
    ],
    [
      'a copyright line ends its holder before a place in brackets',
      `${BODY}\n(c)2024 The Southvale Gazette (Southvale, Exampleland)`,
      { outlet: 'The Southvale Gazette' },
    ],
    [
      'an update stamp under a long article dates a page with no other',
      `${LONG_BODY}\nUpdated: June 02, 2023, 4:00 AM`,
      { date: { value: '2023-06-02', precision: 'day' } },
    ],
    [
      'an update stamp with the first printing’s time dates the page',
      `Updated March 18, 2023 — 6.12pm, first published at 9.40am\n${BODY}`,
      { date: { value: '2023-03-18', precision: 'day' } },
    ],
    ['a closing "with" credits the agency', `${BODY}\nwith AAP`, { credit: 'AAP' }],
    [
      'a caption printed four times above the headline is no title',
      `${'The old customs house on Harbour Road is being converted into a museum. Jane Doe / Exampleland Herald\n'.repeat(4)}Rescuers pull family of four from collapsed apartment block\n${BODY}`,
      { title: 'Rescuers pull family of four from collapsed apartment block' },
    ],
    [
      'a byline with the reporter’s role after a comma gives the author',
      `Ferry grounded on sandbar\nJohn Roe, Reporter\n${BODY}`,
      { author: 'John Roe' },
    ],
    [
      'a name over the reporter’s role gives the author',
      `Ferry grounded on sandbar\nMary Major\nExample News Northtown Digital Reporter\n${BODY}`,
      { author: 'Mary Major' },
    ],
    [
      'a lone "By" over the name gives the author',
      `Ferry grounded on sandbar\nBy\nJane Doe\n${BODY}`,
      { author: 'Jane Doe' },
    ],
    [
      'the outlet’s desk with an agency gives the agency, not the title',
      `The Example Post with AFP\nIn Southvale, winegrowers uproot vines as export orders collapse\n${BODY}`,
      { credit: 'AFP', title: 'In Southvale, winegrowers uproot vines as export orders collapse' },
    ],
    ['the editors’ initials and the agency give the agency', `${BODY}\njd/mm (dpa)`, { credit: 'DPA' }],
    ['an agency reporting gives the agency', `${BODY}\nReporting by ANP`, { credit: 'ANP' }],
    [
      'an agency under a caption, above the story, is the picture’s credit',
      `Tourists walk through the old village in Northtown on Sunday.\n(Yonhap)\n${BODY}`,
      { credit: undefined },
    ],
    [
      'a stamp with the place of its clock and its update gives the date',
      `Published on March 4, 2024, at 11:32 am (Paris), updated at 12:05 pm\n${BODY}`,
      { date: { value: '2024-03-04', precision: 'day' } },
    ],
    [
      'a stamp after the place it was filed from gives the date',
      `Southvale - Mar 14, 2024 - 05:40 CET\n${BODY}`,
      { date: { value: '2024-03-14', precision: 'day' } },
    ],
    [
      'a dotted day and month of one digit give the date',
      `4.3.2024 10:22•Updated 4.3.2024 12:01\n${BODY}`,
      { date: { value: '2024-03-04', precision: 'day' } },
    ],
    [
      'a stamp beside a long label of categories gives the date',
      `Posted: June 1, 2015 / Categories Appeals, Client Q & A\n${BODY}`,
      { date: { value: '2015-06-01', precision: 'day' } },
    ],
    [
      'a stamp run into its long form gives the date',
      `03/14/2024March 14, 2024\n${BODY}`,
      { date: { value: '2024-03-14', precision: 'day' } },
    ],
    [
      'a dateline crediting an outlet and an agency with a day gives both, and the day is no byline stamp',
      `CAIRO (Example News / Sputnik - 13th July, 2021) The ship left the waters of Exampleland after its owners settled with the canal authority on compensation.\n${BODY}`,
      { outlet: 'Example News', credit: 'Sputnik' },
    ],
    [
      'a source line naming the outlet and news agencies gives the outlet',
      `Port strike enters third week\nSource: Example News and news agencies\n${BODY}`,
      { outlet: 'Example News', credit: 'Example News and news agencies' },
    ],
    [
      'a source line naming an agency gives the credit, not the outlet',
      `Port strike enters third week\nSource: Reuters\n${BODY}`,
      { outlet: undefined, credit: 'Reuters' },
    ],
    [
      'an agency byline with its update stamp gives the credit, and no author',
      `By Associated Press | Updated: February 8, 2025 17:25 IST\n${BODY}`,
      { credit: 'AP', author: undefined, date: { value: '2025-02-08', precision: 'day' } },
    ],
    [
      'an archive notice dates the page',
      `This Article is From Aug 23, 2023\n${BODY}`,
      { date: { value: '2023-08-23', precision: 'day' } },
    ],
    [
      'a byline of several reporters stays whole',
      `By JANE DOE, JOHN ROE and ANN POE\n${BODY}`,
      { author: 'JANE DOE, JOHN ROE and ANN POE', outlet: undefined },
    ],
    [
      '"Author | Agency" gives the author and the agency, not an outlet',
      `Jane Doe | Bloomberg\n${BODY}`,
      { author: 'Jane Doe', credit: 'Bloomberg', outlet: undefined },
    ],
    [
      'a dateline agency is the credit, not the outlet',
      `NORTHTOWN, Exampleland (AP) — ${BODY}`,
      { credit: 'AP', dateline: 'NORTHTOWN', outlet: undefined },
    ],
    ['a logo names the site', `Examplia Logo\n${BODY}`, { outlet: 'Examplia' }],
    [
      'no outlet in a company’s logo pictured with its credit',
      `Mayor sworn in for a third term\nAcme Widgets logo\nImage: Jane Doe/Example Agency via Getty Images\n${BODY}`,
      { outlet: undefined },
    ],
    [
      'an affiliate disclosure names the site',
      `${BODY}\nIf you buy through an Examplia link, we may earn an affiliate commission.`,
      { outlet: 'Examplia' },
    ],
    [
      'a site saying it may earn a commission names itself',
      `${BODY}\nExamplia may earn a commission when you buy through links on our site.`,
      { outlet: 'Examplia' },
    ],
    ['a greeting names the site', `Welcome to Examplia\n${BODY}`, { outlet: 'Examplia' }],
    [
      'an invitation to follow it on Google News names the site, run into a "Follow us" link',
      `${BODY}\nFollow us onFollow Examplia News on Google News`,
      { outlet: 'Examplia News' },
    ],
    ['an invitation to follow a person names no outlet', `${BODY}\nFollow Jane Doe on Twitter`, { outlet: undefined }],
    [
      'a breadcrumb opening with the site’s address names it',
      `Examplia.com  » News » Rescuers reach families\nRescuers reach families\n${BODY}`,
      { outlet: 'Examplia.com', title: 'Rescuers reach families' },
    ],
    [
      'the prompt for notifications names the site, without the suffix of its address',
      `Examplia.com would like to send you notifications for breaking news alerts.\n${BODY}`,
      { outlet: 'Examplia' },
    ],
    [
      'a sign-up box names whose mail it sends',
      `Sign up to our Evening Headlines email Please enter a valid email address SIGN UP I would like to be emailed about offers, events and updates from The Example Herald. Read our privacy notice\n${BODY}`,
      { outlet: 'The Example Herald' },
    ],
    [
      'a paywall box names whose terms it binds to',
      `${BODY}\nBy signing up, you agree to Ex-Monitor’s Terms and Conditions and Privacy Policy. Already have an account? Log in`,
      { outlet: 'Ex-Monitor' },
    ],
    ['a masthead atop the page', `Northtown Daily\nFocus on the big picture.\n${BODY}`, { outlet: 'Northtown Daily' }],
    [
      'a masthead in capitals under the headline',
      `Mayor sworn in for a third term\nXYZ NEWS\n${BODY}`,
      { outlet: 'XYZ NEWS' },
    ],
    [
      'a staff photographer’s credit names the publication',
      `${BODY}\nCredit: Jane Q. Doe/EX Credit: Jane Q. Doe/EX\nThe national disaster agency said its teams would keep searching through the night.`,
      { outlet: 'EX' },
    ],
    [
      'no publication in a bought-in picture’s credit',
      `${BODY}\nCredit: Jane Q. Doe/Getty Images\nThe national disaster agency said its teams would keep searching through the night.`,
      { outlet: undefined },
    ],
    [
      'whom a source told, on a page that says the source spoke to this website',
      `${BODY}\nThe company told ExampleWire the claim was false.\nA spokesperson said last night to this website: “We sent no such letters.”`,
      { outlet: 'ExampleWire' },
    ],
    [
      'a promo for the site’s own app',
      `${BODY}\nDownload the Northtown Courier app for the latest news.`,
      { outlet: 'Northtown Courier' },
    ],
    ['an invitation to watch the outlet live', `${BODY}\nWatch Example News live`, { outlet: 'Example News' }],
    [
      'whose request for comment went unanswered',
      `${BODY}\nThe builder did not respond to the Northtown Courier’s request for comment.`,
      { outlet: 'Northtown Courier' },
    ],
    [
      'the page asking for comment by name',
      `${BODY}\nThe Examplian has contacted the builder for comment.`,
      { outlet: 'The Examplian' },
    ],
    [
      'no outlet in an agency’s request for comment, nor in a source asking for one',
      `${BODY}\nThe builder did not respond to Reuters’ request for comment.\nPolice have contacted the family for comment.`,
      { outlet: undefined },
    ],
    [
      'no outlet in whom a source told, on a page that never speaks of itself',
      `${BODY}\nThe company told ExampleWire the claim was false.`,
      { outlet: undefined },
    ],
    [
      'no masthead in a section’s name in capitals',
      `Mayor sworn in for a third term\nWORLD NEWS\n${BODY}`,
      { outlet: undefined },
    ],
    [
      'no masthead in a section’s name under the headline',
      `Mayor sworn in for a third term\nEastland Daily News\n${BODY}`,
      { outlet: undefined },
    ],
    [
      'a staff byline of the outlet’s initials, glued to "By", without its editor',
      `ByEX Correspondent | Edited by Jane Roe\n${BODY}`,
      { author: 'EX Correspondent', outlet: 'EX' },
    ],
    [
      'a dateline naming the publisher, then its agency and the day, with no dash after it',
      `CAIRO (Example News / Reuters - 13th July, 2021) ${BODY}`,
      { dateline: 'CAIRO', credit: 'Reuters', outlet: 'Example News' },
    ],
    [
      'a card’s stamp and outlet after its cut text',
      `${BODY}\nOn Sunday the mayor was sworn in for a third term. The ceremony took place before the council in the town’s... 01.01.2023, Example International`,
      { outlet: 'Example International', date: { value: '2023-01-01', precision: 'day' } },
    ],
    [
      'the outlet’s correspondent reporting from the scene',
      `${BODY}\n“He was alive,” said Example News’s Jane Doe, reporting from a rescue site in Northtown on Friday.`,
      { outlet: 'Example News' },
    ],
    [
      'an interview given exclusively to the outlet’s reporter',
      `${BODY}\nThe aid worker spoke exclusively to The Example Line’s John Roe from the crossing.`,
      { outlet: 'The Example Line' },
    ],
    [
      'the outlet saying what it can confirm',
      `${BODY}\nIn another report, Example Today News, Northtown can confirm that freezing temperatures deepened the misery.`,
      { outlet: 'Example Today News, Northtown' },
    ],
    [
      'no outlet in a source that can confirm',
      `${BODY}\nNorthtown Police can confirm that two men were arrested.`,
      { outlet: undefined },
    ],
    [
      'the page’s masthead before the article’s sentences',
      `Northtown Daily\n${BODY}\n“He was alive,” said Example News’s Jane Doe, reporting from a rescue site in Northtown on Friday.`,
      { outlet: 'Northtown Daily' },
    ],
    [
      'a dateline with a dash before the agency’s brackets as well as after them',
      `NORTHTOWN — (AP) — ${BODY}`,
      { credit: 'AP', dateline: 'NORTHTOWN' },
    ],
    ['a day-only dateline with its agency', `Feb. 7 (UPI) -- ${BODY}`, { credit: 'UPI' }],
    ['a bracketed network before the first word', `(CNN) ${BODY}`, { credit: 'CNN' }],
    [
      'a credit line with a stamp',
      `(Xinhua) 13:53, May 19, 2023\n${BODY}`,
      { credit: 'Xinhua', date: { value: '2023-05-19', precision: 'day' } },
    ],
    [
      'the publication stamp, not the update stamp',
      `2 min read Last Updated : Mar 12 2023 | 6:15 AM IST\nFeb 14, 2023, 3:26 PM | Updated: 4:08 pm\n${BODY}`,
      { date: { value: '2023-02-14', precision: 'day' } },
    ],
    [
      'the stamp glued to its byline, not the site’s calendar above the headline',
      `January 24, 2025\nMayor sworn in for a third term\nAug 07, 2023Jane DoeLocal / Politics\n${BODY}`,
      { date: { value: '2023-08-07', precision: 'day' }, author: 'Jane Doe' },
    ],
    [
      'a closing date line glued to the last paragraph',
      `${BODY}\nThe agency said its teams would keep searching through the night. – July 20, 2023`,
      { date: { value: '2023-07-20', precision: 'day' } },
    ],
    [
      'the header’s stamp before a closing date line',
      `Published Jul 19th, 2023 5:51PM EDT\n${BODY}\nThe agency said its teams would keep searching. – July 20, 2023`,
      { date: { value: '2023-07-19', precision: 'day' } },
    ],
    [
      'an author and the date on one line',
      `Town hall reopens after the fire\nJane Doe – 2nd May 2023\n${BODY}`,
      { date: { value: '2023-05-02', precision: 'day' }, author: 'Jane Doe' },
    ],
    [
      'a stamp with the weekday after the date',
      `Town hall reopens after the fire\nJane Doe\n30 August 2023 Wednesday 04:21\n${BODY}`,
      { date: { value: '2023-08-30', precision: 'day' } },
    ],
    [
      'a date line run into the first paragraph',
      `Tuesday, August 22, 2023 – ${BODY}`,
      { date: { value: '2023-08-22', precision: 'day' } },
    ],
    ['a dateline closed the Spanish way', `Northtown, Sep 8 (EFE).- ${BODY}`, { credit: 'EFE' }],
    [
      'an update stamp when it is the only one',
      `Last Updated : Mar 11 2023 | 6:15 AM IST\n${BODY}`,
      { date: { value: '2023-03-11', precision: 'day' } },
    ],
    [
      'a station crediting itself in a dateline, which is the publisher and no agency',
      `NORTHTOWN, Calif. (KEXA 5) — ${BODY}`,
      { outlet: 'KEXA 5', credit: undefined, dateline: 'NORTHTOWN' },
    ],
    [
      'stations sharing a report in a dateline, of which none is said to be the publisher',
      `NORTHTOWN, Calif. (KEXA/KEXB) - ${BODY}`,
      { outlet: undefined, credit: undefined, dateline: 'NORTHTOWN' },
    ],
    [
      'a station and its group’s desk in a dateline, which name no publisher',
      `NORTHTOWN, Calif. (KEXA/Example News) - ${BODY}`,
      { outlet: undefined, credit: undefined },
    ],
    [
      'a byline shared by a reporter and a group’s news staff names no outlet',
      `By Jane Doe and Example News staff\nPublished: Jul. 14, 2022 at 11:15 AM EDT|Updated: moments ago\n${BODY}`,
      { author: 'Jane Doe and Example News staff', outlet: undefined, date: { value: '2022-07-14', precision: 'day' } },
    ],
    [
      'a byline shared by two stations’ staff names no outlet',
      `By KEXA Staff and Example Web Staff\n${BODY}`,
      { outlet: undefined },
    ],
    [
      'a network credited for its reporters, by name',
      `${BODY}\nCNN's Jane Doe, John Roe and Ann Poe contributed to this report.`,
      { credit: 'CNN', outlet: undefined },
    ],
    ['a news agency’s financial service in a dateline', `NORTHTOWN (dpa-AFX) - ${BODY}`, { credit: 'dpa-AFX' }],
    [
      'two stamps the scrape ran together',
      `Feb. 24, 2025, 6:29 PM UTCUpdated: Feb. 24, 2025, 7:56 PM UTC\n${BODY}`,
      { date: { value: '2025-02-24', precision: 'day' } },
    ],
    [
      'a byline with the page’s stamp in brackets, which is no agency',
      `Court hears the founder\nBy Jane Doe (September 22, 2021, 4:53 PM EDT) -- ${BODY}`,
      { date: { value: '2021-09-22', precision: 'day' }, author: 'Jane Doe', credit: undefined },
    ],
    [
      'a masthead’s date of the current issue, which is not the article’s',
      `Wednesday, July 10, 2024 | Back issues\n${BODY}`,
      { date: undefined },
    ],
    ['an invitation to watch the video, which names no outlet', `${BODY}\nWatch the video`, { outlet: undefined }],
    [
      'a site’s name after the headline, where the page prints it bare too',
      `Rescuers reach families in collapsed block - Northtown Metro\nRescuers reach families in collapsed block\n${BODY}`,
      { outlet: 'Northtown Metro', title: 'Rescuers reach families in collapsed block' },
    ],
    [
      'a station’s credit in its dateline, where the page invites to its network',
      `Watch Example News\nRescuers reach families in collapsed block\nNORTHTOWN (KEXA 5) -- ${BODY}`,
      { outlet: 'KEXA 5', dateline: 'NORTHTOWN' },
    ],
    [
      'an agency named alone under the headline',
      `Rescuers reach families in collapsed block\nThe Associated Press\n${BODY}`,
      { credit: 'AP' },
    ],
    [
      'an agency named alone under a caption without a credit, which is the picture’s',
      `Rescuers reach families in collapsed block\nA rescuer carries a child from the rubble of the block.\nReuters\n${BODY}`,
      { credit: undefined },
    ],
    [
      'a stamp labelled "Date:" with its time run into it',
      `Rescuers reach families in collapsed block\nDate:2025-04-15 21:23:18\n${BODY}`,
      { date: { value: '2025-04-15', precision: 'day' } },
    ],
    [
      'the page’s details set out as a list, each label an item and its value the next',
      `Rescuers reach families in collapsed block\n- Author:\n- Jane Doe\n- Date:\n- 15 April 2025\n${BODY}`,
      { author: 'Jane Doe', date: { value: '2025-04-15', precision: 'day' } },
    ],
    [
      'the page’s details as a list marked with any symbol the segmenter reads as a bullet',
      `Rescuers reach families in collapsed block\n● Author:\n● Jane Doe\n${BODY}`,
      { author: 'Jane Doe' },
    ],
    [
      'a dateline the page set on a line of its own, crediting the outlet',
      `Rescuers reach families in collapsed block\nNorthtown (Example News) —\n${BODY}`,
      { outlet: 'Example News' },
    ],
    [
      'an author bio naming a beat gives the publisher',
      `${BODY}\nJane Doe covers labor and the economy for The Example Times.`,
      { outlet: 'The Example Times' },
    ],
    [
      'an invitation to catch all the news on the outlet',
      `${BODY}\nCatch all the Science News, Breaking News Events and Latest News Updates on Example Mint.`,
      { outlet: 'Example Mint' },
    ],
  ])('%s', (_what, page, meta) => {
    const found = cleanArticle(page).meta;
    for (const [key, value] of Object.entries(meta)) expect(found[key as keyof typeof found], key).toEqual(value);
  });
});
