/**
 * What the preview's server (scripts/dev.ts), its pages (lib/finishing/dev-page.ts) and
 * their live-reload script (components/live-reload.ts) agree on. Kept apart so the
 * script's bundle holds these two names and nothing else.
 */

/** Where the preview sends its Server-Sent Events: the version, on connecting and after each change. */
export const DEV_EVENTS_PATH = '/__dev/events';

/** The attribute of the live-reload script that carries the version the page was served with. */
export const CONTENT_VERSION_ATTRIBUTE = 'data-content-version';
