/**
 * ADML string ids for one file. ADMX refers to texts as $(string.ID); ids must be unique and
 * [A-Za-z0-9_] only (FORMATS.md c.11). Names follow Windows' habit (policy X → X and X_Help);
 * a clash gets a numeric suffix, so allocation never fails and is deterministic.
 */
export class StringIds {
  private readonly taken = new Set<string>();

  claim(preferred: string): string {
    const base = preferred.replace(/[^A-Za-z0-9_]/g, '_');
    let id = base;
    for (let n = 2; this.taken.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    this.taken.add(id.toLowerCase());
    return id;
  }
}
