import type { Reporter } from './reporter.js';

/**
 * The versioned machine-readable result (also the input of `tone-audit diff`). Written as one JSON
 * document with one sample per line, so it can be streamed out and still diffs well.
 * Key order is fixed by the order objects are built in, so identical audits give identical bytes.
 */
export const json: Reporter = {
  extension: 'json',
  begin(header) {
    const opening = JSON.stringify(header);
    return `${opening.slice(0, -1)},"samples":[`;
  },
  sample(result, index) {
    return `${index === 0 ? '\n' : ',\n'}${JSON.stringify(result)}`;
  },
  end(_header, footer) {
    return `\n],"inputProblems":${JSON.stringify(footer.inputProblems)},"summary":${JSON.stringify(footer.summary)},"gate":${JSON.stringify(footer.gate)}}\n`;
  },
};
