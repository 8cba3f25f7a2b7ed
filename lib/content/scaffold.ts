/**
 * `npm run new -- <story-id>`: a new story folder with an `en.md` and a `vi.md` to fill
 * in. The templates explain every field in the editor's language and start as drafts, so
 * a story committed half-written is checked but never published. The required fields are
 * left empty on purpose: until they are filled in, `npm run check` lists each one with
 * its line, which is the to-do list an editor needs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../site/i18n';
import { ID_PATTERN } from './ids';
import { foldText } from '../text/text-fold';
import { parseYamlWithPositions } from './yaml';
import { ARTICLES_FOLDER } from './layout';
import { escapeControlCharacters } from './output-escaping';

/** The new story's folder and files, or why none was made. */
type ScaffoldResult = { ok: true; folder: string; files: string[] } | { ok: false; message: string };

/** A valid id made from what an editor typed ("Hanoi Convention" → "hanoi-convention"), if one can be. */
export function suggestStoryId(wanted: string): string | undefined {
  const slug = foldText(wanted)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return ID_PATTERN.test(slug) && slug !== wanted ? slug : undefined;
}

/** Why `id` cannot name a new story in `contentDir`, or undefined when it can. */
function storyIdProblem(contentDir: string, id: string): string | undefined {
  if (!ID_PATTERN.test(id)) {
    const suggestion = suggestStoryId(id);
    // Shown as typed but never as a terminal would act on it: a control character is written as its escape.
    return `"${escapeControlCharacters(id)}" is not a story id: use 3 to 100 characters of lowercase a-z, 0-9 and "-"${suggestion ? `, e.g. ${suggestion}` : ''}.`;
  }
  const folder = path.join(contentDir, ARTICLES_FOLDER, id);
  if (existsSync(folder)) return `${folder} already exists: choose another id, or edit the files that are there.`;
  return undefined;
}

/** The topic ids of the registry, to show in the template; none when it cannot be read. */
function topicIds(contentDir: string): string[] {
  const file = path.join(contentDir, 'topics.yaml');
  if (!existsSync(file)) return [];
  const parsed = parseYamlWithPositions(readFileSync(file, 'utf8'));
  if ('errors' in parsed || !Array.isArray(parsed.value)) return [];
  return parsed.value.flatMap((entry: unknown) =>
    entry && typeof entry === 'object' && 'id' in entry && typeof entry.id === 'string' ? [entry.id] : [],
  );
}

interface TemplateWords {
  intro: (id: string) => string[];
  comments: Record<
    | 'title'
    | 'summary'
    | 'date'
    | 'dateEstimated'
    | 'topics'
    | 'topicList'
    | 'people'
    | 'organisations'
    | 'source'
    | 'sourceName'
    | 'sourceUrl'
    | 'sourceLanguage'
    | 'author'
    | 'original'
    | 'translatedFrom'
    | 'translator'
    | 'updated'
    | 'corrections'
    | 'correction'
    | 'aliases'
    | 'image'
    | 'draft',
    string
  >;
  body: string[];
}

