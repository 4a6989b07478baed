/**
 * A real editor client (issue 16): yaml-language-server, the engine of VS Code's YAML extension,
 * started over stdio, given the shipped example's schema and a GPO document, answers
 * completion, hover and diagnostics from it. Skipped with a message if it cannot start.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../support/lsp-client.js';
import { projectSchemaText } from '../support/project-schema.js';

const SERVER = 'node_modules/yaml-language-server/bin/yaml-language-server';
const available = existsSync(SERVER);
if (!available) console.warn(`editor test skipped: ${SERVER} not installed (npm ci installs it)`);

type Item = { label: string; detail?: string; documentation?: string | { value: string } };
const text = (item: Item) => `${item.label} ${item.detail ?? ''} ${typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '')}`;

/** The modeline (line 0) names the schema, as `gpforge init` writes it; the lines below are counted from it. */
const document = (schemaUrl: string) => [
  `# yaml-language-server: $schema=${schemaUrl}`,
  'kind: gpo',
  'name: Editor test',
  'computer:',
  '  policies:',
  '    gpfwu:AutoUpdateCfg:',
  '      state: enabled',
  '      ScheduledInstallTime: 99',
  '      ',
  '    gpfwu',
  '',
].join('\n');

describe.skipIf(!available)('yaml-language-server with the project schema', () => {
  let client: LspClient;
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-lsp-'));
  const schemaUrl = pathToFileURL(join(dir, 'gpo.schema.json')).href;
  const uri = pathToFileURL(join(dir, 'gpo.yaml')).href;
  type Published = { uri: string; diagnostics: { message: string; range: { start: { line: number } } }[] };
  let diagnostics: Promise<Published>;

  beforeAll(async () => {
    writeFileSync(join(dir, 'gpo.schema.json'), projectSchemaText(['policies/windows-update.yaml']));
    client = new LspClient(process.execPath, [SERVER, '--stdio']);
    await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', {
      settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } },
    });
    diagnostics = client.waitFor('textDocument/publishDiagnostics', (p: Published) => p.uri === uri && p.diagnostics.length > 0, 30000);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: document(schemaUrl) } });
  }, 40000);

  afterAll(() => client?.stop());

  it('completes the Windows Update policies while "    gpfwu" is typed under computer.policies, with display names', async () => {
    const result = await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 9 } });
    const items = result.items.filter((i) => i.label.startsWith('gpfwu:'));
    // AutoUpdateCfg is already in the document, so the editor offers the others.
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['gpfwu:UseWUServer', 'gpfwu:NoAutoRebootWithLoggedOnUsers']));
    expect(items.map(text).join('\n')).toContain('intranet Microsoft update service');
  });

  it('completes the element ids inside an enabled AutoUpdateCfg', async () => {
    const result = await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 6 } });
    expect(result.items.map((i) => i.label)).toEqual(expect.arrayContaining(['AutoUpdateMode', 'ScheduledInstallDay']));
  });

  it('shows the explain text on hover over a policy key', async () => {
    const hover = await client.request<{ contents: { value: string } | string }>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 10 } });
    const shown = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
    expect(shown).toContain('Automatic Updates');
    expect(shown).toMatch(/Software\\\\?Policies\\\\?Microsoft\\\\?Windows\\\\?WindowsUpdate\\\\?AU/);
  });

  it('reports the out-of-range ScheduledInstallTime', { timeout: 30000 }, async () => {
    const published = await diagnostics;
    expect(published.diagnostics.some((d) => d.range.start.line === 7)).toBe(true);
  });
});
