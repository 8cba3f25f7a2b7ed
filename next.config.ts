import { availableParallelism } from 'node:os';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';

const config = (phase: string): NextConfig => ({
  // Every page is a static file: the archive is served by any file server or CDN. `next dev` (behind `npm run dev`)
  // renders without it: exporting, it answers an address no generateStaticParams lists with an error instead of
  // app/global-not-found.tsx, while without it the routes' `dynamicParams = false` gives that page with status 404,
  // as the export's 404.html does. The pages it renders are the same; only `next build` writes the export.
  output: phase === PHASE_DEVELOPMENT_SERVER ? undefined : 'export',
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
    // the main process, which mostly waits while pages render (measured in docs/scaling.md).
    cpus: availableParallelism(),
  },
});

export default config;
