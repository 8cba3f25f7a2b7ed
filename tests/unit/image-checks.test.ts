import { describe, expect, it } from 'vitest';
import { loadContentWithImages } from '../../lib/content/load';
import { formatProblem, PROBLEM_KINDS, type ContentProblem } from '../../lib/content/problems';
import { TEXT_LIMITS } from '../../lib/content/schema';
import {
  articleText,
  BASE_BODY,
  BASE_EN,
  BASE_STORY_ID,
  BASE_VI,
  type Fields,
  fixturesRemovedAfterEach,
  positionOf,
} from './helpers/content-fixture';
import { testPhoto } from './helpers/photos';

const FOLDER = `articles/${BASE_STORY_ID}`;
const fixtureWith = fixturesRemovedAfterEach();

const LEAD = {
  src: 'scene.jpg',
  alt: 'Delegates in the conference hall',
  caption: 'Conference scene.',
  credit: 'Photo: VNA',
};
const LEAD_VI = {
  src: 'scene.jpg',
  alt: 'Đại biểu trong hội trường',
  caption: 'Toàn cảnh hội nghị.',
  credit: 'Ảnh: TTXVN',
};

/** The base story with these files, its photos written in its folder; every problem that names the story's folder. */
async function load(
  en: { fields?: Fields; body?: string },
  photos: Record<string, Buffer | string>,
  vi?: { fields?: Fields; body?: string },
) {
  const fixture = fixtureWith({
    base: {
      en: articleText({ ...BASE_EN, ...en.fields }, en.body ?? BASE_BODY),
      vi: articleText({ ...BASE_VI, ...(vi ?? { fields: { image: LEAD_VI } }).fields }, vi?.body ?? BASE_BODY),
    },
  });
  for (const [name, bytes] of Object.entries(photos)) fixture.write(`${FOLDER}/${name}`, bytes);
  const loaded = await loadContentWithImages(fixture.dir);
  const own = (problem: ContentProblem) => problem.file.includes(`${FOLDER}/`);
  return { fixture, loaded, problems: loaded.problems.filter(own) };
}

const photo = () => testPhoto({ width: 1200, height: 800 });

