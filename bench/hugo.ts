/**
 * The same corpus as a Hugo site, for a side-by-side build: articles under
 * /{lang}/articles/{id}/, home pages, and topic, person and organisation pages (Hugo
 * taxonomies) in both languages. Built twice: with bare layouts (the build-time
 * reference) and with layouts that render the site's own article page (the page-size
 * comparison). Year pages, feeds and the sitemap are left out on both sides (Hugo's RSS
 * and sitemap are disabled), so the figures compare the same page types.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { dictionary, LOCALES } from '../lib/site/i18n';

const CONFIG = `baseURL = "http://localhost:3000/"
title = "Archive"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  topic = "topics"
  person = "people"
  organisation = "organisations"
# Related stories as the site finds them: shared people and organisations count more than topics.
[related]
  includeNewer = true
  threshold = 1
  toLower = false
  [[related.indices]]
    name = "people"
    weight = 3
  [[related.indices]]
    name = "organisations"
    weight = 2
  [[related.indices]]
    name = "topics"
    weight = 1
[languages.en]
  contentDir = "content/en"
  languageCode = "en"
  weight = 1
[languages.vi]
  contentDir = "content/vi"
  languageCode = "vi"
  weight = 2
`;

/** Tag links under a label, as the site's entity links; `.kind` is topics, people or organisations. */
const ENTITY_LINKS = `{{ $w := index site.Data.words .lang }}{{ with .ids }}<div class="entity-links entity-links--{{ $.kind }}"><span class="entity-links__label">{{ index $w $.kind }}:</span><ul>{{ range . }}<li><a href="{{ printf "%s/%s/" $.kind . | relLangURL }}">{{ index site.Data.names $.lang $.kind . }}</a></li>{{ end }}</ul></div>{{ end }}`;

/**
 * Bare layouts for the same page types (a title, the body, the tag links): the reference
 * the build-time goal was set against, and the fastest Hugo can be here.
 */
