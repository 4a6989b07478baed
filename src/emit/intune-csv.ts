/**
 * intune/<gpo-slug>.csv: the OMA-URI settings of one GPO as a table (RFC 4180), one row per
 * setting under a header row: Name, Description, OMA-URI, Data type (always String), Value.
 *
 * Encoding: UTF-8 with BOM (so spreadsheet programs read it as UTF-8), CRLF after every record.
 * Escaping: every field is quoted, a `"` inside doubled; line breaks inside a field (the ADMX
 * text of an ingestion row) stay as they are, inside the quotes, as RFC 4180 allows.
 */
import type { IntuneProfile } from './intune.js';
import type { Templates } from './templates.js';

/** What templates/intune-csv.hbs lays out: records of quoted fields, each ending in its CRLF. */
export interface IntuneCsvView {
  readonly header: string;
  readonly rows: readonly string[];
}

const CRLF = '\r\n';
const COLUMNS = ['Name', 'Description', 'OMA-URI', 'Data type', 'Value'];

/** An RFC 4180 field, always quoted. */
export function csvField(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function emitIntuneCsv(profile: IntuneProfile, templates: Templates): Uint8Array {
  const record = (fields: readonly string[]) => `${fields.map(csvField).join(',')}${CRLF}`;
  const view: IntuneCsvView = {
    header: record(COLUMNS),
    rows: profile.settings.map((s) => record([s.displayName, s.description, s.omaUri, 'String', s.value])),
  };
  // Records carry their own CRLF, so line breaks inside quoted fields stay exactly as they are;
  // line breaks the template adds after the last record are dropped.
  const text = templates['intune-csv'](view).replace(/(?<=\r\n)[\r\n]+$/, '');
  return new TextEncoder().encode(`\uFEFF${text}`);
}
