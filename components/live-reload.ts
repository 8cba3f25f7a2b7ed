/**
 * Loaded only by the pages `npm run dev` serves (lib/finishing/dev-page.ts), never by the
 * built site. The preview announces a version number over Server-Sent Events when the
 * page connects and after every change it has taken in (content, registries, code); a
 * page served with an older version loads itself again, so a saved file shows without
 * the editor reloading, and a change made while the page was loading is not missed.
 */
import { CONTENT_VERSION_ATTRIBUTE, DEV_EVENTS_PATH } from '../lib/finishing/dev-protocol';

const script = document.currentScript;
const served = Number(script?.getAttribute(CONTENT_VERSION_ATTRIBUTE));
const events = new EventSource(DEV_EVENTS_PATH);
events.addEventListener('version', (event) => {
  if (Number((event as MessageEvent<string>).data) !== served) {
    events.close();
    location.reload();
  }
});
