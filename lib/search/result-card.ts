/**
 * Why a result card's story is there, as the card shows it (components/search-page.tsx renders it): its title and a
 * passage marked as search matched them (lib/search/highlight.ts), its date where the query names that day, the words
 * it holds only in another form, and the credits and tags whose names hold the words the marks do not show.
 */
import { formatStoryDate } from '../site/dates';
import type { Locale } from '../site/locales';
import { foldedWords } from '../text/text-fold';
import { ENTITY_KINDS, type EntityKind } from '../views/entities';
import {
  CREDIT_ORDER,
  entityKey,
  entityNames,
  splitEntityKey,
  type SearchCredit,
  type SearchDoc,
  type SearchEntity,
} from './documents';
import { dateWithoutYear, isDatedAs, queryDateTerm, storyDateTerms, wordsWithDate } from './date-terms';
import {
  highlight,
  nameHolds,
  namingRun,
  showsEveryWord,
  snippet,
  tagsHoldingEachWord,
  unshownTerms,
  wholeWordsShown,
  withLastWordWhereWhole,
  wordsInAnotherForm,
  type MatchKind,
  type TextPart,
} from './highlight';
import type { FacetKind, SearchHit } from './query';
import { querySyllables, withoutMarks, type Syllable } from './syllables';

export interface ResultCardSetting {
  doc: SearchDoc;
  hit: SearchHit;
  /** How search listed the story: as holding the words together, or apart (lib/search/query.ts). */
  listedAs: MatchKind;
  /** The page's language. */
  locale: Locale;
  /** The query's words (highlight.ts `queryTerms`). */
  typed: readonly Syllable[];
  entityName: (kind: FacetKind, id: string) => string;
  entityOf: (kind: EntityKind, id: string) => SearchEntity | undefined;
}

export interface ResultCard {
  title: TextPart[];
  date: TextPart;
  excerpt: TextPart[];
  /** The words the story holds only with other marks or in another form, as it writes them. */
  otherForms: string[];
  credits: { role: (typeof CREDIT_ORDER)[number]; parts: TextPart[]; otherName: TextPart[] }[];
  /** The tags named, each by its name in the page's language and, where another of its names matched, that one too. */
  tags: string[];
}

