/**
 * GPF2202 for an unknown prefix: a close known prefix is suggested; a short list of known
 * prefixes is printed in full; a long one (Windows' templates: ~270) is not.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/diagnostics/catalogue.js';
import type { DefinitionsFile } from '../../src/model/types.js';
import { buildCatalogue } from '../../src/validate/gpo/policy-catalogue.js';

const file = (prefix: string): DefinitionsFile => ({ prefix, namespace: `Vendor.${prefix}`, policies: [] }) as unknown as DefinitionsFile;

function message(prefixes: readonly string[], ref: string): string {
  const found = buildCatalogue(prefixes.map(file)).lookup(ref);
  if (!('unknownPrefix' in found)) throw new Error(`expected an unknown prefix: ${JSON.stringify(found)}`);
  return catalogue.GPF2202.message(found.unknownPrefix, found.known, found.suggestion);
}

const MANY = Array.from({ length: 270 }, (_, i) => `p${String(i).padStart(3, '0')}x`);

describe('GPF2202 unknown prefix', () => {
  it('suggests a close prefix among many', () => {
    expect(message([...MANY, 'windowsupdate'], 'windowsupdat:AutoUpdateCfg')).toBe(
      "no definitions with prefix or namespace 'windowsupdat'; did you mean 'windowsupdate'? (pass --admx DIR for Windows' own templates)",
    );
  });

  it('lists a few known prefixes when none is close', () => {
    expect(message(['gpfall', 'gpfwu'], 'nosuch:Policy')).toBe(
      "no definitions with prefix or namespace 'nosuch'; known: gpfall, gpfwu (pass --admx DIR for Windows' own templates)",
    );
  });

  it('does not list hundreds of prefixes', () => {
    expect(message(MANY, 'nosuch:Policy')).toBe(
      "no definitions with prefix or namespace 'nosuch'; none of the 270 known prefixes is close to it (pass --admx DIR for Windows' own templates)",
    );
  });
});
