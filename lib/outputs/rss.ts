/**
 * The RSS 2.0 document: a channel and its items as XML (lib/outputs/xml.ts escapes every value).
 * What goes into a feed is lib/outputs/feeds.ts's concern; this module only knows the format:
 * RSS 2.0 with the Atom `self` link, Dublin Core's `dc:creator` for a named author, and
 * `atom:updated` for an item changed after publication (RSS 2.0 has no element of its own
 * for that; the Atom namespace is declared for the self link anyway), and Media RSS's
 * `media:content` for the story's lead image (an enclosure would need the file's length
 * in bytes, which the pages are written without). A description is HTML in RSS 2.0 (entity-
 * encoded), which readers show as markup, so the plain text of a summary is written as the HTML
 * of that text; the other elements hold plain text.
 */
import { textElement, xmlDocument, type XmlElement } from './xml';

/** The namespaces a feed declares on its root, by prefix. */
export const RSS_NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** An item's image: its absolute address, type, size and alt text. */
export interface RssImage {
  url: string;
  type: string;
  width: number;
  height: number;
  description: string;
}

export interface RssItem {
  title: string;
  /** The page's address, also its permalink guid: the page is the item's identity. */
  link: string;
  published: Date;
  /** When the item last changed after publication, if it did. */
  updated?: Date;
  description: string;
  categories: readonly string[];
  creator?: string;
  image?: RssImage;
}

interface RssChannel {
  title: string;
  description: string;
  /** The page the feed follows, and the feed's own address (atom:link rel="self"). */
  link: string;
  self: string;
  /** A BCP 47 language tag. */
  language: string;
  updated?: Date;
  items: readonly RssItem[];
}

/** The HTML that shows `text` as it is: a description's `<b>` must reach a reader as text, never as an element. */
const htmlOfText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RFC 822 dates, as RSS 2.0 requires (`Wed, 01 Jan 2025 05:00:00 GMT`). */
const rfc822 = (date: Date) => date.toUTCString();

function itemElement(item: RssItem): XmlElement {
  return {
    name: 'item',
    children: [
      textElement('title', item.title),
      textElement('link', item.link),
      textElement('guid', item.link, { isPermaLink: 'true' }),
      textElement('pubDate', rfc822(item.published)),
      textElement('description', htmlOfText(item.description)),
      ...item.categories.map((category) => textElement('category', category)),
      ...(item.creator === undefined ? [] : [textElement('dc:creator', item.creator)]),
      // Atom dates are RFC 3339.
      ...(item.updated === undefined ? [] : [textElement('atom:updated', item.updated.toISOString())]),
      ...(item.image === undefined ? [] : [imageElement(item.image)]),
    ],
  };
}

function imageElement(image: RssImage): XmlElement {
  return {
    name: 'media:content',
    attributes: {
      url: image.url,
      type: image.type,
      medium: 'image',
      width: String(image.width),
      height: String(image.height),
    },
    children: [textElement('media:description', image.description)],
  };
}

/** The feed as an RSS 2.0 document. */
export function rssDocument(channel: RssChannel): string {
  return xmlDocument({
    name: 'rss',
    attributes: {
      version: '2.0',
      'xmlns:atom': RSS_NAMESPACES.atom,
      'xmlns:dc': RSS_NAMESPACES.dc,
      'xmlns:media': RSS_NAMESPACES.media,
    },
    children: [
      {
        name: 'channel',
        children: [
          textElement('title', channel.title),
          textElement('link', channel.link),
          textElement('description', htmlOfText(channel.description)),
          ...(channel.updated ? [textElement('lastBuildDate', rfc822(channel.updated))] : []),
          textElement('docs', 'https://validator.w3.org/feed/docs/rss2.html'),
          textElement('language', channel.language),
          { name: 'atom:link', attributes: { href: channel.self, rel: 'self', type: 'application/rss+xml' } },
          ...channel.items.map(itemElement),
        ],
      },
    ],
  });
}
