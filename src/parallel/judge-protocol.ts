import type { Sample, SampleResult } from '../types.js';

/** What a worker needs to build the same judge as the main thread: the command's flags, where it ran. */
export interface WorkerSetup {
  flags: Record<string, unknown>;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface JudgeRequest {
  type: 'judge';
  samples: { seq: number; sample: Sample }[];
}

export type JudgeResponse =
  | { type: 'results'; results: { seq: number; result: SampleResult }[] }
  | { type: 'error'; message: string; userError?: boolean };
