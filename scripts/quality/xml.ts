/**
 * The check of every XML file the build writes (the feeds and the sitemap), run at the
 * end of `npm run build` by scripts/check-xml.ts. Each file must be:
 * - UTF-8 holding only characters XML 1.0 allows, and well-formed (fast-xml-parser's
 *   validator, a strict parser);
 * - free of what the writer never writes and markup smuggled in by content would need:
 *   a DOCTYPE, comments, CDATA sections, processing instructions after the declaration;
 * - made only of its format's elements, each where the format puts it, with only the
 *   format's attributes and namespace declarations (RSS 2.0 with atom:link,
 *   dc:creator and an item's atom:updated; the sitemap protocol with xhtml:link);
 * - saying what the archive says: every feed item's title, summary, creator, topics,
 *   link, date and date of change read back equal to the story's (a description as a reader
 *   shows it: HTML holding the summary's text and no markup), the sitemap's entries to the pages'.
 * A problem names the file, the element and what is wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { creatorOf } from '../../lib/views/credits';
import { storyInstant } from '../../lib/site/dates';
import { modifiedDate } from '../../lib/views/revisions';
import { everyFeedSpec, topicNamesOf, type FeedSource, type FeedSpec } from '../../lib/outputs/feeds';
import { LANGUAGE_TAGS } from '../../lib/site/i18n';
import { sharingImage } from '../../lib/images/published';
import { RSS_NAMESPACES } from '../../lib/outputs/rss';
import type { Archive } from '../../lib/content/schema';
import { SITEMAP_NAMESPACES, sitemapEntries, type SitemapEntry } from '../../lib/outputs/sitemap';
import { absoluteUrl, sitemapUrl, storyUrl } from '../../lib/site/urls';
import { filesUnder } from './html-files';

/** Where an element may stand and what it may carry. */
interface ElementRule {
  /** The elements it may be a child of; none for the root. */
  parents: readonly string[];
  /** Its attributes: a fixed value (required), or `null` for any value (optional). */
  attributes?: Readonly<Record<string, string | null>>;
  /** Whether it holds text; otherwise it holds elements only (and whitespace between them). */
  text: boolean;
}

/** The elements of one XML format, by qualified name. */
export type XmlFormat = Readonly<Record<string, ElementRule>>;

const text = (parents: readonly string[], attributes?: Record<string, null>): ElementRule => ({
  parents,
  text: true,
  ...(attributes ? { attributes } : {}),
});

/** RSS 2.0's channel and item elements that hold text, with the Atom self link and Dublin Core's creator. */
export const RSS_FORMAT: XmlFormat = {
  rss: {
    parents: [],
    attributes: {
      version: '2.0',
      'xmlns:atom': RSS_NAMESPACES.atom,
      'xmlns:dc': RSS_NAMESPACES.dc,
      'xmlns:media': RSS_NAMESPACES.media,
    },
    text: false,
  },
  channel: { parents: ['rss'], text: false },
  item: { parents: ['channel'], text: false },
  'atom:link': { parents: ['channel'], attributes: { href: null, rel: null, type: null }, text: false },
  ...Object.fromEntries(['title', 'link', 'description', 'pubDate'].map((name) => [name, text(['channel', 'item'])])),
  category: text(['channel', 'item'], { domain: null }),
  ...Object.fromEntries(
    ['language', 'copyright', 'managingEditor', 'webMaster', 'lastBuildDate', 'generator', 'docs', 'ttl'].map(
      (name) => [name, text(['channel'])],
    ),
  ),
  ...Object.fromEntries(['author', 'comments', 'dc:creator', 'atom:updated'].map((name) => [name, text(['item'])])),
  guid: text(['item'], { isPermaLink: null }),
  source: text(['item'], { url: null }),
  'media:content': {
    parents: ['item'],
    attributes: { url: null, type: null, medium: null, width: null, height: null },
    text: false,
  },
  'media:description': text(['media:content']),
};

/** The sitemap protocol's elements, with XHTML's link for hreflang alternates. */
export const SITEMAP_FORMAT: XmlFormat = {
  urlset: {
    parents: [],
    attributes: { xmlns: SITEMAP_NAMESPACES.sitemap, 'xmlns:xhtml': SITEMAP_NAMESPACES.xhtml },
    text: false,
  },
  url: { parents: ['urlset'], text: false },
  ...Object.fromEntries(['loc', 'lastmod', 'changefreq', 'priority'].map((name) => [name, text(['url'])])),
  'xhtml:link': { parents: ['url'], attributes: { rel: 'alternate', hreflang: null, href: null }, text: false },
};

const ATTRIBUTES = ':@';
const TEXT = '#text';

/** Elements in document order with their attributes; texts as they were written (entities decoded). */
const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
});

type OrderedNode = Record<string, unknown>;

