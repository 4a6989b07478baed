/**
 * Unique ids for one scope, e.g. the ADML string ids of a file. ADMX refers to texts as
 * $(string.ID); ids must be unique and [A-Za-z0-9_] only (FORMATS.md c.11). Names follow
 * Windows' habit (policy X → X and X_Help); other characters become `_`, and a clash (ignoring
 * case) gets a numeric suffix `_2`, `_3`…, so allocation never fails and is deterministic.
 * Also used for .adm string names, imported enum item ids and import placeholders.
 */
export class StringIds {
  private readonly taken = new Set<string>();

  /** `disallowed`: the characters replaced by `_` (default: all but letters, digits and `_`). */
  constructor(private readonly disallowed: RegExp = /[^A-Za-z0-9_]/g) {}

  /** Marks an existing id as used, as it is. */
  reserve(id: string): void {
    this.taken.add(id.toLowerCase());
  }

  claim(preferred: string): string {
    const base = preferred.replace(this.disallowed, '_') || '_';
    let id = base;
    let key = base.toLowerCase();
    for (let n = 2; this.taken.has(key); n++) {
      id = `${base}_${n}`;
      key = id.toLowerCase();
    }
    this.taken.add(key);
    return id;
  }
}
