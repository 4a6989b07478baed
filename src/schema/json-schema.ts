/**
 * The JSON Schema admins' editors use (VS Code YAML extension: `# yaml-language-server: $schema=`),
 * derived from the same TypeBox schemas the validator runs: one source of truth. One file
 * covers both kinds: `kind: gpo` selects the GPO schema, anything else the definitions schema.
 */
import { DefinitionsSchema } from './definitions-schema.js';
import { GpoSchema } from './gpo-schema.js';

const plain = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema));

/** The file shipped as src/schema/gpforge.schema.json; a test keeps the two identical. */
export function gpforgeJsonSchema(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'gpforge policy file (kind: definitions or gpo)',
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: ['definitions', 'gpo'], description: 'definitions: administrative templates; gpo: one GPO.' } },
    if: { properties: { kind: { const: 'gpo' } } },
    then: plain(GpoSchema),
    else: plain(DefinitionsSchema),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}
