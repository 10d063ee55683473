export { cohenKappa, confusionMatrix } from './kappa.js';
export { averageRanks, pearson, spearman } from './spearman.js';
export { krippendorffAlpha, type AlphaLevel } from './krippendorff.js';
export { bootstrapInterval, percentile, type BootstrapInterval } from './bootstrap.js';
export { wilsonInterval, type ProportionInterval } from '../../findings/statistics.js';
