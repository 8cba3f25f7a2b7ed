/**
 * Whether HTML could run script, judged on the parsed document as a browser builds it
 * (parse5 implements the HTML standard's parser), not on the text: entity-encoded,
 * mixed-case or split markup that a substring search misses is caught here.
 */
import { parseFragment } from 'parse5';

/** Elements that run or load active content, restyle the page, or change how it loads. */
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link', 'meta', 'base',
  'form', 'svg', 'math', 'template', 'noscript', 'portal',
]);
const FORBIDDEN_ATTRIBUTES = new Set(['style', 'srcdoc', 'formaction']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'codebase', 'dynsrc', 'lowsrc', 'xlink:href', 'srcset']);
const DANGEROUS_SCHEMES = ['javascript:', 'vbscript:', 'data:'];
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** The prefix the sanitiser gives ids and names, so content cannot clobber page globals. */
const CLOBBER_SAFE_PREFIX = 'user-content-';

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  namespaceURI?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

/** A URL as a browser reads its scheme: tabs and newlines anywhere and C0 controls or spaces at the ends are dropped. */
function schemeOf(url: string): string {
  return url
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+/, '')
    .toLowerCase();
}

function urlProblems(element: string, name: string, value: string): string[] {
  const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
  return urls.flatMap((url) => {
    const scheme = DANGEROUS_SCHEMES.find((dangerous) => schemeOf(url).startsWith(dangerous));
    return scheme ? [`<${element} ${name}> uses ${scheme} (${JSON.stringify(value)})`] : [];
  });
}

/** Every way the HTML could run script or clobber the page; empty when it cannot. */
export function executableVectors(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Parse5Node) => {
    if (node.tagName) {
      const tag = node.tagName.toLowerCase();
      if (FORBIDDEN_ELEMENTS.has(tag)) found.push(`<${tag}> element`);
      if (node.namespaceURI && node.namespaceURI !== HTML_NAMESPACE) found.push(`<${tag}> in ${node.namespaceURI}`);
      for (const { name: rawName, value } of node.attrs ?? []) {
        const name = rawName.toLowerCase();
        if (name.startsWith('on')) found.push(`<${tag} ${name}> event handler`);
        if (FORBIDDEN_ATTRIBUTES.has(name)) found.push(`<${tag} ${name}> attribute`);
        if (URL_ATTRIBUTES.has(name) || name.endsWith(':href')) found.push(...urlProblems(tag, name, value));
        if ((name === 'id' || name === 'name') && !value.startsWith(CLOBBER_SAFE_PREFIX)) found.push(`<${tag} ${name}="${value}"> can clobber a global`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parseFragment(html) as unknown as Parse5Node);
  return found;
}
