/**
 * XML documents written from a tree of elements, never by joining strings: every text
 * and attribute value goes through fast-xml-parser's builder, which escapes `&`, `<`,
 * `>`, `"` and `'`. No CDATA section is written, so a `]]>` in a story's title is only
 * text (`]]&gt;`). The feeds and the sitemap are written with it, and the build checks
 * every XML file it wrote with the same library's validator and parser
 * (scripts/check-xml.ts).
 */
import { XMLBuilder } from 'fast-xml-parser';

/** An element: its qualified name, its attributes, and its children in order. */
export interface XmlElement {
  name: string;
  attributes?: Readonly<Record<string, string>>;
  children?: readonly XmlNode[];
}

/** A child is an element or a text. */
type XmlNode = XmlElement | string;

/** An element holding only a text (`<title>…</title>`). */
export function textElement(name: string, text: string, attributes?: Readonly<Record<string, string>>): XmlElement {
  return { name, children: [text], ...(attributes ? { attributes } : {}) };
}

const ATTRIBUTE_PREFIX = '@';
const TEXT = '#text';

const builder = new XMLBuilder({
  // The ordered form keeps children in the order given, as formats like RSS expect.
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT,
  processEntities: true,
  // An attribute whose value is "true" keeps its value (`isPermaLink="true"`): a bare name is not XML.
  suppressBooleanAttributes: false,
  suppressEmptyNode: true,
  format: true,
  indentBy: '  ',
});

type OrderedNode = Record<string, unknown>;

function ordered(node: XmlNode): OrderedNode {
  if (typeof node === 'string') return { [TEXT]: node };
  const attributes = Object.fromEntries(
    Object.entries(node.attributes ?? {}).map(([name, value]) => [`${ATTRIBUTE_PREFIX}${name}`, value]),
  );
  return {
    [node.name]: (node.children ?? []).map(ordered),
    ...(Object.keys(attributes).length > 0 ? { ':@': attributes } : {}),
  };
}

/** The document with `root` as its element, after the XML declaration, as UTF-8 text. */
export function xmlDocument(root: XmlElement): string {
  const declaration = {
    '?xml': [],
    ':@': { [`${ATTRIBUTE_PREFIX}version`]: '1.0', [`${ATTRIBUTE_PREFIX}encoding`]: 'UTF-8' },
  };
  return `${(builder.build([declaration, ordered(root)]) as string).trim()}\n`;
}
