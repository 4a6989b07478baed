/**
 * The resolved, readonly Model: what every emitter reads. Built only from validated input
 * (src/validate/), so no field here can hold an invalid value; references are resolved and
 * every localized text has an entry for every locale of its file.
 * Names follow ADMX (FORMATS.md §c) in camelCase.
 */
import type { ConfiguredPolicy, RegistryAction } from './registry-types.js';

/** One text per locale, e.g. { "en-US": "Windows Update", "de-DE": "Windows Update" }. */
export type Localized = Readonly<Record<string, string>>;

/**
 * A registry value as ADMX's Value type allows it (FORMATS.md c.7). `written`: a number's
 * `value` attribute as an imported template spells it, where that is not its plain decimal form
 * (`000000` in outlk16.admx); the registry data is the same.
 */
export type RegValue =
  | { readonly kind: 'decimal'; readonly value: number; readonly written?: string }
  | { readonly kind: 'longDecimal'; readonly value: bigint; readonly written?: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'delete' };

/** enabledList, disabledList, trueList, falseList, enum item valueList (FORMATS.md c.7). */
export interface ValueList {
  readonly defaultKey?: string;
  readonly items: readonly ValueListItem[];
}

export interface ValueListItem {
  /** Absent: the list's defaultKey, else the policy key. */
  readonly key?: string;
  readonly valueName: string;
  readonly value: RegValue;
}

export type PolicyClass = 'machine' | 'user' | 'both';

/**
 * How a node's start tag was written, for templates that must come back exactly as they were
 * (issue 9). Emitters write an attribute whose value is the XSD default only when it is named in
 * `explicit`; `extraAttributes` are written verbatim and mean nothing to gpforge or Windows
 * (unknown names, wrong letter case, values Windows cannot read).
 */
export interface AsWritten {
  /** XML attribute names the source states, even where they hold the XSD default. */
  readonly explicit?: readonly string[];
  /** Attributes kept as written, by name (e.g. `{ maxvalue: "65535", Area: "Security Baseline" }`). */
  readonly extraAttributes?: Readonly<Record<string, string>>;
}

interface ElementBase extends AsWritten {
  readonly id: string;
  /** Absent: the policy key. */
  readonly key?: string;
  readonly valueName?: string;
  readonly clientExtension?: string;
}

export interface BooleanElement extends ElementBase {
  readonly type: 'boolean';
  readonly trueValue?: RegValue;
  readonly falseValue?: RegValue;
  readonly trueList?: ValueList;
  readonly falseList?: ValueList;
}

export interface DecimalElement extends ElementBase {
  readonly type: 'decimal';
  readonly required: boolean;
  readonly minValue: number;
  readonly maxValue: number;
  readonly storeAsText: boolean;
  readonly soft: boolean;
}

export interface LongDecimalElement extends ElementBase {
  readonly type: 'longDecimal';
  readonly required: boolean;
  readonly minValue: bigint;
  readonly maxValue: bigint;
  readonly storeAsText: boolean;
  readonly soft: boolean;
}

export interface TextElement extends ElementBase {
  readonly type: 'text';
  readonly required: boolean;
  readonly maxLength: number;
  readonly expandable: boolean;
  readonly soft: boolean;
}

export interface MultiTextElement extends ElementBase {
  readonly type: 'multiText';
  readonly required: boolean;
  readonly maxLength: number;
  /** 0 = unlimited. */
  readonly maxStrings: number;
  readonly soft: boolean;
}

export interface EnumItem extends AsWritten {
  readonly id: string;
  /** ADML string id of the item's display name. */
  readonly stringId: string;
  readonly name: Localized;
  readonly value: RegValue;
  readonly valueList?: ValueList;
}

export interface EnumElement extends ElementBase {
  readonly type: 'enum';
  readonly required: boolean;
  readonly items: readonly EnumItem[];
}

export interface ListElement extends ElementBase {
  readonly type: 'list';
  /** Absent: "" prefix is not the same as absent; see FORMATS.md c.8. */
  readonly valuePrefix?: string;
  readonly additive: boolean;
  readonly expandable: boolean;
  readonly explicitValue: boolean;
}

