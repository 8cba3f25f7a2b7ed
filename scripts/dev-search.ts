/**
 * The search files of `npm run dev`, in a child process of their own: on each `build`
 * message it reads the preview's archive (drafts included; the server sets ARCHIVE_PATH,
 * and NODE_ENV=development so lib/views/archive.ts reads the file again when it changed) and writes its search files
 * where the preview serves them, with the search index cache of the preview. It answers
 * when they are written; the server asks again only then, so builds never overlap.
 */
import { getArchive } from '../lib/views/archive';
import { writeSearchFiles } from './build-search';
import { DevSettingsSchema, type DevSearchMessage } from './dev-settings';

if (process.send) {
  const settings = DevSettingsSchema.parse(JSON.parse(process.env.DEV_SETTINGS ?? '{}'));
  process.on('message', (message) => {
    if (message !== 'build') return;
    const started = performance.now();
    writeSearchFiles(settings.publicDir, getArchive(), settings.cacheDir)
      .catch((error: unknown) => console.error('dev: the search files were not written:', error))
      .finally(() => process.send?.({ milliseconds: performance.now() - started } satisfies DevSearchMessage));
  });
  process.on('disconnect', () => process.exit(0));
}
