/**
 * The syntax tree of an .adm body (FORMATS.md d.2), as written: what parse-adm.ts produces and
 * build-adm-model.ts turns into the model. Strings are resolved already (`!!Name` → its text).
 */
import type { Span } from '../../diagnostics/diagnostic.js';
import type { RegValue } from '../../model/types.js';

/** A displayed text: `!!Name` (name set) or written inline (quoted or bare). */
export interface AdmText {
  readonly text: string;
  /** The `[strings]` name, as written after `!!`; absent for an inline text. */
  readonly name?: string;
  readonly span: Span;
}

/** A registry value as ADM writes it: `NUMERIC n`, a string, or `DELETE`. */
export type AdmValue = Exclude<RegValue, { kind: 'longDecimal' }>;

/** One item of ACTIONLISTON/ACTIONLISTOFF/ACTIONLIST: `[KEYNAME k] VALUENAME v VALUE x`. */
export interface AdmActionItem {
  /** The KEYNAME in force: this item's, or the last one before it in the same list. */
  readonly key?: string;
  readonly valueName: string;
  readonly value: AdmValue;
}

/** One ITEMLIST entry of a DROPDOWNLIST: `NAME x VALUE v [DEFAULT] [ACTIONLIST …]`. */
export interface AdmItem {
  readonly name: AdmText;
  readonly value: AdmValue;
  readonly isDefault: boolean;
  readonly actionList?: readonly AdmActionItem[];
}

/** The PART types of FORMATS.md d.2. */
export const PART_TYPES = ['TEXT', 'CHECKBOX', 'NUMERIC', 'EDITTEXT', 'COMBOBOX', 'DROPDOWNLIST', 'LISTBOX'] as const;
export type AdmPartType = (typeof PART_TYPES)[number];

/** Flags a PART may carry (which type allows which: parse-adm-part.ts). */
export type AdmPartFlag = 'DEFCHECKED' | 'REQUIRED' | 'TXTCONVERT' | 'SOFT' | 'EXPANDABLETEXT' | 'NOSORT' | 'ADDITIVE' | 'EXPLICITVALUE';

/** Numbers a PART may carry. */
export type AdmPartNumber = 'MIN' | 'MAX' | 'SPIN' | 'MAXLEN' | 'DEFAULT';

/** PART … END PART as written. */
export interface AdmPart {
  readonly name: AdmText;
  readonly type: AdmPartType;
  readonly keyName?: string;
  readonly valueName?: string;
  readonly clientExt?: string;
  readonly flags: ReadonlySet<AdmPartFlag>;
  readonly numbers: ReadonlyMap<AdmPartNumber, number>;
  /** EDITTEXT/COMBOBOX `DEFAULT` text. */
  readonly defaultText?: AdmText;
  readonly valueOn?: AdmValue;
  readonly valueOff?: AdmValue;
  readonly actionListOn?: readonly AdmActionItem[];
  readonly actionListOff?: readonly AdmActionItem[];
  readonly suggestions: readonly AdmText[];
  readonly items: readonly AdmItem[];
  readonly valuePrefix?: string;
}

/** CLASS MACHINE or CLASS USER, lower-cased as the model's policy class. */
export type AdmClass = 'machine' | 'user';

/** POLICY … END POLICY as written, with the CLASS it stands under. */
export interface AdmPolicy {
  readonly kind: 'policy';
  readonly class: AdmClass;
  readonly name: AdmText;
  /** The KEYNAME of the enclosing categories in force where the POLICY starts. */
  readonly inheritedKey?: string;
  readonly keyName?: string;
  readonly valueName?: string;
  readonly valueOn?: AdmValue;
  readonly valueOff?: AdmValue;
  readonly explain?: AdmText;
  readonly supported?: AdmText;
  readonly actionListOn?: readonly AdmActionItem[];
  readonly actionListOff?: readonly AdmActionItem[];
  readonly clientExt?: string;
  readonly parts: readonly AdmPart[];
}

/** CATEGORY … END CATEGORY; its KEYNAME is already passed down to its policies (inheritedKey). */
export interface AdmCategory {
  readonly kind: 'category';
  readonly name: AdmText;
  readonly explain?: AdmText;
  readonly children: readonly (AdmCategory | AdmPolicy)[];
}

/** The body: top-level CATEGORY and POLICY statements in file order, each with its CLASS. */
export interface AdmSyntax {
  readonly statements: readonly { readonly class: AdmClass; readonly node: AdmCategory | AdmPolicy }[];
}