/** The first character XML 1.0 does not allow (Char production), with its index. */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Problems of the document's form, without looking at what it says. Empty when the document is well-formed and only of `format`. */
export function xmlFormProblems(xml: string, format: XmlFormat): string[] {
  const bad = NOT_XML_CHARACTER.exec(xml);
  if (bad)
    return [
      `holds a character XML does not allow, U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}, at offset ${bad.index}`,
    ];
  if (!xml.startsWith('<?xml ')) return ['does not start with the XML declaration'];
  // In a well-formed document without comments and CDATA sections, "<" in text is always
  // escaped, so any "<!" is a DOCTYPE, comment or CDATA section, and any "<?" a processing instruction.
  const declarationEnd = xml.indexOf('?>');
  const markup = /<!|<\?/.exec(xml.slice(declarationEnd));
  if (markup)
    return [
      `holds "${xml.slice(declarationEnd + markup.index, declarationEnd + markup.index + 12)}…": a DOCTYPE, comment, CDATA section or processing instruction, which the build never writes`,
    ];
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return [`is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`];
  const problems: string[] = [];
  walk(orderedParser.parse(xml) as OrderedNode[], undefined, '', format, problems);
  return problems;
}

function nameOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ATTRIBUTES);
}

function walk(
  nodes: readonly OrderedNode[],
  parent: string | undefined,
  where: string,
  format: XmlFormat,
  problems: string[],
): void {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === undefined) continue;
    if (name === TEXT) {
      const value = String(node[TEXT]);
      if (value.trim() !== '' && (parent === undefined || !format[parent]?.text))
        problems.push(`${where || '/'}: text "${value.trim().slice(0, 40)}" where only elements belong`);
      continue;
    }
    const index = (counts.get(name) ?? 0) + 1;
    counts.set(name, index);
    const at = `${where}/${name}${index > 1 ? `[${index}]` : ''}`;
    const rule = format[name];
    if (!rule || !(parent === undefined ? rule.parents.length === 0 : rule.parents.includes(parent))) {
      problems.push(
        `${at}: the element <${name}> does not belong ${parent === undefined ? 'at the root' : `in <${parent}>`}`,
      );
      continue;
    }
    const attributes = (node[ATTRIBUTES] ?? {}) as Record<string, string>;
    for (const [attribute, value] of Object.entries(attributes)) {
      const allowed = rule.attributes?.[attribute];
      if (allowed === undefined)
        problems.push(`${at}: the attribute ${attribute}="${value}" does not belong on <${name}>`);
      else if (allowed !== null && allowed !== value)
        problems.push(`${at}: ${attribute}="${value}", expected "${allowed}"`);
    }
    for (const [attribute, value] of Object.entries(rule.attributes ?? {})) {
      if (value !== null && !(attribute in attributes))
        problems.push(`${at}: the attribute ${attribute}="${value}" is missing`);
    }
    walk((node[name] ?? []) as OrderedNode[], name, at, format, problems);
  }
}

/** Reads what a document says; lists are always lists, texts exactly as written. */
const contentParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'category', 'url', 'xhtml:link'].includes(name),
});

type Element = Record<string, unknown>;

/** The text of an element as read: a string, or its text beside attributes; '' for an empty one. */
function textValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'object' && value !== null && TEXT in value ? String((value as Element)[TEXT]) : '';
}

/** The text of a child element, undefined when it is missing. */
function textOf(element: Element | undefined, name: string): string | undefined {
  const value = element?.[name];
  return value === undefined ? undefined : textValue(value);
}

/**
 * What a reader shows of a description, which RSS 2.0 makes HTML: its text when it holds text only, or else the markup
 * it would make of it (its elements, comments and other nodes by name).
 */
export function descriptionShown(html: string | undefined): string | { markup: string[] } | undefined {
  if (html === undefined) return undefined;
  const nodes = parseFragment(html).childNodes;
  const texts = nodes.filter((node): node is DefaultTreeAdapterTypes.TextNode => node.nodeName === '#text');
  return texts.length === nodes.length
    ? texts.map((node) => node.value).join('')
    : { markup: nodes.filter((node) => node.nodeName !== '#text').map((node) => node.nodeName) };
}

