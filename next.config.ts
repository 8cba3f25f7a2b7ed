import { availableParallelism } from 'node:os';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // Every page is a static file: the archive is served by any file server or CDN.
  output: 'export',
  // `/en/articles/x/` is written as `out/en/articles/x/index.html`, served without rewrites.
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  // `npm run typecheck` (tsc over the same tsconfig) checks the types once, in `npm test` and CI; checking them again
  // in every build would only repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  experimental: {
    // Two root layouts (the language choice and `[lang]`) need the global 404 to write out/404.html.
    globalNotFound: true,
    // One static-generation worker per core. Next's default (cores − 1) leaves a core to
    // the main process, which mostly waits while pages render: on 2 cores at 2,000 stories
    // a second worker cut page generation from 61–68 s to 48–50 s (docs/scaling.md).
    cpus: availableParallelism(),
  },
};

export default config;
