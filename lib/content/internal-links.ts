/**
 * Links in an article's text to the archive's own pages (`/en/articles/<id>/`,
 * `../other-story/`) must lead to a page the build writes: a story that exists in that
 * language and is published, a topic, person or organisation of the registries, or one of
 * the site's other pages. Links are found in the parsed text when each file is checked,
 * and judged once every story is loaded, since they point across files.
 */
import type { Definition, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { closestId, ENTITY_KINDS, type EntityKind } from '../views/entities';
import { LOCALES, type Locale } from '../site/i18n';
import { storyUrl } from '../site/urls';
import { excerpt } from '../text/character-count';
import { bodyPlaces } from './body-places';
import type { ContentProblem } from './problems';

/** A link of the text to a path of this site, where its address is written. */
export interface BodyLink {
  /** As written. */
  url: string;
  line: number;
  column: number;
}

/** Any address that names a scheme (`https:`, `mailto:`) or a host (`//…`) leads elsewhere. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The nodes of a text that give a link its address, in order: inline and automatic links, and the definitions links name. */
export function linkAddresses(tree: Root): (Link | Definition)[] {
  // A definition is a link only where a link names it; one only a photo names is checked as a photo.
  const linked = new Set<string>();
  visit(tree, 'linkReference', (node) => void linked.add(node.identifier));
  const nodes: (Link | Definition)[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || (node.type === 'definition' && linked.has(node.identifier))) nodes.push(node);
  });
  return nodes;
}

/** The links of a text (inline and reference definitions) that lead to a page of this site, not to a place in the same page. */
export function bodyLinks(tree: Root, body: string, bodyLine: number): BodyLink[] {
  const links: BodyLink[] = [];
  const place = bodyPlaces(body, bodyLine);
  for (const { url, position } of linkAddresses(tree)) {
    if (url === '' || url.startsWith('#') || EXTERNAL.test(url) || !position) continue;
    // The address's own place, when it is written as the parser read it; else the link's start.
    const start = position.start.offset ?? 0;
    const found = body.slice(start, position.end.offset).lastIndexOf(url);
    links.push({ url, ...place(found === -1 ? start : start + found) });
  }
  return links;
}

/** The links of one article file, with what judging them needs. */
export interface LinkingFile {
  file: string;
  storyId: string;
  locale: Locale;
  /** A draft may link to another draft: neither page exists yet. */
  draft: boolean;
  links: readonly BodyLink[];
}

/** What the build will publish, to judge links against. */
export interface SitePages {
  /** Every path the build writes a page or feed at. */
  paths: ReadonlySet<string>;
  /** Story folders that loaded, with the languages each is published and a draft in. */
  stories: ReadonlyMap<string, { published: readonly Locale[]; drafts: readonly Locale[] }>;
  /** Story folders whose own errors keep them unpublished: links to them are not judged, their errors say enough. */
  unchecked: ReadonlySet<string>;
  /** The ids of each registry, and its file's name for messages. */
  registries: Record<EntityKind, { ids: ReadonlySet<string>; file: string }>;
}

const BASE = 'http://archive.invalid';
const LANGUAGE = `(${LOCALES.join('|')})`;
const STORY_PATH = new RegExp(`^/${LANGUAGE}/articles/([^/]+)/$`);
const ENTITY_PATH = new RegExp(`^/${LANGUAGE}/(${ENTITY_KINDS.join('|')})/([^/]+)/$`);

/** The path a link leads to from the article's page, as the build writes pages (folders with an index.html). */
function targetPath(url: string, from: string): string | undefined {
  let resolved: URL;
  try {
    // The page's link holds a backslash encoded (%5C), as the Markdown renderer writes it, where a browser reading the
    // address as written would take it for a slash: `/\evil.example/` leads to this site's `/%5Cevil.example/`.
    resolved = new URL(url.replaceAll('\\', '%5C'), new URL(from, BASE));
  } catch {
    return undefined;
  }
  if (resolved.origin !== BASE) return undefined;
  let pathname = resolved.pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // A malformed escape stays as written, and is judged as such.
  }
  return pathname.replace(/\/index\.html$/, '/');
}

/** Why a link to `path` leads to no page, with a hint; undefined when it leads to a page (or its story's own errors say enough). */
function brokenLink(
  path: string,
  site: SitePages,
  linkingDraft: boolean,
): { reason: string; hint: string } | undefined {
  // A host serves /en/about at /en/about/: a folder's address without its slash is a page too.
  if (site.paths.has(path) || (!path.endsWith('/') && site.paths.has(`${path}/`))) return undefined;
  if (path.includes('\\'))
    return {
      reason: 'the page keeps its backslash (\\) in the address, which no page has',
      hint: "Write the address with forward slashes only, from the site's root: /en/articles/<story-id>/.",
    };
  const story = STORY_PATH.exec(path);
  if (story) {
    const [, lang, id = ''] = story;
    const locale = lang as Locale;
    if (site.unchecked.has(id)) return undefined;
    const known = site.stories.get(id);
    if (!known) {
      const suggestion = closestId(id, site.stories.keys());
      return {
        reason: `there is no story "${excerpt(id)}"`,
        hint: suggestion
          ? `Did you mean \`${storyUrl(locale, suggestion)}\`? A story's id is its folder name in articles/.`
          : 'A story is linked by its folder name in articles/: /en/articles/<story-id>/.',
      };
    }
    if (known.drafts.includes(locale)) {
      if (linkingDraft) return undefined;
      return {
        reason: `the story "${id}" is a draft in ${locale}, so its page is not published`,
        hint: 'Publish that story first (draft: false in its file), or link it once it is published.',
      };
    }
    const other = LOCALES.find((candidate) => known.published.includes(candidate));
    return {
      reason: `the story "${id}" has no ${locale} version`,
      hint: other
        ? `Link \`${storyUrl(other, id)}\`, the version that exists, or add ${locale}.md to the story.`
        : `Add ${locale}.md to the story, or remove the link.`,
    };
  }
  const entity = ENTITY_PATH.exec(path);
  if (entity) {
    const [, lang, kindName, id = ''] = entity;
    const kind = kindName as EntityKind;
    const registry = site.registries[kind];
    const suggestion = closestId(id, registry.ids);
    return {
      reason: `${registry.file} has no "${excerpt(id)}"`,
      hint: suggestion
        ? `Did you mean \`/${lang}/${kind}/${suggestion}/\`?`
        : `Use an id listed in ${registry.file}, or add the entry there.`,
    };
  }
  const suggestion = closestId(path, site.paths);
  return {
    reason: 'it is not a page of the archive',
    hint: suggestion
      ? `Did you mean \`${suggestion}\`? Internal links are written from the site's root, e.g. /en/articles/<story-id>/.`
      : "Internal links are written from the site's root, e.g. /en/articles/<story-id>/; docs/editing.md lists the archive's addresses.",
  };
}

/** One `BrokenLink` error for every link of the text that leads to no page of the archive. */
export function internalLinkProblems(files: readonly LinkingFile[], site: SitePages): ContentProblem[] {
  return files.flatMap((linking) =>
    linking.links.flatMap((link): ContentProblem[] => {
      const path = targetPath(link.url, storyUrl(linking.locale, linking.storyId));
      const broken = path === undefined ? undefined : brokenLink(path, site, linking.draft);
      if (path === undefined || !broken) return [];
      return [
        {
          kind: 'BrokenLink',
          file: linking.file,
          line: link.line,
          column: link.column,
          message: `the link "${excerpt(link.url)}" leads to no page: ${broken.reason}`,
          hint: broken.hint,
        },
      ];
    }),
  );
}