function compare(problems: string[], at: string, what: string, found: unknown, expected: unknown): void {
  if (JSON.stringify(found) !== JSON.stringify(expected))
    problems.push(`${at}: ${what} reads ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
}

/** Whether a feed says what the archive says: the channel, and each item against its story. */
export function feedContentProblems(xml: string, spec: FeedSpec, source: FeedSource, base: URL): string[] {
  const problems: string[] = [];
  const channel = ((contentParser.parse(xml) as Element).rss as Element | undefined)?.channel as Element | undefined;
  compare(problems, '/rss/channel', 'the title', textOf(channel, 'title'), spec.title);
  compare(
    problems,
    '/rss/channel',
    'the description',
    descriptionShown(textOf(channel, 'description')),
    spec.description,
  );
  compare(problems, '/rss/channel', 'the link', textOf(channel, 'link'), absoluteUrl(spec.page, base));
  compare(problems, '/rss/channel', 'the language', textOf(channel, 'language'), LANGUAGE_TAGS[spec.locale]);
  compare(
    problems,
    '/rss/channel',
    'the self link',
    (channel?.['atom:link'] as Element | undefined)?.['@href'],
    absoluteUrl(spec.path, base),
  );
  const items = (channel?.item ?? []) as Element[];
  compare(problems, '/rss/channel', 'the number of items', items.length, spec.stories.length);
  spec.stories.forEach((story, index) => {
    const item = items[index];
    const article = story.articles[spec.locale];
    if (!item || !article) return;
    const at = `/rss/channel/item[${index + 1}]`;
    const link = absoluteUrl(storyUrl(spec.locale, story.id), base);
    compare(problems, at, 'the link', textOf(item, 'link'), link);
    compare(problems, at, 'the guid', textOf(item, 'guid'), link);
    compare(problems, at, `the title of ${article.file}`, textOf(item, 'title'), article.title);
    compare(
      problems,
      at,
      `the summary of ${article.file}`,
      descriptionShown(textOf(item, 'description')),
      article.summary,
    );
    compare(problems, at, 'the creator', textOf(item, 'dc:creator'), creatorOf(article)?.name);
    compare(
      problems,
      at,
      'the topics',
      ((item.category ?? []) as unknown[]).map(textValue),
      topicNamesOf(story, source.topics, spec.locale),
    );
    compare(problems, at, 'the date', textOf(item, 'pubDate'), storyInstant(story.date).toUTCString());
    const modified = modifiedDate(article);
    compare(
      problems,
      at,
      'the date of change',
      textOf(item, 'atom:updated'),
      modified === undefined ? undefined : storyInstant(modified).toISOString(),
    );
    const media = item['media:content'] as Element | undefined;
    compare(
      problems,
      at,
      `the lead image of ${article.file}`,
      media && { url: media['@url'], alt: textOf(media, 'media:description') },
      article.image && { url: absoluteUrl(sharingImage(article.image).url, base), alt: article.image.alt },
    );
  });
  return problems;
}

/** Whether the sitemap lists the entries the build meant to write, in order, each with its alternates and date. */
export function sitemapContentProblems(xml: string, entries: readonly SitemapEntry[]): string[] {
  const problems: string[] = [];
  const urls = (((contentParser.parse(xml) as Element).urlset as Element | undefined)?.url ?? []) as Element[];
  compare(problems, '/urlset', 'the number of entries', urls.length, entries.length);
  entries.forEach((entry, index) => {
    const url = urls[index];
    if (!url) return;
    const at = `/urlset/url[${index + 1}]`;
    compare(problems, at, 'the address', textOf(url, 'loc'), entry.url);
    compare(problems, at, 'the date', textOf(url, 'lastmod'), entry.lastModified);
    const links = (url['xhtml:link'] ?? []) as Element[];
    compare(
      problems,
      at,
      'the alternates',
      links.length > 0 ? Object.fromEntries(links.map((link) => [link['@hreflang'], link['@href']])) : undefined,
      entry.alternates,
    );
  });
  return problems;
}

/** A file the build writes as XML: its format, and what it must say. */
interface ExpectedXml {
  format: XmlFormat;
  contentProblems: (xml: string) => string[];
}

/** Every XML file the build must write, by its path in `out/`. */
function expectedXmlFiles(archive: Archive, base: URL): Map<string, ExpectedXml> {
  const expected = new Map<string, ExpectedXml>();
  for (const spec of everyFeedSpec(archive)) {
    expected.set(spec.path.slice(1), {
      format: RSS_FORMAT,
      contentProblems: (xml) => feedContentProblems(xml, spec, archive, base),
    });
  }
  const entries = sitemapEntries(archive, base);
  expected.set(sitemapUrl().slice(1), {
    format: SITEMAP_FORMAT,
    contentProblems: (xml) => sitemapContentProblems(xml, entries),
  });
  return expected;
}

/**
 * Checks every `.xml` file under `outDir` against the archive it was built from.
 * Returns how many files were checked and every problem, each as `file: where: what`.
 */
export function checkBuiltXml(outDir: string, archive: Archive, base: URL): { checked: number; problems: string[] } {
  const expected = expectedXmlFiles(archive, base);
  const files = filesUnder(outDir)
    .filter((file) => file.endsWith('.xml'))
    .sort();
  const problems: string[] = [];
  for (const file of files) {
    const shown = path.posix.join(outDir, file);
    const wanted = expected.get(file);
    if (!wanted) {
      problems.push(
        `${shown}: no XML file of this name is written by the build (feeds and the sitemap only), so none is checked for it`,
      );
      continue;
    }
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(outDir, file)));
    } catch {
      problems.push(`${shown}: is not valid UTF-8`);
      continue;
    }
    const form = xmlFormProblems(xml, wanted.format);
    problems.push(...(form.length > 0 ? form : wanted.contentProblems(xml)).map((problem) => `${shown}: ${problem}`));
  }
  const written = new Set(files);
  for (const file of expected.keys())
    if (!written.has(file))
      problems.push(`${path.posix.join(outDir, file)}: missing: the build should have written it`);
  return { checked: files.length, problems };
}
