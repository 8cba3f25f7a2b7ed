/** `npm run serve`: serves the built `out/` folder on PORT (default 3000). */
import { startStaticServer } from './static-server';

const port = Number(process.env.PORT ?? 3000);
await startStaticServer('out', port, process.env.HOST ?? 'localhost');
console.log(`Serving out/ on http://localhost:${port}/`);
