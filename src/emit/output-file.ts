/** What every emitter returns: files in memory, written to disk only by src/write/. */
export interface OutputFile {
  /** Bundle-relative path with forward slashes, e.g. "PolicyDefinitions/en-US/Contoso.adml". */
  readonly path: string;
  readonly bytes: Uint8Array;
}