/** What a result card marks and names. */
export function resultCard({ doc, hit, listedAs, locale, typed, entityName, entityOf }: ResultCardSetting): ResultCard {
  const storyTags = ENTITY_KINDS.flatMap((tagKind) => doc[tagKind].map((id) => [tagKind, id] as const));
  // A tag or a credit holds the words as search finds a story by its names, whichever way the query reached it.
  const tagHolds =
    (words: readonly Syllable[], kind: MatchKind) =>
    ([tagKind, id]: readonly [EntityKind, string]): boolean => {
      const entity = entityOf(tagKind, id);
      return entity !== undefined && entityNames(entity).some((name) => nameHolds(name, words, kind));
    };
  // A credit is searched by its name and every name of the registry entry it names (lib/search/search-index.ts): the
  // card names the credits that hold the words, as the article's page shows them.
  const creditNames = (credit: SearchCredit) => {
    const entity = credit.entity === undefined ? undefined : entityOf(...splitEntityKey(credit.entity));
    return [credit.name, ...(entity ? entityNames(entity) : [])];
  };
  const creditHolds = (words: readonly Syllable[], kind: MatchKind) => (credit: SearchCredit) =>
    creditNames(credit).some((name) => nameHolds(name, words, kind));
  // The query's last word is a word of its own where the card holds it so, and marked only so.
  const cardTerms = (words: readonly Syllable[]) =>
    withLastWordWhereWhole(
      [
        doc.title,
        doc.summary,
        doc.text,
        ...Object.values(doc.credits).flatMap(creditNames),
        ...storyTags.flatMap((tag) => {
          const entity = entityOf(...tag);
          return entity ? entityNames(entity) : [];
        }),
      ],
      words,
      listedAs,
    );
  const holdsTogether = (run: readonly Syllable[]) =>
    [doc.title, doc.summary, doc.text].some((text) => highlight(text, run, 'together').some((part) => part.match));
  const typedTerms = cardTerms(typed);
  // A story of a query of words and a date after them that does not hold the query as typed ("Decree 13/2023" for
  // "Decree 13 2023") is there for those words (lib/search/query.ts `storiesOfWordsDated`): the card marks them where
  // they stand, and the story's date when it is dated then.
  const withDate = wordsWithDate(typed);
  const wordsBeforeDate = withDate !== undefined && !holdsTogether(typedTerms);
  const byDate = wordsBeforeDate && isDatedAs(doc.date, withDate);
  const terms = wordsBeforeDate ? cardTerms(withDate.words) : typedTerms;
  // A story is a result for a credit whose name the query holds and the query's other words (lib/search/query.ts
  // `storiesCreditedByName`): the card names that credit too.
  const namedCredits = Object.values(doc.credits).filter(
    (credit) => listedAs === 'together' && namingRun(terms, creditNames(credit)) !== undefined,
  );
  // Search tells words together by their pairs and runs of three, each found somewhere: a story of four or more words
  // whose runs of three stand apart, tagged with none of them, has no run of them to mark, and shows them where they
  // stand. A story that names the day or month the query names without its year holds that together too (lib/search/
  // query.ts `storiesNamingDateInYear`), and marks it there.
  const dateInText = dateWithoutYear(typed);
  const holdsRun = listedAs === 'together' && [terms, ...(dateInText ? [dateInText] : [])].some(holdsTogether);
  // A story dated the day the query names is there for its date, which the card marks.
  const dateTerm = queryDateTerm(typed);
  const date: TextPart = {
    text: formatStoryDate(doc.date, locale),
    match: byDate || (dateTerm !== undefined && storyDateTerms(doc.date).includes(dateTerm)),
  };
  const shownApart =
    listedAs === 'together' &&
    !date.match &&
    hit.tags.length === 0 &&
    !storyTags.some(tagHolds(terms, listedAs)) &&
    !Object.values(doc.credits).some(creditHolds(terms, listedAs)) &&
    namedCredits.length === 0 &&
    !holdsRun;
  // Listed apart for its date, a story that holds the words before the date together shows them so.
  const shownTogether = listedAs === 'apart' && wordsBeforeDate && holdsTogether(terms);
  const kind: MatchKind = shownApart ? 'apart' : shownTogether ? 'together' : listedAs;
  // Listed for a tag whose name the query holds, without the query's other words: the name is what matched.
  const tagNames = hit.tags.flatMap((key) => {
    const entity = entityOf(...splitEntityKey(key));
    return entity ? entityNames(entity) : [];
  });
  const naming =
    kind === 'together' && !holdsRun
      ? namingRun(terms, [...tagNames, ...namedCredits.flatMap(creditNames)])
      : undefined;
  const marking = naming ?? terms;
  // And the query's words before and after the name, each run where the story holds it ("rehearsal" of "Luong Cuong
  // rehearsal").
  const namedAt = naming ? terms.indexOf(naming[0] as Syllable) : -1;
  const besides = naming
    ? [terms.slice(0, namedAt), terms.slice(namedAt + naming.length)].filter((run) => run.length > 0)
    : [];
  // The day the query names is marked where the text names it without the year ("On October 23").
  const others = dateInText ? [...besides, dateInText] : besides;
  const title = highlight(doc.title, marking, kind, others);
  // The body's passage, unless the summary shows more of the words as typed ("UN" in a summary, "United" in the body).
  const fromBody = snippet(doc.text, marking, kind, others);
  const fromSummary = highlight(doc.summary, marking, kind, others);
  const excerpt =
    fromBody && wholeWordsShown(fromBody, terms) >= wholeWordsShown(fromSummary, terms) ? fromBody : fromSummary;
  // A topic and an organisation may share a name ("Command 86"): the card names it once.
  // Where the marks do not show every word, the card names the tags that hold them: the entities the query names, and
  // those with a name that has each word ("Ministry of Defence", "Ministry of National Defence").
  // A story listed apart may hold the words in a tag's name with other marks, as search found it.
  const nameTerms = kind === 'apart' ? withoutMarks(terms) : terms;
  const holding = tagHolds(nameTerms, kind);
  // On a card listed apart, a credit whose names hold some of the words the title and passage do not show is named
  // too: a story may hold the words between its text and its credits ("Quân đội nhân dân Việt Nam": "Vietnam" in the
  // text, the rest in the source's Vietnamese name), and each is marked where it stands.
  const unshownInText = kind === 'apart' ? unshownTerms([...title, ...excerpt], nameTerms) : [];
  const holdsUnshown = (name: string) => unshownInText.some((term) => nameHolds(name, [term], kind));
  const credits = CREDIT_ORDER.flatMap((role) => {
    const credit = doc.credits[role];
    const holds = credit && (creditHolds(nameTerms, kind)(credit) || creditNames(credit).some(holdsUnshown));
    if (!credit || !(holds || namedCredits.includes(credit))) return [];
    // A credit the query names is marked by the run that names it, whatever else the card marks ("Van Chien Command 86").
    const creditNaming = namedCredits.includes(credit) ? namingRun(terms, creditNames(credit)) : undefined;
    const parts = highlight(credit.name, creditNaming ?? marking, kind);
    // Held only by another name of the entry it names (the other language's, an alias): the card shows that name too,
    // as it does a tag's ("Doi" on an English card: People's Army Newspaper, Báo Quân đội nhân dân).
    const other = parts.some((part) => part.match)
      ? undefined
      : (creditNames(credit).find((name) => name !== credit.name && nameHolds(name, nameTerms, kind)) ??
        creditNames(credit).find((name) => name !== credit.name && holdsUnshown(name)));
    return [{ role, parts, otherName: other === undefined ? [] : highlight(other, creditNaming ?? marking, kind) }];
  });
  // A credit's other name shows why the credit is listed, not why the story is: the tags the query names are still named.
  const shown = [date, ...title, ...excerpt, ...credits.flatMap(({ parts }) => parts)];
  const named = [...hit.tags.map(splitEntityKey), ...storyTags.filter(holding)];
  // A story listed apart may hold a word typed with marks only with other marks: the card names those words.
  const otherForms = kind === 'apart' ? wordsInAnotherForm([doc.title, doc.summary, doc.text], shown, terms) : [];
  // The words the card shows nowhere, neither marked (a credit's other name too) nor named in another form: those the
  // tags between them name.
  const unshown = unshownTerms(
    [...shown, ...credits.flatMap(({ otherName }) => otherName), ...otherForms.map((text) => ({ text, match: true }))],
    nameTerms,
  );
  // No one tag holds the words the card does not show: the tags that hold them between them.
  const between = () =>
    tagsHoldingEachWord(
      storyTags.map((tag) => {
        const entity = entityOf(...tag);
        return { tag, names: entity ? entityNames(entity) : [] };
      }),
      unshown,
      nameTerms,
      kind,
    );
  // A tag named for words its name in the page's language does not have, only another name or an alias ("MND",
  // "Bộ Tư lệnh Tác chiến không gian mạng" on an English card), is named with that name too: for a tag the query names,
  // the name it names it by; for another, a name that holds a word the card does not show.
  const tagLabel = ([tagKind, id]: readonly [EntityKind, string]) => {
    const label = entityName(tagKind, id);
    const entity = entityOf(tagKind, id);
    const namedByQuery = hit.tags.includes(entityKey(tagKind, id));
    // The query names a tag by a name whole, by its start, or by its words together inside a longer name ("Lê Quý
    // Đôn": "Đại học Kỹ thuật Lê Quý Đôn"; "Hưng": "Lê Văn Hưng", not "Le Van Hung").
    const explains = namedByQuery
      ? (name: string) =>
          namingRun(terms, [name]) !== undefined || highlight(name, terms, 'together').some((part) => part.match)
      : (name: string) => unshown.some((term) => nameHolds(name, [term], kind));
    // Of the names the query may be typing, one it holds whole first ("QĐND", not "QĐNDVN").
    const typedWhole = (name: string) =>
      namedByQuery &&
      namingRun(terms, [name])
        ?.map((term) => term.folded)
        .join(' ') === foldedWords(name).join(' ');
    const names = entity ? entityNames(entity) : [];
    // Of the names that hold the words, a Vietnamese page prefers one written with Vietnamese marks ("Đại học Kỹ thuật Lê
    // Quý Đôn", not "Le Quy Don Technical University"); an English page has its English name first already.
    const unmarkedOnVietnamesePage = (name: string) =>
      locale === 'vi' && !querySyllables(name).some((word) => word.marked);
    const pageLanguageFirst = [...names].sort(
      (a, b) => Number(unmarkedOnVietnamesePage(a)) - Number(unmarkedOnVietnamesePage(b)),
    );
    const other = entity && !explains(label) ? (names.find(typedWhole) ?? pageLanguageFirst.find(explains)) : undefined;
    return other ? `${label} (${other})` : label;
  };
  const tags = showsEveryWord(shown, terms) ? [] : [...new Set((named.length > 0 ? named : between()).map(tagLabel))];
  return { title, date, excerpt, otherForms, credits, tags };
}
