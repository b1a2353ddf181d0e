import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

/** One executed root field: its response key (the alias, if any) and the field's name. */
export interface RootField {
  key: string;
  name: string;
}

const cache = new WeakMap<OperationDefinitionNode, RootField[]>();

/**
 * The root fields an operation executes, one entry per occurrence, fragments expanded: what
 * rate limits count, so 50 aliased `reportIncident`s are 50. Fields under `@skip`/`@include`
 * are counted as if they ran: the caller asked for them.
 */
export function rootFields(document: DocumentNode, operation: OperationDefinitionNode): RootField[] {
  let fields = cache.get(operation);
  if (fields) return fields;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  fields = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) fields!.push({ key: s.alias?.value ?? s.name.value, name: s.name.value });
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        // Validation already refused fragment cycles; `seen` only keeps a spread twice from counting twice.
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) walk(f.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  cache.set(operation, fields);
  return fields;
}
