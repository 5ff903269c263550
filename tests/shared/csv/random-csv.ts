// Seeded random CSV texts for the tests that compare the importer's fast paths with its general path.
import { seededRandom } from '../../random';

/** Headers of the shared format and its variants, for randomText. */
export const HEADERS = [
  'Name;Memory;Init;Cold;Billed',
  'Name;Memory;Init;Cold;Billed;Arch;Runtime;MaxMemory;Restore;Status;RequestId;Timestamp;Run;ErrorType',
  'Function;Init Duration (ms);Cold;Billed;Extra;Arch',
  'Name,Memory,Init,Cold,Billed,Arch',
];

const CELLS: Record<string, string[]> = {
  name: ['api', 'api', 'worker', ' api ', 'api ', '', 'fn-ü', 'x'.repeat(40)],
  number: [
    '166.76',
    '1',
    '0',
    '',
    ' 3 ',
    '1e3',
    '166,76',
    '-5',
    'abc',
    '12.5.1',
    '0.000001',
    '1234567890123456',
  ],
  memory: ['128', '1024', '128.5', '0', '', 'abc', ' 512'],
  arch: ['x86_64', 'arm64', '', 'arm', ' arm64', 'ARM64', 'sparc'],
  text: ['nodejs20.x', '', ' padded ', 'req-1', 'req-1', '2026-01-01T00:00:00Z', 'success'],
};

function kindOf(header: string): string {
  const h = header.toLowerCase();
  if (h === 'name' || h === 'function') return 'name';
  if (h === 'memory') return 'memory';
  if (h === 'arch') return 'arch';
  if (['init', 'init duration (ms)', 'cold', 'billed', 'maxmemory', 'restore'].includes(h)) return 'number';
  return 'text';
}

/**
 * `rows` seeded random rows under `header`: mostly plain rows, now and then a blank, short, long or odd one
 * (cells the fast paths must leave to RowReader), LF or CRLF line ends.
 */
export function randomText(header: string, rows: number, seed: number): string {
  const random = seededRandom(seed);
  const delimiter = header.includes(';') ? ';' : ',';
  const kinds = header.split(delimiter).map(kindOf);
  const pick = (list: string[]): string => list[Math.floor(random() * list.length)] as string;
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const r = random();
    if (r < 0.03) lines.push('');
    else if (r < 0.06)
      lines.push(
        kinds
          .slice(0, -1)
          .map(() => '1')
          .join(delimiter),
      );
    else if (r < 0.08) lines.push(`${kinds.map(() => '1').join(delimiter)}${delimiter}extra`);
    else if (r < 0.1) lines.push(`${kinds.map(() => '1').join(delimiter)}${delimiter}`);
    else {
      // Mostly plain rows, now and then a cell that the fast path must leave to RowReader.
      const odd = random() < 0.3;
      lines.push(
        kinds
          .map((kind) => {
            const list = CELLS[kind] as string[];
            const cell = odd ? pick(list) : (list[Math.floor(random() * 2)] as string);
            return delimiter === ',' ? cell.replace(',', '.') : cell;
          })
          .join(delimiter),
      );
    }
  }
  return `${lines.join(random() < 0.5 ? '\n' : '\r\n')}\n`;
}
