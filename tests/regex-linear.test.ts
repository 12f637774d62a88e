/**
 * Every regular expression that runs on an address or on page text must take linear time: a page
 * controls both, and one super-linear pattern lets it freeze the tab (a 300k-character fragment once
 * held Chromium's main thread for 2.8 s on MajorGeeks' search pattern).
 *
 * Two checks:
 * - a lint: no rule pattern and no regex literal in the sources nests an unbounded quantifier inside
 *   another (`(a+)*`, `(?:x.*)+`), the classic shape of catastrophic backtracking;
 * - a fuzz: every site-rule pattern (read from SITE_RULES, so new rules are included), every
 *   download-rule regexFilter and every regex literal in the sources that read pages and addresses is run
 *   on adversarial inputs (fast-check builds them from the pattern's own literals: a prefix that
 *   passes the anchor, a repeated unit, a failing end) of 100 KB and 1 MB, and must scale linearly.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SITE_RULES } from '@/components/core/site-rules';
import { downloadBlockRules } from '@/components/core/enterprise/download-rules';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Sources whose regexes see addresses or page text (UI files, .tsx, only format our own strings). */
const SOURCE_DIRS = ['components/core', 'components/platform', 'entrypoints'];

interface Pattern {
  name: string;
  regex: RegExp;
}

/** Every rule pattern of every site rule. */
function rulePatterns(): Pattern[] {
  return SITE_RULES.flatMap((rule) => [
    ...(rule.productPaths ?? []).map((regex, i) => ({ name: `${rule.id}.productPaths[${i}]`, regex })),
    ...(rule.listingPaths ?? []).map((regex, i) => ({ name: `${rule.id}.listingPaths[${i}]`, regex })),
    ...(rule.ignorePaths ?? []).map((regex, i) => ({ name: `${rule.id}.ignorePaths[${i}]`, regex })),
    ...(rule.vendorPaths ?? []).map((entry, i) => ({ name: `${rule.id}.vendorPaths[${i}]`, regex: entry.path })),
  ]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry) && !/\.d\.ts$/.test(entry) ? [full] : [];
  });
}

/**
 * The regex literals of a TypeScript file. A small scanner (TypeScript 7 has no JS API): skips
 * comments, strings and template text, and reads `/…/flags` where an expression can start.
 * Anything it reads that is not a valid RegExp fails the test, so a scanner mistake cannot hide a regex.
 */
function regexLiterals(file: string): Pattern[] {
  const source = readFileSync(file, 'utf8');
  const found: Pattern[] = [];
  let previous = ''; // last significant character or word
  for (let i = 0; i < source.length; ) {
    const char = source[i]!;
    if (char === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (char === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 2;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== char) j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      previous = 'value';
      continue;
    }
    if (char === '/' && (previous === '' || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(previous) || /^(?:return|typeof|case|of|in|void)$/.test(previous))) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      const body = source.slice(i + 1, j);
      const flags = /^[a-z]*/.exec(source.slice(j + 1))![0];
      const line = source.slice(0, i).split('\n').length;
      found.push({ name: `${path.relative(ROOT, file)}:${line} /${body}/${flags}`, regex: new RegExp(body, flags) });
      i = j + 1 + flags.length;
      previous = 'value';
      continue;
    }
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const word = /^[\w$]+/.exec(source.slice(i, i + 40));
    if (word) {
      previous = word[0];
      i += word[0].length;
    } else {
      previous = char;
      i++;
    }
  }
  return found;
}

function sourcePatterns(): Pattern[] {
  return SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir))).flatMap(regexLiterals);
}

function downloadPatterns(): Pattern[] {
  return downloadBlockRules().flatMap((rule) => (rule.condition.regexFilter ? [{ name: `download rule ${rule.id}`, regex: new RegExp(rule.condition.regexFilter, 'i') }] : []));
}

/**
 * Finds an unbounded quantifier (`*`, `+`, `{n,}`) or a repeated group (`{n,m}`, m > 1) applied to a
 * group that itself contains an unbounded quantifier. Returns the offending position, or -1.
 */
