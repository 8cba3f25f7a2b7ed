import type { NextConfig } from 'next';

const config: NextConfig = {
  // Every page is a static file: the archive is served by any file server or CDN.
  output: 'export',
  // `/en/articles/x/` is written as `out/en/articles/x/index.html`, served without rewrites.
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Two root layouts (the language choice and `[lang]`) need the global 404 to write out/404.html.
    globalNotFound: true,
  },
};

export default config;
