/**
 * Every diagnostic gpforge can report: stable code, severity and wording (STYLE.md §3).
 * Codes: GPF1xxx load (reading files), GPF2xxx validate (one file's content),
 * GPF3xxx model (across files), GPF4xxx diff. A code, once released, keeps its meaning.
 */
import type { Severity } from './diagnostic.js';

interface Entry {
  readonly severity: Severity;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly message: (...args: any[]) => string;
}

const error = <A extends unknown[]>(message: (...args: A) => string) => ({ severity: 'error' as const, message });
const warning = <A extends unknown[]>(message: (...args: A) => string) => ({ severity: 'warning' as const, message });

/** Up to a dozen known prefixes are listed; beyond that (Windows' templates have ~270) only a close match. */
function knownPrefixes(known: readonly string[], suggestion: string | undefined): string {
  if (suggestion !== undefined) return `did you mean '${suggestion}'?`;
  if (known.length <= 12) return `known: ${known.join(', ') || 'none'}`;
  return `none of the ${known.length} known prefixes is close to it`;
}

export const catalogue = {
  // ── GPF1xxx: load ────────────────────────────────────────────────────────────────────────
  GPF1001: error((detail: string) => `cannot read file: ${detail}`),
  GPF1002: error((detail: string) => `YAML syntax error: ${detail}`),
  GPF1003: error((detail: string) => `YAML document too large or too deeply aliased: ${detail}`),
  GPF1004: error(() => `a YAML file must hold exactly one document`),
  GPF1005: error((max: number) => `file is larger than ${max} bytes`),
  GPF1006: error((path: string) => `no such file or folder: ${path}`),
  GPF1007: error((path: string) => `no .yaml or .yml files found in ${path}`),
  GPF1008: error((detail: string) => `cannot write the bundle: ${detail}`),
  GPF1009: error((path: string) => `${path} exists; pass --force to overwrite it`),
  GPF1010: warning((note: string) => `the YAML cannot say this exactly: ${note}`),
  GPF1017: warning((count: number, what: string, id: string) => `${count} ${count === 1 ? 'policy has' : 'policies have'} no ${what}; the import refers ${count === 1 ? 'it' : 'them'} to the added ${what} '${id}'`),
  GPF1011: error((detail: string) => `cannot write: ${detail}`),
  GPF1018: warning((count: number, path: string) => `${count} warning${count === 1 ? '' : 's'} about the templates in ${path}, each something Windows tolerates; \`gpforge lint ${path}\` lists them`),
  GPF1012: error((path: string) => `${path} differs from what the build produces`),
  GPF1013: error((path: string) => `${path} is missing (the build produces it)`),
  GPF1014: error((path: string) => `${path} is not produced by the build`),
  GPF1015: error((detail: string) => `template: ${detail}`),
  GPF1016: error((template: string, output: string, problem: string) => `template "${template}" produced ${output}, which ${problem}`),
  GPF1019: error((revision: string, detail: string) => `'${revision}' is not a git revision of this repository: ${detail}`),
  GPF1020: error((path: string, revision: string) => `no .yaml or .yml files in ${path} at revision ${revision}`),
  GPF1021: error((path: string) => `${path} looks like a built bundle but has no templates (PolicyDefinitions/*.admx) or GPO backups (backups/) to compare`),
  GPF1022: warning((path: string) => `${path} was made from other definitions than these: editors complete and check GPO files against old policies; run gpforge schema`),
  // Registry.pol reader
  GPF1100: error((size: number) => `Registry.pol is ${size} bytes long, shorter than the 8-byte PReg header`),
  GPF1101: error((found: string) => `not a Registry.pol file: signature is ${found}, expected 50 52 65 67 ("PReg")`),
  GPF1102: error((version: number) => `unsupported Registry.pol version ${version}; only version 1 exists`),
  GPF1103: error(() => `expected '[' at the start of a Registry.pol record`),
  GPF1104: error((field: string) => `unterminated ${field}: no NUL terminator before the end of the file`),
  GPF1105: error((field: string) => `expected ';' after the ${field}`),
  GPF1106: error((size: number) => `expected ']' after the ${size} data bytes (is the size field wrong?)`),
  GPF1107: error((field: string, needed: number, left: number) => `${field} runs past the end of the file: needs ${needed} bytes, ${left} left`),
  GPF1108: error((type: string, size: number) => `${type} data must have an even size (UTF-16), got ${size} bytes`),
  GPF1109: error((type: string, size: number) => `${type} data must be 4 bytes, got ${size}`),
  GPF1110: error((size: number) => `REG_QWORD data must be 8 bytes, got ${size}`),

  // ── GPF1120–1199: .reg, LGPO text and GPO backup readers (gpforge import of GPOs) ─────────
  GPF1120: error((found: string) => `not a .reg file: the first line is '${found}', expected 'Windows Registry Editor Version 5.00' or 'REGEDIT4'`),
  GPF1121: error(() => `the line ends with '\\' (continued) but no hex continuation line follows`),
  GPF1122: error((hive: string) => `hive ${hive} cannot be imported: a GPO writes only HKEY_LOCAL_MACHINE (computer) and HKEY_CURRENT_USER (user)`),
  GPF1123: error((problem: string) => `cannot read this .reg line: ${problem}`),
  GPF1124: error(() => `a value line before any [key] line`),
  GPF1125: warning((what: string) => `${what} cannot be restored from a .reg file; it is left out`),
  GPF1130: error((found: string) => `unknown LGPO action '${found}' (expected DELETE, DELETEALLVALUES, DELETEKEYS, CREATEKEY, DWORD:, QWORD:, SZ:, EXSZ:, MULTISZ: or BINARY:)`),
  GPF1131: error((found: string) => `unknown LGPO configuration '${found}' (gpforge imports Computer and User)`),
  GPF1132: error((lines: number) => `an LGPO entry needs 4 lines (configuration, key, value name, action); this one has ${lines}`),
  GPF1133: error((problem: string) => `bad LGPO data: ${problem}`),
  GPF1140: error((path: string) => `cannot tell whether ${path} is Computer or User configuration: pass --class machine or --class user`),
  GPF1141: error((path: string) => `${path} is not a GPO backup (no Backup.xml or bkupInfo.xml) nor a backup set (no manifest.xml)`),
  GPF1142: error((what: string) => `the backup lacks ${what}`),
  GPF1143: warning((what: string) => `gpforge cannot represent ${what} yet; it is not imported`),
  GPF1144: warning((detail: string) => `${detail}`),
  GPF1146: error((side: string) => `the ${side} side cannot be imported: not even as raw registry entries does it build the same records (see the GPF22xx errors of the imported YAML)`),
  GPF1145: error((path: string) => `cannot tell what ${path} is: expected a GPO backup folder, a backup set, Registry.pol, .reg, LGPO text (.txt), .admx, .adm or a PolicyDefinitions folder`),

  // ── GPF1200–1299: ADMX/ADML reader and lint ─────────────────────────────────────────────
  // Reader (src/load/admx/): what stops a file from being read, or changes what is read.
  GPF1200: error((encoding: string) => `the file is not valid ${encoding}; invalid bytes were read as U+FFFD`),
  GPF1201: error((label: string) => `unsupported encoding '${label}' in the XML declaration; the file was read as UTF-8`),
  GPF1202: error((detail: string) => `XML is not well-formed: ${detail}`),
  GPF1203: error(() => `the file has a DOCTYPE, which ADMX/ADML files must not have; its entities are not expanded`),
  GPF1204: error((expected: string, found: string) => `expected root element <${expected}>, found <${found}>`),
  GPF1205: error((element: string, name: string) => `<${element}> has no '${name}' attribute`),
  GPF1206: error((parent: string, child: string) => `<${parent}> has no <${child}>`),
  GPF1207: error((value: string, expected: string) => `'${value}' is not ${expected}`),
  GPF1208: error((kind: string, id: string, locale: string, file: string) => `${kind} '${id}' is not defined in the ${locale} ADML (${file})`),
  GPF1209: error((value: string, kind: string) => `'${value}' is not a $(${kind}.ID) reference`),
  GPF1210: warning((what: string, locale: string, fallbackLocale: string) => `${what} is missing from the ${locale} ADML; the ${fallbackLocale} text is used`),
  GPF1211: warning((control: string, refId: string, policy: string) => `<${control}> refers to element '${refId}', which policy '${policy}' does not have; the control is dropped`),
  GPF1212: error((locale: string, expected: string) => `no ${locale} ADML for this ADMX (looked for ${expected}, any letter case)`),
  GPF1213: error((path: string) => `no .admx files in ${path}`),
  GPF1214: error((name: string, parent: string) => `unknown <${name}> in <${parent}>; it is ignored`),
  GPF1215: error((parent: string) => `<${parent}> must hold exactly one of <decimal>, <longDecimal>, <string> or <delete>`),
  GPF1216: warning((value: string, expected: string, name: string) => `'${value}' is not ${expected} (${name}); Windows ignores the attribute, so its default applies; it is kept as written`),
  // Lint (src/lint/): what GPMC, GPEdit or Intune's ADMX import reject or show wrongly.
  GPF1250: warning((id: string) => `element '${id}' has no control in the presentation; GPMC shows no field for it`),
  GPF1251: error((what: string, name: string, line: number) => `duplicate ${what} '${name}' (first at line ${line})`),
  GPF1252: warning((namespace: string, prefix: string) => `'using' namespace '${namespace}' (prefix '${prefix}') is not the target of any ADMX in this folder`),
  GPF1253: error((namespace: string, other: string) => `target namespace '${namespace}' is also declared by ${other}; it must be unique in a store`),
  GPF1254: error((revision: string, minRequired: string) => `ADML revision ${revision} does not fit the ADMX minRequiredRevision ${minRequired}: the major parts must be equal and the ADML minor part at least as high`),
  GPF1255: warning((what: string, id: string) => `${what} '${id}' has characters outside [A-Za-z0-9_]; Windows loads it, but the ADMX schema and strict importers reject it`),
  GPF1256: warning((policy: string) => `policy '${policy}' has no parentCategory; editors show it at the top of Administrative Templates`),
  GPF1257: warning((name: string, element: string, suggestion?: string) => `attribute '${name}' is not in the ADMX schema for <${element}>; strict validators reject it${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`),
  GPF1258: warning((name: string, expected: string) => `attribute '${name}' is not '${expected}': XML names are case-sensitive, so Windows and gpforge ignore it and the default applies (did you mean '${expected}'?)`),
  GPF1259: warning((name: string, parent: string) => `element <${name}> is not in the ADMX schema inside <${parent}>`),
  GPF1260: warning((snippet: string, element: string) => `unexpected text '${snippet}' inside <${element}>, which holds only elements`),
  GPF1261: warning((ref: string, prefix: string) => `'${ref}': prefix '${prefix}' is not declared in policyNamespaces`),
  GPF1262: warning((what: string, ref: string, where: string) => `${what} '${ref}' is not defined in ${where}`),
  GPF1263: warning((control: string, refId: string, type: string, expected: string) => `<${control}> does not fit '${refId}', an element of type ${type}; use <${expected}>`),
  GPF1264: warning((parent: string, child: string) => `<${parent}> has no <${child}>, which the ADMX schema requires`),
  GPF1265: warning((name: string) => `<${name}> is valid, but gpforge import has no place for it and drops it`),
  // Lint --intune (src/lint/check-intune.ts): what Intune's ADMX ingestion / Import ADMX refuses or mishandles.
  GPF1270: warning((key: string, root: string) => `Intune: ADMX ingestion refuses policies that write under ${root} ('${key}' is not among Microsoft's exceptions)`),
  GPF1271: warning((namespace: string, prefix: string) => `Intune: the ADMX declaring '${namespace}' (prefix '${prefix}') must be uploaded to Intune before this file, or the import fails`),
  GPF1272: warning((policy: string, why: string) => `Intune: policy '${policy}' ${why}, so its OMA-URI area has no category path`),
  GPF1273: warning((refId: string) => `Intune: <comboBox> '${refId}': Import ADMX does not support combo boxes, and the whole file fails to import`),
  GPF1274: warning((bytes: number, max: number) => `Intune: the ADMX is ${bytes} bytes; Import ADMX takes files of at most ${max} bytes`),
  GPF1275: warning((namespace: string) => `Intune: '${namespace}' is named like Windows' own templates (Microsoft.Policies.*): if this file ships in Windows' PolicyDefinitions, configure its policies through the Policy CSP (settings catalog or custom OMA-URI) instead of importing it`),

  // ── GPF1300–1349: .adm reader ───────────────────────────────────────────────────────────
  // Reader (src/load/adm/): legacy ADM templates (FORMATS.md §d) for `gpforge import`.
  GPF1300: error((encoding: string) => `the file is not valid ${encoding}; invalid bytes were read as U+FFFD`),
  GPF1301: error(() => `quoted string is not closed before the end of the line`),
  GPF1302: error((block: string, found: string) => `${block} is not closed: expected END ${block} before ${found}`),
  GPF1303: error((found: string, where: string) => `'${found}' is not valid in ${where}; the policy is skipped`),
  GPF1304: error((found: string, where: string) => `'${found}' is not valid in ${where}; it is ignored`),
  GPF1305: error((type: string) => `unknown PART type '${type}' (expected CHECKBOX, COMBOBOX, DROPDOWNLIST, EDITTEXT, LISTBOX, NUMERIC or TEXT); the policy is skipped`),
  GPF1306: error((name: string) => `string '${name}' is not defined in [strings]; its name is used as the text`),
  GPF1307: error((expected: string, after: string, found: string) => `expected ${expected} after ${after}, found ${found}`),
  GPF1308: warning((directive: string) => `unsupported directive '${directive}': the lines up to its #endif are skipped (only #if version is understood)`),
  GPF1309: error((directive: string) => `'${directive}' has no matching #endif`),
  GPF1310: warning((directive: string) => `'${directive}' has no matching #if; it is ignored`),
  GPF1311: warning(() => `this line of [strings] is not Name="text"; it is ignored`),
  GPF1312: warning((name: string, line: number) => `string '${name}' is defined again (first at line ${line}); the first definition is used`),
  GPF1313: error((policy: string) => `POLICY '${policy}' has no KEYNAME (neither its own, its category's nor a PART's); the policy is skipped`),
  GPF1314: error((statement: string) => `${statement} comes before any CLASS statement; CLASS MACHINE is assumed`),
  GPF1315: error((value: string, expected: string) => `'${value}' is not ${expected}; the policy is skipped`),
  GPF1316: warning((what: string) => `${what} has no place in gpforge's model; it is ignored`),
  GPF1317: warning((count: number, id: string) => `${count} ${count === 1 ? 'policy has' : 'policies have'} no SUPPORTED text; the import refers ${count === 1 ? 'it' : 'them'} to the added supportedOn definition '${id}'`),
  GPF1318: warning((count: number, id: string) => `${count} ${count === 1 ? 'policy is' : 'policies are'} outside any CATEGORY; the import puts ${count === 1 ? 'it' : 'them'} in the added category '${id}'`),
  GPF1319: warning(() => `the file defines no policies`),
  GPF1320: error((part: string) => `DROPDOWNLIST '${part}' has no ITEMLIST entries; the policy is skipped`),

  // ── GPF2xxx: validate (structure, from the JSON Schema) ─────────────────────────────────
  GPF2001: error((key: string, suggestion?: string) => `unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`),
  GPF2002: error((key: string) => `missing required key '${key}'`),
  GPF2003: error((expected: string, found: string) => `expected ${expected}, found ${found}`),
  GPF2004: error((found: string, allowed: readonly string[]) => `'${found}' is not allowed here; expected one of: ${allowed.join(', ')}`),
  GPF2005: error((found: string, rule: string) => `'${found}' is not valid here: ${rule}`),
  GPF2006: error((found: string, min: string, max: string) => `${found} is out of range ${min}..${max}`),
  GPF2007: error((length: number, max: number) => `text is ${length} characters long; at most ${max} are allowed`),
  GPF2008: error((min: number) => `needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`),
  GPF2010: error(() => `must not be empty`),
  GPF2009: error(() => `not a gpforge file: top-level 'kind' must be 'definitions' or 'gpo'`),

  // ── GPF21xx: validate (definitions semantics) ───────────────────────────────────────────
  GPF2101: error((what: string, id: string, firstLine: number) => `duplicate ${what} '${id}' (first defined at line ${firstLine})`),
  GPF2102: error((what: string, ref: string, known: readonly string[]) => `unknown ${what} '${ref}'${known.length ? `; known: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}` : ''}`),
  GPF2103: error((prefix: string) => `unknown namespace prefix '${prefix}': declare it under 'using' (or use this file's own prefix)`),
  GPF2104: error((key: string) => `registry key '${key}' must not name a hive: gpforge adds HKLM or HKCU from the policy class`),
  GPF2105: error((key: string) => `registry key '${key}' must not start or end with a backslash or contain an empty segment`),
  GPF2106: warning((key: string) => `key '${key}' is outside Software\\Policies and Software\\Microsoft\\Windows\\CurrentVersion\\Policies: values there stay behind ("tattoo") when the policy is removed`),
  GPF2107: error((what: string, value: string, min: string, max: string) => `${what} ${value} is outside min..max (${min}..${max})`),
  GPF2108: error((min: string, max: string) => `min ${min} is greater than max ${max}`),
  GPF2109: error((value: string, other: string) => `enum item value ${value} is already used by item '${other}'`),
  GPF2110: error((locale: string) => `no text for locale '${locale}' (declared in 'locales'); add it, or set 'fallback: true' to use the default text`),
  GPF2111: warning((locale: string, fallbackLocale: string) => `no text for locale '${locale}'; the ${fallbackLocale} text is used`),
  GPF2112: error(() => `a list cannot have both 'explicitValue' and 'valuePrefix'`),
  GPF2113: error((locale: string, locales: readonly string[]) => `locale '${locale}' is not declared in 'locales' (${locales.join(', ')})`),
  GPF2114: error((what: string) => `${what} contains a control character that XML cannot carry`),
  GPF2115: error((id: string, known: readonly string[]) => `default '${id}' is not an item of this enum; items: ${known.join(', ')}`),
  GPF2116: error((type: string) => `a ${type} element needs a 'valueName'`),
  GPF2117: error((prefix: string) => `'using' prefix '${prefix}' is this file's own prefix`),
  GPF2118: error((what: string, value: string, max: number) => `${what} '${value.length > 40 ? value.slice(0, 40) + '…' : value}' is ${value.length} characters long; at most ${max} are allowed`),
  GPF2120: warning((what: string, id: string) => `${what} '${id}' contains '-', which the ADMX schema does not allow; Windows loads it, strict tools may not`),
  GPF2119: error(() => `a boolean element needs a 'valueName', or 'trueList'/'falseList' to write`),
  GPF2121: error((problem: string, known: readonly string[]) => `elementOrder must name each element of the policy once: ${problem}; elements: ${known.join(', ')}`),
  GPF2122: error((name: string, field?: string) => `extra attribute '${name}' is one gpforge writes itself${field ? ` (from '${field}'); keep one of them` : ''}`),
  GPF2123: error((id: string) => `unused string '${id}' is also the string id of a text of this file`),

  // ── GPF2301–2319: validate (definitions Intune's ADMX ingestion refuses or mishandles) ────
  GPF2301: warning((key: string, root: string) => `Intune: ADMX ingestion refuses policies that write under ${root} ('${key}' is not among Microsoft's exceptions); Intune cannot deploy this policy from an ingested ADMX`),
  GPF2302: warning((namespace: string) => `Intune: the ADMX declaring '${namespace}' must be uploaded to Intune before this file, or the import fails (out/intune includes only this project's own files)`),
  GPF2303: warning(() => `Intune: a text element with suggestions is a combo box, which Intune's Import ADMX does not support: the whole file fails to import`),
  GPF2304: warning((locales: readonly string[]) => `Intune: Import ADMX takes only an en-US ADML, and this file has none (locales: ${locales.join(', ')})`),
  GPF2305: warning((category: string) => `Intune: category '${category}' is in another namespace, so the policy has no category path under the ingested app and no OMA-URI gpforge can derive; out/intune leaves it out`),

  // ── GPF22xx: validate (GPO settings against definitions) ────────────────────────────────
  GPF2201: error((ref: string, suggestion?: string) => `unknown policy '${ref}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`),
  GPF2202: error((prefix: string, known: readonly string[], suggestion?: string) => `no definitions with prefix or namespace '${prefix}'; ${knownPrefixes(known, suggestion)} (pass --admx DIR for Windows' own templates)`),
  GPF2203: error((ref: string, policyClass: string, section: string) => `'${ref}' is a ${policyClass} policy and cannot be set under '${section}:'`),
  GPF2204: error((id: string, known: readonly string[], suggestion?: string) => `policy has no element '${id}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; elements: ${known.join(', ') || 'none'}`),
  GPF2205: error((id: string, type: string, expected: string) => `element '${id}' is ${type}: expected ${expected}`),
  GPF2206: error((given: string, items: readonly string[]) => `'${given}' is not an item of this drop-down; items: ${items.join(', ')}`),
  GPF2207: error((value: string, min: string, max: string) => `${value} is outside this element's range ${min}..${max}`),
  GPF2208: error((length: number, max: number) => `text is ${length} characters long; this element allows at most ${max}`),
  GPF2209: error((count: number, max: number) => `${count} strings given; this element allows at most ${max}`),
  GPF2210: error((id: string) => `required element '${id}' has no value`),
  GPF2211: error((type: string, problem: string) => `data does not fit ${type}: ${problem}`),
  GPF2212: error((what: string, line: number) => `${what} is already set with different data at line ${line}`),
  GPF2213: warning(() => `element values of a disabled policy are ignored`),
  GPF2214: error((what: string) => `${what} cannot contain a NUL character`),
  GPF2215: error((what: string) => `${what} cannot be empty in a REG_MULTI_SZ (it would end the list)`),
  GPF2216: error((size: number) => `data is ${size} bytes; Registry.pol records hold at most 65535`),
  GPF2219: error((ref: string, namespaces: readonly string[]) => `'${ref}' is ambiguous: the prefix is used by ${namespaces.join(' and ')}; write namespace:policyId`),
  GPF2218: error((key: string, line: number) => `key ${key} is cleared (all values deleted) by the setting at line ${line}, which would wipe or reorder this value; use another key`),
  GPF2217: error((name: string) => `value name '${name}' starts with '**', which Registry.pol reserves for instructions`),
  GPF2220: error(() => `a REG_NONE default value reads back as "create the key" in Registry.pol; use createKey: true`),
  GPF2222: error((name: string) => `${JSON.stringify(name)} cannot be written to a .reg file: it holds a control character (CR, LF, ...), an unpaired surrogate, or (a key) ends with ']'`),
  GPF2221: error((name: string) => `'${name}' contains ';', which separates the names in the Registry.pol record`),

  // ── GPF3xxx: model (across files) ───────────────────────────────────────────────────────
  GPF3001: error((what: string, value: string, other: string) => `${what} '${value}' is already used by ${other}`),
  GPF3002: warning((prefix: string, other: string) => `prefix '${prefix}' is also used by ${other}; GPO files can address these policies by namespace:policyId`),
  GPF3003: warning((value: string, effect: string, other: string, at: string, otherEffect: string) => `${value}: this GPO ${effect}, GPO '${other}' (${at}) ${otherEffect}; which one applies depends on GPO link order`),
  GPF3301: warning((locale: string, known: string) => `docs: no definitions file has locale '${locale}' (they have ${known}); its pages show each text in its file's default language`),
  GPF3101: warning((what: string) => `legacy .adm only: ${what} (ADMX, .reg and Registry.pol are complete)`),
  // Intune output (src/emit/intune*.ts): GPO entries out/intune leaves out, at their GPO YAML line.
  GPF3201: warning((policy: string, why: string) => `Intune: no OMA-URI for '${policy}' that gpforge can derive with certainty: ${why}; out/intune leaves it out`),
  GPF3202: warning(() => `Intune: a raw registry entry has no Policy CSP equivalent; out/intune leaves it out (set it with a script, or define a policy for it)`),
  GPF3203: warning((policy: string, why: string) => `Intune: '${policy}' cannot be written as a Policy CSP payload: ${why}; out/intune leaves it out`),

  // ── GPF4xxx: diff (two versions of a project) ──────────────────────────────────────────
  GPF4001: error((what: string, detail: string, users: string) => `breaking definitions change: ${what}: ${detail}${users}`),
  GPF4002: error((detail: string) => `revision ${detail}`),
  GPF4003: warning((what: string, detail: string) => `definitions change needing attention: ${what}: ${detail}`),
} satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof catalogue;
