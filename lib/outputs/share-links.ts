/**
 * Where a reader can send a story: plain addresses of each service's own share page, so
 * sharing loads none of their scripts, and nothing leaves the page until the reader
 * follows a link.
 */

export type ShareService = 'email' | 'facebook' | 'x' | 'zalo';

interface ShareLink {
  service: ShareService;
  href: string;
}

/** The share links of the page at `url` (absolute) whose title is `title`. */
export function shareLinks(url: string, title: string): ShareLink[] {
  const address = encodeURIComponent(url);
  return [
    { service: 'email', href: `mailto:?subject=${encodeURIComponent(title)}&body=${address}` },
    { service: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${address}` },
    { service: 'x', href: `https://x.com/intent/tweet?url=${address}&text=${encodeURIComponent(title)}` },
    { service: 'zalo', href: `https://sp.zalo.me/share?url=${address}` },
  ];
}
