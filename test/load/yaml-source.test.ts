/** Hostile YAML: alias bombs, huge and deeply nested documents end in a diagnostic, never a hang or crash. */
import { describe, expect, it } from 'vitest';
import { loadYaml, MAX_YAML_BYTES } from '../../src/load/yaml-source.js';

describe('loadYaml limits', () => {
  it('refuses an alias bomb with GPF1003', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const result = loadYaml('bomb.yaml', levels.join('\n'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GPF1003']);
  });

  it('refuses a document over the size limit before parsing it (GPF1005)', () => {
    const started = Date.now();
    const result = loadYaml('huge.yaml', 'x: "' + 'a'.repeat(MAX_YAML_BYTES) + '"\n');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GPF1005']);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports deeply nested flow collections as an error instead of overflowing the stack', () => {
    const result = loadYaml('deep.yaml', 'x: ' + '['.repeat(20000) + ']'.repeat(20000));
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe('GPF1002');
  });

  it('keeps integers beyond 2^53 exact', () => {
    const result = loadYaml('big.yaml', 'q: 18446744073709551615\n');
    expect(result.ok && result.doc.exactInteger(['q'])).toBe(18446744073709551615n);
  });

  it('points at keys and values', () => {
    const text = 'a:\n  b: [1, {c: 2}]\n';
    const result = loadYaml('s.yaml', text);
    if (!result.ok) throw new Error('fixture must parse');
    const value = result.doc.locate(['a', 'b', 1, 'c']);
    const key = result.doc.locate(['a', 'b', 1, 'c'], 'key');
    expect(text.slice(value.start, value.end)).toBe('2');
    expect(text.slice(key.start, key.end)).toBe('c');
  });
});
