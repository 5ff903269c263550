import { describe, expect, it } from 'vitest';
import { hintsFromFileName } from '../../../shared/csv/file-name-hints';

describe('hintsFromFileName', () => {
  it.each([
    ['speed-arm-1024.csv', 'arm64', 1024],
    ['C:\\runs\\x86_64_512MB.csv', 'x86_64', 512],
    ['runs/graviton3.2048.csv', 'arm64', 2048],
    ['amd64-128.tsv', 'x86_64', 128],
    // A date is no memory size, in either spelling; neither is a number with another unit or outside the range.
    ['2023-07-29-arm.csv', 'arm64', null],
    ['run-20230729-x64.csv', 'x86_64', null],
    ['speed-1024gb.csv', null, null],
    ['speed-10240.csv', null, 10240],
    ['speed-10241.csv', null, null],
    ['speed-127.csv', null, null],
    ['results.csv', null, null],
  ])('%s: %s, %s MB, unambiguous', (name, arch, memoryMB) => {
    expect(hintsFromFileName(name)).toEqual({ arch, memoryMB, ambiguities: [] });
  });

  it('takes neither hint when the name gives two', () => {
    expect(hintsFromFileName('arm-vs-x86-128-512-128.csv')).toEqual({
      arch: null,
      memoryMB: null,
      ambiguities: [
        'the file name names both architectures (arm64, x86_64)',
        'the file name has several memory sizes (128, 512)',
      ],
    });
  });
});
