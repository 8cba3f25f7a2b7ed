import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  archiveUpdate,
  changedStoriesFile,
  EVERY_STORY,
  recordShape,
  storiesTouched,
  touchedTogether,
  withChangedStories,
} from '../../lib/views/archive-updates';
import { loadContent } from '../../lib/content/load';
import { getArchive, getStory } from '../../lib/views/archive';
import { articleText, BASE_EN, BASE_VI, createContentFixture } from './helpers/content-fixture';

const OTHER = 'other-story';

/** The base story and another, a day older, in a fixture; `run` gets it and removes it after. */
function withTwoStories(run: (fixture: ReturnType<typeof createContentFixture>) => void): void {
  const fixture = createContentFixture({
    stories: {
      [OTHER]: {
        en: articleText({ ...BASE_EN, date: '2025-10-22' }),
        vi: articleText({ ...BASE_VI, date: '2025-10-22' }),
      },
    },
  });
  try {
    run(fixture);
  } finally {
    fixture.cleanup();
  }
}

describe('the stories a save touches', () => {
  it('should be the story folders of the saved files, photos in a story folder included', () => {
    const dir = '/content';
    const touched = storiesTouched(
      ['/content/articles/a/en.md', '/content/articles/b/lead.jpg', 'articles/a/vi.md'],
      dir,
    );
    expect(touched).toEqual(new Set(['a', 'b']));
  });

  it('should be every story when a registry, a story folder itself or a file outside the stories was saved', () => {
    const dir = '/content';
    expect(storiesTouched(['/content/articles/a/en.md', '/content/people.yaml'], dir)).toBe(EVERY_STORY);
    expect(storiesTouched(['/content/articles/new-story'], dir)).toBe(EVERY_STORY);
    expect(storiesTouched(['/content/articles/stray.md'], dir)).toBe(EVERY_STORY);
  });

  it('should add up across saves, every story staying every story', () => {
    expect(touchedTogether(new Set(['a']), new Set(['b']))).toEqual(new Set(['a', 'b']));
    expect(touchedTogether(new Set(['a']), EVERY_STORY)).toBe(EVERY_STORY);
    expect(touchedTogether(EVERY_STORY, new Set())).toBe(EVERY_STORY);
  });
});

describe('the update of the preview archive after a save', () => {
  it('should lay only the edited story over the record, and the pages then see what a whole load sees', () => {
    withTwoStories((fixture) => {
      const before = fixture.load().archive;
      fixture.writeArticle(OTHER, 'en', articleText({ ...BASE_EN, date: '2025-10-22' }, 'A body written again.\n'));
      const after = fixture.load().archive;
      const update = archiveUpdate(
        recordShape(before),
        after,
        storiesTouched([fixture.path(`articles/${OTHER}/en.md`)], fixture.dir),
      );
      if (update.whole) throw new Error('a body edit rewrote the whole record');
      expect(update.stories.map((story) => story.id)).toEqual([OTHER]);
      expect(withChangedStories(before, update.stories)).toEqual(after);
    });
  });

  it('should write the whole record when a save moves a story in the order', () => {
    withTwoStories((fixture) => {
      const before = fixture.load().archive;
      fixture.writeArticle(OTHER, 'en', articleText({ ...BASE_EN, date: '2025-10-24' }));
      fixture.writeArticle(OTHER, 'vi', articleText({ ...BASE_VI, date: '2025-10-24' }));
      const after = fixture.load().archive;
      expect(after.stories.map((story) => story.id)).toEqual([OTHER, 'base-story']);
      const touched = storiesTouched(
        [fixture.path(`articles/${OTHER}/en.md`), fixture.path(`articles/${OTHER}/vi.md`)],
        fixture.dir,
      );
      expect(archiveUpdate(recordShape(before), after, touched)).toEqual({ whole: true });
    });
  });

  it('should write the whole record when a story is removed, or when the registries differ', () => {
    withTwoStories((fixture) => {
      const before = fixture.load().archive;
      const withoutOther = { ...before, stories: before.stories.filter((story) => story.id !== OTHER) };
      expect(archiveUpdate(recordShape(before), withoutOther, new Set([OTHER]))).toEqual({ whole: true });
      const renamedTopic = {
        ...before,
        topics: before.topics.map((topic, at) => (at === 0 ? { ...topic, id: 'renamed' } : topic)),
      };
      expect(archiveUpdate(recordShape(before), renamedTopic, new Set([OTHER]))).toEqual({ whole: true });
    });
  });

  it('should write the whole record when none was written yet', () => {
    withTwoStories((fixture) => {
      expect(archiveUpdate(undefined, fixture.load().archive, new Set([OTHER]))).toEqual({ whole: true });
    });
  });
});

describe('the archive the preview pages read', () => {
  it('should show the stories saved beside the record in place of the record’s, and the record alone once they are gone', () => {
    withTwoStories((fixture) => {
      const before = fixture.load().archive;
      fixture.writeArticle(OTHER, 'en', articleText({ ...BASE_EN, date: '2025-10-22', title: 'A title saved since' }));
      const edited = fixture.load().archive.stories.find((story) => story.id === OTHER);
      if (!edited) throw new Error('the edited story is not in the archive');
      const record = fixture.path('archive.json');
      writeFileSync(record, JSON.stringify(before));
      vi.stubEnv('ARCHIVE_PATH', record);
      vi.stubEnv('NODE_ENV', 'development');
      try {
        expect(getStory(OTHER).articles.en?.title).toBe(BASE_EN.title);
        writeFileSync(changedStoriesFile(record), JSON.stringify([edited]));
        expect(getStory(OTHER).articles.en?.title).toBe('A title saved since');
        expect(getArchive().stories.map((story) => story.id)).toEqual(['base-story', OTHER]);
        fixture.remove(path.basename(changedStoriesFile(record)));
        expect(getStory(OTHER).articles.en?.title).toBe(BASE_EN.title);
      } finally {
        vi.unstubAllEnvs();
      }
    });
  });
});

describe('a load that takes the folders nobody saved in as read', () => {
  it('should give what a whole load gives, the saved story read again and its problems found', () => {
    withTwoStories((fixture) => {
      const first = loadContent(fixture.dir);
      fixture.writeArticle(OTHER, 'en', articleText({ ...BASE_EN, date: '2025-10-22', title: '' }));
      const earlier = { folders: first.folders, unchanged: (folder: string) => folder !== OTHER };
      const again = loadContent(fixture.dir, { earlier });
      const whole = loadContent(fixture.dir);
      expect(again.archive).toEqual(whole.archive);
      expect(again.problems).toEqual(whole.problems);
      expect(again.problems.some((problem) => problem.file.endsWith(path.join(OTHER, 'en.md')))).toBe(true);
    });
  });

  it('should read every folder again when the registries changed', () => {
    withTwoStories((fixture) => {
      const first = loadContent(fixture.dir);
      fixture.write('topics.yaml', '- id: only-topic\n  name: { en: Only, vi: Duy nhất }\n');
      const again = loadContent(fixture.dir, { earlier: { folders: first.folders, unchanged: () => true } });
      expect(again.problems).toEqual(loadContent(fixture.dir).problems);
      expect(again.problems.length).toBeGreaterThan(0);
    });
  });
});
