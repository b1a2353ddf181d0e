/**
 * class-validator's metadata lookups, remembered per class. For every object it validates,
 * class-validator filters its whole metadata store again, walking every decorated class to find
 * inherited rules (an `instanceof` each): a measurable share of a report's CPU, for an answer
 * that never changes once the classes are loaded. The lookups Sigap makes (no groups, no schemas,
 * no `always`) are kept per class; any metadata added later empties the memory. The rules and
 * their errors are class-validator's own, unchanged.
 */
import { getMetadataStorage } from "class-validator";

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadata = ReturnType<Storage["getTargetValidationMetadatas"]>;
type Grouped = ReturnType<Storage["groupByPropertyName"]>;

let installed = false;

/** Makes the process's class-validator remember its lookups per class; safe to call more than once. */
export function rememberValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let byClass = new Map<Parameters<Storage["getTargetValidationMetadatas"]>[0], Metadata>();
  let groups = new WeakMap<Metadata, Grouped>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, wanted) => {
    if (schema || always || strictGroups || wanted?.length) return lookup(target, schema, always, strictGroups, wanted);
    let found = byClass.get(target);
    if (!found) byClass.set(target, (found = lookup(target, schema, always, strictGroups, wanted)));
    return found;
  };
  // class-validator reads the grouping without changing it (it filters into new arrays).
  storage.groupByPropertyName = (metadata) => {
    let found = groups.get(metadata);
    if (!found) groups.set(metadata, (found = group(metadata)));
    return found;
  };
  storage.addValidationMetadata = (metadata) => {
    byClass = new Map();
    groups = new WeakMap();
    add(metadata);
  };
}
