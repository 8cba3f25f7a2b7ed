/**
 * The XML writer: whatever text or attribute value it is given, a strict parser reads
 * the same value back, and no value becomes an element, a comment, a CDATA section or a
 * processing instruction.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { textElement, xmlDocument } from '../../lib/outputs/xml';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

function readBack(xml: string): { text: unknown; attribute: unknown; children: string[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = parser.parse(xml).root as { '#text'?: string; text?: string; attribute?: { '@value'?: string } };
  // Between the elements there is only the writer's indentation.
  expect(root['#text'] ?? '').toMatch(/^\s*$/);
  return {
    text: root.text ?? '',
    attribute: root.attribute?.['@value'],
    children: Object.keys(root).filter((key) => key !== '#text'),
  };
}

function documentOf(value: string): string {
  return xmlDocument({
    name: 'root',
    children: [textElement('text', value), { name: 'attribute', attributes: { value } }],
  });
}

/** Pieces that mean something to an XML parser. */
const MARKUP = [
  ']]>',
  ']]',
  ']',
  '>',
  '<',
  '&',
  '&amp;',
  '&#60;',
  '<![CDATA[',
  '<!--',
  '-->',
  '<?pi?>',
  '<!DOCTYPE x>',
  '"',
  "'",
  '</text>',
  '<x:script xmlns:x="http://www.w3.org/1999/xhtml">',
];

/** Characters XML 1.0 allows, apart from whitespace controls (which a parser normalises in attributes). */
const XML_CHARACTER = fc.oneof(
  fc.constantFrom(...MARKUP),
  fc.string({ unit: 'grapheme', maxLength: 4 }).filter((text) => !/[\t\n\r]/.test(text)),
  fc.constantFrom('Bộ Tư lệnh 86', '🇻🇳', 'ế', ' '),
);

describe('xmlDocument', () => {
  it('should start with the XML declaration and write the elements in the order given', () => {
    const xml = xmlDocument({
      name: 'list',
      attributes: { kind: 'test' },
      children: [textElement('b', '2'), textElement('a', '1'), { name: 'empty' }],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<list kind="test">')).toBe(true);
    expect(xml.indexOf('<b>')).toBeLessThan(xml.indexOf('<a>'));
    expect(xml).toContain('<empty/>');
  });

  it('should keep an attribute whose value is "true" as a value, not a bare name', () => {
    expect(xmlDocument(textElement('guid', 'x', { isPermaLink: 'true' }))).toContain(
      '<guid isPermaLink="true">x</guid>',
    );
  });

  it.each(MARKUP)('should write %s as text and as an attribute value that read back unchanged', (value) => {
    const xml = documentOf(`before ${value} after`);
    expect(readBack(xml)).toEqual({
      text: `before ${value} after`,
      attribute: `before ${value} after`,
      children: ['text', 'attribute'],
    });
  });

  it('should never write a CDATA section, nor a CDATA terminator, whatever the text', () => {
    const xml = documentOf(']]>]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<![CDATA[');
    expect(xml).not.toContain('<x:script');
  });

  it('should read back any mix of markup, Vietnamese and emoji unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(XML_CHARACTER, { maxLength: 12 }).map((parts) => parts.join('')),
        (value) => {
          const { text, attribute, children } = readBack(documentOf(value));
          expect(children).toEqual(['text', 'attribute']);
          expect(attribute).toBe(value);
          expect(text).toBe(value);
        },
      ),
    );
  });
});
