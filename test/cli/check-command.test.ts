import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');

describe('tone-audit check', () => {
  it('flags a blaming reply and exits 1, showing the offending span', async () => {
    const run = await runCli(['check', 'As I already said, you should have restarted the cluster.', '--customer', 'The cluster is down', '--guide', guide, '--grader', 'none']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\[(As I already said|you should have)\]/);
    expect(run.stdout).toContain('gate: FAILED');
  });

  it('passes a clean reply with exit 0', async () => {
    const run = await runCli(['check', 'Open Settings, then API keys, and choose Rotate. The old key keeps working for a day.', '--customer', 'How do I rotate a key?', '--guide', guide, '--grader', 'none']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('reads the reply from stdin', async () => {
    const run = await runCli(['check', '--guide', guide, '--grader', 'none', '--format', 'json'], { stdin: 'Kindly utilize the portal.\n' });
    const result = JSON.parse(run.stdout);
    expect(result.samples[0].response).toBe('Kindly utilize the portal.');
    expect(result.samples[0].findings.some((f: { suggestion?: unknown }) => f.suggestion)).toBe(true);
  });

  it('requires an escalation handoff when the customer mentions a contract, unless escalated', async () => {
    const args = ['check', 'The enterprise plan costs more because it includes SSO.', '--customer', 'Can we renegotiate our contract price?', '--guide', guide, '--grader', 'none', '--format', 'json'];
    const missed = await runCli(args);
    expect(missed.code).toBe(1);
    expect(JSON.parse(missed.stdout).samples[0].findings.some((f: { kind: string }) => f.kind === 'escalation')).toBe(true);
    const escalated = await runCli([...args, '--escalated']);
    expect(JSON.parse(escalated.stdout).samples[0].findings.some((f: { kind: string }) => f.kind === 'escalation')).toBe(false);
  });

  it('exits 2 with a hint when there is no reply to check', async () => {
    const run = await runCli(['check', '--guide', guide], { stdinIsTTY: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/hint:/);
  });
});

describe('tone-audit guide and help', () => {
  it('lints the bundled guide cleanly', async () => {
    const run = await runCli(['guide', 'lint', guide]);
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 error\(s\)/);
  });

  it('prints the JSON Schema', async () => {
    const run = await runCli(['guide', 'schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('properties.rules');
  });

  it('documents exit codes in --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes:/);
    const audit = await runCli(['audit', '--help']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('--field');
  });

  it('exits 2 for an unknown command', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
  });
});

describe('tone-audit guide render', () => {
  it('renders the guide as Markdown and as self-contained HTML', async () => {
    const md = await runCli(['guide', 'render', guide]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /m);
    expect(md.stdout).toContain('empathy');
    const html = await runCli(['guide', 'render', guide, '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/i);
    expect(html.stdout).not.toMatch(/(src|href)="https?:/);
  });

  it('exits 2 for a missing guide', async () => {
    const run = await runCli(['guide', 'render', 'missing.yaml']);
    expect(run.code).toBe(2);
  });
});
