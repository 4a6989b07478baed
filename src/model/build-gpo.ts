/** A validated GPO file → the model's Gpo: stable GUIDs, folder slug, backup environment. */
import { v5 as uuidv5 } from 'uuid';
import type { ValidatedGpo } from '../validate/validate-gpo.js';
import type { Gpo } from './types.js';

/** gpforge's own UUID namespace for v5 ids: the same name gives the same GUID everywhere, forever. */
const GPFORGE_NAMESPACE = '6c1f3f5e-3b0a-5d2e-9f43-1d7c2a0b9e51';

const braced = (uuid: string) => `{${uuid.toUpperCase()}}`;

/** GPO GUID from the YAML, else derived from the display name (DESIGN.md §1.2). */
export function gpoId(input: { name: string; id?: string }): string {
  return input.id !== undefined ? input.id.toUpperCase() : braced(uuidv5(`gpo:${input.name}`, GPFORGE_NAMESPACE));
}

/** "Windows Update – notify (AUOptions 2)" → "windows-update-notify-auoptions-2". */
export function gpoSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'gpo' : slug.slice(0, 80).replace(/-+$/, '');
}

/** A GPO file without `version:` is at version 1 on each side that has settings (FORMATS.md e.2). */
export const DEFAULT_GPO_VERSION = 1;

export interface GpoDefaults {
  readonly domain?: string;
  readonly domainController?: string;
}

export function buildGpo(source: ValidatedGpo, defaults: GpoDefaults = {}): Gpo {
  const { input } = source;
  const id = gpoId(input);
  const domain = input.domain ?? defaults.domain ?? 'example.com';
  return {
    sourcePath: source.doc.file,
    name: input.name,
    slug: gpoSlug(input.name),
    id,
    backupId: braced(uuidv5(`backup:${id}`, GPFORGE_NAMESPACE)),
    ...(input.comment !== undefined && { comment: input.comment }),
    version: input.version ?? DEFAULT_GPO_VERSION,
    environment: {
      domain,
      domainGuid: `{${uuidv5(`domain:${domain.toLowerCase()}`, GPFORGE_NAMESPACE)}}`,
      domainController: input.domainController ?? defaults.domainController ?? `dc.${domain}`,
    },
    computer: source.computer,
    user: source.user,
  };
}
