import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, withContentSecurityPolicy } from '@/lib/csp';

/** sha256 by WebCrypto, not by node:crypto as lib/csp.ts does, in CSP's source form. */
async function expectedHash(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  return `'sha256-${Buffer.from(digest).toString('base64')}'`;
}

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  if (!found) throw new Error(`The policy has no ${name}: ${policy}`);
  return found.slice(1);
}

const page = (head: string, body = '') => `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>${head}</head><body>${body}</body></html>`;

describe('inline script hashes', () => {
  it('should hash the exact text of each inline script, Unicode and line breaks included', async () => {
    const bodies = ['(self.__next_f=self.__next_f||[]).push([0])', 'self.__next_f.push([1,"Tiếng Việt\\n"])\n', ''];
    const html = page('', bodies.map((body) => `<script>${body}</script>`).join(''));
    expect(inlineScriptHashes(html)).toEqual(await Promise.all(bodies.map(expectedHash)));
  });

  it('should hash line breaks as the browser parses them: CR LF and CR become LF', async () => {
    expect(inlineScriptHashes(page('', '<script>a()\r\nb()\rc()</script>'))).toEqual([await expectedHash('a()\nb()\nc()')]);
  });

  it('should not hash scripts loaded from a file', () => {
    expect(inlineScriptHashes(page('<script src="/_next/static/chunks/a.js" async=""></script>', '<script async="" src="/b.js"></script>'))).toEqual([]);
  });

  it('should list a script that occurs twice once', async () => {
    expect(inlineScriptHashes(page('', '<script>a()</script><script>a()</script>'))).toEqual([await expectedHash('a()')]);
  });

  it('should allow any inline script body by its hash, and only by its hash', async () => {
    // Without CR, which the parser rewrites (tested above), and without the closing tag.
    const body = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((text) => !/<\/script|\r/i.test(text));
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const scriptSources = directive(contentSecurityPolicy(page('', `<script type="text/javascript">${text}</script>`)), 'script-src');
        expect(scriptSources).toEqual(["'self'", await expectedHash(text)]);
      }),
    );
  });
});

describe('the policy', () => {
  const policy = contentSecurityPolicy(page('<script src="/a.js"></script>', '<script>boot()</script>'));

  it("should forbid plugins and foreign base URLs: object-src 'none', base-uri 'self'", () => {
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
  });

  it("should run scripts only from the site or by hash, never 'unsafe-inline', 'unsafe-eval' or a wildcard", () => {
    const sources = directive(policy, 'script-src');
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources.filter((source) => source !== "'self'" && !/^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toEqual([]);
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
  });
});

describe('placing the policy in a page', () => {
  it('should put one policy meta right after the charset, for the scripts of that page', () => {
    const html = page('<title>x</title>', '<script>boot()</script>');
    const secured = withContentSecurityPolicy(html);
    expect(secured).toBe(html.replace('<meta charSet="utf-8"/>', `<meta charSet="utf-8"/><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}"/>`));
  });

  it('should replace an older policy instead of adding a second one', () => {
    const once = withContentSecurityPolicy(page('', '<script>boot()</script>'));
    const twice = withContentSecurityPolicy(once);
    expect(twice).toBe(once);
    expect(twice.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
  });

  it('should refuse a page without a charset declaration to put the policy after', () => {
    expect(() => withContentSecurityPolicy('<html><head></head><body></body></html>')).toThrow(/charSet/);
  });
});
