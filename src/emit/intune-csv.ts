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
import { encodeUtf8 } from './utf8.js';

/** What templates/intune-csv.hbs lays out: records of quoted fields, each ending in its CRLF. */
export interface IntuneCsvView {
  readonly header: string;
  readonly rows: readonly string[];
}

const CRLF = '\r\n';
const COLUMNS = ['Name', 'Description', 'OMA-URI', 'Data type', 'Value'];

/** An RFC 4180 field, always quoted. */
export function csvField(text: string): string {
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

/** What `/(?<=\r\n)[\r\n]+$/` removes, without a regex that tries every position of a 6 MB text. */
function dropBreaksAfterLastRecord(text: string): string {
  let run = text.length;
  while (run > 0 && (text.charCodeAt(run - 1) === 0x0a || text.charCodeAt(run - 1) === 0x0d)) run--;
  // Cut after the first CRLF inside the final run of line breaks, if anything follows it.
  for (let cut = run + 2; cut < text.length; cut++) {
    if (text.charCodeAt(cut - 2) === 0x0d && text.charCodeAt(cut - 1) === 0x0a) return text.slice(0, cut);
  }
  return text;
}

export function emitIntuneCsv(profile: IntuneProfile, templates: Templates): Uint8Array {
  const record = (fields: readonly string[]) => `${fields.map(csvField).join(',')}${CRLF}`;
  const view: IntuneCsvView = {
    header: record(COLUMNS),
    rows: profile.settings.map((s) => record([s.displayName, s.description, s.omaUri, 'String', s.value])),
  };
  // Records carry their own CRLF, so line breaks inside quoted fields stay exactly as they are;
  // line breaks the template adds after the last record are dropped.
  const text = dropBreaksAfterLastRecord(templates['intune-csv'](view));
  return encodeUtf8(`\uFEFF${text}`);
}
