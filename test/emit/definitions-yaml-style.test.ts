/**
 * The direct YAML writer of definitions-yaml-write.ts against the yaml package's Document
 * (createNode, styles, toString): the same text for generated views (hostile texts and keys,
 * nesting, flow and block collections, the block-map paths, big integers) and for the views of
 * the all-elements model; and the Document where the direct writer declines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionsYamlData } from '../../src/emit/definitions-yaml.js';
import { stringifyViewWithDocument } from '../../src/emit/definitions-yaml-style.js';
import { stringifyView, writeViewDirectly } from '../../src/emit/definitions-yaml-write.js';
import type { View } from '../../src/emit/definitions-yaml-view.js';
import { allElementsModel } from '../fixtures/all-elements.model.js';

const HOSTILE = ['\n', '\r\n', '\r', '\t', ' ', '  ', '#', ' #', ': ', '- ', '-', '"', "'", '\\', '{}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?', ':', 'ä', '🚀', '\u2028', '\u0085', '\uFEFF', '\u0000', '---', '...', 'null', 'true', '0x1F', '1.0', '~', '', 'a'];
// Long pieces too, so that collections land on both sides of the 100-character flow limit.
const text = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 5 }), fc.string({ minLength: 20, maxLength: 90 })), { maxLength: 6 }).map((parts) => parts.join(''));
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('policies', 'elements', 'products', 'id', 'name', 'en-US') }, { weight: 1, arbitrary: text });
const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.constant(undefined));

const view: fc.Arbitrary<View> = fc.letrec<{ node: View }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar as fc.Arbitrary<View>,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 5 }) as fc.Arbitrary<View>,
  ),
})).node;
const root = fc.dictionary(key, view, { minKeys: 1, maxKeys: 6 }) as fc.Arbitrary<View>;
const comment = fc.oneof(fc.constant(undefined), fc.constant('yaml-language-server: $schema=../x.json'), text);

describe('direct YAML writer', () => {
  it('writes generated views as the yaml Document does', () => {
    fc.assert(
      fc.property(root, comment, (v, c) => {
        const direct = writeViewDirectly(v, c);
        if (direct !== undefined) expect(direct).toBe(stringifyViewWithDocument(v, c));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes the all-elements view directly, as the Document does', () => {
    const { data } = definitionsYamlData(allElementsModel);
    const direct = writeViewDirectly(data, 'yaml-language-server: $schema=../src/schema/gpforge.schema.json');
    expect(direct).toBeDefined();
    expect(direct).toBe(stringifyViewWithDocument(data, 'yaml-language-server: $schema=../src/schema/gpforge.schema.json'));
  });

  it('leaves to the Document what it does not handle: shared objects, long keys, empty block maps', () => {
    const shared = { a: 1 };
    const cases: View[] = [{ x: shared, y: shared }, { ['k'.repeat(1100)]: 1 }, { policies: [{}] }];
    for (const v of cases) {
      expect(writeViewDirectly(v, undefined)).toBeUndefined();
      expect(stringifyView(v, undefined)).toBe(stringifyViewWithDocument(v, undefined));
    }
  });
});
