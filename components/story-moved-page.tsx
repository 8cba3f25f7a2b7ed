import { renderToStaticMarkup } from 'react-dom/server';
import { CONTENT_SECURITY_POLICY } from '@/lib/finishing/csp';
import { dictionary } from '@/lib/site/i18n';
import type { StoryRedirect } from '@/lib/views/story-redirects';
import { absoluteUrl } from '@/lib/site/urls';

/**
 * The page at a renamed story's old address. Browsers follow the refresh at once; the
 * canonical link tells search engines the story lives at its new address, `noindex` keeps
 * the old one out of their results, and readers whose browser does not refresh get a link.
 * It runs no script, so it needs nothing of the site's pages and is written whole here.
 */
function StoryMovedPage({ redirect, base }: { redirect: StoryRedirect; base: URL }) {
  const words = dictionary(redirect.locale);
  return (
    <html lang={redirect.locale}>
      {/* eslint-disable-next-line @next/next/no-head-element -- written outside Next (scripts/story-redirects.ts), where next/head does nothing */}
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <meta httpEquiv="refresh" content={`0; url=${redirect.target}`} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${words.storyMovedTitle} · ${words.siteName}`}</title>
        <link rel="canonical" href={absoluteUrl(redirect.target, base)} />
      </head>
      <body>
        <main>
          <h1>{words.storyMovedTitle}</h1>
          <p>{words.storyMovedText}</p>
          <p>
            <a href={redirect.target} hrefLang={redirect.article.locale} lang={redirect.article.locale}>
              {redirect.article.title}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** The whole HTML file of an old address. */
export function storyMovedDocument(redirect: StoryRedirect, base: URL): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<StoryMovedPage redirect={redirect} base={base} />)}`;
}
