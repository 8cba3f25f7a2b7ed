/**
 * The catalogue of content problems. Each kind has a stable name (tests and docs refer
 * to it), and a hint that tells an editor what to do. A problem names the file, the
 * line and column where they can be known, and the field.
 */

import { escapeControlCharacters, escapeWorkflowData, escapeWorkflowProperty } from './output-escaping';

export const PROBLEM_KINDS = {
  InvalidEncoding: { severity: 'error', hint: 'Save the file as UTF-8 (most editors have an "encoding" menu).' },
  MissingFrontmatter: {
    severity: 'error',
    hint: 'Start the file with a line "---", the fields, and another "---" line.',
  },
  ForeignFrontmatter: {
    severity: 'error',
    hint: 'Only YAML frontmatter is accepted: the first line must be exactly "---".',
  },
  InvalidYaml: { severity: 'error', hint: 'Check indentation, and quote texts that contain ":" or "#".' },
  SymbolicLink: {
    severity: 'error',
    hint: 'Replace the link by the file or folder itself: content is read only from real files inside the content folder.',
  },
  NotAFile: { severity: 'error', hint: 'Put a file here, not a folder or other special file.' },
  FileTooLarge: {
    severity: 'error',
    hint: 'Content files over the limit are not read: split the text, or remove pasted data.',
  },
  UnreadableFile: { severity: 'error', hint: "Check the file's permissions, or restore it from the repository." },
  InvalidField: { severity: 'error', hint: 'See docs/editing.md for every field and its form.' },
  UnknownField: {
    severity: 'error',
    hint: 'Remove the field or fix its spelling; see docs/editing.md for the list of fields.',
  },
  UnknownReference: { severity: 'error', hint: 'Use an id that exists in the registry file, or add the entry there.' },
  NameInsteadOfId: {
    severity: 'error',
    hint: 'Lists of topics, people and organisations name each entry by its id in the registry file, not by its name.',
  },
  BrokenLink: {
    severity: 'error',
    hint: "Link a page the archive publishes, written from the site's root: /en/articles/<story-id>/, /vi/people/<person-id>/.",
  },
  DuplicateId: { severity: 'error', hint: 'Each id must be unique within its registry file.' },
  TranslationMismatch: {
    severity: 'error',
    hint: 'Both language files of a story must give the same date, topics, people, organisations and aliases.',
  },
  DateBeforeStory: {
    severity: 'error',
    hint: "A change cannot come before the story: check the year and month of updated: and of each correction, and the story's date:.",
  },
  StoryAliasClash: {
    severity: 'error',
    hint: 'An alias is an earlier id of this story only: remove it, or the story folder or other alias that has the same id.',
  },
  AliasClash: {
    severity: 'error',
    hint: "An alias must name only its own entry: remove it, or write it out so that it differs from the other entry's names and aliases (accents and capitals aside).",
  },
  ControlCharacter: {
    severity: 'error',
    hint: 'Delete the invisible character (often pasted from another program): retype the text around it. Titles, summaries, names and aliases are one line, without tabs.',
  },
  LoneSurrogate: {
    severity: 'error',
    hint: 'Half of a character (e.g. a YAML escape "\\uD800" or a cut emoji): write the whole character, or remove it.',
  },
  BidiControl: {
    severity: 'error',
    hint: 'Remove the character: it changes the order in which text is shown, so the text would not read as it does in review.',
  },
  Noncharacter: {
    severity: 'error',
    hint: 'Remove the character: U+FFFE and U+FFFF are not characters, and feeds cannot carry them.',
  },
  HidingCharacter: {
    severity: 'error',
    hint: 'Remove the character (often pasted with copied text): tag and interlinear annotation characters show nothing, and can carry a text no reviewer sees.',
  },
  InvisibleText: {
    severity: 'error',
    hint: 'Write the text with letters or digits: spaces, zero-width and other invisible characters alone show nothing.',
  },
  EmptyBody: { severity: 'error', hint: 'Write the article text below the closing "---" line.' },
  BodyTooLarge: { severity: 'error', hint: 'Split the text, or move data out of the article.' },
  MarkdownTooComplex: {
    severity: 'error',
    hint: 'Simplify the Markdown at that line; see docs/editing.md for the limits.',
  },
  UnclosedHtml: {
    severity: 'error',
    hint: 'Close it (--> after a comment, </script> after <script>, and so on) or delete it: an HTML block that is never closed takes every line after it off the page.',
  },
  UnexpectedFile: {
    severity: 'error',
    hint: 'A story folder holds only en.md and vi.md (lowercase) and the photos they show (.jpg, .jpeg, .png, .webp, .avif).',
  },
  InvalidImage: {
    severity: 'error',
    hint: 'Export the photo again as JPEG, PNG, WebP or AVIF with the matching file extension, at most 20 MB and 40 megapixels.',
  },
  RemoteImage: { severity: 'error', hint: "Save the photo in the story's folder and write its file name." },
  ImagePath: {
    severity: 'error',
    hint: 'Put the photo beside en.md and vi.md and write only its file name: no folders, no "../", no path starting with "/".',
  },
  MissingImage: {
    severity: 'error',
    hint: "Add the photo to the story's folder, or correct its name (names are case-sensitive).",
  },
  MissingAltText: {
    severity: 'error',
    hint: 'Say what the photo shows, for readers who cannot see it: ![delegates at the opening session](photo.jpg), or alt: "…" under image:.',
  },
  FileNameAltText: {
    severity: 'error',
    hint: 'Replace the file name by what the photo shows, for readers who cannot see it: ![delegates at the opening session](photo.jpg).',
  },
  SmallImage: {
    severity: 'warning',
    hint: 'Use the original photo, at least 480 pixels wide (1600 or more is best): the build makes the smaller sizes itself.',
  },
  LostCaption: {
    severity: 'warning',
    hint: 'Put the photo alone in its paragraph, with a blank line above and below it, for its caption to show: ![what it shows](photo.jpg "caption").',
  },
  UnusedImage: {
    severity: 'warning',
    hint: 'Place the photo in a text with ![what it shows](name "caption"), or as image: in the frontmatter, or remove the file.',
  },
  InvalidStoryId: { severity: 'error', hint: 'Rename the folder: lowercase a-z, 0-9 and "-", 3 to 100 characters.' },
  EmptyStory: { severity: 'error', hint: 'Add en.md or vi.md to the folder, or remove the folder.' },
  MissingRegistry: {
    severity: 'error',
    hint: 'The content folder must hold topics.yaml, people.yaml and organisations.yaml.',
  },
  MissingTranslation: {
    severity: 'warning',
    hint: 'Readers of the other language see the story marked as available in one language only.',
  },
  UntaggedMention: {
    severity: 'warning',
    hint: 'Add the id to the frontmatter so the story is listed on that page and found by search.',
  },
  UnstatedProvenance: {
    severity: 'warning',
    hint: "Add original: true when the file is the outlet's own wording, or translated_from: <language> and translator: <who> when it is a translation (see docs/editing.md).",
  },
  MissingRoleStory: {
    severity: 'warning',
    hint: 'The role is shown without a date until the story is published: give the id (folder name) of a story that shows the person in this role.',
  },
  AmbiguousAlias: {
    severity: 'warning',
    hint: 'An alias must name only this entry: write it out (a full name, "Gen. Le Huy Vinh"), or remove it.',
  },
  LongSummary: { severity: 'warning', hint: 'Cards and search results show summaries best under 300 characters.' },
  RemovedHtml: {
    severity: 'warning',
    hint: 'Write it in Markdown: [words](address) for a link, ![what it shows](photo.jpg) for a photo, a backslash (\\) at the end of a line for a line break; what Markdown cannot write (superscript, underline) shows as plain text.',
  },
  RemovedHtmlText: {
    severity: 'warning',
    hint: 'Write the text in Markdown (**bold**, *italic*, [link](…), | tables |): HTML in the text is removed, and a block of HTML takes its text with it.',
  },
  DroppedLink: {
    severity: 'warning',
    hint: 'Write the address in full with its scheme in lowercase (https://…, mailto:…), or a page of the archive (/en/articles/<id>/); remove a link to a script or data address.',
  },
  NumbersDiffer: {
    severity: 'warning',
    hint: "Compare the two language files: a number is missing, mistyped or different in one of them. The same number written in each language's way (1,000 and 1.000; October and 10) is not reported.",
  },
  UntranslatedChange: {
    severity: 'warning',
    hint: 'Bring the other language file up to date with this change, or ignore this warning when the change concerns this language only (a typo, a correction of the translation).',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; hint: string }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

export const isProblemKind = (value: unknown): value is ProblemKind =>
  typeof value === 'string' && Object.hasOwn(PROBLEM_KINDS, value);

export interface ContentProblem {
  kind: ProblemKind;
  /** Path relative to the content folder's parent, as an editor sees it in the repository. */
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. `topics.1` or `source.url`. */
  field?: string;
  message: string;
  /** Replaces the kind's general hint when a more precise one is known (e.g. "did you mean …"). */
  hint?: string;
}

export function severityOf(problem: ContentProblem): 'error' | 'warning' {
  return PROBLEM_KINDS[problem.kind].severity;
}

/**
 * `path:line:col: field: message`, then the hint on an indented line. File names, fields,
 * messages and hints can all carry text from content, so control characters in them are
 * shown escaped: each problem is exactly these two lines.
 */
export function formatProblem(problem: ContentProblem): string {
  const place = problemPlace(problem);
  const label = severityOf(problem) === 'warning' ? 'warning: ' : '';
  return `${place}: ${label}${problemText(problem)} [${problem.kind}]\n    hint: ${problemHint(problem)}`;
}

/** `file:line:col` (as much of it as is known), escaped. */
export function problemPlace(problem: ContentProblem): string {
  return [escapeControlCharacters(problem.file), problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(':');
}

/** `field: message`, escaped. */
function problemText(problem: ContentProblem): string {
  const field = problem.field ? `${escapeControlCharacters(problem.field)}: ` : '';
  return `${field}${escapeControlCharacters(problem.message)}`;
}

export function problemHint(problem: ContentProblem): string {
  return escapeControlCharacters(problem.hint ?? PROBLEM_KINDS[problem.kind].hint);
}

/**
 * The problem as a GitHub Actions annotation (`::error file=…,line=…,col=…::message`),
 * which the pull request shows at its line. Values are escaped as workflow commands
 * require, after control characters, so no text from content can end the command or
 * start another.
 */
export function formatAnnotation(problem: ContentProblem): string {
  const properties = [
    // Line breaks in a path take the workflow format's own escapes, so GitHub reads the real path; other controls are shown as escapes.
    `file=${escapeControlCharacters(escapeWorkflowProperty(problem.file))}`,
    ...(problem.line === undefined ? [] : [`line=${problem.line}`]),
    ...(problem.line === undefined || problem.column === undefined ? [] : [`col=${problem.column}`]),
    `title=${problem.kind}`,
  ];
  const message = `${escapeWorkflowData(problemText(problem))}%0A${escapeWorkflowData(`hint: ${problemHint(problem)}`)}`;
  return `::${severityOf(problem)} ${properties.join(',')}::${message}`;
}