const WORDS: Record<Locale, TemplateWords> = {
  en: {
    intro: (id) => [
      `New story "${id}", English version. Fill in the fields and write the text below,`,
      'then run `npm run check`. Every field is explained in docs/editing.md.',
      'en.md and vi.md must give the same date, topics, people and organisations.',
    ],
    comments: {
      title: 'required: the headline, up to 200 characters',
      summary: 'required: one or two sentences for cards, search and feeds; up to 400 characters, under 300 reads best',
      date: 'required: the date in Vietnam, YYYY-MM-DD (e.g. 2025-10-23), or YYYY-MM when the day is not known',
      topics: 'required: at least one topic id, e.g. [command-86, cybersecurity]',
      topicList: 'topic ids in topics.yaml:',
      people: 'ids from people.yaml of everyone the text names, e.g. [luong-cuong]; [] if none',
      organisations: 'ids from organisations.yaml of every organisation the text names, e.g. [command-86]; [] if none',
      dateEstimated:
        'optional: true when the source does not give the date and it is your estimate (remove "# " to use)',
      source: 'optional, where the report was first published: remove the "# " of these four lines to use it',
      sourceName: 'the publication, or its id in organisations.yaml, e.g. vietnam-news-agency',
      sourceUrl: 'optional: the address of the report, http:// or https://',
      sourceLanguage: 'optional: the language of the text at that address, e.g. vi',
      author: 'optional: the reporter, or their id in people.yaml (remove "# " to use)',
      original: 'say one: true when this file is the outlet\'s own wording (remove "# " to use) …',
      translatedFrom: '… or, for a translation, the language it was translated from, e.g. vi',
      translator: 'optional: who translated it: a name, an id in people.yaml, or archive (remove "# " to use)',
      updated: 'optional, after publication: the day of the last substantive change, YYYY-MM-DD (remove "# " to use)',
      corrections:
        'optional, after publication: each correction of this text, shown under it (remove "# " of both lines)',
      correction: 'the day of the correction, YYYY-MM-DD, and what was wrong, in one line',
      aliases:
        'optional: earlier ids of this story when it was renamed; the old addresses lead here. Same in en.md and vi.md',
      image: 'optional: the lead image, a photo in this folder; alt (what it shows) is required (remove "# " to use)',
      draft: 'true: checked, never published. Set to false in both files when the story is ready.',
    },
    body: [
      '<!--',
      'Write the text of the story here, in Markdown, and delete this comment.',
      'A blank line separates paragraphs; "## " starts a subheading (the title is already the',
      'page heading); a paragraph in *italics* only is the caption of a photo the archive does not hold;',
      'a photo of this folder, alone in its paragraph: ![what it shows](photo.jpg "caption").',
      '-->',
    ],
  },
  vi: {
    intro: (id) => [
      `Bài mới "${id}", bản tiếng Việt. Điền các trường và viết nội dung bên dưới,`,
      'rồi chạy `npm run check`. Mọi trường được giải thích trong docs/editing.vi.md.',
      'en.md và vi.md phải ghi cùng ngày (date), chủ đề (topics), nhân vật (people) và tổ chức (organisations).',
    ],
    comments: {
      title: 'bắt buộc: tiêu đề, tối đa 200 ký tự',
      summary: 'bắt buộc: một hai câu tóm tắt cho thẻ bài, tìm kiếm và RSS; tối đa 400 ký tự, nên dưới 300',
      date: 'bắt buộc: ngày theo giờ Việt Nam, YYYY-MM-DD (vd. 2025-10-23), hoặc YYYY-MM nếu không rõ ngày',
      topics: 'bắt buộc: ít nhất một mã chủ đề, vd. [command-86, cybersecurity]',
      topicList: 'các mã chủ đề trong topics.yaml:',
      people: 'mã trong people.yaml của mọi người được nêu tên trong bài, vd. [luong-cuong]; [] nếu không có',
      organisations: 'mã trong organisations.yaml của mọi tổ chức được nêu tên, vd. [command-86]; [] nếu không có',
      dateEstimated: 'không bắt buộc: true nếu nguồn không ghi ngày và ngày là do bạn ước tính (xóa "# " để dùng)',
      source: 'không bắt buộc, nơi bài được đăng đầu tiên: xóa "# " ở đầu bốn dòng này để dùng',
      sourceName: 'tên cơ quan báo chí, hoặc mã trong organisations.yaml, vd. vietnam-news-agency',
      sourceUrl: 'không bắt buộc: địa chỉ bài báo, http:// hoặc https://',
      sourceLanguage: 'không bắt buộc: ngôn ngữ của bài ở địa chỉ đó, vd. vi',
      author: 'không bắt buộc: phóng viên, hoặc mã trong people.yaml (xóa "# " để dùng)',
      original: 'ghi một trong hai: true nếu tệp này là nguyên văn của cơ quan báo chí (xóa "# " để dùng) …',
      translatedFrom: '… hoặc, với bản dịch, ngôn ngữ của bản được dịch, vd. en',
      translator:
        'không bắt buộc: người dịch: tên, mã trong people.yaml, hoặc archive (kho lưu trữ) (xóa "# " để dùng)',
      updated: 'không bắt buộc, sau khi đăng: ngày sửa đổi nội dung gần nhất, YYYY-MM-DD (xóa "# " để dùng)',
      corrections: 'không bắt buộc, sau khi đăng: mỗi lần đính chính bài này, hiện dưới bài (xóa "# " ở cả hai dòng)',
      correction: 'ngày đính chính, YYYY-MM-DD, và điều đã sai, trên một dòng',
      aliases:
        'không bắt buộc: các mã cũ của bài khi bài được đổi mã; địa chỉ cũ sẽ dẫn về đây. Giống nhau ở en.md và vi.md',
      image: 'không bắt buộc: ảnh đại diện, một ảnh trong thư mục này; bắt buộc có alt (mô tả ảnh) (bỏ "# " để dùng)',
      draft: 'true: được kiểm tra nhưng không bao giờ đăng. Đổi thành false ở cả hai tệp khi bài đã xong.',
    },
    body: [
      '<!--',
      'Viết nội dung bài ở đây bằng Markdown, rồi xóa chú thích này.',
      'Một dòng trống ngăn cách các đoạn; "## " mở đầu một tiêu đề phụ (tiêu đề bài đã là',
      'tiêu đề trang); một đoạn chỉ gồm chữ *nghiêng* là chú thích của ảnh mà kho không lưu;',
      'một ảnh trong thư mục này, đứng riêng một đoạn: ![mô tả ảnh](photo.jpg "chú thích").',
      '-->',
    ],
  },
};

