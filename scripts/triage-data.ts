/**
 * The labelled complaint data in ../shared/data (never copied into the repository): which files
 * exist, which may train shipped weights (licences in ../shared/data/triage/SOURCES.md), and a
 * stable split of every row into train / tune / report by a hash of its text (duplicates land
 * together, so no text is both trained on and reported on).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { hashString, normalizeForModel } from '../lib/triage/model/features';
import { CUES } from '../lib/triage/model/grievance';
import { hasServiceTarget } from '../lib/triage/model/target';
import { isAside } from '../lib/triage/model/aside';
import type { Example } from '../lib/triage/model/train';

export const DATA = resolve(process.cwd(), '../shared/data');
export const TRIAGE_DATA = resolve(DATA, 'triage');

export interface LabelledFile {
  name: string;
  lang: 'en' | 'ru' | 'zh';
  genre: string;
  /** false: evaluation only (non-commercial licence), never in shipped weights. */
  trainable: boolean;
  /** Source weight in the loss: the one human complaint-labelled file counts most. */
  weight: number;
  /**
   * Its "complaint" label is any negative mood (general tweets: politics, weather, the author's
   * day). Such a row calibrates the probability only when it names something a business runs and
   * is no aside (calibrates): fit on the rest, the calibration learned that a mood is a complaint, and a
   * penalty on moods lifted every other post to match (x:untargeted, train.ts).
   */
  moodLabels?: boolean;
  path: string;
}

export const LABELLED_FILES: readonly LabelledFile[] = [
  { name: 'en-cesamard-amazon-complaints', lang: 'en', genre: 'reviews, human complaint labels', trainable: true, weight: 3 },
  { name: 'en-tweeteval-sentiment', lang: 'en', genre: 'general tweets, negative sentiment', trainable: true, weight: 0.5, moodLabels: true },
  { name: 'en-uci-sentiment-sentences-amazon-yelp', lang: 'en', genre: 'review sentences, polar', trainable: true, weight: 1 },
  { name: 'ru-sentirueval-banks', lang: 'ru', genre: 'tweets about banks, negative sentiment', trainable: true, weight: 1 },
  { name: 'zh-online-shopping-10cats', lang: 'zh', genre: 'shopping/hotel reviews, negative', trainable: true, weight: 1 },
  { name: 'ru-rusentiment-NC', lang: 'ru', genre: 'VK posts, negative sentiment (eval only: CC BY-NC-SA)', trainable: false, weight: 0 },
].map((f): LabelledFile => ({ ...f, lang: f.lang as LabelledFile['lang'], path: resolve(TRIAGE_DATA, `${f.name}.csv`) }));

export type Split = 'train' | 'tune' | 'report';

/** 80 / 10 / 10 by FNV-1a of the text. */
export function splitOf(text: string): Split {
  const bucket = hashString(text.trim().toLowerCase()) % 10;
  return bucket === 0 ? 'report' : bucket === 1 ? 'tune' : 'train';
}

export interface Row {
  text: string;
  complaint: boolean;
  split: Split;
}

type CsvRow = Record<string, string | undefined>;

export function readRows(path: string): Row[] {
  const parsed = Papa.parse<CsvRow>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  const rows: Row[] = [];
  for (const r of parsed.data) {
    const text = r.text ?? '';
    if (!text.trim() || (r.label !== 'complaint' && r.label !== 'not')) continue;
    rows.push({ text, complaint: r.label === 'complaint', split: splitOf(text) });
  }
  return rows;
}

/** The airline tweets (evaluation only: CC BY-NC-SA): negative = complaint. */
export const AIRLINE = resolve(DATA, 'support/airline-sentiment-2015.csv');
export function readAirline(): Row[] {
  const parsed = Papa.parse<CsvRow>(readFileSync(AIRLINE, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data
    .filter((r) => r.airline_sentiment === 'negative' || r.airline_sentiment === 'neutral' || r.airline_sentiment === 'positive')
    .map((r) => ({ text: r.text ?? '', complaint: r.airline_sentiment === 'negative', split: splitOf(r.text ?? '') }));
}

export const available = (f: LabelledFile): boolean => existsSync(f.path);

/** Class-balanced within the file, scaled by the file's weight: each file counts by its size. */
export function examplesOf(file: LabelledFile, rows: readonly Row[]): Example[] {
  const pos = rows.filter((r) => r.complaint).length;
  const neg = rows.length - pos;
  return rows.map((r) => ({
    text: r.text,
    complaint: r.complaint,
    weight: file.weight * (r.complaint ? rows.length / (2 * Math.max(1, pos)) : rows.length / (2 * Math.max(1, neg))),
  }));
}

/** Whether a held-out row of `file` calibrates the probability (see LabelledFile.moodLabels). */
export function calibrates(file: LabelledFile, raw: string): boolean {
  if (!file.moodLabels) return true;
  const text = normalizeForModel(raw);
  // Every cue found, as the model's features find them: a failing thing (en.broken) names a target too.
  const found = new Set<string>();
  for (const cue of CUES) {
    cue.re.lastIndex = 0;
    if (cue.re.test(text)) found.add(cue.name);
  }
  // A mood (aside.ts: the author's day, politics, sport) is one even when it names a target.
  return hasServiceTarget(text, found) && !isAside(text, found);
}
