/**
 * The photos an article names (its lead image and the images of its body) and what is
 * wrong with each reference: a remote address, a path out of the story's folder, a file
 * that is not there, alt text missing or only a file name, a caption the page would not show.
 */
import type { Image, ImageReference as MdastImageReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { figureImage } from '../content/markdown';
import type { ContentProblem } from '../content/problems';
import { hasVisibleCharacter } from '../content/refused-characters';
import { TEXT_LIMITS } from '../content/schema';
import { characterCount, excerpt } from '../text/character-count';
import { closestId } from '../views/entities';
import { IMAGE_EXTENSIONS_TEXT, imageFormatOfName } from './image-files';
import { IMAGE_WIDTHS } from './published';

interface Place {
  line?: number;
  column?: number;
  field?: string;
}

/** One photo an article names, where its name and its alt text are written. */
export interface ImageReference {
  src: string;
  /** What the text says the photo shows; undefined for a lead image's alt text refused by its own field's check, which says why. */
  alt: string | undefined;
  at: Place;
  altAt: Place;
  /** Written as a reference image, `![alt][name]`. */
  byReference?: boolean;
}

/** Where an image of a body stands in the file (`bodyLine` is the body's first line). */
function placeOf(node: Image | MdastImageReference, bodyLine: number): Place {
  const start = node.position?.start;
  return start ? { line: bodyLine + start.line - 1, column: start.column } : {};
}

/** The images of a body, placed at their lines in the file (`bodyLine` is the body's first). */
export function bodyImageReferences(tree: Root, bodyLine: number): ImageReference[] {
  const references: ImageReference[] = [];
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const at = placeOf(node, bodyLine);
    // A reference image (`![alt][name]`) names its file elsewhere: reported as such, never shown.
    const src = node.type === 'image' ? node.url : `[${node.label ?? node.identifier}]`;
    references.push({
      src,
      alt: node.alt ?? '',
      at,
      altAt: at,
      ...(node.type === 'imageReference' ? { byReference: true } : {}),
    });
  });
  return references;
}

const HOW_TO_ADD =
  `Save the photo in the story's folder beside en.md and vi.md, as ${IMAGE_EXTENSIONS_TEXT}, and write only ` +
  'its file name: ![what the photo shows](photo.jpg "caption"), or image: { src: photo.jpg, alt: "…" }.';

/** A name as a photo's alt text: a file name ("IMG_0042.jpg", the photo's own name) or a camera's numbering. */
function isFileName(alt: string, src: string): boolean {
  const text = alt.trim().toLowerCase();
  return (
    text === src.toLowerCase() ||
    /^[^\s/]+\.(jpe?g|png|webp|avif|gif|heic|tiff?)$/.test(text) ||
    /^(img|dsc|dscn|pxl|photo|image)[-_ ]?\d+$/.test(text)
  );
}

/**
 * The problems of an article's photo references. `folder` is the story folder as the
 * editor sees it (`content/articles/<id>/`), `names` the photo files it holds.
 */
