/**
 * The same corpus as a Hugo site, for a side-by-side build: articles under
 * /{lang}/articles/{id}/, home pages, and topic, person and organisation pages (Hugo
 * taxonomies) in both languages, with minimal layouts. Year pages, feeds and the
 * sitemap are left out on both sides of the page comparison (Hugo's RSS and sitemap
 * are disabled), so the figures compare the same page types.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CONFIG = `baseURL = "http://localhost/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  topic = "topics"
  person = "people"
  organisation = "organisations"
[languages.en]
  contentDir = "content/en"
  weight = 1
[languages.vi]
  contentDir = "content/vi"
  weight = 2
`;

const LAYOUTS: Record<string, string> = {
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

/** Writes the Hugo site for the corpus in `contentDir` into `siteDir`; returns the number of articles written. */
export function writeHugoSite(contentDir: string, siteDir: string): number {
  writeFileSync(path.join(siteDir, 'hugo.toml'), CONFIG);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    mkdirSync(path.dirname(path.join(siteDir, 'layouts', file)), { recursive: true });
    writeFileSync(path.join(siteDir, 'layouts', file), text);
  }
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
