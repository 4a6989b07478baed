/**
 * The per-project JSON Schema for `kind: gpo` files (issue 16): the static GPO schema
 * (gpo-schema.ts) with `policies:` narrowed to the policies this project can configure, each
 * with its elements, items, ranges and help, so editors complete and explain them. Draft-07:
 * the draft yaml-language-server (VS Code, Neovim, JetBrains, Zed) handles best.
 */
import type { DefinitionsFile, Policy } from '../model/types.js';
import type { JsonSchema } from './element-value-schema.js';
import { GpoSchema } from './gpo-schema.js';
import { pickText, policySchema } from './policy-schema.js';
import { SharedDefinitions } from './shared-definitions.js';

export interface ProjectSchemaOptions {
  /** Texts in this locale where a file has it, else in the file's first locale. */
  readonly locale?: string;
  /** Goes into `$comment` (definitions-hash.ts). */
  readonly comment: string;
}

type Side = 'computer' | 'user';
const SIDE_CLASS: Readonly<Record<Side, Policy['class']>> = { computer: 'machine', user: 'user' };

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** gpforge matches prefixes and namespaces case-insensitively; JSON Schema regexes have no flags. */
const anyCase = (text: string) =>
  [...text].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toUpperCase()}${c.toLowerCase()}]` : escapeRegex(c))).join('');

const plain = (schema: unknown): JsonSchema => JSON.parse(JSON.stringify(schema)) as JsonSchema;

/** The static `policies:` value shape: what the namespace form is checked against. */
function genericSetting(): JsonSchema {
  const side = plain(GpoSchema).properties as Record<string, { properties: Record<string, { patternProperties: Record<string, JsonSchema> }> }>;
  return Object.values(side.computer?.properties.policies?.patternProperties ?? {})[0] ?? {};
}

function sidePolicies(files: readonly DefinitionsFile[], side: Side, refOf: (file: DefinitionsFile, policy: Policy) => JsonSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const patternProperties: Record<string, JsonSchema> = {};
  for (const file of files) {
    const policies = file.policies.filter((p) => p.class === 'both' || p.class === SIDE_CLASS[side]);
    if (policies.length === 0) continue;
    for (const policy of policies) properties[`${file.prefix}:${policy.id}`] ??= refOf(file, policy);
    // namespace:PolicyName and other letter cases of the prefix: known ids, generic shape.
    const names = [...new Set([file.namespace, file.prefix])].map(anyCase).join('|');
    const ids = policies.map((p) => escapeRegex(p.id)).join('|');
    patternProperties[`^(?:${names}):(?:${ids})$`] = { $ref: '#/definitions/anySetting' };
  }
  return {
    type: 'object',
    description: 'prefix:policyId (or namespace:policyId) → enabled, disabled, or { state, element values }.',
    properties,
    patternProperties,
    additionalProperties: false,
  };
}

const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function gpoProjectSchema(files: readonly DefinitionsFile[], options: ProjectSchemaOptions): JsonSchema {
  const shared = new SharedDefinitions();
  const definitions: Record<string, JsonSchema> = {};
  const refOf = (file: DefinitionsFile, policy: Policy): JsonSchema => {
    const key = `${file.namespace}:${policy.id}`;
    definitions[key] ??= policySchema(policy, pickText(options.locale, file.locales), (s) => shared.use(s));
    return { $ref: `#/definitions/${pointer(key)}` };
  };
  const gpo = plain(GpoSchema) as { properties: Record<string, JsonSchema> };
  const sides: Record<string, JsonSchema> = {};
  for (const side of ['computer', 'user'] as const) {
    const base = gpo.properties[side] as { properties: Record<string, JsonSchema> };
    definitions[`${side}Policies`] = sidePolicies(files, side, refOf);
    sides[side] = { ...base, properties: { ...base.properties, policies: { $ref: `#/definitions/${side}Policies` } } };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: options.comment,
    title: 'gpforge GPO file (kind: gpo) of this project',
    ...gpo,
    required: ['kind', 'name'],
    properties: { ...gpo.properties, ...sides },
    definitions: { anySetting: genericSetting(), ...shared.finish('#/definitions/'), ...definitions },
  };
}