describe('photos of a story', () => {
  it('should publish a story with a lead image and a figure, naming both as photos of its articles', async () => {
    const body = `${BASE_BODY}\n![A delegate speaks](speaker.png "The opening speech")\n`;
    const { loaded, problems } = await load(
      { fields: { image: LEAD }, body },
      { 'scene.jpg': await photo(), 'speaker.png': await testPhoto({ width: 500, height: 400, format: 'png' }) },
      {
        fields: { image: LEAD_VI },
        body: `${BASE_BODY}\n![Một đại biểu phát biểu](speaker.png "Phát biểu khai mạc")\n`,
      },
    );
    expect(problems).toEqual([]);
    const article = loaded.archive.stories[0]?.articles.en;
    expect(article?.image).toMatchObject({ ...LEAD, width: 1200, height: 800 });
    expect(article?.photos.map((each) => each.src).sort()).toEqual(['scene.jpg', 'speaker.png']);
    expect(article?.html).toContain('<figcaption>The opening speech</figcaption>');
  });

  it('should report a photo the text names that the folder does not hold, at its line', async () => {
    const body = `${BASE_BODY}\n![A delegate speaks](speker.jpg)\n`;
    const { problems } = await load(
      { fields: { image: LEAD }, body },
      { 'scene.jpg': await photo(), 'speaker.jpg': await photo() },
    );
    const { line, column } = positionOf(articleText({ ...BASE_EN, image: LEAD }, body), '![A delegate');
    expect(shown(problems)).toEqual([
      `${FOLDER}/en.md:${line}:${column}: no photo "speker.jpg" in ${FOLDER}/ [MissingImage]\n    hint: Did you mean \`speaker.jpg\`? File names are case-sensitive.`,
      `${FOLDER}/speaker.jpg: warning: no text of the story uses the photo "speaker.jpg" [UnusedImage]\n    hint: Place the photo in a text with ![what it shows](name "caption"), or as image: in the frontmatter, or remove the file.`,
    ]);
  });

  it('should report a lead image whose file is missing at its src field', async () => {
    const { problems } = await load(
      { fields: { image: { ...LEAD, src: 'lead.jpg' } } },
      { 'scene.jpg': await photo() },
    );
    expect(shown(problems)[0]).toMatch(
      new RegExp(`^${FOLDER}/en\\.md:\\d+:\\d+: image\\.src: no photo "lead\\.jpg" in ${FOLDER}/ \\[MissingImage\\]`),
    );
  });

  it('should check the lead image of a file whose other fields fail, reporting every problem in one run', async () => {
    const { problems } = await load(
      { fields: { date: '2025-02-30', image: { ...LEAD, src: 'lead.jpg' } } },
      { 'scene.jpg': await photo() },
    );
    const kinds = problems.filter((problem) => problem.file.endsWith('en.md')).map((problem) => problem.kind);
    expect(kinds).toEqual(expect.arrayContaining(['InvalidField', 'MissingImage']));
  });

  it("should report a missing lead image file beside the lead image's own field problems, in one run", async () => {
    const { problems } = await load({ fields: { image: { src: 'nothere.jpg' } } }, { 'scene.jpg': await photo() });
    expect(
      problems.filter((problem) => problem.file.endsWith('en.md')).map(({ kind, field }) => [kind, field]),
    ).toEqual([
      ['InvalidField', 'image.alt'],
      ['MissingImage', 'image.src'],
    ]);
  });

  it('should check the alt text of a lead image whose caption fails', async () => {
    const { problems } = await load(
      { fields: { image: { ...LEAD, alt: '', caption: 5 } } },
      { 'scene.jpg': await photo() },
    );
    expect(
      problems.filter((problem) => problem.file.endsWith('en.md')).map(({ kind, field }) => [kind, field]),
    ).toEqual([
      ['MissingAltText', 'image.alt'],
      ['InvalidField', 'image.caption'],
    ]);
  });

  it('should not call the lead image of a file whose other fields fail unused', async () => {
    // Only the English file names the photo.
    const { problems } = await load(
      { fields: { date: '2025-02-30', image: LEAD } },
      { 'scene.jpg': await photo() },
      { fields: {} },
    );
    expect(problems.map((problem) => problem.kind)).not.toContain('UnusedImage');
    expect(problems.map((problem) => problem.kind)).toContain('InvalidField');
  });

  it('should warn at each photo whose caption a page would not show, as it is not alone in its paragraph', async () => {
    const body =
      `${BASE_BODY}\nText before ![An inline photo](sq.png "Inline caption") text after.\n\n` +
      '![Two a](sq.png "c1")\n![Two b](sq.png "c2")\n\n![Alone](sq.png "Shown")\n\n![No caption](sq.png) among words.\n';
    const { loaded, problems } = await load(
      { fields: { image: LEAD }, body },
      { 'scene.jpg': await photo(), 'sq.png': await testPhoto({ width: 600, height: 600, format: 'png' }) },
    );
    const text = articleText({ ...BASE_EN, image: LEAD }, body);
    expect(problems.filter((problem) => problem.kind === 'LostCaption')).toEqual(
      ['![An inline', '![Two a', '![Two b'].map((needle) => ({
        kind: 'LostCaption',
        file: expect.stringMatching(/articles\/base-story\/en\.md$/),
        ...positionOf(text, needle),
        message: expect.stringMatching(/^the caption "(Inline caption|c1|c2)" of the photo "sq\.png" is not shown/),
      })),
    );
    expect(PROBLEM_KINDS.LostCaption).toEqual({
      severity: 'warning',
      hint: expect.stringContaining('alone in its paragraph'),
    });
    // A warning: the story is published, the photos shown without the captions.
    expect(loaded.archive.stories[0]?.articles.en?.html).not.toContain('Inline caption');
    expect(loaded.archive.stories[0]?.articles.en?.html).toContain('<figcaption>Shown</figcaption>');
  });

  it("should refuse a body caption or alt text longer than the lead image's may be", async () => {
    const long = 'c'.repeat(TEXT_LIMITS.sentences + 1);
    const body = `${BASE_BODY}\n![A photo](scene.jpg "${long}")\n\n![${long}](scene.jpg)\n\n![Fits](scene.jpg "${'c'.repeat(TEXT_LIMITS.sentences)}")\n`;
    const { loaded, problems } = await load({ fields: { image: LEAD }, body }, { 'scene.jpg': await photo() });
    const text = articleText({ ...BASE_EN, image: LEAD }, body);
    expect(problems.map(({ kind, line, message }) => ({ kind, line, message }))).toEqual([
      {
        kind: 'InvalidField',
        line: positionOf(text, '![A photo').line,
        message: `the caption of the photo "scene.jpg" has ${TEXT_LIMITS.sentences + 1} characters; expected at most ${TEXT_LIMITS.sentences}`,
      },
      {
        kind: 'InvalidField',
        line: positionOf(text, `![${long}`).line,
        message: `the alt text of the photo "scene.jpg" has ${TEXT_LIMITS.sentences + 1} characters; expected at most ${TEXT_LIMITS.sentences}`,
      },
    ]);
    expect(loaded.archive.stories).toEqual([]);
  });

  it('should warn, at each place that shows it, about a photo narrower than a phone screen', async () => {
    const body = `${BASE_BODY}\n![A delegate speaks](speaker.png)\n`;
    const { problems } = await load(
      { fields: { image: LEAD }, body },
      { 'scene.jpg': await testPhoto({ width: 320, height: 200 }), 'speaker.png': await photo() },
    );
    const small = problems.filter((problem) => problem.kind === 'SmallImage');
    expect(small.map((problem) => [problem.file.split('/').at(-1), problem.field])).toEqual([
      ['en.md', 'image.src'],
      ['vi.md', 'image.src'],
    ]);
    expect(small[0]?.message).toContain('"scene.jpg" is 320×200 pixels');
  });

  it('should warn about a photo file no text of the story uses', async () => {
    const { problems } = await load(
      { fields: { image: LEAD } },
      { 'scene.jpg': await photo(), 'spare.webp': await testPhoto({ width: 50, height: 40, format: 'webp' }) },
    );
    expect(shown(problems)).toEqual([
      `${FOLDER}/spare.webp: warning: no text of the story uses the photo "spare.webp" [UnusedImage]\n    hint: Place the photo in a text with ![what it shows](name "caption"), or as image: in the frontmatter, or remove the file.`,
    ]);
  });

  it('should say how to show a photo an HTML <img> names, rather than call the photo unused', async () => {
    const body = `${BASE_BODY}\n<img src="scene.jpg" alt="Delegates in the hall">\n`;
    const { loaded, problems } = await load({ body }, { 'scene.jpg': await photo() }, { body });
    expect(problems.map((problem) => [problem.kind, problem.hint])).toEqual([
      ['RemovedHtml', 'Write it in Markdown: ![Delegates in the hall](scene.jpg).'],
      ['RemovedHtml', 'Write it in Markdown: ![Delegates in the hall](scene.jpg).'],
    ]);
    // The photo is not on the page, so it is not published either.
    expect(loaded.archive.stories[0]?.articles.en?.photos).toEqual([]);
  });

  it('should refuse a photo without alt text, in the body or as the lead image', async () => {
    const body = `${BASE_BODY}\n![](scene.jpg)\n`;
    const { problems } = await load({ fields: { image: { ...LEAD, alt: ' ' } }, body }, { 'scene.jpg': await photo() });
    const lines = shown(problems);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /: image\.alt: the photo "scene\.jpg" has no alt text \[MissingAltText\]\n    hint: Say what the photo shows/,
    );
    expect(lines[1]).toMatch(
      /^articles\/base-story\/en\.md:\d+:1: the photo "scene\.jpg" has no alt text \[MissingAltText\]/,
    );
  });

  it('should refuse alt text of zero-width characters only as missing, in the body or as the lead image', async () => {
    const body = `${BASE_BODY}\n![\u200B](scene.jpg)\n`;
    const { loaded, problems } = await load(
      { fields: { image: { ...LEAD, alt: '\u200B\u2060' } }, body },
      { 'scene.jpg': await photo() },
    );
    expect(problems.map(({ kind, field, message }) => ({ kind, field, message }))).toEqual([
      {
        kind: 'MissingAltText',
        field: 'image.alt',
        message: 'the photo "scene.jpg" has no alt text, only characters that show nothing',
      },
      {
        kind: 'MissingAltText',
        field: undefined,
        message: 'the photo "scene.jpg" has no alt text, only characters that show nothing',
      },
    ]);
    expect(loaded.archive.stories).toEqual([]);
  });

  it('should refuse alt text that is only a file name', async () => {
    const { problems } = await load(
      { fields: { image: { ...LEAD, alt: 'IMG_0042.JPG' } } },
      { 'scene.jpg': await photo() },
    );
    expect(shown(problems)).toEqual([
      expect.stringContaining(
        'image.alt: the alt text "IMG_0042.JPG" of the photo "scene.jpg" is a file name, not a description [FileNameAltText]',
      ),
    ]);
  });

  it('should check the alt text of the Vietnamese file too', async () => {
    const { problems } = await load(
      { fields: { image: LEAD } },
      { 'scene.jpg': await photo() },
      { fields: { image: { ...LEAD_VI, alt: '' } } },
    );
    expect(shown(problems)).toEqual([
      expect.stringMatching(
        /^articles\/base-story\/vi\.md:\d+:\d+: image\.alt: the photo "scene\.jpg" has no alt text \[MissingAltText\]/,
      ),
    ]);
  });

  it('should refuse a remote image, saying how to add the photo instead', async () => {
    const body = `${BASE_BODY}\n![A delegate speaks](https://example.com/speaker.jpg)\n`;
    const { problems } = await load({ fields: { image: LEAD }, body }, { 'scene.jpg': await photo() });
    expect(shown(problems)).toEqual([
      expect.stringMatching(
        /: remote image "https:\/\/example\.com\/speaker\.jpg": the archive keeps its own photos, so a page never loads one from elsewhere \[RemoteImage\]\n    hint: Save the photo in the story's folder beside en\.md and vi\.md/,
      ),
    ]);
  });

  it('should refuse images of script and data addresses, however they are written, as remote images', async () => {
    const body = `${BASE_BODY}\n![a](JAVASCRIPT:alert(1))\n![b](&#106;avascript:alert(1))\n![c](data:image/svg+xml,%3Csvg%3E)\n![d](vbscript:msgbox(1))\n`;
    const { problems } = await load({ fields: { image: LEAD }, body }, { 'scene.jpg': await photo() });
    expect(problems.map((problem) => [problem.kind, problem.message.split(':')[0]])).toEqual([
      ['RemoteImage', 'remote image "JAVASCRIPT'],
      ['RemoteImage', 'remote image "javascript'],
      ['RemoteImage', 'remote image "data'],
      ['RemoteImage', 'remote image "vbscript'],
    ]);
  });

  it('should refuse a reference image, which names its file away from the image', async () => {
    const body = `${BASE_BODY}\n![x][r]\n\n[r]: scene.jpg\n`;
    const { problems } = await load({ fields: { image: LEAD }, body }, { 'scene.jpg': await photo() });
    expect(shown(problems)).toEqual([
      expect.stringContaining('expected a photo as ![alt](file name), got the reference image ![x][r] [ImagePath]'),
    ]);
  });

  it('should refuse a path out of the story folder or from the root', async () => {
    const body = `${BASE_BODY}\n![One](../other-story/scene.jpg)\n\n![Two](/images/scene.jpg)\n`;
    const { problems } = await load({ fields: { image: LEAD }, body }, { 'scene.jpg': await photo() });
    expect(shown(problems).map((line) => line.replace(/^[^ ]+ /, ''))).toEqual([
      `expected the name of a photo in the story's folder, got the path "../other-story/scene.jpg" [ImagePath]\n    hint: Put the photo beside en.md and vi.md and write only its file name: no folders, no "../", no path starting with "/".`,
      `expected the name of a photo in the story's folder, got the path "/images/scene.jpg" [ImagePath]\n    hint: Put the photo beside en.md and vi.md and write only its file name: no folders, no "../", no path starting with "/".`,
    ]);
  });

  it('should refuse a photo file that is not the image its extension says, naming the file', async () => {
    const { problems, loaded } = await load(
      { fields: { image: LEAD } },
      { 'scene.jpg': await testPhoto({ width: 40, height: 30, format: 'png' }) },
    );
    expect(shown(problems)).toEqual([
      `${FOLDER}/scene.jpg: the file holds a PNG image, but its name says JPEG [InvalidImage]\n    hint: Export the photo again as JPEG, PNG, WebP or AVIF with the matching file extension, at most 20 MB and 40 megapixels.`,
    ]);
    expect(loaded.archive.stories).toEqual([]);
  });

  it('should still refuse any other file in a story folder', async () => {
    const { problems } = await load({ fields: { image: LEAD } }, { 'scene.jpg': await photo(), 'notes.txt': 'notes' });
    expect(shown(problems)).toEqual([
      `${FOLDER}/notes.txt: unexpected file "notes.txt": expected en.md or vi.md [UnexpectedFile]\n    hint: A story folder holds only en.md and vi.md (lowercase) and the photos they show (.jpg, .jpeg, .png, .webp, .avif).`,
    ]);
  });
});

/** Each problem as the check prints it, the fixture's folder left out of paths and messages. */
function shown(problems: readonly ContentProblem[]): string[] {
  return problems.map((problem) => formatProblem(problem).replace(/\S*content-fixture-[^/]+\//g, ''));
}
