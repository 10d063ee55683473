import type { Allocation } from './stratify.js';

export interface SampleSizeFacts {
  size: number;
  seen: number;
  sizeSource: 'size' | 'margin';
  confidence: number;
  proportion: number;
  /** Margin (fraction) the sample gives, finite population corrected. */
  margin: number;
  strata?: readonly unknown[];
}

/**
 * One sentence for stderr on how the sample size was chosen and what it buys, e.g.
 * "n = 1068 gives ±3.0% at 95% confidence for a drift rate near 50%". Pure.
 */
export function describeSampleSize(
  facts: SampleSizeFacts,
  context: { requested?: number; stratifyBy?: string; allocation?: Allocation } = {},
): string {
  const { size, seen, confidence, proportion, margin } = facts;
  const stratified =
    context.stratifyBy !== undefined && facts.strata
      ? `; stratified by \`${context.stratifyBy}\` (${context.allocation ?? 'proportional'}) over ${facts.strata.length} strat${facts.strata.length === 1 ? 'um' : 'a'}`
      : '';
  if (seen === 0) return 'no records to sample';
  if (size >= seen) {
    const short = context.requested !== undefined && context.requested > seen ? ` (fewer than the ${count(context.requested)} asked for)` : '';
    return `all ${count(seen)} records taken${short}: the sample is the whole population, so there is no sampling error${stratified}`;
  }
  const how = facts.sizeSource === 'size' ? ' (--size)' : '';
  return (
    `n = ${size}${how} gives ±${percent(margin, 1)} at ${percent(confidence)} confidence ` +
    `for a drift rate near ${percent(proportion)}, out of ${count(seen)} records${stratified}`
  );
}

function percent(fraction: number, digits?: number): string {
  const value = fraction * 100;
  return `${digits === undefined ? String(Number(value.toPrecision(10))) : value.toFixed(digits)}%`;
}

/** 1000000 → 1,000,000, independent of the machine's locale. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
