/**
 * HTML validity with the Nu HTML Checker (the W3C validator, npm `vnu-jar`), run with
 * the machine's Java over built files. Only errors count: warnings are advice.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** vnu-jar's main module is the path of its `vnu.jar`. */
const VNU_JAR = createRequire(import.meta.url)('vnu-jar') as string;

/** One validation error: the file, where in it, and the checker's message. */
export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  extract: string;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

function runJava(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    execFile('java', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new Error(
            'java not found: the Nu HTML Checker needs a Java runtime (Debian: apt-get install default-jre-headless)',
          ),
        );
        return;
      }
      // vnu exits 1 when it reports errors; its JSON report is what matters.
      resolve({ stdout, stderr, code: typeof error?.code === 'number' ? error.code : 0 });
    });
  });
}

/**
 * Validates the given HTML files (paths relative to `root`) in one Java run and returns
 * every error. Files are named relative to `root` in the problems.
 */
export async function validateHtml(root: string, files: readonly string[]): Promise<HtmlProblem[]> {
  if (files.length === 0) return [];
  const absolute = files.map((file) => path.resolve(root, file));
  const { stdout, stderr, code } = await runJava([
    '-jar',
    VNU_JAR,
    '--errors-only',
    '--format',
    'json',
    '--stdout',
    ...absolute,
  ]);
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(stdout) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`The Nu HTML Checker gave no JSON report (exit ${code}): ${stderr || stdout}`);
  }
  const base = path.resolve(root);
  return report.messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => ({
      file: message.url ? path.relative(base, fileURLToPath(message.url)).split(path.sep).join('/') : '(unknown file)',
      line: message.lastLine ?? 0,
      column: message.firstColumn ?? message.lastColumn ?? 0,
      message: message.message,
      extract: message.extract ?? '',
    }));
}

/** One line per problem, for failure messages. */
export function formatHtmlProblem(problem: HtmlProblem): string {
  const extract = problem.extract.replace(/\s+/g, ' ').trim();
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}${extract ? ` — near: ${extract.slice(0, 120)}` : ''}`;
}
