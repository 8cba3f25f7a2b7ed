/** `npm run check`: validates the content without building the site. */
import { loadAndReport } from './report-content';

process.exit(loadAndReport().ok ? 0 : 1);
