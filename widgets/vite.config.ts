import { defineConfig } from "vite";

/** One ES module per widget; Lit and the client land in shared chunks the widgets import. */
export default defineConfig({
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: {
        index: "src/index.ts",
        "report-form": "src/report-form/sigap-report-form.ts",
        "ticket-tracker": "src/ticket-tracker/sigap-ticket-tracker.ts",
        "feedback-stars": "src/feedback-stars/sigap-feedback-stars.ts",
        "agent-queue": "src/agent-queue/sigap-agent-queue.ts",
      },
      formats: ["es"],
    },
    rollupOptions: {
      output: { chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
