import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');

describe('config file', () => {
  it('takes the guide, field mapping and flag defaults from .toneauditrc.yaml; flags override it', async () => {
    const dir = tempDir({
      '.toneauditrc.yaml': `guide: ${JSON.stringify(guide)}\nfields:\n  response: bot_reply\ngrader: none\nformat: json\n`,
      'a.csv': 'id,customer,bot_reply\nr1,Hi,Kindly utilize the dashboard.\n',
    });
    const run = await runCli(['audit', 'a.csv'], { cwd: dir });
    const result = JSON.parse(run.stdout);
    expect(result.grader.kind).toBe('none');
    expect(result.samples[0].response).toBe('Kindly utilize the dashboard.');
    const overridden = await runCli(['audit', 'a.csv', '--format', 'terminal'], { cwd: dir });
    expect(overridden.stdout).toContain('gate:');
  });

  it('reports every problem in an invalid config with file:line:col, exit 2', async () => {
    const dir = tempDir({ '.toneauditrc.yaml': 'grader: sometimes\nmaxDriftRate: 3\nguidee: x.yaml\n', 'a.jsonl': '' });
    const run = await runCli(['audit', 'a.jsonl'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.toneauditrc\.yaml:1:\d+ grader:/);
    expect(run.stderr).toMatch(/\.toneauditrc\.yaml:2:\d+ maxDriftRate:/);
    expect(run.stderr).toMatch(/guidee/);
  });

  it('names the file, position and YAML problem of a config that is not valid YAML, found or given', async () => {
    const dir = tempDir({ '.toneauditrc.yaml': 'guide: [unclosed\n  fields: {response: x\n', 'bad.yaml': 'a: 1\n  b: 2\n', 'a.jsonl': '' });
    const found = await runCli(['audit', 'a.jsonl'], { cwd: dir });
    expect(found.code).toBe(2);
    expect(found.stderr).toMatch(/\.toneauditrc\.yaml:2:\d+ could not read the config file: invalid YAML: \S/);
    expect(found.stderr).not.toMatch(/YAML Error in .*:\s*$/m);
    const given = await runCli(['audit', 'a.jsonl', '--config', 'bad.yaml'], { cwd: dir });
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/bad\.yaml:2:\d+ could not read the config file: invalid YAML: \S/);
  });

  it('exits 2 with a position for a broken style guide', async () => {
    const dir = tempDir({ 'g.yaml': 'brand: X\nversion: 1\nrules: [\n', 'a.jsonl': '' });
    const run = await runCli(['audit', 'a.jsonl', '--guide', 'g.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/g\.yaml:\d+:\d+/);
  });
});
