/**
 * The subset of the CloudWatch Logs Insights query language the fake endpoint runs: `fields` / `display`
 * (plain field names), `filter` (`and`, `or`, `not`, parentheses, `=`, `!=`, `<`, `<=`, `>`, `>=`,
 * `like /regex/` or `like "substring"`, `=~ /regex/`, `in [...]`, `ispresent(field)`), `sort field asc|desc`
 * and `limit N`, applied in the order written (so `limit` before `filter` limits first, as on AWS). Anything
 * else is refused with a compile error and its character offsets, as MalformedQueryException reports them.
 */
export type FieldValue = string | number;
export type QueryRow = Record<string, FieldValue>;

export class QueryCompileError extends Error {
  constructor(
    message: string,
    readonly startCharOffset: number,
    readonly endCharOffset: number,
  ) {
    super(message);
  }
}

type Operand = { kind: 'field'; name: string } | { kind: 'literal'; value: FieldValue };
type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; inner: Expr }
  | { kind: 'present'; field: string }
  | { kind: 'compare'; left: Operand; op: string; right: Operand }
  | { kind: 'match'; left: Operand; regex: RegExp; negate: boolean }
  | { kind: 'in'; left: Operand; values: FieldValue[] };

export type QueryCommand =
  | { kind: 'fields'; fields: string[] }
  | { kind: 'filter'; expr: Expr }
  | { kind: 'sort'; keys: { field: string; desc: boolean }[] }
  | { kind: 'limit'; count: number };

export interface CompiledQuery {
  commands: QueryCommand[];
  /** Fields to return, null when the query names none (AWS then returns @timestamp and @message). */
  projection: string[] | null;
}

interface Token {
  type: 'word' | 'string' | 'regex' | 'number' | 'op' | 'punct' | 'pipe';
  text: string;
  value: string;
  start: number;
  end: number;
}

const MAX_LIMIT = 10_000;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: Token['type'], start: number, end: number, value?: string): void => {
    tokens.push({ type, text: query.slice(start, end), value: value ?? query.slice(start, end), start, end });
  };
  while (i < query.length) {
    const c = query[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < query.length && query[i] !== '\n') i++;
    } else if (c === '|') {
      push('pipe', i, ++i);
    } else if (c === '"' || c === "'") {
      const start = i++;
      let value = '';
      while (i < query.length && query[i] !== c) {
        if (query[i] === '\\' && i + 1 < query.length) i++;
        value += query[i++];
      }
      if (i >= query.length) throw new QueryCompileError('unterminated string', start, query.length - 1);
      push('string', start, ++i, value);
    } else if (c === '/') {
      const previous = tokens[tokens.length - 1];
      const afterMatchOp = previous && (/^like$/i.test(previous.value) || previous.value === '=~');
      if (!afterMatchOp) throw new QueryCompileError("unexpected '/'", i, i);
      const start = i++;
      let source = '';
      while (i < query.length && query[i] !== '/') {
        if (query[i] === '\\' && i + 1 < query.length) source += query[i++];
        source += query[i++];
      }
      if (i >= query.length)
        throw new QueryCompileError('unterminated regular expression', start, query.length - 1);
      i++;
      while (i < query.length && /[a-z]/i.test(query[i] ?? '')) i++;
      push('regex', start, i, source);
    } else if (c === '`') {
      const start = i++;
      while (i < query.length && query[i] !== '`') i++;
      if (i >= query.length) throw new QueryCompileError('unterminated field name', start, query.length - 1);
      push('word', start, ++i, query.slice(start + 1, i - 1));
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(query[i + 1] ?? ''))) {
      const start = i++;
      while (i < query.length && /[0-9.]/.test(query[i] ?? '')) i++;
      push('number', start, i);
    } else if (/[@A-Za-z_]/.test(c)) {
      const start = i++;
      while (i < query.length && /[@\w.]/.test(query[i] ?? '')) i++;
      push('word', start, i);
    } else if (/[=!<>~]/.test(c)) {
      const start = i;
      const two = query.slice(i, i + 2);
      if (['!=', '<=', '>=', '=~', '=='].includes(two)) i += 2;
      else if (['=', '<', '>'].includes(c)) i++;
      else throw new QueryCompileError(`unexpected '${c}'`, i, i);
      push('op', start, i);
    } else {
      // Brackets, commas and anything else: the parser says whether it belongs where it stands.
      push('punct', i, ++i);
    }
  }
  return tokens;
}

