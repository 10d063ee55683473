import type { Cue } from '../../types.js';

const describe = (cue: Cue) => (cue.evidence === undefined ? cue.label : `${cue.label} “${cue.evidence.length > 40 ? `${cue.evidence.slice(0, 39)}…` : cue.evidence}”`);

/** One line naming the strongest cues each way: "raised by …; lowered by …", or a neutral note. */
export function summarizeCues(cues: readonly Cue[]): string {
  const byStrength = [...cues].sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  const up = byStrength.filter((c) => c.effect > 0).slice(0, 2).map(describe);
  const down = byStrength.filter((c) => c.effect < 0).slice(0, 2).map(describe);
  const parts = [up.length > 0 ? `raised by ${up.join(', ')}` : '', down.length > 0 ? `lowered by ${down.join(', ')}` : ''];
  const line = parts.filter(Boolean).join('; ');
  return line === '' ? 'no strong signals; neutral baseline' : line;
}