export type PolicyElement =
  | BooleanElement
  | DecimalElement
  | LongDecimalElement
  | TextElement
  | MultiTextElement
  | EnumElement
  | ListElement;

export type ElementType = PolicyElement['type'];

/** ADML presentation controls (FORMATS.md c.10), in dialog order; labels are per locale. */
export type PresentationControl = AsWritten & PresentationControlKind;

/** textBox and comboBox hold their label in a `<label>` child; its own attributes, as written. */
export interface LabelAttributes {
  readonly labelAttributes?: Readonly<Record<string, string>>;
}

type PresentationControlKind =
  | { readonly kind: 'text'; readonly text: Localized }
  | { readonly kind: 'checkBox'; readonly refId: string; readonly label: Localized; readonly defaultChecked: boolean }
  | ({ readonly kind: 'textBox'; readonly refId: string; readonly label: Localized; readonly defaultValue?: Localized } & LabelAttributes)
  | {
      readonly kind: 'decimalTextBox' | 'longDecimalTextBox';
      readonly refId: string;
      readonly label: Localized;
      readonly defaultValue?: bigint;
      readonly spin: boolean;
      readonly spinStep: number;
    }
  | ({
      readonly kind: 'comboBox';
      readonly refId: string;
      readonly label: Localized;
      readonly defaultValue?: Localized;
      readonly suggestions: readonly Localized[];
      readonly noSort: boolean;
    } & LabelAttributes)
  | {
      readonly kind: 'dropdownList';
      readonly refId: string;
      readonly label: Localized;
      readonly noSort: boolean;
      /** 0-based index into the enum's items. */
      readonly defaultItem?: number;
    }
  | { readonly kind: 'listBox'; readonly refId: string; readonly label: Localized }
  | {
      readonly kind: 'multiTextBox';
      readonly refId: string;
      readonly label: Localized;
      readonly showAsDialog: boolean;
      readonly defaultHeight: number;
    };

export interface Policy extends AsWritten {
  /** ADMX policy name. */
  readonly id: string;
  readonly class: PolicyClass;
  /** Category reference as written in ADMX: "id" (own namespace) or "prefix:id". */
  readonly category: string;
  /** supportedOn reference: "id" or "prefix:id". */
  readonly supportedOn: string;
  readonly nameStringId: string;
  readonly name: Localized;
  /** '' when the ADMX policy has no explainText (then `explain` is empty too). */
  readonly explainStringId: string;
  readonly explain: Localized;
  readonly key: string;
  readonly valueName?: string;
  readonly enabledValue?: RegValue;
  readonly disabledValue?: RegValue;
  readonly enabledList?: ValueList;
  readonly disabledList?: ValueList;
  readonly clientExtension?: string;
  /** In ADMX order, which may differ from the dialog's (`presentation`). */
  readonly elements: readonly PolicyElement[];
  /** The dialog's controls in order; an empty one is written only when `presentationId` is set. */
  readonly presentation: readonly PresentationControl[];
  /** The ADML presentation id; absent: the policy id, and no presentation when it has no controls. */
  readonly presentationId?: string;
}

export interface Category extends AsWritten {
  readonly id: string;
  readonly nameStringId: string;
  readonly name: Localized;
  readonly explainStringId?: string;
  readonly explain?: Localized;
  /** "id" or "prefix:id"; absent for a top-level category. */
  readonly parent?: string;
}

export interface MinorVersion {
  readonly id: string;
  readonly nameStringId: string;
  readonly name: Localized;
  readonly versionIndex: number;
}

export interface MajorVersion extends MinorVersion {
  readonly minorVersions: readonly MinorVersion[];
}

/** ADMX products carry no versionIndex (their versions do). */
export interface Product {
  readonly id: string;
  readonly nameStringId: string;
  readonly name: Localized;
  readonly majorVersions: readonly MajorVersion[];
}

