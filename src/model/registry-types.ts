/**
 * Registry actions: the one vocabulary every registry output renders (.reg, Registry.pol, GPO
 * backup, later LGPO text). Produced only by model/registry-plan.ts (FORMATS.md a.5).
 */
import type { Policy } from './types.js';

/** Which root a GPO side writes to: Computer Configuration → HKLM, User Configuration → HKCU. */
export type Hive = 'HKLM' | 'HKCU';

/** Typed registry data, as regedit and PReg know it (FORMATS.md a.3). */
export type RegistryData =
  | { readonly type: 'REG_SZ'; readonly value: string }
  | { readonly type: 'REG_EXPAND_SZ'; readonly value: string }
  | { readonly type: 'REG_DWORD'; readonly value: number }
  | { readonly type: 'REG_QWORD'; readonly value: bigint }
  | { readonly type: 'REG_MULTI_SZ'; readonly value: readonly string[] }
  | { readonly type: 'REG_BINARY'; readonly value: Uint8Array }
  | { readonly type: 'REG_NONE' };

export type RegistryType = RegistryData['type'];

/**
 * One step of a registry plan. Keys are relative to the hive, without leading or trailing
 * backslash. Order matters: actions apply top to bottom.
 */
export type RegistryAction =
  /** Set a value. `soft`: only when the value does not exist yet (PReg `**soft.`). */
  | { readonly kind: 'set'; readonly key: string; readonly valueName: string; readonly data: RegistryData; readonly soft?: boolean }
  /** Delete one value (PReg `**del.<name>`). */
  | { readonly kind: 'deleteValue'; readonly key: string; readonly valueName: string }
  /** Delete every value of the key, not its subkeys (PReg `**delvals.`). */
  | { readonly kind: 'deleteAllValues'; readonly key: string }
  /** Create the key only (PReg key-only record). */
  | { readonly kind: 'createKey'; readonly key: string }
  /** Delete the named subkeys of the key, with their subtrees (PReg `**DeleteKeys`, FORMATS.md a.4). */
  | { readonly kind: 'deleteKeys'; readonly key: string; readonly subkeys: readonly string[] }
  /** Delete the named values, in one record (PReg `**DeleteValues`, FORMATS.md a.4). */
  | { readonly kind: 'deleteValues'; readonly key: string; readonly valueNames: readonly string[] }
  /** 1: admins and SYSTEM full control, users read; 0: the parent's ACL (PReg `**SecureKey`, a.4). */
  | { readonly kind: 'secureKey'; readonly key: string; readonly secure: boolean }
  /**
   * A PReg record kept exactly as read: any type number, any data, any name (directives too).
   * For imported records no other action reproduces byte for byte (odd data, unknown types).
   */
  | { readonly kind: 'record'; readonly key: string; readonly valueName: string; readonly type: number; readonly data: Uint8Array };

/** The action kinds that name one value (set, deleteValue, record). */
export type ValueAction = Extract<RegistryAction, { valueName: string }>;

/** The registry actions of one GPO side. */
export interface RegistryPlan {
  readonly hive: Hive;
  readonly actions: readonly RegistryAction[];
}

/** The value a GPO gives one policy element (already checked against the element). */
export type ElementValue =
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'decimal'; readonly value: number }
  | { readonly type: 'longDecimal'; readonly value: bigint }
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'multiText'; readonly value: readonly string[] }
  /** Index into the enum element's items. */
  | { readonly type: 'enum'; readonly itemIndex: number }
  /** list without explicitValue: the strings; with explicitValue: name/data pairs. */
  | { readonly type: 'list'; readonly entries: readonly { readonly name?: string; readonly value: string }[] };

/** A policy as one GPO configures it; "not configured" policies never appear. */
export interface ConfiguredPolicy {
  readonly policy: Policy;
  readonly state: 'enabled' | 'disabled';
  /** By element id; elements without a value are simply absent (optional elements). */
  readonly values: ReadonlyMap<string, ElementValue>;
}