export function nestedQuantifierAt(source: string): number {
  const stack: boolean[] = [false]; // per open group: does it contain an unbounded quantifier?
  let lastAtomUnbounded: boolean | undefined; // the atom just read: a group's inner flag, or false for a plain atom
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      i++;
      lastAtomUnbounded = false;
    } else if (char === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      lastAtomUnbounded = false;
    } else if (char === '(') {
      stack.push(false);
      lastAtomUnbounded = undefined;
      if (source[i + 1] === '?') i += source[i + 2] === '<' && /[=!]/.test(source[i + 3] ?? '') ? 3 : source[i + 2] === '<' ? source.indexOf('>', i) - i : 2;
    } else if (char === ')') {
      const inner = stack.pop()!;
      if (inner) stack[stack.length - 1] = true;
      lastAtomUnbounded = inner;
    } else if (char === '*' || char === '+' || char === '{') {
      const at = i;
      let unbounded = char !== '{';
      let repeats = unbounded;
      if (char === '{') {
        const range = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!range) {
          lastAtomUnbounded = false;
          continue;
        }
        unbounded = range[2] !== undefined && range[3] === '';
        repeats = unbounded || Number(range[3] ?? range[1]) > 1;
        i += range[0].length - 1;
      }
      if (repeats && lastAtomUnbounded) return at;
      if (unbounded) stack[stack.length - 1] = true;
      if (source[i + 1] === '?') i++;
      lastAtomUnbounded = false;
    } else if (char === '?') {
      if (source[i + 1] === '?') i++;
      lastAtomUnbounded = false;
    } else if (char !== '|' && char !== '^' && char !== '$') {
      lastAtomUnbounded = false;
    }
  }
  return -1;
}

/**
 * Strings that get deep into a pattern: a sample match of its first alternatives, cut after every
 * atom (`^\/(?:get|mobile)\/[\w-]+` gives "/", "/get", "/get/", "/get/a"). Adversarial inputs put
 * a repeated unit behind one of these, so an anchored pattern reaches its quantifiers.
 */
export function samplePrefixes(source: string): string[] {
  const prefixes = new Set<string>(['']);
  let i = 0;
  const sampleClass = (body: string): string => {
    const negated = body.startsWith('^');
    const inner = negated ? body.slice(1) : body;
    const members = inner.replace(/\\([dws])/gi, (_m, c: string) => ({ d: '1', w: 'a', s: ' ' })[c.toLowerCase()] ?? '').replace(/\\(.)/g, '$1');
    if (!negated) return members[0] ?? 'a';
    return ['a', '1', '-', 'x', '_'].find((candidate) => !members.includes(candidate)) ?? 'z';
  };
  /** Reads a sequence up to `|` or `)` at this depth; returns its sample text. */
  const sequence = (before: string): string => {
    let text = '';
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const char = source[i]!;
      let atom = '';
      if (char === '\\') {
        const next = source[i + 1] ?? '';
        atom = ({ d: '1', D: 'a', w: 'a', W: '!', s: ' ', S: 'a', b: '', B: '', n: '\n', t: '\t' } as Record<string, string>)[next] ?? next;
        if (next === 'u') ((atom = 'é'), (i += 4));
        i += 2;
      } else if (char === '[') {
        let j = i + 1;
        while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
        atom = sampleClass(source.slice(i + 1, j));
        i = j + 1;
      } else if (char === '(') {
        const look = /^\(\?(?:[=!]|<[=!])/.test(source.slice(i));
        i += source[i + 1] === '?' ? (source[i + 2] === '<' && !/[=!]/.test(source[i + 3] ?? '') ? source.indexOf('>', i) - i + 1 : look && source[i + 2] === '<' ? 4 : 3) : 1;
        const inner = sequence(before + text);
        // Skip the other alternatives of the group.
        let depth = 0;
        while (i < source.length && !(depth === 0 && source[i] === ')')) {
          if (source[i] === '\\') i++;
          else if (source[i] === '[') while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
          else if (source[i] === '(') depth++;
          else if (source[i] === ')') depth--;
          i++;
        }
        i++;
        atom = look ? '' : inner;
      } else if (char === '^' || char === '$') {
        i++;
      } else if (char === '.') {
        ((atom = 'a'), i++);
      } else {
        ((atom = char), i++);
      }
      // A quantifier: optional atoms are left out (the shortest way in), repeated ones appear once.
      const quantifier = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(source.slice(i));
      if (quantifier) {
        i += quantifier[0].length;
        if (quantifier[0][0] === '?' || quantifier[0][0] === '*' || quantifier[1] === '0') atom = '';
      }
      text += atom;
      prefixes.add(before + text);
    }
    return text;
  };
  sequence('');
  return [...prefixes].slice(0, 24);
}