export type SupportedCondition = AsWritten &
  (
    | { readonly kind: 'range'; readonly ref: string; readonly minVersionIndex?: number; readonly maxVersionIndex?: number }
    | { readonly kind: 'reference'; readonly ref: string }
  );

export interface SupportedDefinition {
  readonly id: string;
  readonly textStringId: string;
  readonly text: Localized;
  /** Absent: a plain text definition (no and/or block). */
  readonly logic?: { readonly kind: 'and' | 'or'; readonly conditions: readonly SupportedCondition[] };
}

export interface UsingNamespace {
  readonly prefix: string;
  readonly namespace: string;
}

/** One definitions YAML file = one ADMX namespace = one .admx + one .adml per locale. */
export interface DefinitionsFile {
  /** Path of the YAML it came from, for messages and the build manifest. */
  readonly sourcePath: string;
  readonly namespace: string;
  readonly prefix: string;
  readonly fileName: string;
  /** ADMX revision (FORMATS.md c.3). */
  readonly revision: string;
  /** `resources/@minRequiredRevision`; absent: `revision`. */
  readonly minRequiredRevision?: string;
  /** The ADMLs' revision; absent: `revision`. */
  readonly admlRevision?: string;
  /** `resources/@fallbackCulture`; absent: not written (the XSD default, en-US, applies). */
  readonly fallbackCulture?: string;
  /** First entry is the default locale. */
  readonly locales: readonly string[];
  /** ADML strings no ADMX attribute refers to, kept by id (imported templates carry some). */
  readonly unusedStrings?: readonly { readonly id: string; readonly text: Localized }[];
  /** Sections written even when empty (`<supportedOn></supportedOn>` in nca.admx). */
  readonly emptySections?: readonly ('supportedOn' | 'categories' | 'policies')[];
  /** ADML displayName and description. */
  readonly displayName: Localized;
  readonly description: Localized;
  readonly using: readonly UsingNamespace[];
  readonly supersededAdm: readonly string[];
  readonly products: readonly Product[];
  readonly supportedOn: readonly SupportedDefinition[];
  readonly categories: readonly Category[];
  readonly policies: readonly Policy[];
}

/** One side of a GPO: Computer Configuration (HKLM) or User Configuration (HKCU). */
export interface GpoSide {
  /** Configured policies in YAML order; "not configured" ones are absent. */
  readonly policies: readonly ConfiguredPolicy[];
  /** Raw registry actions (DESIGN.md §1.2 `registry:`), in YAML order. */
  readonly registry: readonly RegistryAction[];
  /**
   * `keepOrder: true`: the actions are written exactly in YAML order (policies first, then the
   * raw entries), without the canonical regrouping and de-duplication of FORMATS.md a.6; for
   * imported files whose record order is part of their meaning.
   */
  readonly keepOrder?: boolean;
}

/** Where a GPO backup says it came from (Backup.xml, bkupInfo.xml); placeholders unless given. */
export interface GpoEnvironment {
  readonly domain: string;
  /** "{guid}" lowercase, as GPMC writes it in bkupInfo.xml. */
  readonly domainGuid: string;
  readonly domainController: string;
}

/** One GPO settings YAML file = one GPO (DESIGN.md §1.2). */
export interface Gpo {
  readonly sourcePath: string;
  /** GPO display name. */
  readonly name: string;
  /** Folder name under out/gpo/: lowercase letters, digits and '-'; unique in a build. */
  readonly slug: string;
  /** GPO GUID, "{XXXXXXXX-...}" uppercase: from the YAML, else a stable UUID v5 of the name. */
  readonly id: string;
  /** Backup folder GUID, "{...}" uppercase, derived from `id` (stable). */
  readonly backupId: string;
  readonly comment?: string;
  /** Version counter (1..65535) of each side that has settings: gpt.ini, Backup.xml, Samba. */
  readonly version: number;
  readonly environment: GpoEnvironment;
  readonly computer: GpoSide;
  readonly user: GpoSide;
}

/** Everything a build emits from. */
export interface Model {
  readonly definitions: readonly DefinitionsFile[];
  readonly gpos: readonly Gpo[];
}
