/**
 * Two GPOs of the project that write one registry value (same hive, key and value name)
 * differently, or one sets it and the other deletes it: a warning at the later one naming both
 * files and lines. Which GPO wins depends on link order, which gpforge does not know (issue 12).
 * Same data, or different hives, is no conflict.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/format.js';
import type { DataPath } from '../load/yaml-source.js';
import type { ValidatedGpo } from '../validate/validate-gpo.js';
import { describeEffect, slotOf } from './describe-registry.js';
import { planPolicy } from './registry-plan.js';
import type { RegistryAction } from './registry-types.js';

/** One registry write of one GPO setting, with the YAML path of that setting. */
interface Write {
  readonly gpo: ValidatedGpo;
  readonly at: DataPath;
  readonly hive: 'HKLM' | 'HKCU';
  readonly action: RegistryAction & { kind: 'set' | 'deleteValue' };
}

const SECTIONS = [['computer', 'HKLM'], ['user', 'HKCU']] as const;

/** Every value-level write of a GPO, paired with the setting it comes from (YAML order). */
function listWrites(gpo: ValidatedGpo): Write[] {
  const writes: Write[] = [];
  for (const [section, hive] of SECTIONS) {
    const refs = Object.keys(gpo.input[section]?.policies ?? {});
    const sources = [
      ...gpo[section].policies.map((p, i) => ({ actions: planPolicy(p), at: [section, 'policies', refs[i] ?? ''] as DataPath })),
      ...gpo[section].registry.map((a, i) => ({ actions: [a], at: [section, 'registry', i] as DataPath })),
    ];
    for (const { actions, at } of sources) {
      for (const action of actions) if (action.kind === 'set' || action.kind === 'deleteValue') writes.push({ gpo, at, hive, action });
    }
  }
  return writes;
}

/** "sets REG_DWORD 4" or "deletes it". */
function phrase(write: Write): string {
  return write.action.kind === 'deleteValue' ? 'deletes it' : `sets ${describeEffect(write.action)}`;
}

function lineOf(write: Write): number {
  const span = write.gpo.doc.locate(write.at, 'key');
  return new LineIndex(write.gpo.doc.text).position(span.start).line;
}

/** GPF3003 for each value two GPOs write differently, once per pair of GPOs and value. */
export function checkCrossGpoConflicts(gpos: readonly ValidatedGpo[]): Diagnostic[] {
  // A clash needs two GPOs: one GPO alone (the usual project) has nothing to compare.
  if (gpos.length < 2) return [];
  const first = new Map<string, Write[]>();
  const reported = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const write of gpos.flatMap(listWrites)) {
    const slot = slotOf(write.hive, write.action);
    const earlier = first.get(slot) ?? [];
    first.set(slot, [...earlier, write]);
    const clash = earlier.find((e) => e.gpo !== write.gpo && describeEffect(e.action) !== describeEffect(write.action));
    const pair = `${slot}|${clash?.gpo.doc.file}|${write.gpo.doc.file}`;
    if (clash === undefined || reported.has(pair)) continue;
    reported.add(pair);
    const value = `${write.hive}\\${write.action.key}\\${write.action.valueName || '(default)'}`;
    const at = `${clash.gpo.doc.file}:${lineOf(clash)}`;
    const span = write.gpo.doc.locate(write.at, 'key');
    diagnostics.push(diagnostic('GPF3003', write.gpo.doc.file, span, value, phrase(write), clash.gpo.input.name, at, phrase(clash)));
  }
  return diagnostics;
}
