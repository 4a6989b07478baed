/**
 * What Intune's ADMX ingestion refuses or mishandles in a definitions file (README "Deploying with
 * Intune"; rules in model/intune-ingestion.ts): keys in restricted locations (GPF2301), `using`
 * namespaces Intune must have first (GPF2302), combo boxes (GPF2303), no en-US ADML (GPF2304),
 * a policy whose category lives in another namespace (GPF2305). All warnings, and only with
 * `validate --intune` / `build --intune`: the ADMX is fine for Group Policy.
 */
import type { DataPath } from '../../load/yaml-source.js';
import { INTUNE_ADML_LOCALE, restrictedIngestionRoot } from '../../model/intune-ingestion.js';
import type { Reporter } from '../reporter.js';
import type { CheckContext } from './context.js';
import { policies, typedElements } from './walk.js';

/** GPF2301 for a key ingestion may not write; called for every key of the file (check-registry.ts). */
export function checkIngestionKey(ctx: Reporter, key: string, path: DataPath): void {
  const root = restrictedIngestionRoot(key);
  if (root !== undefined) ctx.report('GPF2301', path, key, root);
}

export function checkIntune(ctx: CheckContext): void {
  if (!ctx.intune) return;
  const { input } = ctx;
  for (const [prefix, namespace] of Object.entries(input.using ?? {})) ctx.report('GPF2302', ['using', prefix], namespace);
  if (!ctx.locales.includes(INTUNE_ADML_LOCALE)) ctx.report('GPF2304', ['locales'], ctx.locales);
  for (const policy of policies(ctx)) {
    const colon = policy.value.category.indexOf(':');
    if (colon >= 0 && policy.value.category.slice(0, colon) !== input.prefix) ctx.report('GPF2305', [...policy.path, 'category'], policy.value.category);
    for (const element of typedElements(policy)) {
      if (element.value.type === 'text' && element.value.suggestions !== undefined) ctx.report('GPF2303', [...element.path, 'suggestions']);
    }
  }
}
