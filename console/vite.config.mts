import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Mermaid is loaded only on the workflow screen, in its own chunks; the warning is about those.
    chunkSizeWarningLimit: 3000,
  },
});