const MINIMAL_LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title><meta name="description" content="{{ with .Params.summary }}{{ . }}{{ end }}"></head>
<body><header><a href="{{ .Site.Home.RelPermalink }}">Archive</a> <nav><a href="{{ "topics/" | relLangURL }}">Topics</a> <a href="{{ "people/" | relLangURL }}">People</a> <a href="{{ "organisations/" | relLangURL }}">Organisations</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main><footer>Archive</footer></body></html>
`,
  '_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p><p>{{ .Params.summary }}</p>{{ .Content }}
<p>{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "people" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "organisations" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Lang }}</a>{{ end }}</article>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Params.summary }}</p></li>{{ end }}</ol>{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
  'index.html': `{{ define "main" }}<h1>Archive</h1><ol>{{ range first 20 (where .Site.RegularPages "Section" "articles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ol>{{ end }}
`,
};

/**
 * The article page carries what the site's does, so that their sizes compare the same
 * page: the head's metadata (canonical, hreflang, feed, Open Graph, Twitter) and policy,
 * JSON-LD, the header with language link, search form and navigation, the tag links,
 * five related stories, the stories before and after, the footer; the words from the
 * site's own dictionary (data/words.json), the names from its registry (data/names.json).
 */
const SAME_PAGE_LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `{{ $w := index site.Data.words .Lang }}<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/style.css"><title>{{ .Title }} · {{ $w.siteName }}</title><meta name="description" content="{{ with .Params.summary }}{{ . }}{{ end }}"><link rel="canonical" href="{{ .Permalink }}">{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}{{ range where .AllTranslations "Lang" "en" }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">{{ end }}<link rel="alternate" type="application/rss+xml" href="{{ "feed.xml" | absLangURL }}" title="{{ $w.feedTitle }}">{{ block "meta" . }}{{ end }}<link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml"><script src="/site.js" defer></script></head>
<body><a class="skip-link" href="#main">{{ $w.skipToContent }}</a><header class="site-header"><div class="site-header__inner"><a class="site-name" href="{{ .Site.Home.RelPermalink }}">{{ $w.siteName }}</a><div class="language-switcher"><span class="visually-hidden">{{ $w.languageSwitcher }}: </span>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}" lang="{{ .Lang }}" rel="alternate">{{ (index site.Data.words .Lang).languageName }}</a>{{ end }}</div><form role="search" class="search-box" action="{{ "search/" | relLangURL }}" method="get"><label for="site-search" class="visually-hidden">{{ $w.searchLabel }}</label><input id="site-search" type="search" placeholder="{{ $w.searchPlaceholder }}" autocomplete="off" enterkeyhint="search" name="q"><button type="submit">{{ $w.searchButton }}</button></form><nav aria-label="{{ $w.mainNavigation }}" class="site-nav"><ul><li><a href="{{ "topics/" | relLangURL }}">{{ $w.navTopics }}</a></li><li><a href="{{ "archive/" | relLangURL }}">{{ $w.navArchive }}</a></li><li><a href="{{ "people/" | relLangURL }}">{{ $w.navPeople }}</a></li><li><a href="{{ "organisations/" | relLangURL }}">{{ $w.navOrganisations }}</a></li></ul></nav></div></header>
<main id="main" tabindex="-1">{{ block "main" . }}{{ end }}</main><footer class="site-footer"><p>{{ $w.siteName }}. {{ $w.footerNote }}</p><p><a href="{{ "feed.xml" | relLangURL }}" type="application/rss+xml">{{ $w.feedLink }}</a></p></footer></body></html>
`,
  'partials/entity-links.html': ENTITY_LINKS,
  '_default/single.html': `{{ define "meta" }}{{ $lang := .Lang }}<meta property="og:title" content="{{ .Title }}"><meta property="og:description" content="{{ .Params.summary }}"><meta property="og:url" content="{{ .Permalink }}"><meta property="og:site_name" content="{{ (index site.Data.words .Lang).siteName }}"><meta property="og:locale" content="{{ .Lang }}">{{ range .Translations }}<meta property="og:locale:alternate" content="{{ .Lang }}">{{ end }}<meta property="og:type" content="article"><meta property="article:published_time" content="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ range .Params.topics }}<meta property="article:tag" content="{{ index site.Data.names $lang "topics" . }}">{{ end }}<meta name="twitter:card" content="summary"><meta name="twitter:title" content="{{ .Title }}"><meta name="twitter:description" content="{{ .Params.summary }}">{{ end }}
{{ define "main" }}{{ $lang := .Lang }}{{ $w := index site.Data.words .Lang }}{{ $home := site.Home.Permalink }}{{ $about := slice }}{{ range .Params.topics }}{{ $about = $about | append (dict "@type" "Thing" "name" (index site.Data.names $lang "topics" .) "url" (printf "%stopics/%s/" $home .)) }}{{ end }}{{ $mentions := slice }}{{ range .Params.people }}{{ $mentions = $mentions | append (dict "@type" "Person" "name" (index site.Data.names $lang "people" .) "url" (printf "%speople/%s/" $home .)) }}{{ end }}{{ range .Params.organisations }}{{ $mentions = $mentions | append (dict "@type" "Organization" "name" (index site.Data.names $lang "organisations" .) "url" (printf "%sorganisations/%s/" $home .)) }}{{ end }}{{ $ld := dict "@context" "https://schema.org" "@type" "NewsArticle" "@id" .Permalink "url" .Permalink "mainEntityOfPage" .Permalink "headline" .Title "description" .Params.summary "datePublished" (.Date.Format "2006-01-02T15:04:05-07:00") "inLanguage" .Lang "publisher" (dict "@type" "Organization" "name" $w.siteName "url" $home) "about" $about "mentions" $mentions }}{{ range .Translations }}{{ $ld = merge $ld (dict "translationOfWork" (dict "@type" "NewsArticle" "@id" .Permalink "url" .Permalink "headline" .Title "inLanguage" .Lang)) }}{{ end }}<script type="application/ld+json">{{ $ld | jsonify | safeJS }}</script><article class="article"><header class="article__header"><h1>{{ .Title }}</h1><p class="article__summary">{{ .Params.summary }}</p><p class="article__meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time><span aria-hidden="true"> · </span><span>{{ printf $w.readingTime .ReadingTime }}</span></p>{{ partial "entity-links.html" (dict "lang" $lang "kind" "topics" "ids" .Params.topics) }}</header><div class="article__body">{{ .Content }}</div><footer class="article__footer">{{ partial "entity-links.html" (dict "lang" $lang "kind" "people" "ids" .Params.people) }}{{ partial "entity-links.html" (dict "lang" $lang "kind" "organisations" "ids" .Params.organisations) }}</footer></article>{{ with first 5 (site.RegularPages.Related .) }}<section aria-labelledby="related" class="related"><h2 id="related">{{ $w.relatedStories }}</h2><ol class="story-list">{{ range . }}<li class="story-card"><article><h3 class="story-card__title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p class="story-card__meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p><p class="story-card__summary">{{ .Params.summary }}</p>{{ partial "entity-links.html" (dict "lang" $lang "kind" "topics" "ids" .Params.topics) }}</article></li>{{ end }}</ol></section>{{ end }}<nav aria-label="{{ $w.storyNavigation }}" class="neighbours">{{ with .NextInSection }}<a href="{{ .RelPermalink }}" rel="prev"><span class="neighbours__label">{{ $w.olderStory }}</span><span class="neighbours__title">{{ .Title }}</span></a>{{ end }}{{ with .PrevInSection }}<a href="{{ .RelPermalink }}" rel="next"><span class="neighbours__label">{{ $w.newerStory }}</span><span class="neighbours__title">{{ .Title }}</span></a>{{ end }}</nav>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Params.summary }}</p></li>{{ end }}</ol>{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
  'index.html': `{{ define "main" }}<h1>{{ (index site.Data.words .Lang).siteName }}</h1><ol>{{ range first 20 (where .Site.RegularPages "Section" "articles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ol>{{ end }}
`,
};

const KINDS = ['topics', 'people', 'organisations'] as const;

/** The site's words per language (data/words.json) and the registry's names per language and kind (data/names.json). */
function writeHugoData(contentDir: string, siteDir: string) {
  const MINUTES = 12345;
  const words = Object.fromEntries(
    LOCALES.map((locale) => {
      const dict = dictionary(locale);
      const strings = Object.fromEntries(Object.entries(dict).filter(([, value]) => typeof value === 'string'));
      return [
        locale,
        {
          ...strings,
          readingTime: dict.readingTime(MINUTES).replace(String(MINUTES), '%d'),
          feedTitle: dict.feedTitle(dict.siteName),
        },
      ];
    }),
  );
  const registry = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      parse(readFileSync(path.join(contentDir, `${kind}.yaml`), 'utf8')) as {
        id: string;
        name: Record<string, string>;
      }[],
    ]),
  );
  const names = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      Object.fromEntries(
        KINDS.map((kind) => [
          kind,
          Object.fromEntries((registry[kind] ?? []).map((entity) => [entity.id, entity.name[locale] ?? entity.id])),
        ]),
      ),
    ]),
  );
  mkdirSync(path.join(siteDir, 'data'), { recursive: true });
  writeFileSync(path.join(siteDir, 'data', 'words.json'), JSON.stringify(words));
  writeFileSync(path.join(siteDir, 'data', 'names.json'), JSON.stringify(names));
}

