import { getMetadataStorage } from 'class-validator';

type Target = Function | string; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
interface Storage {
  addValidationMetadata(metadata: unknown): void;
  getTargetValidationMetadatas(target: Target, schema: string, always: boolean, strictGroups: boolean, groups?: string[]): unknown[];
  groupByPropertyName(metadata: unknown[]): Record<string, unknown[]>;
}

let installed = false;

/**
 * class-validator looks a DTO's rules up afresh on every validation: it
 * filters its metadata and walks every decorated class of the application
 * (hundreds) with `instanceof` to find the DTO's ancestors, then groups the
 * result by property; 2 % of the API's CPU on a list page (decision 0065).
 * The rules of a class only change while classes are being declared, so the
 * lookup and its grouping are kept per class and options, and forgotten
 * whenever a rule is added. Lookups with validation groups are not kept (the
 * API uses none).
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage() as unknown as Storage;
  const add = storage.addValidationMetadata.bind(storage);
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let lookups = new Map<Target, Map<string, unknown[]>>();
  let groupings = new WeakMap<unknown[], Record<string, unknown[]>>();
  storage.addValidationMetadata = (metadata) => {
    lookups = new Map();
    groupings = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}`;
    let perTarget = lookups.get(target);
    if (!perTarget) lookups.set(target, (perTarget = new Map()));
    let found = perTarget.get(key);
    if (!found) perTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (!grouped) groupings.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
}
