import { dictionary, type Locale } from '@/lib/site/i18n';
import { shareLinks, type ShareService } from '@/lib/outputs/share-links';

/**
 * A story's share links, and a copy-link button that the page script reveals and runs
 * where the browser can write to the clipboard (without it the button stays hidden).
 * The status line tells a screen reader whether the copy worked.
 */
export function ShareStory({ url, title, locale }: { url: string; title: string; locale: Locale }) {
  const words = dictionary(locale);
  const names: Record<ShareService, string> = {
    email: words.shareByEmail,
    facebook: 'Facebook',
    x: 'X',
    zalo: 'Zalo',
  };
  return (
    <section aria-labelledby="share" className="share">
      <h2 id="share">{words.shareTitle}</h2>
      <ul>
        <li hidden>
          <button type="button" data-copy-link={url}>
            {words.copyLink}
          </button>
        </li>
        {shareLinks(url, title).map((link) => (
          <li key={link.service}>
            <a href={link.href} data-share={link.service}>
              {names[link.service]}
            </a>
          </li>
        ))}
      </ul>
      <p className="share__status" role="status" data-copied={words.linkCopied} data-not-copied={words.linkNotCopied} />
    </section>
  );
}
