/**
 * What `gpforge diff` found between two compiled projects (issue 12). Plain data, rendered by
 * render-text.ts, render-markdown.ts, render-json.ts and render-github.ts; render-json.ts
 * prints it as is, so this is also the documented JSON shape (README "gpforge diff").
 */

/**
 * How a definitions change affects GPOs and stores that already use the template; `attention`:
 * nothing breaks by itself, but deploying it needs a manual step (a renamed .admx).
 */
export type Impact = 'breaking' | 'revision' | 'attention' | 'compatible';

/** One registry value (or key-wide action) whose effect changes; absent side = not written. */
export interface RegistryChange {
  readonly hive: 'HKLM' | 'HKCU';
  readonly key: string;
  /** Absent for key-wide actions (delete all values, create key). */
  readonly valueName?: string;
  readonly before?: string;
  readonly after?: string;
}

/** An element value a GPO gives, old → new; absent side = no value. */
export interface ValueChange {
  readonly element: string;
  readonly before?: string;
  readonly after?: string;
}

/** One setting of one GPO side that changed, and what it does to the registry. */
export interface SettingChange {
  /** configured = newly configured, unconfigured = no longer configured, raw = a `registry:` entry. */
  readonly kind: 'configured' | 'unconfigured' | 'changed' | 'raw';
  readonly section: 'computer' | 'user';
  /** "prefix:PolicyId" (absent for raw entries). */
  readonly policy?: string;
  /** The policy's display name in its default locale. */
  readonly title?: string;
  readonly stateBefore?: 'enabled' | 'disabled';
  readonly stateAfter?: 'enabled' | 'disabled';
  readonly values: readonly ValueChange[];
  readonly registry: readonly RegistryChange[];
}

export interface GpoDiff {
  /** The GPO file (the head side's path, else the base side's). */
  readonly file: string;
  readonly name: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly changes: readonly SettingChange[];
}

/** Where in the definitions YAML a change is, by ids (resolved to lines only for annotations). */
export interface DefinitionPlace {
  readonly policy?: string;
  readonly category?: string;
  readonly element?: string;
  readonly item?: string;
  /** The YAML field that changed, e.g. "max" or "key". */
  readonly field?: string;
}

export interface DefinitionChange {
  readonly impact: Impact;
  /** "policy AutoUpdateCfg", "element AutoUpdateCfg.ScheduledInstallTime", "enum item …". */
  readonly subject: string;
  /** "removed", "added", "max 23 → 12 (range narrowed)". */
  readonly detail: string;
  readonly place: DefinitionPlace;
  /** Names of the project's GPOs (either side) that configure the policy concerned. */
  readonly usedBy: readonly string[];
}

export interface NamespaceDiff {
  readonly namespace: string;
  /** The definitions file (the head side's path, else the base side's). */
  readonly file: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly revisionBefore?: string;
  readonly revisionAfter?: string;
  /** The worst impact of its changes. */
  readonly impact: Impact;
  readonly changes: readonly DefinitionChange[];
}

export interface DiffSummary {
  readonly breaking: number;
  readonly revision: number;
  readonly attention: number;
  readonly compatible: number;
  readonly gposChanged: number;
  readonly settingsChanged: number;
  readonly registryValuesChanged: number;
}

export interface DiffReport {
  /** How the sides were named on the command line, e.g. "origin/main" and "working tree". */
  readonly base: string;
  readonly head: string;
  readonly summary: DiffSummary;
  readonly definitions: readonly NamespaceDiff[];
  readonly gpos: readonly GpoDiff[];
}

/** True when nothing differs at all. */
export function isEmptyDiff(report: DiffReport): boolean {
  return report.definitions.length === 0 && report.gpos.length === 0;
}
