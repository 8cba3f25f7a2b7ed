import { renderToStaticMarkup } from 'react-dom/server';
import { CONTENT_SECURITY_POLICY } from '@/lib/finishing/csp';
import { dictionary } from '@/lib/site/i18n';
import type { StoryRedirect } from '@/lib/views/story-redirects';
import { absoluteUrl, homeUrl } from '@/lib/site/urls';

/**
 * The page at an address that leads to a story kept elsewhere (lib/views/story-redirects.ts).
 * At a renamed story's old address browsers follow the refresh at once, and readers whose
 * browser does not refresh get a link. At a story's address in a language it was not written
 * in, the reader is told so in the language they chose, and offered the story and the home
 * page: it does not refresh, as the reader asked for a language the story is not in. The
 * canonical link tells search engines where the story lives and `noindex` keeps this address
 * out of their results. It runs no script, so it needs nothing of the site's pages and is
 * written whole here.
 */
function StoryMovedPage({ redirect, base }: { redirect: StoryRedirect; base: URL }) {
  const words = dictionary(redirect.locale);
  const renamed = redirect.reason === 'renamed';
  const heading = renamed ? words.storyMovedTitle : words.onlyInOtherLanguage;
  return (
    <html lang={redirect.locale}>
      {/* eslint-disable-next-line @next/next/no-head-element -- written outside Next (scripts/story-redirects.ts), where next/head does nothing */}
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        {renamed && <meta httpEquiv="refresh" content={`0; url=${redirect.target}`} />}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${heading} · ${words.siteName}`}</title>
        <link rel="canonical" href={absoluteUrl(redirect.target, base)} />
      </head>
      <body>
        <main>
          <h1>{heading}</h1>
          <p>{renamed ? words.storyMovedText : words.untranslatedStoryText}</p>
          <p>
            <a href={redirect.target} hrefLang={redirect.article.locale} lang={redirect.article.locale}>
              {redirect.article.title}
            </a>
          </p>
          {!renamed && (
            <p>
              <a href={homeUrl(redirect.locale)}>{words.backHome}</a>
            </p>
          )}
        </main>
      </body>
    </html>
  );
}

/** The whole HTML file of an old address. */
export function storyMovedDocument(redirect: StoryRedirect, base: URL): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<StoryMovedPage redirect={redirect} base={base} />)}`;
}
