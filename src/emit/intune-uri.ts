/**
 * OMA-URIs of the Policy CSP (README "Deploying with Intune"):
 * - ADMX ingestion: `./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/{AppName}/Policy/{FileUid}`;
 * - a policy of an ingested ADMX: `./{Device|User}/Vendor/MSFT/Policy/Config/{AppName}~Policy~{category path}/{PolicyName}`,
 *   the category path being the policy's category and its parents, root first, joined by `~`;
 * - a policy of Windows' own templates: `./{Device|User}/Vendor/MSFT/Policy/Config/{Area}/{Policy}`
 *   from Microsoft's list of ADMX-backed policies (intune-windows-areas.ts), never guessed.
 * The category path stops at a parent in another namespace (`windows:WindowsComponents`): the
 * ingested file does not define it. That is how Google documents Chrome's ingested URIs
 * (`Chrome~Policy~googlechrome`, whose parent is `Google:Cat_Google`); Microsoft's page does not
 * say (UNVERIFIED).
 */
import type { DefinitionsFile, Policy } from '../model/types.js';
import { windowsAdmxArea } from './intune-windows-areas.js';

/** The GPO side a policy is set under. */
export type PolicySection = 'computer' | 'user';

const CSP_POLICY = './{scope}/Vendor/MSFT/Policy/Config';
/** Microsoft's documented setting type for policies (the other, Preference, is not written). */
const SETTING_TYPE = 'Policy';

/**
 * The ingestion app name: the YAML's `intuneAppName`, else the file name without characters
 * other than letters, digits and `_` (URI-safe, as third-party guides advise), else the prefix.
 * The file UID is the same name, as Microsoft advises for provisioning packages.
 */
export function intuneAppName(definitions: DefinitionsFile): string {
  return definitions.intuneAppName ?? (definitions.fileName.replace(/[^A-Za-z0-9_]/g, '') || definitions.prefix.replace(/[^A-Za-z0-9_]/g, ''));
}

export function ingestionUri(definitions: DefinitionsFile): string {
  const app = intuneAppName(definitions);
  return `./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${app}/${SETTING_TYPE}/${app}`;
}

/** Device for Computer Configuration, User for User Configuration. */
export function cspScope(section: PolicySection): 'Device' | 'User' {
  return section === 'computer' ? 'Device' : 'User';
}

export type UriResult = { readonly ok: true; readonly uri: string } | { readonly ok: false; readonly problem: string };

/** URI of a policy of our own (ingested) definitions. */
export function ingestedPolicyUri(definitions: DefinitionsFile, policy: Policy, section: PolicySection): UriResult {
  const area = ingestedArea(definitions, policy.category);
  if (area === undefined) {
    return { ok: false, problem: `its category '${policy.category}' is not defined in ${definitions.fileName}.admx, so it has no category path under the ingested app` };
  }
  return { ok: true, uri: `${CSP_POLICY.replace('{scope}', cspScope(section))}/${area}/${policy.id}` };
}

/** `{AppName}~Policy~{category path}`, worked out once per file and category (definitions are immutable). */
const areas = new WeakMap<DefinitionsFile, Map<string | undefined, string | undefined>>();

/** The URI area of an ingested file's category; undefined when the category has no path. */
function ingestedArea(definitions: DefinitionsFile, category: string | undefined): string | undefined {
  let known = areas.get(definitions);
  if (known === undefined) areas.set(definitions, (known = new Map()));
  if (known.has(category)) return known.get(category);
  const path = categoryPath(definitions, category);
  const area = path.length === 0 ? undefined : [intuneAppName(definitions), SETTING_TYPE, ...path].join('~');
  known.set(category, area);
  return area;
}

/** URI of a policy of Windows' own templates, where Microsoft documents one. */
export function windowsPolicyUri(definitions: DefinitionsFile, policy: Policy, section: PolicySection): UriResult {
  const area = windowsAdmxArea(definitions.fileName, policy.id);
  if (area === undefined) {
    return { ok: false, problem: `Microsoft's list of ADMX-backed Policy CSP policies (as gpforge carries it) has no entry for ${definitions.fileName}.admx's '${policy.id}'` };
  }
  return { ok: true, uri: `${CSP_POLICY.replace('{scope}', cspScope(section))}/${area}/${policy.id}` };
}

/** Category ids from the file's top category down to `ref`; stops at another namespace's category. */
export function categoryPath(definitions: DefinitionsFile, ref: string | undefined): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = ref === undefined ? undefined : ownId(definitions, ref);
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const id = current;
    const category = definitions.categories.find((c) => c.id === id);
    if (category === undefined) break;
    path.unshift(category.id);
    current = category.parent === undefined ? undefined : ownId(definitions, category.parent);
  }
  return path;
}

/** `id` or `ownPrefix:id` → id; a reference into another namespace → undefined. */
function ownId(definitions: DefinitionsFile, ref: string): string | undefined {
  const colon = ref.indexOf(':');
  if (colon < 0) return ref;
  return ref.slice(0, colon) === definitions.prefix ? ref.slice(colon + 1) : undefined;
}
