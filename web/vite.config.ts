import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;

/**
 * The web client: built into `web/dist`, which the hub serves at `/`. A second entry,
 * `explorer.html`, is the GraphQL explorer (GraphiQL bundled with its editor workers, nothing
 * loaded from a CDN), which the hub serves at `/explorer`.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: path.join(webRoot, 'index.html'),
        explorer: path.join(webRoot, 'explorer.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: {
    // `vite --config web/vite.config.ts` beside `npm run dev`: the API stays on its own port.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
