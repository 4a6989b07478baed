/**
 * One policy's JSON Schema for GPO files (issue 16): `enabled`, `disabled`, or an object with
 * `state` and a value per element, titled with the display name and described with the explain
 * text and the registry value gpedit's help would show, as src/validate/gpo/ checks it.
 */
import type { Localized, Policy, PolicyElement } from '../model/types.js';
import { elementValueSchema, type JsonSchema } from './element-value-schema.js';

/** Picks a locale's text, else the file's default (its first locale). */
export type Pick = (text: Localized | undefined) => string;

export function pickText(locale: string | undefined, fileLocales: readonly string[]): Pick {
  return (text) => (text === undefined ? '' : (text[locale ?? ''] ?? text[fileLocales[0] ?? ''] ?? Object.values(text)[0] ?? ''));
}

const HIVE = { machine: 'HKLM', user: 'HKCU', both: 'HKLM or HKCU' } as const;

function registryLine(policy: Policy): string {
  const value = policy.valueName === undefined ? '' : `, value ${policy.valueName}`;
  return `Registry: ${HIVE[policy.class]}\\${policy.key}${value}`;
}

function label(policy: Policy, element: PolicyElement, pick: Pick): string | undefined {
  const control = policy.presentation.find((c) => 'refId' in c && c.refId === element.id);
  return control && 'label' in control ? pick(control.label) : undefined;
}

/** Markdown would read `*`, `_` and `<` in explain texts as markup; they are shown as written. */
const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#])/g, '\\$1').replace(/\r?\n/g, '  \n');

/**
 * `share` puts a sub-schema used more than once into `definitions` and returns the `$ref`;
 * policies repeat their element shapes (same enums, same ranges) across the Windows corpus.
 */
export function policySchema(policy: Policy, pick: Pick, share: (schema: JsonSchema) => JsonSchema): JsonSchema {
  const name = pick(policy.name);
  const explain = pick(policy.explain).trim();
  const registry = registryLine(policy);
  const required = policy.elements.filter((e) => 'required' in e && e.required).map((e) => e.id);
  const properties: Record<string, JsonSchema> = { state: share({ enum: ['enabled', 'disabled'], description: 'enabled or disabled' }) };
  for (const element of policy.elements) {
    properties[element.id] = share(elementValueSchema(element, { label: label(policy, element, pick), itemName: (item) => pick(item.name) || item.id }));
  }
  const object: JsonSchema = {
    type: 'object',
    required: ['state'],
    properties,
    additionalProperties: false,
    // gpforge: an enabled policy needs its required elements (GPF2210); a disabled one ignores values.
    ...(required.length > 0 && { if: { properties: { state: { const: 'enabled' } } }, then: { required } }),
  };
  const plain = share(required.length > 0 ? { const: 'disabled', description: `enabled needs: ${required.join(', ')}` } : { enum: ['enabled', 'disabled'] });
  return {
    title: name,
    description: [name, explain, registry].filter(Boolean).join('\n\n'),
    markdownDescription: [`**${escapeMarkdown(name)}**`, escapeMarkdown(explain), `\`${registry}\``].filter(Boolean).join('\n\n'),
    anyOf: [plain, object],
  };
}
