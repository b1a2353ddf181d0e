import { defineConfig, type Plugin } from "vite";

/**
 * Collapses the whitespace inside css``, html`` and GraphQL template literals of our own
 * sources. The minifier keeps template text as written (it cannot know it is CSS or markup),
 * and in these templates runs of whitespace mean nothing: no <pre>, no white-space: pre.
 */
function compactTemplates(): Plugin {
  const literal = /(css|html|\/\* GraphQL \*\/ )`([^`]*)`/g;
  return {
    name: "sigap-compact-templates",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("/widgets/src/") || !id.endsWith(".ts")) return null;
      return {
        code: code.replace(literal, (_m, tag: string, body: string) => {
          let out = body.replace(/\s+/g, " ");
          if (tag === "css") out = out.replace(/\s*([{};:,>])\s*/g, "$1").replace(/\/\*[^*]*\*\//g, "");
          if (tag !== "html") out = out.trim();
          else out = out.replace(/>\s+</g, "><").replace(/>\s+\$\{/g, ">${").replace(/\}\s+</g, "}<");
          return `${tag}\`${out}\``;
        }),
        map: null,
      };
    },
  };
}

/** One ES module per widget; Lit and the client land in shared chunks the widgets import. */
export default defineConfig({
  plugins: [compactTemplates()],
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // Library mode leaves ES output unminified by default; these files ship to browsers as they are.
    minify: true,
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
      output: { chunkFileNames: "chunks/[name]-[hash].js", minify: true },
    },
  },
});
