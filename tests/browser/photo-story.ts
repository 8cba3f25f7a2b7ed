/**
 * A story with photos for the browser tests, written into the hostile corpus so that
 * one build serves both: a 3000×2000 lead image carrying a phone's metadata (GPS
 * included), a figure in the body, and the caption of a photo not held. The photos are
 * generated with sharp (tests/unit/helpers/photos.ts), never real news photos, and are
 * never written into content/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { testPhoto } from '../unit/helpers/photos';

export const PHOTO_STORY = 'photo-story';

export const LEAD_ALT = { en: 'Delegates seated in a conference hall', vi: 'Đại biểu ngồi trong hội trường' };
export const FIGURE_CAPTION = { en: 'The signing table. Photo: Test', vi: 'Bàn ký kết. Ảnh: Thử nghiệm' };

const TEXT = {
  en: {
    title: 'Delegates gather for the convention signing',
    summary: 'Delegates gathered in the conference hall for the signing of the convention.',
    caption: 'Conference scene.',
    credit: 'Photo: Test',
    body: 'Delegates gathered in the hall on the morning of the signing.',
    figureAlt: 'A long table with two pens and a folder',
    unheld: 'The chair opens the session. (Photo: VNA)',
    after: 'The session lasted the whole morning.',
  },
  vi: {
    title: 'Đại biểu tề tựu dự lễ ký công ước',
    summary: 'Các đại biểu tề tựu tại hội trường dự lễ ký công ước.',
    caption: 'Toàn cảnh hội nghị.',
    credit: 'Ảnh: Thử nghiệm',
    body: 'Các đại biểu tề tựu tại hội trường vào buổi sáng ngày ký.',
    figureAlt: 'Một chiếc bàn dài với hai cây bút và một tập hồ sơ',
    unheld: 'Chủ tọa khai mạc phiên họp. (Ảnh: TTXVN)',
    after: 'Phiên họp kéo dài suốt buổi sáng.',
  },
} as const;

export async function writePhotoStory(contentDir: string): Promise<void> {
  const folder = path.join(contentDir, 'articles', PHOTO_STORY);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'hall.jpg'), await testPhoto({ width: 3000, height: 2000, phoneMetadata: true }));
  writeFileSync(path.join(folder, 'table.png'), await testPhoto({ width: 1200, height: 900, format: 'png' }));
  for (const locale of ['en', 'vi'] as const) {
    const text = TEXT[locale];
    const frontmatter = [
      '---',
      `title: ${JSON.stringify(text.title)}`,
      `summary: ${JSON.stringify(text.summary)}`,
      'date: "2025-10-24"',
      'topics: [cybersecurity]',
      `image: { src: hall.jpg, alt: ${JSON.stringify(LEAD_ALT[locale])}, caption: ${JSON.stringify(text.caption)}, credit: ${JSON.stringify(text.credit)} }`,
      '---',
    ];
    const body = [
      text.body,
      `![${text.figureAlt}](table.png ${JSON.stringify(FIGURE_CAPTION[locale])})`,
      `*${text.unheld}*`,
      text.after,
    ];
    writeFileSync(path.join(folder, `${locale}.md`), `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n`);
  }
}
