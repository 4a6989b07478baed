/**
 * What Intune's ADMX ingestion refuses or mishandles, as Microsoft documents it (README
 * "Deploying with Intune" cites the pages). One place for the rules that `validate` (our
 * definitions, GPF23xx) and `gpforge lint --intune` (ADMX files, GPF127x) both check.
 *
 * Registry: "the ingested policies are not allowed to write to locations within the System,
 * Software\Microsoft, and Software\Policies\Microsoft keys, except for" the listed locations
 * ("Win32 and Desktop Bridge app ADMX policy ingestion", Overview). Matching is by whole key
 * segments and case-insensitive, as registry names are; an exception covers its subkeys.
 */

const RESTRICTED_ROOTS = ['System', 'Software\\Microsoft', 'Software\\Policies\\Microsoft'];

const EXCEPTIONS = [
  'Software\\Policies\\Microsoft\\Office',
  'Software\\Microsoft\\Office',
  'Software\\Microsoft\\Windows\\CurrentVersion\\Explorer',
  'Software\\Microsoft\\Internet Explorer',
  'Software\\Policies\\Microsoft\\Shared Tools\\Proofing Tools',
  'Software\\Policies\\Microsoft\\IMEJP',
  'Software\\Policies\\Microsoft\\IME\\Shared',
  'Software\\Policies\\Microsoft\\Shared Tools\\Graphics Filters',
  'Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Explorer',
  'Software\\Policies\\Microsoft\\SoftwareProtectionPlatform',
  'Software\\Policies\\Microsoft\\OfficeSoftwareProtectionPlatform',
  'Software\\Policies\\Microsoft\\Windows\\Windows Search\\Preferences',
  'Software\\Policies\\Microsoft\\Exchange',
  'Software\\Microsoft\\Shared Tools\\Proofing Tools',
  'Software\\Microsoft\\Shared Tools\\Graphics Filters',
  'Software\\Microsoft\\Windows\\Windows Search\\Preferences',
  'Software\\Microsoft\\Exchange',
  'Software\\Policies\\Microsoft\\VBA\\Security',
  'Software\\Microsoft\\OneDrive',
  'Software\\Microsoft\\Edge',
  'Software\\Microsoft\\EdgeUpdate',
];

/** Intune's Import ADMX takes one ADML per ADMX, and only en-US ("What you need to know"). */
export const INTUNE_ADML_LOCALE = 'en-US';

/** Intune's Import ADMX takes ADMX files of at most 1 MB. */
export const INTUNE_MAX_ADMX_BYTES = 1024 * 1024;

/**
 * Named like Windows' own templates (`Microsoft.Policies.*`), which are configured through the
 * Policy CSP, not imported ("What you need to know"). A heuristic: some Microsoft templates that
 * ship apart from Windows use such namespaces too, so callers word their findings as "if".
 */
export function isWindowsNamespace(namespace: string): boolean {
  return namespace.startsWith('Microsoft.Policies.');
}

/** The restricted location (`Software\Policies\Microsoft`) a key lies in, or undefined when ingestion may write it. */
export function restrictedIngestionRoot(key: string): string | undefined {
  const folded = fold(key);
  const within = (location: string) => folded === fold(location) || folded.startsWith(`${fold(location)}\\`);
  if (EXCEPTIONS.some(within)) return undefined;
  return RESTRICTED_ROOTS.filter(within).sort((a, b) => b.length - a.length)[0];
}

/** Lower case, single backslashes, none at either end: how the registry compares key paths. */
function fold(key: string): string {
  return key.replace(/\\{2,}/g, '\\').replace(/^\\|\\$/g, '').toLowerCase();
}
