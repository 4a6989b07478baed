/**
 * Intune output (README "Deploying with Intune"): per GPO, `intune/<gpo-slug>.json` (the body of
 * a Microsoft Graph windows10CustomConfiguration, whose omaSettings are the OMA-URI settings) and
 * `intune/<gpo-slug>.csv` (the same settings, one row each, for people who paste them into the
 * admin center). Settings, in this order:
 * 1. one ADMX ingestion setting per definitions file of ours the GPO uses (a file its `using`
 *    namespaces need, when that file is ours too, comes first), whose value is the ADMX text;
 * 2. one setting per configured policy, Computer side then User side, in YAML order, its value
 *    the Policy CSP payload (intune-payload.ts).
 * What has no OMA-URI gpforge can derive with certainty, and raw `registry:` entries, are left
 * out and reported in `notes`, for warnings at their GPO YAML lines (GPF3201–GPF3203).
 */
import type { ConfiguredPolicy } from '../model/registry-types.js';
import type { DefinitionsFile, Gpo, Model, Policy } from '../model/types.js';
import { isWindowsNamespace } from '../model/intune-ingestion.js';
import { compareCodeUnits } from '../text/compare.js';
import { emitIntuneCsv } from './intune-csv.js';
import { emitIntuneJson } from './intune-json.js';
import { intunePayload } from './intune-payload.js';
import { ingestedPolicyUri, ingestionUri, windowsPolicyUri, type PolicySection, type UriResult } from './intune-uri.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';

/** One OMA-URI setting; data type String throughout (Graph omaSettingString). */
export interface IntuneSetting {
  readonly displayName: string;
  readonly description: string;
  readonly omaUri: string;
  readonly value: string;
}

/** One GPO as an Intune custom configuration profile. */
export interface IntuneProfile {
  readonly displayName: string;
  readonly description: string;
  readonly settings: readonly IntuneSetting[];
}

/** A GPO entry out/intune leaves out, by its place in the GPO file (side, list, index). */
export type IntuneNote = {
  readonly sourcePath: string;
  readonly section: PolicySection;
  readonly index: number;
} & (
  | { readonly entry: 'policies'; readonly code: 'GPF3201' | 'GPF3203'; readonly policyId: string; readonly problem: string }
  | { readonly entry: 'registry'; readonly code: 'GPF3202' }
);

export interface IntuneSources {
  /**
   * The ADMX text of one of our definitions files, as written to PolicyDefinitions/ (asked only
   * for the files a GPO uses: most builds decode none).
   */
  readonly admx: (definitions: DefinitionsFile) => string | undefined;
  /** --admx templates GPO files may use (Windows' own, or third parties'). */
  readonly external: readonly DefinitionsFile[];
}

interface Owner {
  readonly definitions: DefinitionsFile;
  readonly ours: boolean;
}

/** intune/<slug>.json and .csv for every GPO; what is left out goes to `notes`. */
export function emitIntune(model: Model, sources: IntuneSources, templates: Templates, notes: IntuneNote[]): OutputFile[] {
  const owners = new Map<Policy, Owner>();
  for (const definitions of sources.external) for (const policy of definitions.policies) owners.set(policy, { definitions, ours: false });
  for (const definitions of model.definitions) for (const policy of definitions.policies) owners.set(policy, { definitions, ours: true });
  return model.gpos.flatMap((gpo) => {
    const profile = intuneProfile(gpo, owners, sources.admx, model.definitions, notes);
    return [
      { path: `intune/${gpo.slug}.json`, bytes: emitIntuneJson(profile, templates) },
      { path: `intune/${gpo.slug}.csv`, bytes: emitIntuneCsv(profile, templates) },
    ];
  });
}

