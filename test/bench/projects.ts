/**
 * The inputs `npm run bench` builds: a synthetic project of any size, and a large definitions
 * file made of the all-elements fixture's policies (every element kind, two locales) repeated.
 */
import { readFileSync } from 'node:fs';
import type { SourceFile } from '../../src/compile.js';

/** Policies per synthetic definitions file: 5,000 in one file would pass the 4 MiB YAML limit. */
const POLICIES_PER_FILE = 1000;

/**
 * `count` policies of four elements each, in two locales, in definitions files of up to 1,000
 * policies (one namespace each), and a GPO enabling them all.
 */
export function syntheticProject(count: number): SourceFile[] {
  const files: SourceFile[] = [];
  const settings: string[] = [];
  for (let first = 0, part = 0; first < count; first += POLICIES_PER_FILE, part++) {
    const last = Math.min(count, first + POLICIES_PER_FILE);
    files.push({ path: `bench/definitions-${part}.yaml`, text: syntheticDefinitions(part, first, last) });
    for (let i = first; i < last; i++) settings.push(`    bench${part}:Policy${i}: { state: enabled, Level: 7, Name: "n${i}", Mode: B, Items: [x, y] }`);
  }
  files.push({ path: 'bench/gpo.yaml', text: `kind: gpo\nname: Bench GPO\ncomputer:\n  policies:\n${settings.join('\n')}\n` });
  return files;
}

function syntheticDefinitions(part: number, first: number, last: number): string {
  const t = (s: string) => `{ en-US: "${s}", de-DE: "${s} (de)" }`;
  const policies: string[] = [];
  for (let i = first; i < last; i++) {
    policies.push(`  - id: Policy${i}
    class: machine
    category: Cat
    supportedOn: S
    name: ${t(`Policy number ${i}`)}
    explain: ${t(`Explains policy ${i} in a sentence or two, as real explain texts do.`)}
    key: Software\\Policies\\Bench\\P${i % 50}
    valueName: Enabled${i}
    elements:
      - { id: Level, type: decimal, valueName: Level${i}, label: ${t('Level')}, min: 0, max: 100, default: 5 }
      - { id: Name, type: text, valueName: Name${i}, label: ${t('Name')} }
      - id: Mode
        type: enum
        valueName: Mode${i}
        label: ${t('Mode')}
        items: [{ id: A, name: ${t('A')}, value: 1 }, { id: B, name: ${t('B')}, value: 2 }]
      - { id: Items, type: list, key: Software\\Policies\\Bench\\L${i}, label: ${t('Items')} }`);
  }
  return `kind: definitions
namespace: Gpforge.Bench${part}
prefix: bench${part}
fileName: Bench${part}
locales: [en-US, de-DE]
categories: [{ id: Cat, name: ${t('Bench')} }]
supportedOn: [{ id: S, text: ${t('Any')} }]
policies:
${policies.join('\n')}
`;
}

const ALL_ELEMENTS = 'test/fixtures/valid/all-elements.yaml';
const AGENT_KEY = 'Software\\Policies\\Contoso\\Agent';

/**
 * test/fixtures/valid/all-elements.yaml with its policies repeated until there are `count`:
 * every element kind, presentation control and value kind, in two locales. Each copy gets its
 * own policy id and registry keys, so the copies do not conflict.
 */
export function allElementsFile(count: number): SourceFile {
  const text = readFileSync(ALL_ELEMENTS, 'utf8');
  const start = text.indexOf('\npolicies:\n') + '\npolicies:\n'.length;
  const blocks = text.slice(start).split(/^(?=  - id: )/m);
  const copies: string[] = [];
  for (let i = 0; i < count; i++) {
    const block = blocks[i % blocks.length] ?? '';
    copies.push(block.replace(/^  - id: (\w+)/, `  - id: $1_${i}`).split(AGENT_KEY).join(`${AGENT_KEY}${i}`));
  }
  return { path: `bench/all-elements-${count}.yaml`, text: text.slice(0, start) + copies.join('') };
}
