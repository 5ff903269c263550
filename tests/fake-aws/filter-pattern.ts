/**
 * CloudWatch Logs filter patterns (FilterLogEvents' `filterPattern`), the part of the syntax a log reader uses:
 * terms (`REPORT`, `"REPORT RequestId"`, `?A ?B`, `-B`), JSON patterns (`{ $.type = "platform.report" }`,
 * `&&`, `||`, parentheses, `=`, `!=`, `<`, `<=`, `>`, `>=`, `*` wildcards in strings, `IS NULL`, `NOT EXISTS`)
 * and regular expressions (`%regex%`). Space-delimited patterns (`[a, b]`) are refused rather than guessed at.
 * Like AWS, matching is case-sensitive.
 */
export type EventMatcher = (message: string) => boolean;

export class FilterPatternError extends Error {}

export function compileFilterPattern(pattern: string | undefined): EventMatcher {
  const text = (pattern ?? '').trim();
  if (text === '') return () => true;
  if (text.startsWith('{')) return compileJsonPattern(text);
  if (text.startsWith('[')) {
    throw new FilterPatternError('space-delimited filter patterns are not supported by the fake endpoint');
  }
  if (text.startsWith('%')) {
    if (!text.endsWith('%') || text.length < 3) throw new FilterPatternError('Invalid regex filter pattern');
    let regex: RegExp;
    try {
      regex = new RegExp(text.slice(1, -1));
    } catch {
      throw new FilterPatternError('Invalid regex filter pattern');
    }
    return (message) => regex.test(message);
  }
  return compileTermPattern(text);
}

function compileTermPattern(text: string): EventMatcher {
  const required: string[] = [];
  const optional: string[] = [];
  const excluded: string[] = [];
  const termRe = /\s*([?-]?)(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))/y;
  let index = 0;
  while (index < text.length) {
    termRe.lastIndex = index;
    const m = termRe.exec(text);
    if (!m) throw new FilterPatternError(`Invalid filter pattern at character ${index + 1}`);
    index = termRe.lastIndex;
    const term = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    if (term === '') continue;
    if (m[1] === '?') optional.push(term);
    else if (m[1] === '-') excluded.push(term);
    else required.push(term);
  }
  return (message) =>
    required.every((t) => message.includes(t)) &&
    (optional.length === 0 || optional.some((t) => message.includes(t))) &&
    !excluded.some((t) => message.includes(t));
}

type JsonValue = string | number | boolean | null;
type JsonNode =
  | { kind: 'and' | 'or'; left: JsonNode; right: JsonNode }
  | { kind: 'compare'; path: string[]; op: string; value: JsonValue }
  | { kind: 'absent'; path: string[] }
  | { kind: 'null'; path: string[] };

function compileJsonPattern(text: string): EventMatcher {
  if (!text.endsWith('}')) throw new FilterPatternError('Invalid JSON filter pattern: missing }');
  const tokens = tokenizeJsonPattern(text.slice(1, -1));
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const next = (): string => {
    const token = tokens[pos++];
    if (token === undefined) throw new FilterPatternError('Invalid JSON filter pattern: unexpected end');
    return token;
  };
  const parseOr = (): JsonNode => {
    let left = parseAnd();
    while (peek() === '||') {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): JsonNode => {
    let left = parseAtom();
    while (peek() === '&&') {
      pos++;
      left = { kind: 'and', left, right: parseAtom() };
    }
    return left;
  };
  const parseAtom = (): JsonNode => {
    const token = next();
    if (token === '(') {
      const inner = parseOr();
      if (next() !== ')') throw new FilterPatternError('Invalid JSON filter pattern: missing )');
      return inner;
    }
    if (!token.startsWith('$.')) throw new FilterPatternError(`Invalid JSON filter pattern near '${token}'`);
    const path = token.slice(2).split('.');
    const op = next();
    if (op === 'IS') {
      if (next() !== 'NULL') throw new FilterPatternError('Invalid JSON filter pattern: IS NULL expected');
      return { kind: 'null', path };
    }
    if (op === 'NOT') {
      if (next() !== 'EXISTS')
        throw new FilterPatternError('Invalid JSON filter pattern: NOT EXISTS expected');
      return { kind: 'absent', path };
    }
    if (!['=', '!=', '<', '<=', '>', '>='].includes(op)) {
      throw new FilterPatternError(`Invalid JSON filter pattern: operator '${op}'`);
    }
    const raw = next();
    let value: JsonValue;
    if (raw.startsWith('"')) value = raw.slice(1, -1);
    else if (raw === 'true' || raw === 'false') value = raw === 'true';
    else if (raw === 'null') value = null;
    else if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
    else value = raw; // AWS accepts unquoted words as strings
    return { kind: 'compare', path, op, value };
  };
  const tree = parseOr();
  if (pos !== tokens.length)
    throw new FilterPatternError(`Invalid JSON filter pattern near '${tokens[pos]}'`);
  return (message) => {
    let doc: unknown;
    try {
      doc = JSON.parse(message);
    } catch {
      return false;
    }
    return typeof doc === 'object' && doc !== null && evaluate(tree, doc);
  };
}

function tokenizeJsonPattern(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(\|\||&&|!=|<=|>=|=|<|>|\(|\)|"(?:[^"\\]|\\.)*"|[^\s()=!<>&|"]+)/y;
  let index = 0;
  while (index < text.length) {
    re.lastIndex = index;
    const m = re.exec(text);
    if (!m) {
      if (text.slice(index).trim() === '') break;
      throw new FilterPatternError(`Invalid JSON filter pattern at character ${index + 2}`);
    }
    tokens.push(m[1] ?? '');
    index = re.lastIndex;
  }
  return tokens;
}

function lookup(doc: unknown, path: string[]): { found: boolean; value: unknown } {
  let current: unknown = doc;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !(key in current))
      return { found: false, value: undefined };
    current = (current as Record<string, unknown>)[key];
  }
  return { found: true, value: current };
}

function evaluate(node: JsonNode, doc: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, doc) && evaluate(node.right, doc);
    case 'or':
      return evaluate(node.left, doc) || evaluate(node.right, doc);
    case 'absent':
      return !lookup(doc, node.path).found;
    case 'null': {
      const { found, value } = lookup(doc, node.path);
      return found && value === null;
    }
    case 'compare': {
      const { found, value } = lookup(doc, node.path);
      if (!found) return false;
      return compare(value, node.op, node.value);
    }
  }
}

function compare(actual: unknown, op: string, expected: JsonValue): boolean {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return false;
    switch (op) {
      case '=':
        return actual === expected;
      case '!=':
        return actual !== expected;
      case '<':
        return actual < expected;
      case '<=':
        return actual <= expected;
      case '>':
        return actual > expected;
      default:
        return actual >= expected;
    }
  }
  if (op !== '=' && op !== '!=') return false;
  let equal: boolean;
  if (typeof expected === 'string') {
    const pattern = new RegExp(`^${expected.split('*').map(escapeRegex).join('.*')}$`);
    equal = typeof actual === 'string' && pattern.test(actual);
  } else {
    equal = actual === expected;
  }
  return op === '=' ? equal : !equal;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
