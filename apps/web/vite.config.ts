import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.QUARRY_API_URL ?? "http://localhost:3001";
const proxied = ["/trpc", "/healthz", "/readyz", "/dev", "/api"];

export default defineConfig({
  plugins: [react()],
  build: {
    // dist/.vite/manifest.json: scripts/check-bundle-budget.ts reads it to keep the first load small.
    manifest: true,
  },
  server: {
    port: 3000,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])),
  },
});
