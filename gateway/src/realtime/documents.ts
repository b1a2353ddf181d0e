import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from "graphql";

/** A parsed and validated document, or why it was refused, with the one copy of its text. */
export interface CachedDocument {
  text: string;
  document: DocumentNode | readonly GraphQLError[];
}

/**
 * Parsed and validated subscription documents by query text, least recently used out first.
 * Every tracker of a widget sends the same text: parsing and validating it once saves most of a
 * subscribe's CPU, and one text giving one document object lets subscribers share executions.
 * (Apollo Server keeps its own cache for queries and mutations over HTTP.)
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    /** @default 1000 */
    private readonly max = 1_000,
  ) {}

  /** The document for a query text, parsed and validated on first sight. */
  get(query: string): CachedDocument {
    const hit = this.entries.get(query);
    if (hit) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(query);
      this.entries.set(query, hit);
      return hit;
    }
    let entry: CachedDocument;
    try {
      const document = parse(query);
      const errors = validate(this.schema, document);
      entry = { text: query, document: errors.length ? errors.map((e) => coded(e, "GRAPHQL_VALIDATION_FAILED")) : document };
    } catch (error) {
      entry = { text: query, document: [coded(error instanceof GraphQLError ? error : new GraphQLError("The query could not be parsed."), "GRAPHQL_PARSE_FAILED")] };
    }
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(query, entry);
    return entry;
  }
}

/** The error with the code Apollo gives the same refusal over HTTP, so both transports agree. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}
