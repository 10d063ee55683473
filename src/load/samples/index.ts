export { readSamples } from './read-samples.js';
export type { LoadEvent, ReadSamplesOptions } from './read-samples.js';
export { DEFAULT_FIELDS, FIELD_ALIASES, parseFieldMappings } from './field-map.js';
export { hashSampleId } from './sample-id.js';
export { DEFAULT_MAX_RECORD_KB, measureRecordText, formatKb } from './record-size.js';
