/**
 * The in-domain complaint dev/test sets in tests/fixtures/triage (posts addressed to brands, the
 * genre the classifier serves; guideline in that folder's README): three sets written by the team
 * and the hand labels of real Weibo help-desk turns, whose texts are joined from ../shared/data by
 * dialog id (that set is skipped when the file is absent). Tune on `dev`, report on `test`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import * as z from 'zod/mini';
import { defaultTriageProfile, scorePost } from '../lib/triage/index';
import { predictComplaint, shippedModel, type LoadedModel } from '../lib/triage/model/classifier';
import { prf, rocAuc } from '../lib/triage/model/metrics';

export const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures/triage');
export const WEIBO_TEXTS = resolve(import.meta.dirname, '../../shared/data/triage/zh-stc3-weibo-helpdesk-first-turns-UNLABELLED.csv');

export const DevSplitSchema = z.enum(['dev', 'test']);
export type DevSplit = z.infer<typeof DevSplitSchema>;
const LabelSchema = z.enum(['complaint', 'not']);

export const WrittenRowSchema = z.object({
  text: z.string().check(z.trim(), z.minLength(1)),
  label: LabelSchema,
  split: DevSplitSchema,
  note: z.string(),
});
const WeiboLabelSchema = z.object({ dialog_id: z.string().check(z.regex(/^\d+$/)), label: LabelSchema, split: DevSplitSchema });
const WeiboTextSchema = z.object({ text: z.string(), orig_label: z.string() });

export interface DevRow {
  text: string;
  complaint: boolean;
  split: DevSplit;
  note: string;
}

export interface DevSet {
  name: string;
  lang: 'en' | 'ru' | 'zh';
  rows: DevRow[];
}

export const WRITTEN_SETS = [
  { name: 'en-brand-posts', lang: 'en' },
  { name: 'en-brand-posts-b', lang: 'en' },
  { name: 'en-brand-posts-c', lang: 'en' },
  { name: 'en-random-tweets', lang: 'en' },
  { name: 'ru-brand-posts', lang: 'ru' },
  { name: 'ru-brand-posts-b', lang: 'ru' },
  { name: 'ru-brand-posts-c', lang: 'ru' },
  { name: 'zh-brand-posts', lang: 'zh' },
  { name: 'zh-brand-posts-b', lang: 'zh' },
] as const satisfies readonly { name: string; lang: DevSet['lang'] }[];

function readCsv(path: string): unknown[] {
  return Papa.parse<unknown>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** A set the team wrote (no third-party text): always in the repository. */
export function readWrittenSet(name: string, lang: DevSet['lang']): DevSet {
  const rows = readCsv(resolve(FIXTURES, `${name}.csv`)).map((raw) => {
    const r = WrittenRowSchema.parse(raw);
    return { text: r.text, complaint: r.label === 'complaint', split: r.split, note: r.note };
  });
  return { name, lang, rows };
}

/** The Weibo labels joined to their texts; undefined when ../shared/data is absent. */
export function readWeiboSet(textsPath: string = WEIBO_TEXTS): DevSet | undefined {
  if (!existsSync(textsPath)) return undefined;
  const textById = new Map<string, string>();
  for (const raw of readCsv(textsPath)) {
    const r = WeiboTextSchema.parse(raw);
    const id = /(?:^|\|)dialog_id=(\d+)(?:\||$)/.exec(r.orig_label)?.[1];
    if (id) textById.set(id, r.text);
  }
  const rows = readCsv(resolve(FIXTURES, 'zh-weibo-helpdesk-labels.csv')).map((raw) => {
    const r = WeiboLabelSchema.parse(raw);
    const text = textById.get(r.dialog_id);
    // A label whose text is gone means the shared file changed: fail loudly rather than shrink the set.
    if (text === undefined) throw new Error(`zh-weibo-helpdesk-labels: dialog_id ${r.dialog_id} not in ${textsPath}`);
    return { text, complaint: r.label === 'complaint', split: r.split, note: 'weibo help desk' };
  });
  return { name: 'zh-weibo-helpdesk (real)', lang: 'zh', rows };
}

export function loadDevSets(): { sets: DevSet[]; skipped: string[] } {
  const sets: DevSet[] = WRITTEN_SETS.map((s) => readWrittenSet(s.name, s.lang));
  const weibo = readWeiboSet();
  if (weibo) sets.push(weibo);
  return { sets, skipped: weibo ? [] : [`zh-weibo-helpdesk: ${WEIBO_TEXTS} not found`] };
}

export interface DevFigures {
  rows: number;
  complaintShare: number;
  precision: number;
  recall: number;
  f1: number;
  auc: number;
  trivialF1: number;
  rulesF1: number;
}

/** The lexicon rules' complaint flag, as before the model. */
export const rulesFlag = (text: string): boolean => scorePost({ text }, defaultTriageProfile(), { now: 0, complaintModel: null }).complaint;

export function devFigures(rows: readonly DevRow[], model: LoadedModel = shippedModel()): DevFigures {
  const scored = rows.map((r) => {
    const p = predictComplaint(r.text, undefined, model);
    return { truth: r.complaint, p: p.probability, predicted: p.complaint };
  });
  const m = prf(scored);
  const pos = rows.filter((r) => r.complaint).length;
  return {
    rows: rows.length,
    complaintShare: pos / Math.max(1, rows.length),
    precision: m.precision,
    recall: m.recall,
    f1: m.f1,
    auc: rocAuc(scored.filter((s) => s.truth).map((s) => s.p), scored.filter((s) => !s.truth).map((s) => s.p)),
    trivialF1: pos === 0 ? 0 : (2 * pos) / (pos + rows.length),
    rulesF1: prf(rows.map((r) => ({ truth: r.complaint, predicted: rulesFlag(r.text) }))).f1,
  };
}

const f3 = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '  –  ');

/** The section `npm run eval` prints; returns the figures by set and split. */
export function evalDevSets(model: LoadedModel = shippedModel()): Record<string, Record<DevSplit, DevFigures>> {
  const { sets, skipped } = loadDevSets();
  console.log('\nIn-domain dev/test sets (tests/fixtures/triage: posts to brands; tune on dev, report on test)');
  console.log('set                          split  rows  compl%  P      R      F1     AUC    trivialF1  rulesF1');
  const out: Record<string, Record<DevSplit, DevFigures>> = {};
  for (const set of sets) {
    const bySplit = { dev: devFigures(set.rows.filter((r) => r.split === 'dev'), model), test: devFigures(set.rows.filter((r) => r.split === 'test'), model) };
    for (const split of DevSplitSchema.options) {
      const f = bySplit[split];
      console.log(
        `${set.name.padEnd(28)} ${split.padEnd(5)} ${String(f.rows).padStart(5)}  ${(f.complaintShare * 100).toFixed(0).padStart(5)}%  ${f3(f.precision)}  ${f3(f.recall)}  ${f3(f.f1)}  ${f3(f.auc)}  ${f3(f.trivialF1).padStart(9)}  ${f3(f.rulesF1).padStart(7)}`,
      );
    }
    out[set.name] = bySplit;
  }
  for (const s of skipped) console.log(`  skipped ${s}`);
  return out;
}
