/**
 * Starts `npm run dev` on a content folder and port of the caller's choosing, for the
 * browser test of the preview and the benchmark, and stops it with everything it
 * started (it runs in a process group of its own).
 */
import { spawn } from 'node:child_process';
import { ROOT } from './build';

export interface LaunchedPreview {
  origin: string;
  /** Milliseconds from the start until the preview said it was ready. */
  readyMs: number;
  /** Everything the preview printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/** The line scripts/dev.ts prints once it serves pages. */
const READY_LINE = /the editing preview is on (http:\/\/\S+?)\/? /;

export function launchPreview(contentDir: string, port: number, timeoutMs = 180_000): Promise<LaunchedPreview> {
  const started = performance.now();
  const child = spawn('npm', ['run', 'dev'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let printed = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await exited;
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`npm run dev was not ready after ${timeoutMs} ms:\n${printed}`)));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run dev stopped (exit status ${code}):\n${printed}`));
    });
    const take = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const ready = READY_LINE.exec(printed);
      if (!ready?.[1]) return;
      clearTimeout(timer);
      resolve({ origin: ready[1], readyMs: performance.now() - started, output: () => printed, stop });
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
  });
}
