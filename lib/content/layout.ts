/**
 * Where things are in a content folder: the stories' folder and the registry files, and
 * which folder is the content (`CONTENT_DIR`). The loader, the check and `npm run new` read
 * these names from here.
 */
import path from 'node:path';
import { type EntityKind } from '../views/entities';

export const ARTICLES_FOLDER = 'articles';

export const REGISTRY_FILES: Record<EntityKind, string> = {
  topics: 'topics.yaml',
  people: 'people.yaml',
  organisations: 'organisations.yaml',
};

/** The content folder: `CONTENT_DIR`, or `content/` in the working directory. */
export function contentDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CONTENT_DIR ?? 'content');
}