/** Which layouts the site is built with: bare ones, or ones that render the site's own article page. */
export type HugoLayouts = 'minimal' | 'same-page';

/** Writes the Hugo site for the corpus in `contentDir` into `siteDir`; returns the number of articles written. */
export function writeHugoSite(contentDir: string, siteDir: string, layouts: HugoLayouts): number {
  writeFileSync(path.join(siteDir, 'hugo.toml'), CONFIG);
  for (const [file, text] of Object.entries(layouts === 'minimal' ? MINIMAL_LAYOUTS : SAME_PAGE_LAYOUTS)) {
    mkdirSync(path.dirname(path.join(siteDir, 'layouts', file)), { recursive: true });
    writeFileSync(path.join(siteDir, 'layouts', file), text);
  }
  writeHugoData(contentDir, siteDir);
  let written = 0;
  for (const locale of ['en', 'vi']) mkdirSync(path.join(siteDir, 'content', locale, 'articles'), { recursive: true });
  for (const id of readdirSync(path.join(contentDir, 'articles'))) {
    for (const locale of ['en', 'vi']) {
      let text: string;
      try {
        text = readFileSync(path.join(contentDir, 'articles', id, `${locale}.md`), 'utf8');
      } catch {
        continue;
      }
      // Hugo needs a full date; the contract allows a month alone.
      text = text.replace(/^date: "(\d{4}-\d{2})"$/m, 'date: "$1-01"');
      writeFileSync(path.join(siteDir, 'content', locale, 'articles', `${id}.md`), text);
      written++;
    }
  }
  return written;
}
