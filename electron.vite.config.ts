import { fileURLToPath } from "node:url";
import { defineConfig } from "electron-vite";
import { rendererConfig } from "./renderer/vite.config";

const alias = { "@shared": fileURLToPath(new URL("./shared", import.meta.url)) };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // Dependencies stay in node_modules (electron-builder packs the production ones).
      externalizeDeps: true,
      outDir: "out/main",
      rollupOptions: {
        input: {
          index: fileURLToPath(new URL("./electron/main/index.ts", import.meta.url)),
          // The reference server, forked into a utility process by the main process.
          "embedded-server": fileURLToPath(new URL("./server/embedded.ts", import.meta.url)),
        },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload can `require` only Electron's own modules: zod and the contract's
      // schemas are bundled into it.
      externalizeDeps: false,
      outDir: "out/preload",
      rollupOptions: {
        input: { index: fileURLToPath(new URL("./electron/preload/index.ts", import.meta.url)) },
        // A sandboxed preload cannot `require` our modules: one self-contained CommonJS file.
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: rendererConfig,
});