/** Literal pieces of a pattern's source, to build inputs that get deep into it. */
function piecesOf(regex: RegExp): string[] {
  const simplified = regex.source
    .replace(/\\([dDwWsSbB])/g, (_m, cls: string) => ({ d: '1', D: 'a', w: 'a', W: '!', s: ' ', S: 'a', b: '', B: '' })[cls]!)
    .replace(/\[\^?((?:\\.|[^\]\\])+)\]/g, (_m, inner: string) => inner.replace(/\\(.)/, '$1').replace(/-$/, '')[0] ?? 'a')
    .replace(/\\u[0-9a-f]{4}/gi, 'é')
    .replace(/\\(.)/g, '\u0001$1');
  const runs = simplified
    .split(/(?<!\u0001)[()|?*+{}^$]|\{\d+,?\d*\}/)
    .map((run) => run.replace(/\u0001/g, '').replace(/^[?:=!<>]+/, ''))
    .filter(Boolean);
  const chars = new Set([...runs.join(''), 'a', 'A', '1', ' ', '/', '-', '.', '?', '#', '&', '=', '%', 'é', '\n']);
  return [...new Set([...runs.filter((run) => run.length > 1), ...chars])];
}

interface Input {
  prefix: string;
  unit: string;
  suffix: string;
}

const build = ({ prefix, unit, suffix }: Input, size: number) => prefix + unit.repeat(Math.ceil(Math.max(1, size - prefix.length - suffix.length) / unit.length)) + suffix;

/**
 * Fastest of `runs` timings of one exec, in ms: the fastest, because a shared machine now and then
 * deschedules the process for hundreds of milliseconds, which is no property of the pattern. Stops
 * repeating once even the fastest run took ten times `enough` (clearly super-linear: no need to wait more).
 */
