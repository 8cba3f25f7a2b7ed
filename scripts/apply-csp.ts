/** After `next build`: gives every HTML page of `out/` its Content-Security-Policy. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withContentSecurityPolicy } from '../lib/csp';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

const files = htmlFiles('out');
for (const file of files) writeFileSync(file, withContentSecurityPolicy(readFileSync(file, 'utf8')));
console.log(`Content-Security-Policy set on ${files.length} pages`);
