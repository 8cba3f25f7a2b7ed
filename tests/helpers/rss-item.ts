/** An RSS item as fast-xml-parser reads it (attributes prefixed with `@`), for the feed tests. */
export interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; '@isPermaLink': string };
  pubDate: string;
  description: string;
  category?: string[];
  /** Dublin Core's namespace is declared on the feed's root. */
  'dc:creator'?: string;
}
