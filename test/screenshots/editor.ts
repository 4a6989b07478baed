/**
 * Screenshots of the editor set-up (README, issue 16): a GPO file of the shipped example in
 * Monaco with monaco-yaml and the schema `gpforge schema` writes for policies/, showing policy
 * completion with help, an out-of-range value flagged, and the explain text on hover. Drawn by
 * Debian's Chromium (headless) over a loopback HTTP server, because workers do not load from file://.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { projectSchemaText } from '../support/project-schema.js';
import { closeBrowser, launchBrowser, type RunningBrowser } from '../support/browser.js';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.json': 'application/json' };

/** The shipped GPO with a value out of range and a policy key being typed, where completion opens. */
function documentText(): string {
  const shipped = readFileSync('policies/gpo-wu-scheduled-install.yaml', 'utf8')
    .replace('../src/schema/gpforge.schema.json', '../.gpforge/gpo.schema.json')
    .replace(/ScheduledInstallTime: 3 .*/, 'ScheduledInstallTime: 25             # meant 02:00');
  return `${shipped}    gpfwu:\n`;
}

async function bundlePage(dir: string): Promise<void> {
  await build({
    entryPoints: {
      page: 'test/screenshots/editor-page.ts',
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'yaml.worker': 'monaco-yaml/yaml.worker.js',
    },
    bundle: true,
    format: 'iife',
    outdir: dir,
    loader: { '.ttf': 'file' },
    logLevel: 'error',
  });
  const data = { schema: JSON.parse(projectSchemaText(['policies/windows-update.yaml'])) as object, text: documentText() };
  writeFileSync(join(dir, 'data.js'), `globalThis.gpforgeEditor = ${JSON.stringify(data)};`);
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="page.css">' +
      '<style>html,body{margin:0;background:#1e1e1e}#editor{width:1000px;height:520px}</style></head>' +
      '<body><div id="editor"></div><script src="data.js"></script><script src="page.js"></script></body></html>',
  );
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(join(dir, name.replace(/\.\.+/g, '')));
      response.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

export interface Screenshot {
  readonly path: string;
  /** The text of the editor widget the picture shows (suggestions, hover). */
  readonly shown: string;
}

export async function editorScreenshots(outDir: string): Promise<Screenshot[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-editor-'));
  let server: Server | undefined;
  let running: RunningBrowser | undefined;
  try {
    await bundlePage(dir);
    const served = await serve(dir);
    server = served.server;
    const url = served.url;
    running = await launchBrowser();
    const page = await running.browser.newPage({ viewport: { width: 1000, height: 520 }, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as { gpforgeEditor?: { editor?: unknown } }).gpforgeEditor?.editor !== undefined);
    // The out-of-range value is flagged once the YAML worker has validated the document.
    await page.waitForSelector('.squiggly-warning, .squiggly-error', { timeout: 30_000 });
    const lines = documentText().split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    /** Puts the cursor at a 1-based line and column and runs an editor action there, as its shortcut would. */
    const runAt = (lineNumber: number, column: number, action: string) =>
      page.evaluate(({ position, id }) => {
        const editor = (globalThis as unknown as { gpforgeEditor: { editor: { focus(): void; setPosition(p: unknown): void; trigger(s: string, id: string, a: unknown): void } } }).gpforgeEditor.editor;
        editor.focus();
        editor.setPosition(position);
        editor.trigger('screenshot', id, {});
      }, { position: { lineNumber, column }, id: action });
    /** Writes the picture and returns it with the text of the widget shown in it, for tests to check. */
    const shoot = async (name: string, ...widgets: string[]): Promise<Screenshot> => {
      await page.waitForTimeout(300);
      const path = join(outDir, name);
      await page.screenshot({ path });
      const texts = await Promise.all(widgets.map((widget) => page.locator(widget).first().innerText()));
      return { path, shown: texts.join('\n') };
    };

    await runAt(lines.length - 1, '    gpfwu:'.length, 'editor.action.triggerSuggest');
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 30_000 });
    await page.keyboard.press('Control+Space'); // opens the details pane beside the list
    await page.waitForSelector('.suggest-details-container .docs', { timeout: 10_000 });
    const completion = await shoot('editor-completion.png', '.suggest-widget.visible', '.suggest-details-container');
    await page.keyboard.press('Escape');

    const hoverShown = () => page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 30_000 });
    await runAt(lineOf('gpfwu:AutoUpdateCfg'), 12, 'editor.action.showHover');
    await hoverShown();
    const hover = await shoot('editor-hover.png', '.monaco-hover:not(.hidden)');
    await page.keyboard.press('Escape');

    await runAt(lineOf('ScheduledInstallTime: 25'), '      ScheduledInstallTime: 2'.length, 'editor.action.showHover');
    await hoverShown();
    const diagnostic = await shoot('editor-diagnostic.png', '.monaco-hover:not(.hidden)');
    return [completion, hover, diagnostic];
  } finally {
    // Whatever step failed, nothing started here outlives the call.
    await closeBrowser(running);
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
