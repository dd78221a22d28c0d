/** Every reason code lib/triage can emit has a translated label in all three locales. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parse } from 'yaml';
import { NOISE_RULES } from '@/lib/triage';
import { KNOWN_RULES, SIGNAL_CODES, reasonLabel, reasonLabelKey } from '@/lib/pipeline/reasonLabel';
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