function timeExec(regex: RegExp, text: string, runs = 5, enough = Infinity): number {
  let best = Infinity;
  for (let run = 0; run < runs && (run === 0 || best <= enough * 10); run++) {
    regex.lastIndex = 0;
    const start = performance.now();
    regex.exec(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The inputs tried: each piece repeated behind the anchor's literal, then fast-check's combinations. */
function inputsFor(regex: RegExp, seed: number): Input[] {
  const pieces = piecesOf(regex);
  const prefixes = samplePrefixes(regex.source);
  const fixed = prefixes.flatMap((prefix) => pieces.flatMap((unit) => ['!', '\n'].map((suffix) => ({ prefix, unit, suffix }))));
  const piece = fc.constantFrom(...pieces);
  const random = fc.sample(
    fc.record({
      prefix: fc.tuple(fc.constantFrom(...prefixes), fc.array(piece, { maxLength: 2 })).map(([start, parts]) => start + parts.join('')),
      unit: fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
      suffix: fc.oneof(fc.constantFrom('', '!', '#', '?'), piece),
    }),
    { numRuns: 40, seed },
  );
  return [...fixed, ...random];
}

/** Throws unless `regex` runs in linear time on every input tried; returns the worst 1 MB timing. */
function assertLinear(pattern: Pattern, seed: number): { input: Input; large: number } {
  const regex = new RegExp(pattern.regex.source, pattern.regex.flags.replace(/[gy]/g, ''));
  // Screen every input at 5 KB (microseconds when linear), then grow the three slowest tenfold at a time:
  // a super-linear pattern fails at 100 KB, before a 1 MB run could hang the test.
  const screened = inputsFor(regex, seed)
    .map((input) => ({ input, time: timeExec(regex, build(input, 5_000), 1) }))
    .sort((a, b) => b.time - a.time);
  let worst = { input: screened[0]!.input, large: 0 };
  for (const { input } of screened.slice(0, 3)) {
    let previous = timeExec(regex, build(input, 10_000), 5, 10);
    expect(previous, `${pattern.name} took ${previous.toFixed(1)} ms on 10 KB of ${JSON.stringify(input).slice(0, 120)}: super-linear; rewrite it without overlapping or nested quantifiers`).toBeLessThan(10);
    for (const size of [100_000, 1_000_000]) {
      const budget = size === 1_000_000 ? 300 : 60;
      const time = timeExec(regex, build(input, size), 5, budget);
      // Floor: a linear scan of 100 KB takes well under half a millisecond, so anything below it is timer noise.
      const ratio = time / Math.max(previous, 0.5 * (size / 100_000));
      const where = `${pattern.name} on ${JSON.stringify(input).slice(0, 120)}: ${size / 1000} KB took ${time.toFixed(2)} ms, a tenth of it ${previous.toFixed(2)} ms`;
      expect(ratio, `${where}; 10× the input took ${ratio.toFixed(0)}× the time: super-linear; rewrite it without overlapping or nested quantifiers`).toBeLessThan(30);
      expect(time, `${where}: too slow for an address or page text`).toBeLessThan(budget);
      previous = time;
      if (size === 1_000_000 && time > worst.large) worst = { input, large: time };
    }
  }
  return worst;
}

describe('rule patterns', () => {
  const patterns = rulePatterns();

  it('are all found (the table is iterated, so a new rule is checked too)', () => {
    expect(patterns.length, 'no rule patterns found in SITE_RULES').toBeGreaterThan(100);
  });

  it.each(patterns.map((pattern) => [pattern.name, pattern] as const))('%s has no nested quantifier', (_name, pattern) => {
    const at = nestedQuantifierAt(pattern.regex.source);
    expect(at, `${pattern.name}: /${pattern.regex.source}/ nests an unbounded quantifier at ${at}; match the parts separately or use a lookahead`).toBe(-1);
  });
});

describe('nestedQuantifierAt', () => {
  it.each([
    ['(a+)*', 4],
    ['(?:x.*)+y', 7],
    ['^(?:[^/]+\\/)*$', 12],
    ['((ab)*c)+', 8],
    ['(?:a*){2,5}', 6],
  ])('finds the nesting in /%s/', (source, at) => expect(nestedQuantifierAt(source)).toBe(at));

  it.each(['^\\/(?:get|mobile)\\/[\\w-]+(?:\\/[\\w-]+)?\\/?$', '(?:ab)+c*', '(a+)?b', '[(+*]+', '(?=[^#]*x)(?=[^#]*y)', '(?<name>a)+', 'a{2,}b{3}'])('accepts /%s/', (source) => {
    expect(nestedQuantifierAt(source)).toBe(-1);
  });
});

describe('linear time on 1 MB adversarial inputs', () => {
  const all = [...rulePatterns(), ...downloadPatterns(), ...sourcePatterns()];

  it('finds the regexes in the sources (the scanner works)', () => {
    const names = sourcePatterns().map((pattern) => pattern.name);
    expect(names.length, 'too few regex literals found: the scanner is broken').toBeGreaterThan(40);
    for (const file of ['classify.ts', 'product-names.ts', 'collect-signals.ts', 'kaspersky-trace.ts', 'search-engines.ts', 'mark-results.ts']) {
      expect(names.some((name) => name.includes(`${file}:`)), `no regex found in ${file}`).toBe(true);
    }
  });

  it.each(all.map((pattern, index) => [pattern.name, pattern, index] as const))('%s', (_name, pattern, index) => {
    assertLinear(pattern, 20261206 + index);
  });

  it('the check itself catches a quadratic pattern', { timeout: 60_000 }, () => {
    expect(() => assertLinear({ name: 'quadratic', regex: /^\/index\.php\?.*\bct=files.*\baction=search/ }, 1)).toThrow(/super-linear/);
    expect(() => assertLinear({ name: 'overlapping', regex: /^\/(?:get|mobile)\/[\w-]+\/?(?:[\w-]+\/?)?(?:[?#]|$)/ }, 1)).toThrow(/super-linear/);
  });
});
