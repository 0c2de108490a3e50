import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The console is built into the service's output (dist/web) and served by the same process.
// `npm run dev:web` serves it with hot reload and proxies the API to a running service.
const api = process.env.OPVANGNET_API ?? 'http://localhost:3000';

export default defineConfig({
  root: resolve(import.meta.dirname),
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    // No inline scripts or data: modules: the CSP allows scripts from this origin only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // GraphiQL's dependencies mark modules "use client"; that means nothing in a plain SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
    },
  },
  // The dev server pre-bundles the console's dependencies only: GraphiQL imports its Monaco
  // workers with `?worker`, which the pre-bundler cannot load (the production build can). With
  // `npm run dev:web`, use the running service's /graphiql.html.
  optimizeDeps: {
    entries: ['index.html'],
    exclude: ['graphiql', '@graphiql/react', '@graphiql/toolkit'],
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/dev': api,
      '/console': api,
      '/health': api,
    },
  },
});
