/**
 * Whether HTML could run script, judged on the parsed document as a browser builds it
 * (parse5 implements the HTML standard's parser), not on the text: entity-encoded,
 * mixed-case or split markup that a substring search misses is caught here.
 */
import { parseFragment } from 'parse5';
import { scriptSchemesIn } from '../../scripts/quality/page-safety';

/** Elements that run or load active content, restyle the page, or change how it loads. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
]);
const FORBIDDEN_ATTRIBUTES = new Set(['style', 'srcdoc', 'formaction']);
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
        found.push(
          ...scriptSchemesIn(name, value).map((scheme) => `<${tag} ${name}> uses ${scheme} (${JSON.stringify(value)})`),
        );
        if ((name === 'id' || name === 'name') && !value.startsWith(CLOBBER_SAFE_PREFIX))
          found.push(`<${tag} ${name}="${value}"> can clobber a global`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parseFragment(html) as unknown as Parse5Node);
  return found;
}
