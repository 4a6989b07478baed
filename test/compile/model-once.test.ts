/** The model is built once per compile: cross-file warnings are reported exactly once. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { builtInTemplates } from '../support/templates.js';

const definitions = (namespace: string) => `kind: definitions
namespace: ${namespace}
prefix: shared
categories: [{ id: Cat, name: Cat }]
supportedOn: [{ id: S, text: Any }]
policies: [{ id: P, class: machine, category: Cat, supportedOn: S, name: N, explain: E, key: Software\\Policies\\${namespace} }]
`;

describe('compile', () => {
  it('reports a prefix shared by two files once (GPF3002), and still builds', () => {
    const sources = [
      { path: 'a.yaml', text: definitions('Contoso.A') },
      { path: 'b.yaml', text: definitions('Contoso.B') },
    ];
    const result = compile(sources, { templates: builtInTemplates, emit: true, backupTime: new Date(0) });
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['b.yaml GPF3002']);
    expect(result.model?.definitions).toHaveLength(2);
  });
});
