/** After `next build`: gives every HTML page of `out/` its Content-Security-Policy. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withContentSecurityPolicy } from '../lib/csp';
import { htmlFiles } from './quality/html-files';

const files = htmlFiles('out').map((file) => path.join('out', file));
for (const file of files) writeFileSync(file, withContentSecurityPolicy(readFileSync(file, 'utf8')));
console.log(`Content-Security-Policy set on ${files.length} pages`);
