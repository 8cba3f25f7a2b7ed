/**
 * `npm run dev`: the editing preview on http://localhost:3000 (`PORT` to change).
 *
 * Pages are rendered on request by `next dev` (the same app/ and components/ as the
 * build, recompiled by Next when they change) and finished on their way out exactly as
 * the build finishes them (lib/finishing/page-html.ts: no Next runtime, the site script, the
 * policy), plus a live-reload script and, while the content has errors, the problems
 * overlay (lib/finishing/dev-page.ts). Rendering on request keeps a save fast at any
 * archive size: only the page asked for is rendered, where a rebuild renders them all.
 *
 * The content stage runs in a child process that stays up (scripts/dev-content.ts) and
 * writes the archive file the pages read, drafts included; told which files were saved,
 * it reads only their stories again and writes only those stories beside the archive
 * (lib/views/archive-updates.ts). Another process, of lower priority, writes the search
 * files a moment after it (scripts/dev-search.ts), so a large index never delays a page.
 * chokidar watches the content folder, components/, app/ and lib/. After each change the
 * open pages are told over Server-Sent Events to load again. Invalid content never stops
 * the preview: the pages keep the last valid archive and show the errors, which the
 * terminal prints too.
 *
 * Every address answers as in the built site: photos from the preview's image store
 * (filled by the content stage as the build fills its own), a renamed story's old address
 * with the page the build writes there, and an address the archive has no page at with
 * the site's not-found page and status 404, which `next dev` renders (next.config.ts).
 */
import { fork, spawn, type ChildProcess, type Serializable } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setPriority } from 'node:os';
import path from 'node:path';
import { watch } from 'chokidar';
import { contentDirectory } from '../lib/content/layout';
import type { ContentProblem } from '../lib/content/problems';
import { devPage } from '../lib/finishing/dev-page';
import { DEV_EVENTS_PATH } from '../lib/finishing/dev-protocol';
import type { PageScripts } from '../lib/finishing/page-html';
import { IMAGES_FOLDER } from '../lib/images/published';
import { PIPELINE_NODE_FLAGS, ROOT } from './build';
import type { DevContentJob, DevContentMessage, DevSearchMessage, DevSettings } from './dev-settings';
import { writeBundledScript, writePageScripts } from './page-scripts';
import { addressOf, contentTypeOf, fileHandler } from './static-server';

/** The preview's own files, apart from the build's: its archive (with drafts), caches, scripts and search files. */
const DEV_DIR = path.join(ROOT, '.archive', 'dev');
const SETTINGS: DevSettings = {
  archiveFile: path.join(DEV_DIR, 'archive.json'),
  publicDir: path.join(DEV_DIR, 'public'),
  cacheDir: path.join(DEV_DIR, 'caches'),
};
const OVERLAY_STYLESHEET = 'dev-overlay.css';
/** A burst of saves (an editor writing several files, a formatter after a save) is taken in as one change. */
const SETTLE_MS = 40;

const log = (message: string) => console.log(`dev: ${message}`);
const contentDir = contentDirectory();

interface Assets {
  scripts: PageScripts;
  liveReload: string;
}

/** The scripts pages load, bundled as the build bundles them, and the overlay's stylesheet. */
function writeAssets(): Assets {
  mkdirSync(SETTINGS.publicDir, { recursive: true });
  copyFileSync(path.join(ROOT, 'components', OVERLAY_STYLESHEET), path.join(SETTINGS.publicDir, OVERLAY_STYLESHEET));
  return {
    scripts: writePageScripts(SETTINGS.publicDir),
    liveReload: writeBundledScript(SETTINGS.publicDir, 'live-reload.ts', 'live-reload'),
  };
}

/** What the server knows of the archive the pages read now (scripts/dev-settings.ts, DevSite). */
interface Site {
  paths: ReadonlySet<string>;
  movedStories: ReadonlyMap<string, string>;
}

/** The folder of the photos' files, and its files served. */
interface Photos {
  dir: string;
  serve: ReturnType<typeof fileHandler>;
}

/** What the pages are served with now; the bundles are written once next dev and the content stage are under way. */
const state = {
  version: 0,
  errors: [] as ContentProblem[],
  assets: undefined as Assets | undefined,
  site: undefined as Site | undefined,
  photos: undefined as Photos | undefined,
};

// --- Server-Sent Events ------------------------------------------------------------

const listeners = new Set<ServerResponse>();

function sendVersion(response: ServerResponse): void {
  response.write(`event: version\ndata: ${state.version}\n\n`);
}