export function compileQuery(query: string): CompiledQuery {
  const tokens = tokenize(query);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (message: string, token?: Token): never => {
    const at = token ?? tokens[tokens.length - 1];
    throw new QueryCompileError(message, at?.start ?? 0, Math.max((at?.end ?? 1) - 1, 0));
  };
  const next = (what: string): Token => {
    const token = tokens[pos++];
    if (!token) return fail(`${what} expected at end of query`);
    return token;
  };
  const isWord = (token: Token | undefined, word: string): boolean =>
    token?.type === 'word' && token.value.toLowerCase() === word;
  const fieldName = (): string => {
    const token = next('a field name');
    if (token.type !== 'word') fail(`a field name expected, found '${token.text}'`, token);
    return token.value;
  };

  const parseOperand = (): Operand => {
    const token = next('a field or value');
    if (token.type === 'word') return { kind: 'field', name: token.value };
    if (token.type === 'string') return { kind: 'literal', value: token.value };
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    return fail(`a field or value expected, found '${token.text}'`, token);
  };
  const parseRegexOrString = (): RegExp => {
    const token = next('a regular expression or string');
    if (token.type === 'string') return new RegExp(escapeRegex(token.value));
    if (token.type !== 'regex') return fail(`a /regular expression/ expected, found '${token.text}'`, token);
    let source = token.value;
    const flags = token.text.slice(token.text.lastIndexOf('/') + 1);
    let jsFlags = '';
    if (source.startsWith('(?i)')) {
      source = source.slice(4);
      jsFlags = 'i';
    }
    if (flags && flags !== 'i') fail(`unsupported regular expression flags '${flags}'`, token);
    try {
      return new RegExp(source, flags === 'i' ? 'i' : jsFlags);
    } catch {
      return fail('invalid regular expression', token);
    }
  };
  const parsePrimary = (): Expr => {
    const token = peek();
    if (token?.type === 'punct' && token.value === '(') {
      pos++;
      const inner = parseOr();
      const close = next("')'");
      if (close.value !== ')') fail(`')' expected, found '${close.text}'`, close);
      return inner;
    }
    if (isWord(token, 'ispresent')) {
      pos++;
      const open = next("'('");
      if (open.value !== '(') fail(`'(' expected after ispresent`, open);
      const field = fieldName();
      const close = next("')'");
      if (close.value !== ')') fail(`')' expected, found '${close.text}'`, close);
      return { kind: 'present', field };
    }
    const left = parseOperand();
    const op = peek();
    if (isWord(op, 'like')) {
      pos++;
      return { kind: 'match', left, regex: parseRegexOrString(), negate: false };
    }
    if (isWord(op, 'not') && isWord(tokens[pos + 1], 'like')) {
      pos += 2;
      return { kind: 'match', left, regex: parseRegexOrString(), negate: true };
    }
    if (op?.type === 'op' && op.value === '=~') {
      pos++;
      return { kind: 'match', left, regex: parseRegexOrString(), negate: false };
    }
    if (isWord(op, 'in')) {
      pos++;
      const open = next("'['");
      if (open.value !== '[') fail(`'[' expected after in`, open);
      const values: FieldValue[] = [];
      for (;;) {
        const operand = parseOperand();
        if (operand.kind !== 'literal') fail('in [...] takes values only', tokens[pos - 1]);
        else values.push(operand.value);
        const sep = next("',' or ']'");
        if (sep.value === ']') break;
        if (sep.value !== ',') fail(`',' or ']' expected, found '${sep.text}'`, sep);
      }
      return { kind: 'in', left, values };
    }
    if (op?.type === 'op') {
      pos++;
      return { kind: 'compare', left, op: op.value === '==' ? '=' : op.value, right: parseOperand() };
    }
    return fail('a comparison expected after a field', op ?? token);
  };
  const parseUnary = (): Expr => {
    if (isWord(peek(), 'not')) {
      pos++;
      return { kind: 'not', inner: parseUnary() };
    }
    return parsePrimary();
  };
  const parseAnd = (): Expr => {
    let left = parseUnary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseOr = (): Expr => {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const atCommandEnd = (): boolean => pos >= tokens.length || peek()?.type === 'pipe';

  const commands: QueryCommand[] = [];
  let projection: string[] | null = null;
  while (pos < tokens.length) {
    const head = next('a command');
    const name = head.type === 'word' ? head.value.toLowerCase() : '';
    if (name === 'fields' || name === 'display') {
      const fields: string[] = [];
      do {
        if (fields.length > 0) pos++; // the comma
        fields.push(fieldName());
        if (isWord(peek(), 'as')) fail('field aliases are not supported by the fake endpoint', peek());
      } while (peek()?.value === ',');
      commands.push({ kind: 'fields', fields });
      projection = name === 'display' ? fields : [...(projection ?? []), ...fields];
    } else if (name === 'filter') {
      commands.push({ kind: 'filter', expr: parseOr() });
    } else if (name === 'sort') {
      const keys: { field: string; desc: boolean }[] = [];
      do {
        if (keys.length > 0) pos++;
        const field = fieldName();
        let desc = false;
        if (isWord(peek(), 'desc') || isWord(peek(), 'asc'))
          desc = next('asc or desc').value.toLowerCase() === 'desc';
        keys.push({ field, desc });
      } while (peek()?.value === ',');
      commands.push({ kind: 'sort', keys });
    } else if (name === 'limit') {
      const token = next('a number');
      const count = Number(token.text);
      if (token.type !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_LIMIT) {
        fail(`limit takes a whole number from 1 to ${MAX_LIMIT}`, token);
      }
      commands.push({ kind: 'limit', count });
    } else {
      fail(
        `unsupported command '${head.text}' (the fake endpoint runs fields, display, filter, sort, limit)`,
        head,
      );
    }
    if (!atCommandEnd()) fail(`unexpected '${peek()?.text}'`, peek());
    if (peek()?.type === 'pipe') {
      pos++;
      if (pos >= tokens.length) fail('a command expected after |');
    }
  }
  if (commands.length === 0) throw new QueryCompileError('empty query', 0, 0);
  return { commands, projection };
}

/** Runs the commands over rows (already restricted to the query's groups and time range). */
export function runQuery(query: CompiledQuery, rows: QueryRow[]): { rows: QueryRow[]; matched: number } {
  let current = rows;
  let matched = rows.length;
  for (const command of query.commands) {
    if (command.kind === 'filter') {
      current = current.filter((row) => evaluate(command.expr, row));
      matched = current.length;
    } else if (command.kind === 'sort') {
      current = [...current].sort((a, b) => {
        for (const key of command.keys) {
          const order = compareValues(a[key.field], b[key.field]);
          if (order !== 0) return key.desc ? -order : order;
        }
        return 0;
      });
    } else if (command.kind === 'limit') {
      current = current.slice(0, command.count);
    }
  }
  return { rows: current, matched };
}

function compareValues(a: FieldValue | undefined, b: FieldValue | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function operandValue(operand: Operand, row: QueryRow): FieldValue | undefined {
  return operand.kind === 'literal' ? operand.value : row[operand.name];
}

function evaluate(expr: Expr, row: QueryRow): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluate(expr.left, row) && evaluate(expr.right, row);
    case 'or':
      return evaluate(expr.left, row) || evaluate(expr.right, row);
    case 'not':
      return !evaluate(expr.inner, row);
    case 'present':
      return row[expr.field] !== undefined;
    case 'match': {
      const value = operandValue(expr.left, row);
      if (value === undefined) return false;
      return expr.regex.test(String(value)) !== expr.negate;
    }
    case 'in': {
      const value = operandValue(expr.left, row);
      return value !== undefined && expr.values.some((v) => String(v) === String(value));
    }
    case 'compare': {
      const left = operandValue(expr.left, row);
      const right = operandValue(expr.right, row);
      if (left === undefined || right === undefined) return false;
      const numeric = typeof left === 'number' || typeof right === 'number';
      const a = numeric ? Number(left) : String(left);
      const b = numeric ? Number(right) : String(right);
      switch (expr.op) {
        case '=':
          return a === b;
        case '!=':
          return a !== b;
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        default:
          return a >= b;
      }
    }
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
