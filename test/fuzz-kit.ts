/**
 * The fuzz test's generators: a seeded PRNG, one operation document per root field of the
 * checked-in schema (so the fuzzer follows the schema as it changes), plausible variables for
 * them from the input types, and the hostile values and mutations thrown at them.
 */
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLOutputType,
} from "graphql";

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One root field of the schema as a ready operation document. */
export interface Operation {
  kind: "query" | "mutation" | "subscription";
  field: string;
  document: string;
  args: readonly GraphQLArgument[];
}

/** Real values seen in the running gateway, mixed into generated variables so many calls get past "not found". */
export interface Pools {
  strings: string[];
  ids: string[];
}

/** One operation document per root field of `sdl`, selecting every leaf and one level of nested objects. */
export function operationsFrom(sdl: string): Operation[] {
  const schema = buildSchema(sdl);
  const roots = [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
    ["subscription", schema.getSubscriptionType()],
  ] as const;
  const operations: Operation[] = [];
  for (const [kind, root] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const params = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
      const document = `${kind} Fuzz_${field.name}${params ? `(${params})` : ""} { ${field.name}${args ? `(${args})` : ""} ${selection(field.type, 0)} }`;
      operations.push({ kind, field: field.name, document, args: field.args });
    }
  }
  return operations;
}

function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named)) return "{ __typename }";
  const parts: string[] = [];
  for (const f of Object.values(named.getFields())) {
    // A field with a required argument would need variables of its own; the root fields have them.
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (isLeafType(getNamedType(f.type))) parts.push(f.name);
    else if (depth < 1) parts.push(`${f.name} ${selection(f.type, depth + 1)}`);
  }
  return parts.length ? `{ ${parts.join(" ")} }` : "{ __typename }";
}

/** Plausible variables for an operation, as a well-behaved client would send them. */
export function variablesFor(op: Operation, rng: Rng, pools: Pools): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const a of op.args) {
    if (!isNonNullType(a.type) && rng.chance(0.4)) continue;
    vars[a.name] = valueFor(a.type, rng, pools, a.name, 0);
  }
  return vars;
}

function valueFor(type: GraphQLInputType, rng: Rng, pools: Pools, name: string, depth: number): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, rng, pools, name, depth);
  if (isListType(type)) return Array.from({ length: rng.int(3) }, () => valueFor(type.ofType, rng, pools, name, depth + 1));
  if (isEnumType(type)) return rng.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (!isNonNullType(f.type) && rng.chance(0.5)) continue;
      out[f.name] = valueFor(f.type, rng, pools, f.name, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "Int":
        return rng.pick([1, 5, 20, 50]);
      case "Float":
        return rng.next() * 10;
      case "Boolean":
        return rng.chance(0.5);
      case "ID":
        return rng.pick(pools.ids);
      case "DateTimeISO":
        return new Date(Date.UTC(2026, rng.int(12), 1 + rng.int(28))).toISOString();
      default:
        return stringFor(name, rng, pools);
    }
  }
  return null;
}

function stringFor(name: string, rng: Rng, pools: Pools): string {
  if (/email/i.test(name)) return rng.pick(["budi@contoh.example", "siti@contoh.example"]);
  if (/phone/i.test(name)) return rng.pick(["+62 812 3456 7890", "(021) 555-1234"]);
  if (/name/i.test(name)) return rng.pick(["Budi Santoso", "Siti Aminah", "Ngũyễn Thị"]);
  return rng.pick(pools.strings);
}

/** Hostile values: wrong types, huge or odd strings, extreme numbers, nulls, deep nesting, unknown enums, invalid ids. */
export function hostileValue(rng: Rng): unknown {
  switch (rng.int(24)) {
    case 0:
      return null;
    case 1:
      return "";
    case 2:
      return "x".repeat(rng.pick([256, 4_001, 70_000]));
    case 3:
      return "🚨🔥👩‍💻🇮🇩".repeat(1 + rng.int(400));
    case 4:
      return "\u0000\u0007\uFFFE\uD800 lone surrogate";
    case 5:
      return rng.pick([-1, 0, -2147483649, 2147483648, 2 ** 53 + 2, -1e308, 1e308, 0.5, -0.0001]);
    case 6:
      return rng.chance(0.5);
    case 7:
      return [];
    case 8:
      return [1, "a", null, { x: [] }];
    case 9:
      return {};
    case 10:
      return nested(1 + rng.int(2000));
    case 11:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;
    case 12:
      return rng.pick(["NOT_AN_ENUM", "critical", "P1", "resolved"]);
    case 13:
      return rng.pick(["00000000-0000-0000-0000-000000000000", "not-a-uuid", "ffffffff-ffff-ffff-ffff-fffffffffffffff", "1", "-1"]);
    case 14:
      return "'; DROP TABLE ticket; -- \" OR 1=1";
    case 15:
      return rng.pick(["../../etc/passwd", "C:\\Windows\\win.ini", "%2e%2e%2f"]);
    case 16:
      return "<script>alert(1)</script><img src=x onerror=alert(1)>";
    case 17:
      return rng.pick(["2026-13-45T99:99:99Z", "yesterday", "0000-00-00T00:00:00Z", "+275760-09-13T00:00:00.001Z"]);
    case 18:
      return "%s%n%x{{7*7}}$" + "{7*7}";
    case 19:
      return "\r\n\r\nX-Injected: 1";
    case 20:
      return Array.from({ length: 1 + rng.int(500) }, (_, i) => i);
    case 21:
      return { a: "b", nested: { deeper: [1, 2, 3] } };
    case 22:
      return "ٱلسَّلَامُ عَلَيْكُمْ‮reversed‬ ZWJ\u200D\u200B";
    default:
      return rng.pick(["SGP-01-2026-000001", "SGP-99-0000-000000", " ", "null", "undefined", "NaN"]);
  }
}

function nested(depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Mutates variables: one value somewhere replaced by a hostile one, a key dropped or added, or the whole object replaced. */
export function mutateVariables(vars: Record<string, unknown>, rng: Rng): unknown {
  const roll = rng.int(10);
  if (roll === 0) return hostileValue(rng);
  const copy = structuredClone(vars);
  const slots = pathsOf(copy);
  if (roll === 1 && slots.length) {
    const [parent, key] = rng.pick(slots);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key as string];
    return copy;
  }
  if (roll === 2) {
    copy[rng.pick(["unknownVariable", "__proto__", "input"])] = hostileValue(rng);
    return copy;
  }
  if (!slots.length) {
    copy["extra"] = hostileValue(rng);
    return copy;
  }
  const [parent, key] = rng.pick(slots);
  (parent as Record<string | number, unknown>)[key] = hostileValue(rng);
  return copy;
}

type Slot = [Record<string, unknown> | unknown[], string | number];

function pathsOf(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([value, i]);
      pathsOf(v, out);
    });
  } else if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) {
      out.push([obj, k]);
      pathsOf(obj[k], out);
    }
  }
  return out;
}

/** The document with a few characters dropped, doubled or swapped: mostly a syntax error, sometimes a different valid query. */
export function mangleDocument(document: string, rng: Rng): string {
  let s = document;
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const i = rng.int(s.length);
    const edit = rng.int(3);
    if (edit === 0) s = s.slice(0, i) + s.slice(i + 1);
    else if (edit === 1) s = s.slice(0, i) + s[i] + s.slice(i);
    else s = s.slice(0, i) + rng.pick(["{", "}", "(", "$", "!", "@", "#", "\u0000", "...", "\"", "é"]) + s.slice(i);
  }
  return s;
}
