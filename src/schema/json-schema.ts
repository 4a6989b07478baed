/**
 * The JSON Schema admins' editors use (VS Code YAML extension: `# yaml-language-server: $schema=`),
 * derived from the same TypeBox schemas the validator runs: one source of truth.
 */
import { DefinitionsSchema } from './definitions-schema.js';

/** The file shipped as src/schema/gpforge.schema.json; a test keeps the two identical. */
export function gpforgeJsonSchema(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'gpforge policy file',
    ...JSON.parse(JSON.stringify(DefinitionsSchema)),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}
