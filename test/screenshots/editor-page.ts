/**
 * Browser side of the editor screenshot (bundled by editor.ts with esbuild): Monaco, the editor
 * of VS Code, with monaco-yaml, which runs yaml-language-server's completion, hover and
 * validation in a web worker, associated with the project's GPO schema like a modeline would.
 */
import * as monaco from 'monaco-editor';
import { configureMonacoYaml } from 'monaco-yaml';

interface EditorPage {
  schema: object;
  text: string;
  editor?: monaco.editor.IStandaloneCodeEditor;
}
const page = (globalThis as unknown as { gpforgeEditor: EditorPage }).gpforgeEditor;

window.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => new Worker(label === 'yaml' ? './yaml.worker.js' : './editor.worker.js'),
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  schemas: [{ fileMatch: ['**/gpo-*.yaml'], uri: 'file:///project/.gpforge/gpo.schema.json', schema: page.schema as never }],
});

const model = monaco.editor.createModel(page.text, 'yaml', monaco.Uri.parse('file:///project/policies/gpo-wu-scheduled-install.yaml'));
page.editor = monaco.editor.create(document.getElementById('editor') as HTMLElement, {
  model,
  theme: 'vs-dark',
  fontSize: 14,
  minimap: { enabled: false },
  automaticLayout: true,
  scrollBeyondLastLine: false,
  quickSuggestions: false,
});
