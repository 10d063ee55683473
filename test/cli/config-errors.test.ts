import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const samples = path.resolve(import.meta.dirname, '../../samples/support-replies.jsonl');
const audit = ['audit', samples, '--grader', 'none', '--quiet'];

describe('config errors like the guide linter’s', () => {
  it('reports a mistyped key at its own line:col with the nearest valid name, in YAML and JSON', async () => {
    const dir = tempDir({
      '.toneauditrc.yaml': 'grader: none\n# thresholds\nmaxDrftRate: 0.1\nfailOn: error\n  \n',
      'other.json': '{\n  "grader": "none",\n    "fromat": "json"\n}\n',
    });
    const yaml = await runCli(audit, { cwd: dir });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toContain('.toneauditrc.yaml:3:1 maxDrftRate: unknown option `maxDrftRate`\nhint: did you mean `maxDriftRate`?');
    const json = await runCli([...audit, '--config', 'other.json'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('other.json:3:5 fromat: unknown option `fromat`\nhint: did you mean `format`?');
    expect(json.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists the valid options when no name is close', async () => {
    const dir = tempDir({ '.toneauditrc.yaml': 'zzzzzz: 1\n' });
    const r = await runCli(audit, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:1:1 zzzzzz: unknown option `zzzzzz`\nhint: valid options: guide, /);
  });

  it('exits 2 for per-rule and per-dimension threshold names the guide does not have, each at its key', async () => {
    const dir = tempDir({ '.toneauditrc.yaml': 'maxRuleDriftRate:\n  no-blam: 0.02\n  heuristic/blame: 0.1\nminDimensionMean:\n  empathyy: 3\n' });
    const r = await runCli(audit, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.toneauditrc.yaml:2:3 maxRuleDriftRate.no-blam: the guide has no rule `no-blam`\nhint: did you mean `no-blame`?');
    expect(r.stderr).toContain('.toneauditrc.yaml:5:3 minDimensionMean.empathyy: the guide has no dimension `empathyy`\nhint: did you mean `empathy`?');
    // Grader rule ids exist only once replies are graded: the gate checks those.
    expect(r.stderr).not.toContain('heuristic/blame');
  });

  it('exits 2 for an unknown name in --max-rule-drift-rate or --min-dimension-mean', async () => {
    const dir = tempDir({});
    const rule = await runCli([...audit, '--max-rule-drift-rate', 'polcy-first=2%'], { cwd: dir });
    expect(rule.code).toBe(2);
    expect(rule.stderr).toBe('error: --max-rule-drift-rate polcy-first=…: the guide has no rule `polcy-first`\nhint: did you mean `policy-first`?\n');
    const dimension = await runCli([...audit, '--min-dimension-mean', 'warmth=3'], { cwd: dir });
    expect(dimension.code).toBe(2);
    expect(dimension.stderr).toMatch(/the guide has no dimension `warmth`\nhint: the guide's dimensions: empathy, tone-match/);
  });
});

describe('--print-config', () => {
  it('prints each resolved option with its source and runs nothing', async () => {
    const dir = tempDir({ '.toneauditrc.yaml': 'grader: none\nmaxRuleDriftRate:\n  no-blame: 0.02\nshow: 5\n' });
    const r = await runCli(['audit', 'replies.jsonl', '--print-config', '--max-drift-rate', '10%', '--max-rule-drift-rate', 'policy-first=1%'], {
      cwd: dir,
      env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' },
    });
    expect(r.code).toBe(0);
    const row = (key: string) => r.stdout.split('\n').find((line) => line.startsWith(`${key} `))?.replace(/\s{2,}/g, ' | ');
    expect(r.stdout).toMatch(/^config file: \.toneauditrc\.yaml\nANTHROPIC_API_KEY: not set \(grader auto = heuristic\)/);
    expect(row('grader')).toBe('grader | "none" | .toneauditrc.yaml:1:1');
    expect(row('show')).toBe('show | 5 | .toneauditrc.yaml:4:1');
    expect(row('maxDriftRate')).toBe('maxDriftRate | 0.1 | flag --max-drift-rate');
    expect(row('maxRuleDriftRate')).toBe('maxRuleDriftRate | {"no-blame":0.02,"policy-first":0.01} | flag --max-rule-drift-rate + .toneauditrc.yaml:2:1');
    expect(row('failOn')).toBe('failOn | "error" | default');
    expect(row('guide')).toMatch(/northwind\.yaml" \| default \(the bundled example guide\)$/);
    expect(r.stderr).toBe('');
  });
});
