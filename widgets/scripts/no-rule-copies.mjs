#!/usr/bin/env node
/**
 * Fails when a widget source file declares one of the gateway's rules by hand (issue 8): the
 * schema carries them (Ticket.allowedActions, nextStatuses, escalationTargets, deskDirectory's
 * statuses / priorityMatrix / closureCodes, site.reportFields…) and the widgets read them there.
 *
 * What it catches, in widgets/src/**\/*.ts (tests and generated.ts excepted):
 * - a list: an array literal holding two or more string literals of one kind — ticket statuses,
 *   priorities, urgency/impact levels, roles (e.g. senior roles) or closure codes;
 * - the same list in disguise: an `||`/`&&` chain comparing one expression with two or more
 *   literals of one kind (`s === "NEW" || s === "ASSIGNED"`, `to !== "RESOLVED" && to !== "CLOSED"`);
 * - a set or rank table: an object literal keyed by two or more values of one kind whose values
 *   are numbers or booleans (`{ HIGH: 0, MEDIUM: 1 }`), or by levels whose values are objects
 *   keyed by levels (an urgency × impact lookup);
 * - a priority computed from a number: `P${n}` or "P" + n.
 * Tables that map an enum to words (`{ NEW: "New" }`, message catalogues) are what widgets are for
 * and are not flagged, nor are type unions.
 *
 * What it cannot catch: numeric level bounds (`n <= 3`), a rule spread over statements (an index
 * into a list built elsewhere), a `switch` whose cases group values, lists of kinds the schema
 * does not name as enums (other than the closure codes known below), or a copy in words the
 * patterns do not cover. Review still matters; this keeps the known copies from coming back.
 *
 *   node scripts/no-rule-copies.mjs      exit 1 and list each copy with file:line
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

/** Closure codes are plain strings in the schema; these are the ones widgets have copied before. */
const CLOSURE_CODES = ["FIXED", "WORKAROUND", "NO_FAULT_FOUND", "DUPLICATE", "NOT_REPRODUCIBLE", "USER_ERROR", "CANCELLED_BY_REPORTER"];

/** The kinds of value whose lists are the gateway's, each with its values, read from the schema's enums. */
export function kindsFromSchema(sdl) {
  const values = (name) => {
    const m = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(sdl);
    if (!m) throw new Error(`schema has no enum ${name}`);
    return m[1].split("\n").map((l) => l.trim()).filter((l) => /^[A-Z][A-Z0-9_]*$/.test(l));
  };
  return {
    status: new Set(values("TicketStatus")),
    priority: new Set(values("Priority")),
    level: new Set([...values("Urgency"), ...values("Impact")]),
    role: new Set(values("Role")),
    "closure code": new Set(CLOSURE_CODES),
  };
}

const KIND_WORD = { status: "a status list", priority: "a priority list", level: "a level list", role: "a role list", "closure code": "a closure list" };

/** The copies of rules found in one source text: `{ line, what }` each. */
export function findRuleCopies(text, fileName, kinds) {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const report = (node, what) => found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, what });
  const literal = (n) => (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined);
  const keyText = (p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined);
  /** The kind at least two of these values share, if any. */
  const sharedKind = (vals) => {
    for (const [kind, set] of Object.entries(kinds)) if (vals.filter((v) => v !== undefined && set.has(v)).length >= 2) return kind;
    return undefined;
  };
  const comparisons = (n, out) => {
    if (ts.isParenthesizedExpression(n)) return comparisons(n.expression, out);
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
        comparisons(n.left, out);
        comparisons(n.right, out);
      } else if ([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(op)) {
        out.push(literal(n.right) ?? literal(n.left));
      }
    }
    return out;
  };
  const visit = (n) => {
    if (ts.isArrayLiteralExpression(n)) {
      const kind = sharedKind(n.elements.map(literal));
      if (kind) report(n, `${KIND_WORD[kind]} declared by hand`);
    } else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(n.operatorToken.kind)) {
      // Only the outermost chain is judged, so one chain is reported once.
      const parent = n.parent && ts.isParenthesizedExpression(n.parent) ? n.parent.parent : n.parent;
      const outer = parent && ts.isBinaryExpression(parent) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(parent.operatorToken.kind);
      const kind = outer ? undefined : sharedKind(comparisons(n, []));
      if (kind) report(n, `${KIND_WORD[kind]} written as a chain of comparisons`);
    } else if (ts.isObjectLiteralExpression(n)) {
      const props = n.properties.filter(ts.isPropertyAssignment);
      const kind = sharedKind(props.map(keyText));
      if (kind) {
        const init = props.filter((p) => kinds[kind].has(keyText(p))).map((p) => p.initializer);
        const isRank = (e) => ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword;
        const isMatrix = (e) => ts.isObjectLiteralExpression(e) && sharedKind(e.properties.filter(ts.isPropertyAssignment).map(keyText)) === "level";
        if (init.every(isRank)) report(n, `${KIND_WORD[kind]} declared by hand (as a set or rank table)`);
        else if (kind === "level" && init.some(isMatrix)) report(n, "a priority computation (an urgency × impact table)");
      }
    } else if (ts.isTemplateExpression(n) && /(^|[^A-Za-z])P$/.test(n.head.text)) {
      report(n, "a priority computation (P + a number)");
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken && literal(n.left) === "P") {
      report(n, "a priority computation (P + a number)");
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

/** Every widget source file a copy may hide in: tests and generated code excepted. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && e.name !== "generated.ts" ? [path] : [];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const widgets = new URL("..", import.meta.url).pathname;
  const kinds = kindsFromSchema(readFileSync(join(widgets, "../schema/sigap.graphql"), "utf8"));
  const copies = sources(join(widgets, "src")).flatMap((file) => findRuleCopies(readFileSync(file, "utf8"), file, kinds).map((c) => `  ${relative(widgets, file)}:${c.line}  ${c.what}`));
  if (copies.length) {
    console.error(`Widget files declare gateway rules by hand; read them from the schema instead (issue 8):\n${copies.join("\n")}`);
    process.exit(1);
  }
  console.log("no hand copies of the gateway's rules in widgets/src");
}