/** Lines `key: value  # comment`, with the comments aligned so the file reads as a form. */
function aligned(rows: readonly [string, string][]): string[] {
  const width = Math.max(...rows.filter(([, comment]) => comment).map(([code]) => code.length)) + 2;
  return rows.map(([code, comment]) => (comment ? `${code.padEnd(width)}# ${comment}` : code));
}

/** The text of a new article file in `locale`. */
export function storyTemplate(locale: Locale, id: string, topics: readonly string[] = []): string {
  const words = WORDS[locale];
  const c = words.comments;
  const fields = aligned([
    ['title: ""', c.title],
    ['summary: ""', c.summary],
    ['date: ""', c.date],
    ['# date_estimated: true', c.dateEstimated],
    ['topics: []', c.topics],
    ...(topics.length > 0 ? [[`#   ${c.topicList} ${topics.join(', ')}`, ''] as [string, string]] : []),
    ['people: []', c.people],
    ['organisations: []', c.organisations],
    ['# source:', c.source],
    ['#   name: ""', c.sourceName],
    ['#   url: ""', c.sourceUrl],
    ['#   language: ""', c.sourceLanguage],
    ['# author: ""', c.author],
    ['# original: true', c.original],
    ['# translated_from: ""', c.translatedFrom],
    ['# translator: ""', c.translator],
    ['# updated: ""', c.updated],
    ['# corrections:', c.corrections],
    ['#   - { date: "", text: "" }', c.correction],
    ['# aliases: []', c.aliases],
    ['# image: { src: photo.jpg, alt: "…", caption: "…", credit: "…" }', c.image],
    ['draft: true', c.draft],
  ]);
  return ['---', ...words.intro(id).map((line) => `# ${line}`), ...fields, '---', '', ...words.body, ''].join('\n');
}

/** Creates `articles/<id>/en.md` and `vi.md` in `contentDir`, or says why it cannot. */
export function scaffoldStory(contentDir: string, id: string): ScaffoldResult {
  const problem = storyIdProblem(contentDir, id);
  if (problem) return { ok: false, message: problem };
  const folder = path.join(contentDir, ARTICLES_FOLDER, id);
  const topics = topicIds(contentDir);
  mkdirSync(folder, { recursive: true });
  const files = (['en', 'vi'] as const).map((locale) => {
    const file = path.join(folder, `${locale}.md`);
    // `wx`: never overwrite, even if the folder appeared since the check above.
    writeFileSync(file, storyTemplate(locale, id, topics), { flag: 'wx' });
    return file;
  });
  return { ok: true, folder, files };
}
