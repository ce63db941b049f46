import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (packages/server) listens on 127.0.0.1:3000; in development Vite serves the SPA
// and forwards /api there so the session cookie stays same-origin (SameSite=Strict).
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: apiTarget } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': { target: apiTarget } },
  },
  build: {
    outDir: 'dist',
    // Office PCs often run domestic browsers (360, 奇安信) on Chromium 86/87 cores; Vite's default is newer.
    target: ['chrome87', 'edge88', 'firefox78', 'safari14'],
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; the pages are split per route, so only the vendor chunk is large.
    chunkSizeWarningLimit: 1600,
  },
});