function announceChange(): void {
  state.version += 1;
  for (const response of listeners) sendVersion(response);
}

function openEvents(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  listeners.add(response);
  sendVersion(response);
  request.on('close', () => listeners.delete(response));
}

// --- The content stage and the search files ---------------------------------------

/**
 * A child process that does one job at a time: asked while busy, it runs once more when
 * done (however many times it was asked). It is started on first use, and again after it
 * stopped, so a crash never ends the preview.
 */
function childStage<Job, Answer>(
  name: string,
  script: string,
  /** The job to send, made when it is sent (so a job asked for while busy takes in everything since). */
  job: () => Job,
  env: Record<string, string>,
  onAnswer: (answer: Answer) => void,
  /** How much the process gives way to the others (os.setPriority: 0 as they are, up to 19). */
  niceness = 0,
) {
  let child: ChildProcess | undefined;
  let busy = false;
  let again = false;
  const start = () => {
    const started = fork(path.join(ROOT, 'scripts', script), [], {
      cwd: ROOT,
      execArgv: [...PIPELINE_NODE_FLAGS, '--import', 'tsx'],
      env: { ...process.env, ...env, DEV_SETTINGS: JSON.stringify(SETTINGS) },
    });
    // Not every system lets a process lower another's priority; then it runs as the others do.
    if (niceness > 0 && started.pid !== undefined) {
      try {
        setPriority(started.pid, niceness);
      } catch {
        // Left as it is.
      }
    }
    started.on('message', (answer: Answer) => {
      busy = false;
      onAnswer(answer);
      if (again) run();
    });
    started.on('exit', (code, signal) => {
      if (child !== started) return;
      log(`the ${name} stopped (${signal ?? `exit status ${code}`}); it starts again on the next change`);
      child = undefined;
      busy = false;
    });
    return started;
  };
  function run(): void {
    if (busy) {
      again = true;
      return;
    }
    again = false;
    busy = true;
    child ??= start();
    child.send(job() as Serializable);
  }
  return {
    run,
    /** Its code changed: the process is ended, and a new one takes the next job. */
    replace(): void {
      const old = child;
      child = undefined;
      busy = false;
      old?.kill();
    },
    stop: () => child?.kill(),
  };
}

let contentReady: () => void = () => {};
/** Resolves once the first content stage has answered: until then there is no archive for pages to read. */
const firstContent = new Promise<void>((resolve) => (contentReady = resolve));
let previewReady: () => void = () => {};
/** Resolves once the preview serves pages: the first search files wait for it, so they never delay the first page. */
const serving = new Promise<void>((resolve) => (previewReady = resolve));

/**
 * The search files wait this long after the content's last valid load, so a run of saves
 * writes them once, and the page asked for on a save is rendered before they are.
 */
const SEARCH_SETTLE_MS = 1000;
/** The search process gives way to the content stage and `next dev`: the page an editor waits for comes first. */
const SEARCH_NICENESS = 10;

const search = childStage<string, DevSearchMessage>(
  'search files',
  'dev-search.ts',
  () => 'build',
  // lib/views/archive.ts reads the preview's archive, and reads it again when it changes.
  { ARCHIVE_PATH: SETTINGS.archiveFile, NODE_ENV: 'development' },
  (answer) => log(`search files written in ${Math.round(answer.milliseconds)} ms`),
  SEARCH_NICENESS,
);
let searchTimer: NodeJS.Timeout | undefined;
function searchSoon(): void {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void serving.then(() => search.run()), SEARCH_SETTLE_MS);
}

/** Content files saved since the content stage was last given a job: it re-reads only their stories' records. */
const savedContent = new Set<string>();

const content = childStage<DevContentJob, DevContentMessage>(
  'content stage',
  'dev-content.ts',
  () => {
    const saved = [...savedContent];
    savedContent.clear();
    return { load: { saved } };
  },
  {},
  (answer) => {
    state.errors = answer.errors;
    if (answer.site)
      state.site = { paths: new Set(answer.site.paths), movedStories: new Map(answer.site.movedStories) };
    if (state.photos?.dir !== answer.imageStore)
      state.photos = { dir: answer.imageStore, serve: fileHandler(answer.imageStore) };
    log(
      answer.ok
        ? `content loaded in ${Math.round(answer.milliseconds)} ms (${answer.stories} stories, drafts included` +
            `${answer.changedStories === undefined ? '' : `; ${answer.changedStories} written over the archive record`})`
        : `${answer.errors.length} content error(s): the pages show them and keep the last valid content`,
    );
    announceChange();
    contentReady();
    if (answer.ok) searchSoon();
  },
);

