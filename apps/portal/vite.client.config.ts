import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client islands: one hashed entry (with its CSS), described by a manifest the server reads.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    rollupOptions: { input: 'src/client.tsx' },
  },
});
