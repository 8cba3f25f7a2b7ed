import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, setContentSecurityPolicy } from '@/lib/finishing/csp';
import { attributeOf, elementsIn, parsePage, serializePage } from '@/lib/finishing/html-tree';

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  if (!found) throw new Error(`The policy has no ${name}: ${policy}`);
  return found.slice(1);
}

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>${head}</head><body>${body}</body></html>`;

/** The page with the policy set, and the tag names of its head in order. */
function secured(html: string): { html: string; head: string[] } {
  const document = parsePage(html);
  setContentSecurityPolicy(document);
  const head = [...elementsIn(document)].find((element) => element.tagName === 'head');
  const described = (head?.childNodes ?? []).map((node) =>
    'tagName' in node
      ? `${node.tagName}${attributeOf(node, 'http-equiv') ? `[${attributeOf(node, 'http-equiv')}]` : ''}`
      : node.nodeName,
  );
  return { html: serializePage(document), head: described };
}

describe('the policy', () => {
  it("should forbid plugins and foreign base URLs: object-src 'none', base-uri 'self'", () => {
    expect(directive(CONTENT_SECURITY_POLICY, 'object-src')).toEqual(["'none'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'base-uri')).toEqual(["'self'"]);
  });

  it("should run scripts from the site's own files only: no hash, no 'unsafe-inline', no 'unsafe-eval', no wildcard", () => {
    expect(directive(CONTENT_SECURITY_POLICY, 'script-src')).toEqual(["'self'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'default-src')).toEqual(["'self'"]);
  });

  it('should load images, styles, fonts and data from the site alone', () => {
    for (const name of ['img-src', 'style-src', 'font-src', 'connect-src', 'form-action'])
      expect(directive(CONTENT_SECURITY_POLICY, name), name).toEqual(["'self'"]);
  });
});

describe('placing the policy in a page', () => {
  it('should put one policy meta right after the charset', () => {
    const result = secured(page('<title>x</title>', '<script>boot()</script>'));
    expect(result.head).toEqual(['meta', 'meta[Content-Security-Policy]', 'title']);
    expect(result.html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
  });

  it('should replace an older policy, wherever it is, instead of adding a second one', () => {
    const once = secured(
      page('<title>x</title><meta http-equiv="content-security-policy" content="script-src *">'),
    ).html;
    const twice = secured(once);
    expect(twice.html).toBe(once);
    expect(twice.head).toEqual(['meta', 'meta[Content-Security-Policy]', 'title']);
  });

  it('should refuse a page without a charset declaration to put the policy after', () => {
    expect(() => secured('<html><head></head><body></body></html>')).toThrow(/charset/);
  });
});
