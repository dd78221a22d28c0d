/**
 * Command-line triage: the same lib/triage code the extension runs, over a CSV or JSON-lines file.
 * Streams the input, prints one JSON line per post. Usage: see USAGE below or run with --help.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { z } from 'zod';
import type { BrandProfile } from '../lib/schemas/settings';
import { compileMatcher, summarise } from '../lib/matching/matcher';
import { defaultTriageProfile, scorePost } from '../lib/triage/index';

const USAGE = `Usage: npx tsx scripts/triage.ts FILE [--brand brand.json]

  FILE             CSV with a "text" column (other columns kept: id/tweet_id, author/name,
                   created_at/tweet_created), or JSON lines ({"id","text","author","createdAt"}).
                   Format is chosen by extension (.csv/.tsv vs .jsonl/.ndjson/.json), else by content.
  --brand FILE     Brand profile JSON (BrandProfile fields; missing ones get defaults).
                   Without it every @handle in a post counts as the brand, and no post
                   names it; with it, a post naming the brand's terms is about the brand.
  --help           Show this help.

Prints one JSON line per post: id, priority, complaint, complaintProbability (calibrated, 0..1),
spam, question, sentiment, reasons.`;

class CliError extends Error {}

interface Args {
  file: string;
  brand?: string;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  let file: string | undefined;
  let brand: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--brand') {
      brand = argv[++i];
      if (!brand) throw new CliError('--brand needs a file name');
    } else if (a?.startsWith('--brand=')) brand = a.slice('--brand='.length);
    else if (a?.startsWith('-')) throw new CliError(`unknown option ${a}`);
    else if (a !== undefined) {
      if (file) throw new CliError(`only one input file, got "${file}" and "${a}"`);
      file = a;
    }
  }
  if (!file) throw new CliError('no input file given');
  return brand === undefined ? { file } : { file, brand };
}

function loadProfile(path: string | undefined): BrandProfile {
  if (!path) return defaultTriageProfile();
  if (!existsSync(path)) throw new CliError(`brand file not found: ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliError(`brand file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return defaultTriageProfile(json);
  } catch (e) {
    throw new CliError(`brand file does not match the BrandProfile schema:\n${e instanceof z.ZodError ? z.prettifyError(e) : String(e)}`);
  }
}

type Format = 'csv' | 'jsonl';

function detectFormat(path: string): Format {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  const head = readFileSync(path, { encoding: 'utf8', flag: 'r' }).slice(0, 4096).trimStart();
  return head.startsWith('{') ? 'jsonl' : 'csv';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);

function timeOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e12 ? v * 1000 : v;
  const s = str(v);
  if (!s) return undefined;
  // "2015-02-24 11:35:52 -0800" (airline export) is not ISO; make it so.
  const iso = s.replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-]\d{4})$/, '$1T$2$3');
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

interface Record_ {
  id: string;
  text: string;
  author: string;
  createdAt?: number;
}

function normalise(row: Record<string, unknown>, index: number): Record_ | undefined {
  const text = str(row.text);
  if (text === undefined) return undefined;
  const createdAt = timeOf(row.createdAt ?? row.created_at ?? row.tweet_created ?? row.date);
  return {
    id: str(row.id) ?? str(row.tweet_id) ?? str(row.post_id) ?? String(index + 1),
    text,
    author: str(row.author) ?? str(row.author_id) ?? str(row.name) ?? str(row.user) ?? '',
    ...(createdAt !== undefined ? { createdAt } : {}),
  };
}

type Triage = (rec: Record_) => ReturnType<typeof scorePost>;

/**
 * Scores posts as the extension does: with a brand file, the brand's terms the matcher finds in a
 * post are passed on (a post that names the brand is about it); without one, no post names it.
 */
function triageFor(profile: BrandProfile, named: boolean, now: number): Triage {
  const matcher = named ? compileMatcher([profile]) : undefined;
  return (rec) => {
    const matchedTerms = matcher ? summarise(matcher.match(rec.text)).flatMap((m) => m.terms) : [];
    return scorePost({ text: rec.text, authorHandle: rec.author, createdAt: rec.createdAt }, profile, { now, matchedTerms });
  };
}

function emit(rec: Record_, triage: Triage): void {
  const r = triage(rec);
  process.stdout.write(
    `${JSON.stringify({ id: rec.id, priority: r.priority, complaint: r.complaint, complaintProbability: r.complaintProbability ?? null, spam: r.spam, question: r.question, sentiment: r.sentiment, reasons: r.reasons, ...(r.filteredBy ? { filteredBy: r.filteredBy } : {}) })}\n`,
  );
}

async function runCsv(path: string, triage: Triage): Promise<number> {
  let index = 0;
  let sawText: boolean | undefined;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Record<string, unknown>>(createReadStream(path, 'utf8'), {
      header: true,
      skipEmptyLines: true,
      step: (result, parser) => {
        if (sawText === undefined) {
          sawText = (result.meta.fields ?? []).includes('text');
          if (!sawText) {
            parser.abort();
            return;
          }
        }
        const rec = normalise(result.data, index++);
        if (rec) emit(rec, triage);
      },
      complete: () => resolve(),
      error: (err) => reject(new CliError(`cannot read CSV: ${err.message}`)),
    });
  });
  if (sawText === false) throw new CliError('the CSV has no "text" column');
  return index;
}

async function runJsonl(path: string, triage: Triage): Promise<number> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let index = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new CliError(`line ${lineNo} is not valid JSON`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new CliError(`line ${lineNo} is not a JSON object`);
    const rec = normalise({ ...row }, index++);
    if (!rec) throw new CliError(`line ${lineNo} has no "text"`);
    emit(rec, triage);
  }
  return index;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  if (!existsSync(args.file) || !statSync(args.file).isFile()) throw new CliError(`input file not found: ${args.file}`);
  const triage = triageFor(loadProfile(args.brand), args.brand !== undefined, Date.now());
  const format = detectFormat(args.file);
  const count = format === 'csv' ? await runCsv(args.file, triage) : await runJsonl(args.file, triage);
  process.stderr.write(`triage: ${count} posts\n`);
}

main().catch((e: unknown) => {
  if (e instanceof CliError) {
    process.stderr.write(`triage: ${e.message}\n\n${USAGE}\n`);
  } else {
    process.stderr.write(`triage: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  process.exitCode = 1;
});
