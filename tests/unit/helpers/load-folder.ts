/**
 * Loads the content folder named by its argument and prints the problems, the titles and the loader's own time as JSON:
 * the child process of load-in-child.ts.
 */
import { loadContent } from '../../../lib/content/load';

const started = performance.now();
const { archive, problems } = loadContent(process.argv[2] ?? '');
const elapsed = performance.now() - started;
const titles = archive.stories.flatMap((story) => Object.values(story.articles).map((article) => article.title));
process.stdout.write(JSON.stringify({ problems, titles, elapsed }));
