import { defineConfig } from 'vite';

// The server entry: `dist/server.js` exports createPortal; its client assets default to ./client.
export default defineConfig({
  build: {
    ssr: 'src/server.ts',
    outDir: 'dist',
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'server.js' } },
  },
});
