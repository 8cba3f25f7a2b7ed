/**
 * A page as `npm run dev` serves it: finished exactly as the build finishes it
 * (lib/finishing/page-html.ts), plus what only the editing preview has: the live-reload script,
 * the stylesheet of the problems overlay, and, while the content has errors, the overlay
 * listing them at the top of the page. The additions are same-origin files, which the
 * page's unchanged Content-Security-Policy already allows; the overlay's text comes from
 * content files, so it is added as text nodes and escaped when the page is written.
 */
import { defaultTreeAdapter as tree } from 'parse5';
import { elementsIn, htmlElement, parsePage, serializePage, type HtmlElement, type HtmlParent } from './html-tree';
import { finishPageDocument, type PageScripts } from './page-html';
import { problemHint, problemPlace, type ContentProblem } from '../content/problems';
import { escapeControlCharacters } from '../content/output-escaping';
import { CONTENT_VERSION_ATTRIBUTE } from './dev-protocol';

/** The element of the problems overlay; tests and the bench look for it. */
export const PROBLEMS_OVERLAY_ID = 'content-problems';

/** What the preview adds to every page. */
interface DevAdditions {
  /** URLs of the live-reload script and of the overlay's stylesheet. */
  liveReload: string;
  stylesheet: string;
  /** Increases with every change the preview has taken in; the script reloads when it moves on. */
  version: number;
  /** The content's errors, shown in the overlay; none, no overlay. */
  problems: readonly ContentProblem[];
}

function append(parent: HtmlParent, ...children: HtmlElement[]): HtmlElement {
  for (const child of children) tree.appendChild(parent, child);
  return parent as HtmlElement;
}

/** One problem: where, which field, what is wrong, and what to do. */
function problemItem(problem: ContentProblem): HtmlElement {
  const item = htmlElement('li');
  append(item, htmlElement('code', { class: 'content-problems__place' }, problemPlace(problem)));
  if (problem.field)
    append(item, htmlElement('span', { class: 'content-problems__field' }, escapeControlCharacters(problem.field)));
  append(
    item,
    htmlElement('span', { class: 'content-problems__message' }, escapeControlCharacters(problem.message)),
    htmlElement('span', { class: 'content-problems__hint' }, problemHint(problem)),
  );
  return item;
}

/** The overlay: a heading that says the page shows the last valid content, then each problem. */
function problemsOverlay(problems: readonly ContentProblem[]): HtmlElement {
  const count = `${problems.length} content error${problems.length === 1 ? '' : 's'}`;
  const overlay = htmlElement('section', { id: PROBLEMS_OVERLAY_ID, class: 'content-problems', role: 'alert' });
  return append(
    overlay,
    htmlElement('h2', {}, `${count}: this page shows the last valid content until the files are fixed`),
    append(htmlElement('ol'), ...problems.map(problemItem)),
  );
}

/** A page Next rendered at `urlPath`, finished as the build finishes it, with the preview's additions. */
export function devPage(html: string, urlPath: string, scripts: PageScripts, additions: DevAdditions): string {
  const document = parsePage(html);
  finishPageDocument(document, urlPath, scripts);
  const elements = [...elementsIn(document)];
  const head = elements.find((each) => each.tagName === 'head');
  const body = elements.find((each) => each.tagName === 'body');
  if (!head || !body) throw new Error(`The page at ${urlPath} has no <head> or <body>`);
  append(
    head,
    htmlElement('link', { rel: 'stylesheet', href: additions.stylesheet }),
    htmlElement('script', {
      src: additions.liveReload,
      defer: '',
      [CONTENT_VERSION_ATTRIBUTE]: String(additions.version),
    }),
  );
  if (additions.problems.length > 0) {
    const overlay = problemsOverlay(additions.problems);
    const first = body.childNodes[0];
    if (first) tree.insertBefore(body, overlay, first);
    else tree.appendChild(body, overlay);
  }
  return serializePage(document);
}
