/**
 * The candidate closest to `word` when it is close enough to be a typo (`sevrity` → `severity`),
 * or when it abbreviates one (`warn` → `warning`), else undefined. Distance is Levenshtein, case-insensitive; "close" allows about one edit per three letters.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const needle = word.toLowerCase();
  // An abbreviation (`warn`, `desc`) is as good a clue as a typo.
  const abbreviated = needle.length >= 3 ? candidates.find((c) => c.toLowerCase().startsWith(needle)) : undefined;
  if (abbreviated) return abbreviated;
  const budget = Math.max(1, Math.min(3, Math.floor(needle.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= budget ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