// --- next dev ----------------------------------------------------------------------

/** A port nobody listens on now, for `next dev` behind this server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `next dev` on `port`; `ready` resolves once it says so. Its request lines are left out of the terminal. */
function startNext(port: number): { next: ChildProcess; ready: Promise<void> } {
  const next = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'next'),
    ['dev', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_PATH: SETTINGS.archiveFile, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = new Promise<void>((resolve, reject) => {
    next.once('exit', (code) => reject(new Error(`next dev stopped (exit status ${code})`)));
    next.stdout?.setEncoding('utf8');
    next.stdout?.on('data', (text: string) => {
      for (const line of text.split('\n')) {
        if (line.trim() !== '' && !/^\s*(GET|HEAD) \//.test(line)) console.log(`next: ${line}`);
        if (line.includes('Ready in')) resolve();
      }
    });
  });
  return { next, ready };
}

// --- Serving -------------------------------------------------------------------------

function isPage(response: IncomingMessage): boolean {
  return (
    (response.headers['content-type'] ?? '').startsWith('text/html') && [200, 404].includes(response.statusCode ?? 0)
  );
}

/** The pathname of a request, without its query. */
function urlPath(request: IncomingMessage): string {
  return (request.url ?? '/').split(/[?#]/)[0] ?? '/';
}

/**
 * Asks `next dev` again, this long after a page it did not know or failed to render, this
 * many times, when the archive has a page there: Next keeps each route's list of pages
 * (generateStaticParams) and reads it again in the background when the stale list has
 * answered, so a story added a moment ago is unknown to the first requests, or fails
 * while the list is read again. On a machine busy with other work that takes seconds. An
 * address the archive has no page at gets the not-found page at once.
 */
const UNKNOWN_PAGE_RETRY_MS = 400;
const UNKNOWN_PAGE_RETRIES = 25;

/**
 * Passes the request to `next dev`. A page comes back finished, with the preview's
 * additions; anything else (styles, fonts, feeds, the sitemap) as Next sent it.
 */
function fromNext(
  nextPort: number,
  request: IncomingMessage,
  response: ServerResponse,
  retries = UNKNOWN_PAGE_RETRIES,
): void {
  const headers = { ...request.headers };
  // Pages are rewritten here, so they must come uncompressed.
  delete headers['accept-encoding'];
  const forwarded = httpRequest(
    { host: '127.0.0.1', port: nextPort, method: request.method, path: request.url, headers },
    (answer) => {
      const kept = { ...answer.headers };
      const missed = answer.statusCode === 404 || answer.statusCode === 500;
      if (missed && retries > 0 && isArchiveAddress(urlPath(request))) {
        answer.resume();
        setTimeout(() => fromNext(nextPort, request, response, retries - 1), UNKNOWN_PAGE_RETRY_MS);
        return;
      }
      if (!isPage(answer) || request.method === 'HEAD') {
        response.writeHead(answer.statusCode ?? 502, kept);
        answer.pipe(response);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        delete kept['content-length'];
        delete kept['transfer-encoding'];
        try {
          if (!state.assets) throw new Error('the page scripts are not bundled yet');
          const { scripts, liveReload } = state.assets;
          const page = devPage(Buffer.concat(chunks).toString('utf8'), urlPath(request), scripts, {
            liveReload,
            stylesheet: `/${OVERLAY_STYLESHEET}`,
            version: state.version,
            problems: state.errors,
          });
          response.writeHead(answer.statusCode ?? 200, { ...kept, 'cache-control': 'no-store' });
          response.end(page);
        } catch (error) {
          // A page that cannot be finished is reported, and the preview goes on serving the others.
          console.error(`dev: ${urlPath(request)} could not be finished:`, error);
          response.writeHead(500, { 'content-type': contentTypeOf('error.txt') });
          response.end(`The page could not be finished: ${String(error)}`);
        }
      });
    },
  );
  forwarded.on('error', (error) => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': contentTypeOf('error.txt') });
    response.end(`next dev did not answer: ${error.message}`);
  });
  // The preview serves only GET and HEAD (below): there is no request body to pass on.
  forwarded.end();
}

/** Whether the archive the pages read has a page or feed at `pathname`; until the content stage says, any may be one. */
function isArchiveAddress(pathname: string): boolean {
  return state.site?.paths.has(pathname) ?? true;
}

/** A photo's file at the address the build publishes it at, from the image store that holds it; else `otherwise`. */
function servePhoto(request: IncomingMessage, response: ServerResponse, otherwise: () => void): void {
  const asked = request.url ?? '/';
  const folder = `/${IMAGES_FOLDER}/`;
  if (!state.photos || !asked.startsWith(folder)) {
    otherwise();
    return;
  }
  // The store holds the files themselves, not the folder they are published in.
  request.url = asked.slice(folder.length - 1);
  state.photos.serve(request, response, () => {
    request.url = asked;
    otherwise();
  });
}

/** The page the build writes at a renamed story's old address, as it is written there (no script to add). */
function serveMovedStory(request: IncomingMessage, response: ServerResponse, page: string): void {
  response.writeHead(200, { 'content-type': contentTypeOf('index.html'), 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : page);
}

function startServer(port: number, nextPort: number): Promise<Server> {
  // The preview's own files (bundles, overlay stylesheet, search files), looked up on every request as they change.
  const files = fileHandler(SETTINGS.publicDir);
  const server = createServer((request, response) => {
    response.setHeader('x-content-type-options', 'nosniff');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const pathname = urlPath(request);
    if (pathname === DEV_EVENTS_PATH) {
      openEvents(request, response);
      return;
    }
    const moved = state.site?.movedStories.get(pathname);
    if (moved !== undefined) serveMovedStory(request, response, moved);
    // A folder's address is a page, never one of the preview's files.
    else if (pathname.endsWith('/')) fromNext(nextPort, request, response);
    else files(request, response, () => servePhoto(request, response, () => fromNext(nextPort, request, response)));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, process.env.HOST ?? 'localhost', () => resolve(server));
  });
}

// --- Watching ------------------------------------------------------------------------

type Change = 'content' | 'code' | 'pages';

/** What a changed file asks for: the content stage again; a new content stage (the loader's code); or only reloading. */
function changeOf(file: string): Change {
  const absolute = path.resolve(ROOT, file);
  if (absolute === contentDir || absolute.startsWith(contentDir + path.sep)) return 'content';
  return absolute.startsWith(path.join(ROOT, 'lib') + path.sep) ? 'code' : 'pages';
}

function watchSources(): void {
  const pending = new Set<Change>();
  let timer: NodeJS.Timeout | undefined;
  const takeIn = () => {
    timer = undefined;
    const changes = new Set(pending);
    pending.clear();
    if (changes.has('code') || changes.has('pages')) {
      try {
        state.assets = writeAssets();
      } catch (error) {
        // A script that does not compile keeps the last bundles; the terminal says why.
        console.error('dev: the page scripts did not bundle:', error);
      }
    }
    if (changes.has('code')) {
      // The search process takes its next job, with its new code, once the content stage has answered.
      search.replace();
      content.replace();
    }
    if (changes.has('code') || changes.has('content')) content.run();
    // A change of pages only: Next recompiles what the page uses when it is asked for it again.
    else announceChange();
  };
  watch([contentDir, ...['app', 'components', 'lib'].map((folder) => path.join(ROOT, folder))], {
    ignoreInitial: true,
  }).on('all', (_event, file) => {
    const change = changeOf(file);
    pending.add(change);
    if (change === 'content') savedContent.add(file);
    clearTimeout(timer);
    timer = setTimeout(takeIn, SETTLE_MS);
  });
}

// --- Start ---------------------------------------------------------------------------

const started = performance.now();
const nextPort = await freePort();
const { next, ready } = startNext(nextPort);
// However this process ends (Ctrl-C, an error at start), it takes its children with it.
process.on('exit', () => {
  next.kill();
  content.stop();
  search.stop();
});
content.run();
// The first page compiles Next's layout; asking for one as soon as there is content to show spares the editor that
// wait, and Next compiles it while the page scripts are bundled here.
const firstPage = Promise.all([ready, firstContent]).then(
  () =>
    new Promise<void>((resolve) =>
      httpRequest({ host: '127.0.0.1', port: nextPort, path: '/en/' }, (answer) => answer.resume().on('end', resolve))
        .on('error', () => resolve())
        .end(),
    ),
);
state.assets = writeAssets();
await ready;
const server = await startServer(Number(process.env.PORT ?? 3000), nextPort);
watchSources();
await firstPage;
log(
  `the editing preview is on ${addressOf(server)} (ready in ${((performance.now() - started) / 1000).toFixed(1)} s): ` +
    'drafts are shown, pages load again when a file is saved, content errors show in the page',
);
previewReady();

process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
