/**
 * Sub-schemas that repeat (the same enum, range or state shape in many policies) are written
 * once under `definitions` and referred to with `$ref`, so the corpus schema stays small enough
 * for an editor (issue 16). One pass: each use gets a placeholder, filled when all are known.
 */
import type { JsonSchema } from './element-value-schema.js';

interface Entry {
  readonly schema: JsonSchema;
  readonly holders: JsonSchema[];
}

export class SharedDefinitions {
  private readonly entries = new Map<string, Entry>();

  /** A placeholder for `schema`: a `$ref` when it is used more than once, else the schema itself. */
  use(schema: JsonSchema): JsonSchema {
    const key = JSON.stringify(schema);
    const entry = this.entries.get(key) ?? { schema, holders: [] };
    this.entries.set(key, entry);
    const holder: JsonSchema = {};
    entry.holders.push(holder);
    return holder;
  }

  /** Fills every placeholder; returns the shared schemas by name (s1, s2, … in first-use order). */
  finish(base: string): Record<string, JsonSchema> {
    const definitions: Record<string, JsonSchema> = {};
    let count = 0;
    for (const { schema, holders } of this.entries.values()) {
      if (holders.length === 1) {
        Object.assign(holders[0] as JsonSchema, schema);
        continue;
      }
      const name = `s${++count}`;
      definitions[name] = schema;
      for (const holder of holders) holder.$ref = `${base}${name}`;
    }
    return definitions;
  }
}
