/** `gpforge init`: the starter project is copied exactly, never over existing files, and builds. */
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INIT_TEMPLATE_DIR, listTemplateFiles, planScaffold, scaffoldProject } from '../../src/init/scaffold.js';
import { compileFiles } from '../support/compile-files.js';

const temp = () => mkdtempSync(join(tmpdir(), 'gpforge-init-'));
const templateFiles = listTemplateFiles();
const allPaths = templateFiles.map((file) => file.path);

/** Bytes and mtime of every starter file in `dir`, for "nothing changed" checks. */
function snapshot(dir: string) {
  return allPaths.map((file) => {
    const full = join(dir, file);
    return { file, bytes: readFileSync(full), mtimeMs: statSync(full).mtimeMs };
  });
}

/** Sets every starter file in `dir` to an old mtime, so a rewrite would show. */
function backdate(dir: string) {
  for (const file of allPaths) utimesSync(join(dir, file), 1_000_000, 1_000_000);
}

describe('listTemplateFiles', () => {
  it('lists the starter files by their project path, sorted, with .gitignore renamed', () => {
    expect(allPaths).toEqual([
      '.github/workflows/gpforge.yml',
      '.gitignore',
      'README.md',
      'policies/contoso-agent-baseline.yaml',
      'policies/contoso-agent.yaml',
    ]);
    expect(templateFiles.find((file) => file.path === '.gitignore')?.source).toBe('gitignore');
  });
});

describe('planScaffold', () => {
  const files = ['b', 'a', 'c'];
  it.each([
    { name: 'an empty folder: everything written', taken: [] as string[], force: false, expected: { written: ['a', 'b', 'c'], skipped: [], refused: [] } },
    { name: 'conflicts: those refused, the rest skipped', taken: ['c', 'a'], force: false, expected: { written: [], skipped: ['b'], refused: ['a', 'c'] } },
    { name: 'conflicts with force: everything written', taken: ['a'], force: true, expected: { written: ['a', 'b', 'c'], skipped: [], refused: [] } },
  ])('$name', ({ taken, force, expected }) => {
    expect(planScaffold((file) => taken.includes(file), files, force)).toEqual(expected);
  });
});

describe('scaffoldProject', () => {
  it('copies every starter file with the template bytes, creating folders', () => {
    const dir = join(temp(), 'new-project');
    const result = scaffoldProject({ dir, force: false });
    expect(result).toEqual({ written: allPaths, skipped: [], refused: [] });
    for (const file of templateFiles) {
      expect(readFileSync(join(dir, file.path)), file.path).toEqual(readFileSync(join(INIT_TEMPLATE_DIR, file.source)));
    }
  });

  it('refuses a second run, lists every conflict and writes nothing', () => {
    const dir = temp();
    scaffoldProject({ dir, force: false });
    writeFileSync(join(dir, 'README.md'), 'my own readme\n');
    backdate(dir);
    const before = snapshot(dir);
    expect(scaffoldProject({ dir, force: false })).toEqual({ written: [], skipped: [], refused: allPaths });
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes nothing when only one file is in the way', () => {
    const dir = temp();
    mkdirSync(join(dir, 'policies'));
    writeFileSync(join(dir, 'policies/contoso-agent.yaml'), 'kind: definitions\n');
    const result = scaffoldProject({ dir, force: false });
    expect(result.refused).toEqual(['policies/contoso-agent.yaml']);
    expect(result.written).toEqual([]);
    expect(result.skipped).toEqual(allPaths.filter((file) => file !== 'policies/contoso-agent.yaml'));
    expect(statSync(join(dir, 'README.md'), { throwIfNoEntry: false })).toBeUndefined();
    expect(readFileSync(join(dir, 'policies/contoso-agent.yaml'), 'utf8')).toBe('kind: definitions\n');
  });

  it('refuses a file standing where a folder is needed', () => {
    const dir = temp();
    writeFileSync(join(dir, 'policies'), 'not a folder\n');
    const result = scaffoldProject({ dir, force: false });
    expect(result.refused).toEqual(['policies/contoso-agent-baseline.yaml', 'policies/contoso-agent.yaml']);
    expect(result.written).toEqual([]);
  });

  it('overwrites with force', () => {
    const dir = temp();
    scaffoldProject({ dir, force: false });
    writeFileSync(join(dir, 'README.md'), 'my own readme\n');
    expect(scaffoldProject({ dir, force: true })).toEqual({ written: allPaths, skipped: [], refused: [] });
    expect(readFileSync(join(dir, 'README.md'))).toEqual(readFileSync(join(INIT_TEMPLATE_DIR, 'README.md')));
  });
});