function intuneProfile(gpo: Gpo, owners: ReadonlyMap<Policy, Owner>, admx: IntuneSources['admx'], ours: readonly DefinitionsFile[], notes: IntuneNote[]): IntuneProfile {
  const settings: IntuneSetting[] = [];
  const used = new Set<DefinitionsFile>();
  for (const section of ['computer', 'user'] as const) {
    gpo[section].policies.forEach((configured, index) => {
      const owner = owners.get(configured.policy);
      const setting = policySetting(gpo, configured, owner, section);
      if ('code' in setting) {
        notes.push({ sourcePath: gpo.sourcePath, section, index, entry: 'policies', policyId: configured.policy.id, ...setting });
        return;
      }
      settings.push(setting);
      if (owner?.ours === true) used.add(owner.definitions);
    });
    gpo[section].registry.forEach((_, index) => notes.push({ sourcePath: gpo.sourcePath, section, index, entry: 'registry', code: 'GPF3202' }));
  }
  const ingestion = ingestionOrder(used, ours).map((definitions) => ingestionSetting(definitions, admx(definitions)));
  return { displayName: gpo.name, description: gpo.comment ?? '', settings: [...ingestion, ...settings] };
}

type SettingOrProblem = IntuneSetting | { readonly code: 'GPF3201' | 'GPF3203'; readonly problem: string };

function policySetting(gpo: Gpo, configured: ConfiguredPolicy, owner: Owner | undefined, section: PolicySection): SettingOrProblem {
  const uri = policyUri(configured.policy, owner, section);
  if (!uri.ok) return { code: 'GPF3201', problem: uri.problem };
  const payload = intunePayload(configured);
  if (!payload.ok) return { code: 'GPF3203', problem: payload.problem };
  const name = displayName(configured.policy, owner);
  const comment = gpo.comment === undefined ? '' : `: ${gpo.comment}`;
  return { displayName: name, description: `${name} (${configured.state}), from GPO "${gpo.name}"${comment}`, omaUri: uri.uri, value: payload.payload };
}

function policyUri(policy: Policy, owner: Owner | undefined, section: PolicySection): UriResult {
  if (owner === undefined) throw new Error(`gpforge bug: policy '${policy.id}' belongs to no definitions`);
  if (owner.ours) return ingestedPolicyUri(owner.definitions, policy, section);
  if (isWindowsNamespace(owner.definitions.namespace)) return windowsPolicyUri(owner.definitions, policy, section);
  return { ok: false, problem: `it comes from ${owner.definitions.fileName}.admx (--admx), whose OMA-URIs depend on the app name that file is ingested under` };
}

function displayName(policy: Policy, owner: Owner | undefined): string {
  const locale = owner?.definitions.locales[0];
  return (locale === undefined ? undefined : policy.name[locale]) ?? policy.id;
}

/** Used files by file name, each after the files of ours its `using` namespaces need. */
function ingestionOrder(used: ReadonlySet<DefinitionsFile>, ours: readonly DefinitionsFile[]): DefinitionsFile[] {
  const ordered: DefinitionsFile[] = [];
  const visit = (definitions: DefinitionsFile, path: ReadonlySet<DefinitionsFile>): void => {
    if (ordered.includes(definitions) || path.has(definitions)) return;
    for (const { namespace } of definitions.using) {
      const dependency = ours.find((d) => d.namespace === namespace);
      if (dependency !== undefined) visit(dependency, new Set([...path, definitions]));
    }
    ordered.push(definitions);
  };
  for (const definitions of [...used].sort((a, b) => compareCodeUnits(a.fileName, b.fileName))) visit(definitions, new Set());
  return ordered;
}

function ingestionSetting(definitions: DefinitionsFile, admx: string | undefined): IntuneSetting {
  if (admx === undefined) throw new Error(`gpforge bug: no ADMX text for ${definitions.fileName}`);
  return {
    displayName: `ADMX ingestion: ${definitions.fileName}.admx`,
    description: `${definitions.namespace}, revision ${definitions.revision}: ingest before the policies that use it`,
    omaUri: ingestionUri(definitions),
    value: admx,
  };
}
