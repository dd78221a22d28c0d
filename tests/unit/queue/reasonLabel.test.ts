/**
 * Every reason code lib/triage can emit has a translated label in all three locales, and every
 * label in the locales belongs to a signal or rule that exists (no orphans after a rename).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parse } from 'yaml';
import { NOISE_RULES } from '@/lib/triage';
import { KNOWN_RULES, SIGNAL_CODES, reasonLabel, reasonLabelKey } from '@/lib/pipeline/reasonLabel';
import { REASON_FILTERS, WEIGHTED_SIGNALS } from '@/lib/triage/catalog';
import { TriageWeightsSchema } from '@/lib/schemas/settings';
import { englishGetMessage } from '../support/i18n';

function lookup(file: string): (key: string) => unknown {
  const tree: unknown = parse(readFileSync(path.resolve('locales', file), 'utf8'));
  return (key) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? Reflect.get(node, part) : undefined), tree);
}

/** Literal codes passed to `add(...)` in scorePost: a new signal there must get a label here. */
function codesInScorer(): string[] {
  const source = readFileSync(path.resolve('lib/triage/score.ts'), 'utf8');
  const firstArgs = [...source.matchAll(/\badd\(([^,]+),/g)].map((m) => m[1] ?? '');
  return [...new Set(firstArgs.flatMap((arg) => [...arg.matchAll(/'([\w.]+)'/g)].map((m) => m[1] ?? '')))];
}

beforeAll(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishGetMessage());
});

const ALL_CODES = [...SIGNAL_CODES, ...NOISE_RULES.map((r) => `spam.${r.id}`)];

describe('reason labels', () => {
  it('the scorer emits only codes the label list knows', () => {
    const emitted = codesInScorer();
    expect(emitted.length).toBeGreaterThanOrEqual(8);
    expect(emitted.filter((c) => !(SIGNAL_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it('every signal in the list is one the scorer emits', () => {
    const emitted = new Set(codesInScorer());
    expect(SIGNAL_CODES.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('weights, filters and labels are derived from the one list', () => {
    expect(Object.keys(TriageWeightsSchema.parse({})).sort()).toEqual([...WEIGHTED_SIGNALS].sort());
    expect(REASON_FILTERS).toEqual([...SIGNAL_CODES, 'spam']);
  });

  it.each(['en.yml', 'ru.yml', 'zh_CN.yml'])('%s has no label for a signal, weight or rule that does not exist', (file) => {
    const get = lookup(file);
    const keysOf = (key: string): string[] => {
      const node = get(key);
      return node && typeof node === 'object' ? Object.keys(node) : [];
    };
    expect(keysOf('reason').filter((k) => k !== 'spam' && !(SIGNAL_CODES as readonly string[]).includes(k))).toEqual([]);
    expect(keysOf('triageUi.settings.weight').filter((k) => !(WEIGHTED_SIGNALS as readonly string[]).includes(k))).toEqual([]);
    expect(keysOf('triageUi.rule').filter((k) => k !== 'unknown' && !(KNOWN_RULES as readonly string[]).includes(k))).toEqual([]);
    expect(keysOf('reason').length).toBeGreaterThan(0);
  });

  it('every noise rule has a name, description and "catches" text', () => {
    expect(NOISE_RULES.map((r) => r.id).filter((id) => !(KNOWN_RULES as readonly string[]).includes(id))).toEqual([]);
  });

  it.each(['en.yml', 'ru.yml', 'zh_CN.yml'])('%s has a label for every code and rule', (file) => {
    const get = lookup(file);
    const missing = ALL_CODES.filter((code) => {
      const key = reasonLabelKey(code);
      return key === undefined || typeof get(key) !== 'string';
    });
    expect(missing).toEqual([]);
    const ruleTexts = KNOWN_RULES.flatMap((id) => ['name', 'desc', 'catches'].map((part) => `triageUi.rule.${id}.${part}`));
    expect(ruleTexts.filter((key) => typeof get(key) !== 'string')).toEqual([]);
    const weightTexts = WEIGHTED_SIGNALS.flatMap((id) => ['label', 'hint'].map((part) => `triageUi.settings.weight.${id}.${part}`));
    expect(weightTexts.filter((key) => typeof get(key) !== 'string')).toEqual([]);
  });

  it.each([
    ['customer', 'Existing customer'],
    ['complaint', 'Complaint'],
    ['overdue', 'Overdue'],
    ['spam.giveaway', 'Noise: Giveaway'],
    ['spam.cryptoFollow', 'Noise: Follow-back and crypto spam'],
    ['spam.someFutureRule', 'Noise: rule “someFutureRule”'],
  ])('%s → %s (English)', (code, label) => {
    expect(reasonLabel(code)).toBe(label);
  });
});
