import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  forgetBuild,
  newestChange,
  readBuildRecord,
  rebuildReason,
  recordBuild,
  type BuildState,
} from '../../scripts/build-record';

const BUILT_AT = Date.parse('2026-01-10T12:00:00Z');
const settings = { siteUrl: 'https://archive.example', contentDir: '/archive/content' };
const upToDate: BuildState = {
  hasOutput: true,
  record: { startedAt: BUILT_AT, ...settings },
  wanted: settings,
  newest: { file: 'lib/views/story-lists.ts', changedAt: BUILT_AT - 60_000 },
};

describe('whether npm start must build again', () => {
  it('should serve out/ as it is when nothing changed since the build began', () => {
    expect(rebuildReason(upToDate)).toBeUndefined();
  });

  it('should build when there is no site in out/', () => {
    expect(rebuildReason({ ...upToDate, hasOutput: false })).toMatch(/no built site/);
  });

  it('should build when the last build left no record, as one that stopped half-way does', () => {
    expect(rebuildReason({ ...upToDate, record: undefined })).toMatch(/did not finish/);
  });

  it('should build when a build input changed after the build began, naming it', () => {
    expect(rebuildReason({ ...upToDate, newest: { file: 'scripts/finish-pages.ts', changedAt: BUILT_AT + 1 } })).toBe(
      'scripts/finish-pages.ts changed since the last build',
    );
  });

  it('should build when SITE_URL differs from the one the site was built for, even if it was unset', () => {
    expect(rebuildReason({ ...upToDate, wanted: { ...settings, siteUrl: 'https://other.example' } })).toMatch(
      /"https:\/\/other\.example".*"https:\/\/archive\.example"/,
    );
    expect(rebuildReason({ ...upToDate, wanted: { ...settings, siteUrl: '' } })).toMatch(/SITE_URL/);
  });

  it('should build when the content folder is another one', () => {
    expect(rebuildReason({ ...upToDate, wanted: { ...settings, contentDir: '/elsewhere' } })).toMatch(/\/elsewhere/);
  });
});

describe('the inputs the decision reads', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'build-record-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('should find the newest file anywhere under the inputs and skip inputs that do not exist', () => {
    mkdirSync(path.join(folder, 'lib', 'deep'), { recursive: true });
    const deep = path.join(folder, 'lib', 'deep', 'a.ts');
    const top = path.join(folder, 'package-lock.json');
    writeFileSync(deep, '');
    writeFileSync(top, '');
    // A whole second, which every file system stores exactly.
    const future = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
    utimesSync(deep, future, future);
    expect(newestChange([path.join(folder, 'lib'), top, path.join(folder, 'missing')])).toEqual({
      file: deep,
      changedAt: future.getTime(),
    });
    expect(newestChange([path.join(folder, 'missing')])).toBeUndefined();
  });

  it('should count a file put back with old times as changed when it was put back', () => {
    const restored = path.join(folder, 'restored', 'page.tsx');
    mkdirSync(path.dirname(restored), { recursive: true });
    const before = Date.now();
    writeFileSync(restored, '');
    // As a copy that keeps times would leave it: modified long before the last build began. The clock file times
    // are read from may lag the one Date.now reads by a tick.
    utimesSync(restored, new Date(BUILT_AT - 60_000), new Date(BUILT_AT - 60_000));
    const found = newestChange([restored]);
    expect(found?.changedAt).toBeGreaterThanOrEqual(before - 20);
    expect(rebuildReason({ ...upToDate, newest: found, record: { ...settings, startedAt: before - 20 } })).toMatch(
      /page\.tsx changed/,
    );
  });

  it('should read back the record a build wrote, with the SITE_URL it read, and none once forgotten or unreadable', () => {
    const file = path.join(folder, 'record', 'last-build.json');
    const before = process.env.SITE_URL;
    process.env.SITE_URL = 'https://archive.example';
    try {
      recordBuild(BUILT_AT, file);
    } finally {
      if (before === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = before;
    }
    expect(readBuildRecord(file)).toMatchObject({ startedAt: BUILT_AT, siteUrl: 'https://archive.example' });
    writeFileSync(file, '{"startedAt":"yesterday"}');
    expect(readBuildRecord(file)).toBeUndefined();
    forgetBuild(file);
    expect(readBuildRecord(file)).toBeUndefined();
  });
});