export function imageReferenceProblems(
  references: readonly ImageReference[],
  folder: string,
  names: ReadonlySet<string>,
): Omit<ContentProblem, 'file'>[] {
  return references.flatMap((reference): Omit<ContentProblem, 'file'>[] => {
    const { src, alt } = reference;
    const problems: Omit<ContentProblem, 'file'>[] = [];
    if (reference.byReference) {
      problems.push({
        kind: 'ImagePath',
        ...reference.at,
        message: `expected a photo as ![alt](file name), got the reference image ![${excerpt(alt ?? '')}]${excerpt(src)}`,
      });
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
      problems.push({
        kind: 'RemoteImage',
        ...reference.at,
        message: `remote image "${excerpt(src)}": the archive keeps its own photos, so a page never loads one from elsewhere`,
        hint: HOW_TO_ADD,
      });
    } else if (src.startsWith('/') || src.split(/[/\\]/).includes('..') || /[/\\]/.test(src)) {
      problems.push({
        kind: 'ImagePath',
        ...reference.at,
        message: `expected the name of a photo in the story's folder, got the path "${excerpt(src)}"`,
      });
    } else if (imageFormatOfName(src) === undefined) {
      problems.push({
        kind: 'ImagePath',
        ...reference.at,
        message: `"${excerpt(src)}" is not a photo file: expected ${IMAGE_EXTENSIONS_TEXT}`,
      });
    } else if (!names.has(src)) {
      const suggestion = closestId(src, names);
      problems.push({
        kind: 'MissingImage',
        ...reference.at,
        message: `no photo "${excerpt(src)}" in ${folder}`,
        ...(suggestion ? { hint: `Did you mean \`${suggestion}\`? File names are case-sensitive.` } : {}),
      });
    }
    if (alt === undefined) return problems;
    if (alt.trim() === '') {
      problems.push({
        kind: 'MissingAltText',
        ...reference.altAt,
        message: `the photo "${excerpt(src)}" has no alt text`,
      });
    } else if (!hasVisibleCharacter(alt)) {
      // Zero-width and other invisible characters read as nothing to a screen reader, as an empty alt text does.
      problems.push({
        kind: 'MissingAltText',
        ...reference.altAt,
        message: `the photo "${excerpt(src)}" has no alt text, only characters that show nothing`,
      });
    } else if (isFileName(alt, src)) {
      problems.push({
        kind: 'FileNameAltText',
        ...reference.altAt,
        message: `the alt text "${excerpt(alt)}" of the photo "${excerpt(src)}" is a file name, not a description`,
      });
    }
    return problems;
  });
}

/**
 * A body photo's title is its caption only on a figure, a photo alone in its paragraph (markdown.ts): among words,
 * beside another photo, in a link, a heading or a table, the page shows the photo without it. Each such caption is a
 * warning, where the editor would otherwise find it missing from the page.
 */
export function lostCaptionProblems(tree: Root, bodyLine: number): Omit<ContentProblem, 'file'>[] {
  const problems: Omit<ContentProblem, 'file'>[] = [];
  visit(tree, 'image', (node, _index, parent) => {
    const caption = node.title?.trim() ?? '';
    if (caption === '' || (parent?.type === 'paragraph' && figureImage(parent) === node)) return;
    problems.push({
      kind: 'LostCaption',
      ...placeOf(node, bodyLine),
      message: `the caption "${excerpt(caption)}" of the photo "${excerpt(node.url)}" is not shown: only a photo alone in its paragraph is shown with its caption`,
    });
  });
  return problems;
}

/**
 * A body photo's caption and alt text are held to the limit of the lead image's (schema.ts): a few sentences at most,
 * which also bounds what a page and its plain text carry of them.
 */
export function longImageTextProblems(tree: Root, bodyLine: number): Omit<ContentProblem, 'file'>[] {
  const problems: Omit<ContentProblem, 'file'>[] = [];
  visit(tree, 'image', (node) => {
    const texts = [
      ['caption', node.title ?? ''],
      ['alt text', node.alt ?? ''],
    ] as const;
    for (const [what, text] of texts) {
      const length = characterCount(text);
      if (length <= TEXT_LIMITS.sentences) continue;
      problems.push({
        kind: 'InvalidField',
        ...placeOf(node, bodyLine),
        message: `the ${what} of the photo "${excerpt(node.url)}" has ${length} characters; expected at most ${TEXT_LIMITS.sentences}`,
        hint: `Shorten it: a photo's caption and alt text have at most ${TEXT_LIMITS.sentences} characters, in the text as under image: in the frontmatter.`,
      });
    }
  });
  return problems;
}

/** The narrowest photo pages show well: the smallest width they publish, a phone's screen. */
const MIN_PHOTO_WIDTH = IMAGE_WIDTHS[0];

/**
 * A warning at each place that shows a photo narrower than MIN_PHOTO_WIDTH: pages and shared links would show it
 * blurred, and a thumbnail sent in place of the original is an easy slip to make.
 */
export function smallPhotoProblems(
  references: readonly ImageReference[],
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): Omit<ContentProblem, 'file'>[] {
  return references.flatMap((reference) => {
    const size = sizes.get(reference.src);
    if (!size || size.width >= MIN_PHOTO_WIDTH) return [];
    return [
      {
        kind: 'SmallImage' as const,
        ...reference.at,
        message: `the photo "${reference.src}" is ${size.width}×${size.height} pixels; pages show photos up to ${IMAGE_WIDTHS.at(-1)} pixels wide, so it would look blurred`,
      },
    ];
  });
}
