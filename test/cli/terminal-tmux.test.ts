import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

// The built binary in a real terminal (tmux) of a fixed size, as a person would run it.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/tone-audit.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `tone-audit-test-${process.pid}`;
const ROWS = 40;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

/** Runs the audit in a detached tmux session `columns` wide; resolves when it has exited. */
async function runInTmux(columns: number): Promise<{ screen: string; history: string }> {
  const dir = tempDir({});
  const conf = path.join(dir, 'tmux.conf');
  writeFileSync(conf, 'set -g history-limit 50000\n');
  const session = `w${columns}`;
  // Colour stays on (a terminal, NO_COLOR unset): wrapping must not count colour codes as columns.
  const command = `cd '${root}' && env -u NO_COLOR -u FORCE_COLOR -u ANTHROPIC_API_KEY -u COLUMNS '${process.execPath}' '${bin}' audit samples/support-replies.jsonl --grader heuristic 2>/dev/null; echo "EXIT=$?"; sleep 300`;
  execFileSync('tmux', ['-L', socket, '-f', conf, 'new-session', '-d', '-s', session, '-x', String(columns), '-y', String(ROWS), command]);
  for (let waited = 0; waited < 60_000; waited += 200) {
    const screen = tmux('capture-pane', '-p', '-t', session);
    if (/EXIT=\d/.test(screen)) {
      // -J joins lines the terminal wrapped itself, so a line the report made too long shows up as one.
      const history = tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-', '-t', session);
      tmux('kill-session', '-t', session);
      return { screen, history };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the audit did not finish in tmux at ${columns} columns`);
}

/**
 * Without colour, marked spans are [bracketed] and the word diff is [-removed-]{+added+}; in colour
 * they are not. Words are compared without those marks (and without any other brackets, on both sides).
 */
function withoutMarks(text: string): string {
  return text.replace(/\[-|-\]|\{\+|\+\}|\[|\]/g, '');
}

/** The same report without wrapping: every word a wrapped line shows must be one of these. */
function unwrappedWords(): Set<string> {
  const r = spawnSync(process.execPath, [bin, 'audit', 'samples/support-replies.jsonl', '--grader', 'heuristic', '--show', '20'], {
    cwd: root,
    env: { ...process.env, ANTHROPIC_API_KEY: '', NO_COLOR: '1', COLUMNS: '100000' },
    encoding: 'utf8',
  });
  return new Set(withoutMarks(r.stdout).split(/\s+/).filter(Boolean));
}

describe.skipIf(!hasTmux)('terminal report in tmux (skipped when tmux is not installed)', () => {
  const words = hasTmux ? unwrappedWords() : new Set<string>();
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  for (const columns of [60, 120]) {
    it(`fits ${columns} columns, splits no word, and ends with the summary and gate on screen`, async () => {
      const { screen, history } = await runInTmux(columns);
      const lines = history.split('\n').map((line) => line.trimEnd());
      const report = lines.slice(0, lines.findIndex((line) => line.startsWith('EXIT=')));
      expect(report.length).toBeGreaterThan(100);
      const tooWide = report.filter((line) => stringWidth(line) > columns);
      expect(tooWide).toEqual([]);
      const split = report.flatMap((line) => withoutMarks(line).split(/\s+/)).filter((word) => word !== '' && !words.has(word));
      expect(split).toEqual([]);
      expect(screen).toContain('gate: FAILED');
      expect(screen).toMatch(/240 samples · \d+ pass · \d+ drifting/);
      expect(screen).toContain('EXIT=1');
    }, 90_000);
  }
});
