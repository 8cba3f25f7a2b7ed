/** `npm run serve`: serves the built `out/` folder on PORT (default 3000; 0 picks a free port). */
import { addressOf, startStaticServer } from './static-server';

const server = await startStaticServer('out', Number(process.env.PORT ?? 3000), process.env.HOST ?? 'localhost');
console.log(`Serving out/ on ${addressOf(server)}`);
