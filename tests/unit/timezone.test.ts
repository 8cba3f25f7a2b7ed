/**
 * Story dates are calendar dates in Vietnam and must not move with the build machine's
 * time zone. The loader runs in child processes with different TZ settings, and every
 * date, order and archive group must come out the same, and as written.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleText,
  BASE_EN,
  BASE_VI,
  createContentFixture,
  raw,
  REAL_CONTENT_DIR,
  type ContentFixture,
  type Fields,
} from './helpers/content-fixture';

const run = promisify(execFile);
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const lib = (file: string) => JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'lib', file)).href);

/** What one child process reports for each content folder. */
interface Snapshot {
  zone: string;
  /** Minutes from local time to UTC on 23 October 2025, to prove the zone took effect. */
  offset: number;
  folders: {
    problems: string[];
    stories: { id: string; date: string; en: string; vi: string }[];
    years: { year: number; count: number; months: { month: number; ids: string[] }[] }[];
  }[];
}

const SCRIPT = `
import { loadContent } from ${lib('content/load.ts')};
import { formatStoryDate } from ${lib('site/dates.ts')};
import { storiesByYear } from ${lib('views/story-lists.ts')};
const folders = JSON.parse(process.env.TZ_TEST_FOLDERS).map((dir) => {
  const { archive, problems } = loadContent(dir);
  return {
    problems: problems.map((problem) => problem.kind + ': ' + problem.message),
    stories: archive.stories.map((story) => ({ id: story.id, date: story.date, en: formatStoryDate(story.date, 'en'), vi: formatStoryDate(story.date, 'vi') })),
    years: storiesByYear(archive.stories).map((year) => ({
      year: year.year,
      count: year.count,
      months: year.months.map((month) => ({ month: month.month, ids: month.stories.map((story) => story.id) })),
    })),
  };
});
console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(Date.UTC(2025, 9, 23)).getTimezoneOffset(), folders }));
`;

async function snapshotIn(timeZone: string, folders: string[]): Promise<Snapshot> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, TZ: timeZone, TZ_TEST_FOLDERS: JSON.stringify(folders) },
  });
  return JSON.parse(stdout) as Snapshot;
}

/** The `date:` of each story as written in its files, read without any date parsing. */
function writtenDates(contentDir: string): Map<string, string> {
  const dates = new Map<string, string>();
  const articles = path.join(contentDir, 'articles');
  for (const id of readdirSync(articles)) {
    const file = ['en.md', 'vi.md']
      .map((name) => path.join(articles, id, name))
      .find((candidate) => existsSync(candidate));
    const date = file && /^date:\s*["']?(\d{4}-\d{2}(?:-\d{2})?)["']?/m.exec(readFileSync(file, 'utf8'))?.[1];
    if (date) dates.set(id, date);
  }
  return dates;
}

/** Both languages of one story with the given date, written as in `date`. */
function storyWithDate(date: Fields[string]) {
  return { en: articleText({ ...BASE_EN, date }), vi: articleText({ ...BASE_VI, date }) };
}

describe('story dates across time zones', () => {
  let fixture: ContentFixture;
  let newYork: Snapshot;
  let hoChiMinh: Snapshot;

  beforeAll(async () => {
    fixture = createContentFixture({
      withoutBaseStory: true,
      stories: {
        'unquoted-day': storyWithDate(raw('2025-10-23')),
        'unquoted-month': storyWithDate(raw('2025-10')),
        'quoted-day': storyWithDate('2025-10-01'),
        'new-year-day': storyWithDate(raw('2025-01-01')),
        'new-year-eve': storyWithDate(raw('2024-12-31')),
      },
    });
    [newYork, hoChiMinh] = await Promise.all([
      snapshotIn('America/New_York', [REAL_CONTENT_DIR, fixture.dir]),
      snapshotIn('Asia/Ho_Chi_Minh', [REAL_CONTENT_DIR, fixture.dir]),
    ]);
  }, 120_000);

  afterAll(() => fixture?.cleanup());

  it('should run the loader in the two time zones asked for', () => {
    // UTC-4 in New York on that day (daylight saving time), UTC+7 in Vietnam.
    expect(newYork.zone).toBe('America/New_York');
    expect(newYork.offset).toBe(240);
    // ICU may name the Vietnamese zone by its older alias.
    expect(['Asia/Ho_Chi_Minh', 'Asia/Saigon']).toContain(hoChiMinh.zone);
    expect(hoChiMinh.offset).toBe(-420);
  });

  it('should give identical dates, order and archive groups for the real content in both zones', () => {
    expect(newYork.folders[0]).toEqual(hoChiMinh.folders[0]);
    expect(newYork.folders[0]?.problems).toEqual([]);
    expect(newYork.folders[0]?.stories.length).toBeGreaterThan(0);
  });

  it('should keep every real story date as written in its file', () => {
    const written = writtenDates(REAL_CONTENT_DIR);
    for (const snapshot of [newYork, hoChiMinh]) {
      const loaded = new Map(snapshot.folders[0]?.stories.map((story) => [story.id, story.date]));
      expect(loaded).toEqual(written);
    }
  });

  it('should keep an unquoted date as that calendar day in both zones', () => {
    for (const snapshot of [newYork, hoChiMinh]) {
      const folder = snapshot.folders[1];
      expect(folder?.problems).toEqual([]);
      expect(folder?.stories.find((story) => story.id === 'unquoted-day')).toEqual({
        id: 'unquoted-day',
        date: '2025-10-23',
        en: '23 October 2025',
        vi: 'ngày 23 tháng 10 năm 2025',
      });
      expect(folder?.stories.find((story) => story.id === 'new-year-day')).toEqual({
        id: 'new-year-day',
        date: '2025-01-01',
        en: '1 January 2025',
        vi: 'ngày 1 tháng 1 năm 2025',
      });
    }
  });

  it('should order and group the fixture stories the same in both zones, by their written dates', () => {
    const expected = {
      order: ['unquoted-day', 'quoted-day', 'unquoted-month', 'new-year-day', 'new-year-eve'],
      years: [
        {
          year: 2025,
          count: 4,
          months: [
            { month: 10, ids: ['unquoted-day', 'quoted-day', 'unquoted-month'] },
            { month: 1, ids: ['new-year-day'] },
          ],
        },
        { year: 2024, count: 1, months: [{ month: 12, ids: ['new-year-eve'] }] },
      ],
    };
    for (const snapshot of [newYork, hoChiMinh]) {
      expect({
        order: snapshot.folders[1]?.stories.map((story) => story.id),
        years: snapshot.folders[1]?.years,
      }).toEqual(expected);
    }
    expect(newYork.folders[1]).toEqual(hoChiMinh.folders[1]);
  });
});