describe('the scaffolded project', () => {
  const dir = temp();
  scaffoldProject({ dir, force: false });

  it('validates and builds with the real pipeline', () => {
    const result = compileFiles([join(dir, 'policies/contoso-agent.yaml'), join(dir, 'policies/contoso-agent-baseline.yaml')]);
    expect(result.diagnostics.filter((d) => d.severity === 'error'), result.text).toEqual([]);
    const outputs = result.files.map((file) => file.path);
    expect(outputs).toContain('PolicyDefinitions/ContosoAgent.admx');
    expect(outputs).toContain('PolicyDefinitions/en-US/ContosoAgent.adml');
    expect(outputs).toContain('gpo/contoso-agent-baseline/apply.reg');
    expect(outputs).toContain('gpo/contoso-agent-baseline/Machine/Registry.pol');
  });

  it('has no warnings either', () => {
    const result = compileFiles([join(dir, 'policies/contoso-agent.yaml'), join(dir, 'policies/contoso-agent-baseline.yaml')], false);
    expect(result.diagnostics, result.text).toEqual([]);
  });

  it('ignores out/ and node_modules/ in git', () => {
    expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['out/', 'node_modules/']));
  });

  it('has a CI workflow that validates with annotations, checks, builds and uploads out/', () => {
    interface Step {
      uses?: string;
      run?: string;
      if?: string;
      with?: Record<string, unknown>;
    }
    const workflow = parse(readFileSync(join(dir, '.github/workflows/gpforge.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const runs = steps.map((step) => step.run ?? '');
    const at = (command: string) => runs.findIndex((run) => run.includes(command));
    expect(steps.some((step) => step.uses === 'actions/setup-node@v4' && String(step.with?.['node-version']) === '20')).toBe(true);
    expect(at('npx gpforge validate --format github')).toBeGreaterThan(at('npm ci'));
    expect(at('npx gpforge build --check')).toBeGreaterThan(at('npx gpforge validate'));
    expect(runs.indexOf('npx gpforge build')).toBeGreaterThan(at('npx gpforge build --check'));
    expect(steps[at('npx gpforge build --check')]?.if, 'skipped while out/ is not committed').toBe("hashFiles('out/**') != ''");
    const upload = steps.find((step) => step.uses === 'actions/upload-artifact@v4');
    expect(upload?.with).toMatchObject({ name: 'gpforge-bundle', path: 'out/' });
  });

  it('has a pull-request job that puts gpforge diff on the summary page and fails on breaking changes', () => {
    interface Job {
      if?: string;
      steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
    }
    const workflow = parse(readFileSync(join(dir, '.github/workflows/gpforge.yml'), 'utf8')) as { jobs: Record<string, Job> };
    const job = workflow.jobs['diff'];
    expect(job?.if).toBe("github.event_name == 'pull_request'");
    expect(job?.steps.find((s) => s.uses === 'actions/checkout@v4')?.with).toEqual({ 'fetch-depth': 0 });
    expect(job?.steps.map((s) => s.run)).toContain('npx gpforge diff origin/${{ github.base_ref }} --format markdown --fail-on breaking >> "$GITHUB_STEP_SUMMARY"');
  });
});
