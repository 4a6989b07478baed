/** The import step: YAML that validates even where ADMX allowed what our YAML requires. */
import { describe, expect, it } from 'vitest';
import { definitionsToYaml } from '../../src/import/definitions-to-yaml.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { loadYaml } from '../../src/load/yaml-source.js';
import { validateDefinitions } from '../../src/validate/validate-definitions.js';

const [contoso] = readPolicyDefinitions('test/fixtures/admx/contoso').definitions;

function validate(bytes: Uint8Array) {
  const loaded = loadYaml('imported.yaml', new TextDecoder().decode(bytes));
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]?.message);
  return { diagnostics: validateDefinitions(loaded.doc).diagnostics, text: loaded.doc.text };
}

describe('definitionsToYaml', () => {
  it('gives a policy without category or supportedOn added placeholders, with a warning each', () => {
    if (!contoso) throw new Error('fixture did not read');
    const [first, ...rest] = contoso.policies;
    if (!first) throw new Error('fixture has no policy');
    const orphan = { ...contoso, policies: [{ ...first, category: '', supportedOn: '' }, ...rest] };
    const imported = definitionsToYaml([orphan]);
    expect(imported.diagnostics.filter((d) => d.code === 'GPF1017').map((d) => d.message)).toEqual([
      "1 policy has no category; the import refers it to the added category 'Contoso_Policies'",
      "1 policy has no supportedOn; the import refers it to the added supportedOn 'SUPPORTED_NotStated'",
    ]);
    const [file] = imported.files;
    const checked = validate(file?.bytes ?? new Uint8Array());
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.text).toContain('category: Contoso_Policies');
    expect(checked.text).toContain('supportedOn: SUPPORTED_NotStated');
  });

  it('writes lenient: true only into files that need it', () => {
    if (!contoso) throw new Error('fixture did not read');
    const clean = definitionsToYaml([contoso]);
    expect(new TextDecoder().decode(clean.files[0]?.bytes)).not.toContain('lenient');
    const broken = { ...contoso, policies: contoso.policies.map((p, i) => (i === 0 ? { ...p, category: 'NoSuchCategory' } : p)) };
    const text = new TextDecoder().decode(definitionsToYaml([broken]).files[0]?.bytes);
    expect(text).toContain('lenient: true');
    const checked = validate(new TextEncoder().encode(text));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.diagnostics.map((d) => d.code)).toContain('GPF2102');
  });
});
