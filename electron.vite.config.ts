import { fileURLToPath } from "node:url";
import { defineConfig, externalizeDepsPlugin } from "electron-vite";
import { rendererConfig } from "./renderer/vite.config";

const alias = { "@shared": fileURLToPath(new URL("./shared", import.meta.url)) };

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
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
