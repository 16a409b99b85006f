import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Le SPA vit dans src/web ; en production il est servi par le même processus Fastify (dist/web).
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    port: 5173,
    proxy: { "/api": `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
