/** An RSS item as fast-xml-parser reads it (attributes prefixed with `@`), for the feed tests. */
export interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; '@isPermaLink': string };
  pubDate: string;
  description: string;
  category?: string[];
  'dc:creator'?: { '#text': string; '@xmlns:dc': string };
}
