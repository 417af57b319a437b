import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfig } from "vite";

/**
 * The renderer's build, shared by web mode (`npm run build:web`) and the Electron build
 * (electron.vite.config.ts spreads it), so both ship the same bundle.
 */
export const rendererConfig = {
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [react()],
  resolve: { alias: { "@shared": fileURLToPath(new URL("../shared", import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL("../out/renderer", import.meta.url)),
    emptyOutDir: true,
    target: "chrome130",
    rollupOptions: { input: fileURLToPath(new URL("./index.html", import.meta.url)) },
  },
} satisfies UserConfig;

export default defineConfig(rendererConfig);
