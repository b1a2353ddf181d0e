import ts from "typescript";
import { defineConfig, type Plugin } from "vite";

/**
 * Compacts the text of css``, html`` and GraphQL template literals in our own sources, nested
 * templates included (they are found with the TypeScript parser, not a pattern). The minifier keeps
 * template text as written: it cannot know it is CSS or markup.
 * - GraphQL and CSS: whitespace means nothing beyond separating words (none at all around GraphQL's
 *   punctuators); CSS also loses its comments,
 *   the last `;` of a block and the leading zero of `0.5rem`.
 * - html: a line break and its indentation between two tags or bindings is formatting, so it goes;
 *   any other run of whitespace becomes one space, because between inline elements (a link and the
 *   size after it) a space shows. No template uses <pre> or white-space: pre on its markup.
 */
function compactTemplates(): Plugin {
  const compact = (kind: "css" | "html" | "graphql", text: string, first: boolean, last: boolean): string => {
    let out = text;
    if (kind === "css") {
      out = out
        .replace(/\/\*[^*]*\*+([^/*][^*]*\*+)*\//g, "")
        .replace(/\s*([{};:,>])\s*/g, "$1")
        .replace(/;}/g, "}")
        .replace(/([\s:,(-])0\.(\d)/g, "$1.$2");
    }
    // A piece's ends touch a binding or the template's own edge, which count as a tag's edge here.
    if (kind === "html") out = out.replace(/(^|>)\s*\n\s*(?=<|$)/g, "$1");
    out = out.replace(/\s+/g, " ");
    if (kind === "html") return out;
    // GraphQL's punctuators separate tokens by themselves (our documents hold no string literals).
    if (kind === "graphql") out = out.replace(/ ?([{}():!,=[\]]) ?/g, "$1");
    if (first) out = out.trimStart();
    return last ? out.trimEnd() : out;
  };
  return {
    name: "sigap-compact-templates",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("/widgets/src/") || !id.endsWith(".ts")) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: Array<[start: number, end: number, text: string]> = [];
      const pieces = (template: ts.TemplateLiteral, kind: "css" | "html" | "graphql"): void => {
        const parts: ts.Node[] = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...template.templateSpans.map((s) => s.literal)];
        parts.forEach((part, i) => {
          const start = part.getStart(file) + 1;
          const end = part.end - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
          edits.push([start, end, compact(kind, code.slice(start, end), i === 0, i === parts.length - 1)]);
        });
      };
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === "html" || node.tag.text === "css")) {
          pieces(node.template, node.tag.text);
        } else if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
          const before = code.slice(Math.max(0, node.getStart(file) - 16), node.getStart(file));
          if (/\/\* GraphQL \*\/\s*$/.test(before)) pieces(node, "graphql");
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * Lit and what every widget needs of the client and shared code, as one chunk. Left to itself the
 * bundler splits off a chunk per set of widgets sharing a module (the field limits, say); each chunk
 * a page loads costs import lines and gzip overhead of its own, which the size budget counts.
 */
const CORE = new RegExp(
  [
    // Every package but the report's chart library (d3 and its internmap), which only the report's parts load.
    String.raw`node_modules[\/](?!(\.pnpm[\/])?(d3-|internmap))`,
    String.raw`src[\/]client[\/](http|graphql-error|operation|generated)\.ts`,
    // file-size: the report form's hint and every widget's attachments (loaded on demand) show sizes alike.
    String.raw`src[\/]shared[\/](locale|theme\.styles|events|endpoint|problem-text|request-error|file-size)\.ts`,
  ].join("|"),
);

/** One ES module per widget, all importing the core chunk; Indonesian words and the upload code load on demand. */
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
        "ticket-view": "src/agent-queue/ticket-view/sigap-ticket-view.ts",
        "ticket-composer": "src/agent-queue/composer/sigap-ticket-composer.ts",
        "desk-admin": "src/desk-admin/sigap-desk-admin.ts",
        "desk-report": "src/desk-report/sigap-desk-report.ts",
        "knowledge-base": "src/knowledge-base/sigap-knowledge-base.ts",
      },
      formats: ["es"],
    },
    rollupOptions: {
      // A widget's entry is its own module rather than a facade re-exporting a chunk; it may then
      // also export (under mangled names) what its lazily loaded Indonesian words import.
      preserveEntrySignatures: "allow-extension",
      output: {
        chunkFileNames: "chunks/[name]-[hash].js",
        minify: true,
        // The live client rides with the ticket styles the tracker and the queue share: the desk report also
        // subscribes, and on its own it would be one more chunk for those two widgets to fetch.
        codeSplitting: { groups: [{ name: "core", test: CORE }, { name: "desk-live", test: /src[\\/](client[\\/]live|shared[\\/]ticket\.styles|shared[\\/]ticket-text)\.ts/ }] },
      },
    },
  },
});
