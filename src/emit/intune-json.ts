/**
 * intune/<gpo-slug>.json: the request body of Microsoft Graph's
 * `POST /deviceManagement/deviceConfigurations` for a windows10CustomConfiguration, every
 * setting an omaSettingString (README "Deploying with Intune" documents the layout).
 *
 * Encoding: UTF-8 without BOM, LF, final newline; two-space indentation, keys in a fixed order.
 * Escaping: every string is a JSON string literal made by JSON.stringify (RFC 8259), so the view
 * holds literals and the template only places them.
 */
import type { IntuneProfile } from './intune.js';
import type { Templates } from './templates.js';
import { encodeUtf8, withOneFinalNewline } from './utf8.js';

/** What templates/intune-json.hbs lays out: JSON string literals, quotes included. */
export interface IntuneJsonView {
  readonly displayName: string;
  readonly description: string;
  readonly settings: readonly { readonly displayName: string; readonly description: string; readonly omaUri: string; readonly value: string }[];
}

export function emitIntuneJson(profile: IntuneProfile, templates: Templates): Uint8Array {
  const view: IntuneJsonView = {
    displayName: JSON.stringify(profile.displayName),
    description: JSON.stringify(profile.description),
    settings: profile.settings.map((s) => ({
      displayName: JSON.stringify(s.displayName),
      description: JSON.stringify(s.description),
      omaUri: JSON.stringify(s.omaUri),
      value: JSON.stringify(s.value),
    })),
  };
  const rendered = templates['intune-json'](view);
  const text = rendered.includes('\r') ? rendered.replace(/\r\n?/g, '\n') : rendered;
  return encodeUtf8(withOneFinalNewline(text));
}
