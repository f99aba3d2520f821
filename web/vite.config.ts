import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;

/** The web client: built into `web/dist`, which the hub serves at `/`. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
  },
  server: {
    // `vite --config web/vite.config.ts` beside `npm run dev`: the API stays on its own port.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
