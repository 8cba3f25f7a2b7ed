/** `npm run check`: validates the content without building the site. */
import { loadAndReport } from './report-content';

// The bundle the check runs as is CommonJS, which has no top-level await.
void loadAndReport().then((result) => process.exit(result.ok ? 0 : 1));
