/**
 * English experiment for the complaint model (does not ship; skips without ../shared/data):
 * trains as `npm run train` does and scores the English dev split of tests/fixtures/triage and the
 * English files' tune splits (test and report splits are never read here). Hand-set features
 * count 0 while the n-grams train, so the learned weights do not depend on them: they are trained
 * once and cached in the temp folder, and variants of hand-set weights, cue lists and the English
 * calibration prior are scored against the same learned weights (paired, same seeds).
 *   EN_PRIOR=0.45          English calibration prior (default: train.ts CALIBRATION_PRIOR)
 *   EN_FIXED='{"k":w}'     extra or changed hand-set weights
 *   EN_RETRAIN=1           ignore the cache
 *   EN_TUNE_DUMP=dir       write each tune row's probability there (to diff variants)
 *   EN_AIRLINE=1           also score the airline tweets (evaluation only: F1 / AUC, no texts shown)
 *   EN_PROBES=file         count the lines of a text file flagged (EN_PROBES_SHOW=1: each line's probability)
 * Always scores WRITTEN_TWEETS (below): a report-only list, not a test of the shipped weights.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Papa from 'papaparse';
import { resolve } from 'node:path';
import { calibrate, decodeModel, logitOf } from '../lib/triage/model/classifier';
import { extractFeatures, hashString } from '../lib/triage/model/features';
import { prf } from '../lib/triage/model/metrics';
import { AVERAGED_SEEDS, buildModel, CALIBRATION_PRIOR, DEFAULT_OPTIONS, featurise, trainAveraged, type Featurised } from '../lib/triage/model/train';
import { AIRLINE, available, calibrates, examplesOf, LABELLED_FILES, readAirline, readRows, TRIAGE_DATA } from './triage-data';
import { loadDevSets } from './triage-devsets';
import { scoresOf } from './triage-loco-dev';
import { explainLine } from './triage-explain';

/**
 * English tweets to brands written for issue 18 before any change was measured (≈ 36 %
 * complaints, many calm; non-complaints that look negative). Report-only: they never train,
 * tune a weight or shape a cue list by being scored in a test.
 */
const WRITTEN_TWEETS: readonly (readonly [string, boolean])[] = [
  ['@skyjet is there a reason my refund from the cancelled Lisbon trip is taking six weeks?', true],
  ['@northtel third time asking: can you tell me why my bill went from 40 to 65 this month', true],
  ['@finbank my transfer to my landlord shows as sent on your side but she has nothing. what now?', true],
  ["@dashbite order says delivered, I'm standing at my door and there's no food", true],
  ['@zoomride driver cancelled on me twice this morning and I still got the cancellation fee', true],
  ['@shopmart ordered a size M, the bag had an XL in it. how do I get the right one without paying return shipping again?', true],
  ['@cloudnote hi, since the latest update all my notebooks open blank. anyone else?', true],
  ["@pixelforge I bought the season pass on Friday and the DLC isn't showing in my library", true],
  ["@citypower we've had the meter reader miss us 3 months running and now an estimated bill for double", true],
  ["@harborinn checked in at 3pm, room wasn't ready until 6. just fyi for whoever handles feedback", true],
  ['@skyjet the app moved my seat away from my 6 year old. could someone look at booking ref K7Q2', true],
  ["@northtel my ticket has said 'escalated' since the 2nd. any progress?", true],
  ['@finbank hey, why do I need to visit a branch to change an address I already changed online?', true],
  ['@dashbite the restaurant was fine, the courier left my order at the wrong building though', true],
  ["@stayeasy still haven't received the deposit back from my stay in October", true],
  ['@streamly paying for 4K and getting 720p every evening, is this what the premium plan is?', true],
  ["@gridgas is it normal that the engineer's visit window was 8-12 and it's now 3pm", true],
  ['@zoomride hmm my receipt shows a 25 min trip, the ride was 10 minutes', true],
  ['@skyjet this rain in Manchester is brutal, any chance flights are still leaving on time tonight?', false],
  ['@northtel my old provider charged me for a year of calls I never made. so far so good with you', false],
  ['@finbank lost my card on the bus, how do I freeze it asap??', false],
  ['@dashbite I have eaten nothing but your tacos for three days and I regret nothing', false],
  ['@zoomride totally my fault, left my umbrella in the car, is there a lost property form?', false],
  ['@shopmart please bring back the blue hoodie, I will buy five', false],
  ['@cloudnote love the new editor but would be nice to have keyboard shortcuts for tables', false],
  ['@pixelforge lost 12 ranked games in a row, I am simply bad at this game lol', false],
  ['@citypower is there a planned outage in the north district on Saturday? need to plan the party', false],
  ['@harborinn the view is great, the weather not so much. see you next year', false],
  ['@skyjet my flight got delayed by the storm, totally understandable, just want to know if the lounge is open', false],
  ["@northtel what's the cheapest plan with unlimited data? mine ends next week", false],
  ['@finbank the other bank made me wait 40 minutes on the phone, you picked up in two. switching for good', false],
  ['@dashbite rainy Sunday, zero energy, pizza is on the way, life is good', false],
  ['@zoomride does the airport pickup point still move during construction?', false],
  ['@shopmart your self checkout hates me personally but the staff rescued me, thank you Gemma', false],
  ['@cloudnote ugh Mondays. at least my notes are organised', false],
  ['@pixelforge the final boss destroyed me 40 times and I loved every minute', false],
  ['@citypower heatwave again, thank you for keeping the lights on', false],
  ['@harborinn can we get a late checkout on Sunday? flight is at 9pm', false],
  ['@skyjet would be great if you added a vegan meal option on short flights', false],
  ["@northtel signal in the tunnel is gone but that's the tunnel's fault not yours haha", false],
  ['@finbank scam texts pretending to be you are going around, you might want to warn people', false],
  ["@dashbite why is your burrito so good, I can't stop ordering", false],
  ['@zoomride driver Sam was lovely, car smelled great, 10/10', false],
  ['@shopmart is the Main St store open on the bank holiday?', false],
  ['@streamly the finale of that show broke my heart, who approved this', false],
  ['@gridgas new smart meter installed today, took 20 minutes, no drama', false],
  ['@stayeasy booked the wrong dates myself, can I change them or do I need to cancel?', false],
  ['@pixelforge any news on the patch release date? hyped', false],
  ['@cloudnote tried the other note app for a week, it was a mess, back to you', false],
  ['@finbank is there a reason the app asks for my fingerprint each time? just curious whether I can turn it off', false],
];

/**
 * A second list, written at the same time and scored only as a count until the cue changes were
 * chosen (EN_B_ERRORS=1 lists its errors): the first list's errors were read while choosing.
 */
const WRITTEN_TWEETS_B: readonly (readonly [string, boolean])[] = [
  ["@railgo the 7:40 has been 'on time' on your board for twenty minutes while we stand here", true],
  ['@bankly so the cashback you advertised last month, where did it go? my statement shows none', true],
  ['@telco5 had to reset the router four times today to get anything to load', true],
  ['@grubnow paid for extra sauce, got none, again', true],
  ["@hotelvia the 'sea view' room looks at a car park. not sure what happened with my booking", true],
  ['@cabby quick question, why does my app say I owe you £14 for a ride I never took', true],
  ['@appsuite any update on the sync bug I reported in May? support said a week', true],
  ['@gamehub servers dropped me mid match and I lost the ranked points, do I get them back?', true],
  ["@waterco we were told the supply would be back by noon. it's evening now", true],
  ['@railgo snow day, working from home, no trains needed. enjoy the quiet', false],
  ['@bankly how long does a transfer to Spain normally take?', false],
  ['@telco5 my brother keeps stealing my hotspot, can I put a password on it', false],
  ['@grubnow this curry ruined every other curry for me, thanks a lot', false],
  ['@hotelvia the gym was tiny but honestly the breakfast made up for it', false],
  ['@cabby can I book a ride for my mum from my account?', false],
  ['@appsuite dark mode when? my eyes are begging', false],
  ["@gamehub I rage quit three times tonight, not your fault, I'm just terrible", false],
  ['@waterco a burst pipe on our road, crew already there, fair play to them', false],
  ['@airfly heading to Rome tomorrow, anything I should know about the strike at the airport?', false],
  ['@bankly fraud team called me within a minute of a weird payment, very impressed', false],
  ["@telco5 the competitor's coverage in my village is awful, yours is fine", false],
  ['@shopzone my package came early and the dog ate the box. worth it', false],
  ['@appsuite is there a limit on how many files I can upload at once?', false],
  ['@grubnow tired, cold and hungry. you know what to do', false],
  ['@hotelvia left my charger in room 412 like an idiot, could you keep it for me?', false],
];

const CACHE = resolve(tmpdir(), 'replyline-en-exp');
const opts = DEFAULT_OPTIONS;

function slotOf(key: string, mask: number): number {
  const [name = key, lang] = key.split('@');
  return (lang ? hashString(name, hashString(`lang:${lang}`)) : hashString(name)) & mask;
}

/**
 * EN_CESA="calm:2" multiplies the loss weight of CESAMARD's complaints whose own Sentiment field
 * is neutral (calm complaints); "neutral:2" of all its neutral rows; "reproach:2" of its
 * "No explicit reproach" complaints.
 */
function cesamardMultiplier(): (text: string) => number {
  const spec = process.env.EN_CESA;
  if (!spec) return () => 1;
  const [kind, by = '1'] = spec.split(':');
  const file = LABELLED_FILES.find((f) => f.name === 'en-cesamard-amazon-complaints');
  if (!file) return () => 1;
  const meta = new Map<string, { complaint: boolean; severity: string; sentiment: string }>();
  for (const r of Papa.parse<Record<string, string | undefined>>(readFileSync(file.path, 'utf8'), { header: true, skipEmptyLines: true }).data) {
    const [, , severity = '', sentiment = ''] = (r.orig_label ?? '').split('|');
    meta.set(r.text ?? '', { complaint: r.label === 'complaint', severity, sentiment });
  }
  return (text) => {
    const m = meta.get(text);
    if (!m) return 1;
    const hit = kind === 'calm' ? m.complaint && m.sentiment === 'Sentiment=1' : kind === 'neutral' ? m.sentiment === 'Sentiment=1' : kind === 'reproach' ? m.complaint && m.severity === 'Severity=No explicit reproach' : false;
    return hit ? Number(by) : 1;
  };
}

function learned(): Float64Array {
  const path = resolve(CACHE, `learned-${opts.bits}-${AVERAGED_SEEDS.join('.')}${process.env.EN_CESA ? `-${process.env.EN_CESA.replace(':', '')}` : ''}.bin`);
  if (existsSync(path) && !process.env.EN_RETRAIN) return new Float64Array(readFileSync(path).buffer.slice(0));
  const train: Featurised[] = [];
  const mult = cesamardMultiplier();
  for (const file of LABELLED_FILES.filter((f) => f.trainable && available(f))) {
    const rows = readRows(file.path);
    const ex = examplesOf(file, rows).map((e) => (file.name === 'en-cesamard-amazon-complaints' ? { ...e, weight: e.weight * mult(e.text) } : e));
    train.push(...featurise(ex.filter((_, i) => rows[i]?.split === 'train'), opts.bits));
  }
  const w = trainAveraged(train, opts);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(path, Buffer.from(w.buffer));
  return w;
}

function main(): void {
  if (!existsSync(TRIAGE_DATA)) {
    console.log(`en-exp: ${TRIAGE_DATA} not found — skipping.`);
    return;
  }
  const extra = JSON.parse(process.env.EN_FIXED ?? '{}') as Record<string, number>;
  const fixed = { ...opts.fixed, ...extra };
  const w = learned().slice();
  const mask = (1 << opts.bits) - 1;
  for (const [key, p] of Object.entries(fixed)) w[slotOf(key, mask)] = p;

  const tune: { file: string; rows: Featurised[]; calibrating: Featurised[] }[] = [];
  for (const file of LABELLED_FILES.filter((f) => f.trainable && f.lang === 'en' && available(f))) {
    const rows = readRows(file.path);
    const tuneEx = examplesOf(file, rows).filter((_, i) => rows[i]?.split === 'tune');
    const featurised = featurise(tuneEx, opts.bits);
    // Rows whose label is a mood do not calibrate (triage-data.ts calibrates).
    tune.push({ file: file.name, rows: featurised, calibrating: featurised.filter((_, i) => calibrates(file, tuneEx[i]?.text ?? '')) });
  }
  const prior = process.env.EN_PRIOR ? Number(process.env.EN_PRIOR) : (CALIBRATION_PRIOR.en ?? 0.5);
  const calRows = tune.flatMap((t) => t.calibrating);
  const model = decodeModel(buildModel(w, opts.bits, calRows, 0.5, { ...CALIBRATION_PRIOR, en: prior }));
  const score = (rows: readonly Featurised[]): { p: number; truth: boolean }[] =>
    rows.map((r) => ({ p: calibrate(model, r.features.language, logitOf(r.features, model.weights)), truth: r.complaint }));
  const line = (name: string, s: { p: number; truth: boolean }[]): void => {
    const m = prf(s.map((r) => ({ truth: r.truth, predicted: r.p >= model.threshold })));
    const sc = scoresOf(s, model.threshold);
    // F1 with complaints reweighted to the owner's 36 % share, same cut.
    const pos = s.filter((r) => r.truth).length;
    const wPos = 0.36 / Math.max(1e-9, pos / s.length), wNeg = 0.64 / Math.max(1e-9, 1 - pos / s.length);
    let tp = 0, fp = 0, fn = 0;
    for (const r of s) {
      if (r.p >= model.threshold) {
        if (r.truth) tp += wPos;
        else fp += wNeg;
      } else if (r.truth) fn += wPos;
    }
    console.log(`${name.padEnd(34)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} AUC ${sc.auc.toFixed(3)} best ${sc.bestF1.toFixed(3)}@${sc.bestCut.toFixed(2)} F1@36% ${((2 * tp) / Math.max(1e-9, 2 * tp + fp + fn)).toFixed(3)}`);
  };
  console.log(`en-exp prior ${prior} extra ${JSON.stringify(extra)}`);
  for (const set of loadDevSets().sets.filter((s) => s.lang === 'en')) {
    const dev = set.rows.filter((r) => r.split === 'dev');
    const rows = dev.map((r) => ({ features: extractFeatures(r.text, opts.bits), complaint: r.complaint, weight: 1 }));
    const s = score(rows);
    line(`${set.name} dev`, s);
    if (process.env.EN_ERRORS) {
      s.forEach((r, i) => {
        if ((r.p >= 0.5) !== r.truth) console.log(`  ${r.truth ? 'FN' : 'FP'} ${r.p.toFixed(2)} ${dev[i]?.text}`);
      });
    }
  }
  for (const t of tune) {
    const s = score(t.rows);
    line(`${t.file} tune`, s);
    // EN_TUNE_DUMP=dir: every tune row's probability, to diff two variants row by row.
    const dump = process.env.EN_TUNE_DUMP;
    if (dump) {
      mkdirSync(dump, { recursive: true });
      writeFileSync(resolve(dump, `${t.file}.tsv`), s.map((r, i) => `${r.p.toFixed(3)}\t${r.truth ? 1 : 0}\t${t.rows[i]?.features.text ?? ''}`).join('\n'));
    }
  }
  for (const [name, list, showErrors] of [['written tweets (report-only)', WRITTEN_TWEETS, true], ['written tweets B (report-only)', WRITTEN_TWEETS_B, !!process.env.EN_B_ERRORS]] as const) {
    const s = list.map(([text, truth]) => {
      const f = extractFeatures(text, opts.bits);
      return { p: calibrate(model, f.language, logitOf(f, model.weights)), truth };
    });
    line(name, s);
    const wrong = s.filter((r) => (r.p >= model.threshold) !== r.truth).length;
    console.log(`  ${name}: ${s.length - wrong} right, ${wrong} wrong`);
    if (showErrors) {
      s.forEach((r, i) => {
        if ((r.p >= model.threshold) !== r.truth) console.log(`  ${r.truth ? 'FN' : 'FP'} ${r.p.toFixed(2)} ${list[i]?.[0]}`);
      });
    }
  }
  if (process.env.EN_AIRLINE && existsSync(AIRLINE)) {
    // Evaluation only: figures, never texts.
    line('airline tweets (all, eval only)', score(readAirline().map((r) => ({ features: extractFeatures(r.text, opts.bits), complaint: r.complaint, weight: 1 }))));
  }
  const explain = process.env.EN_EXPLAIN;
  if (explain) for (const text of explain.split('|')) console.log(explainLine(text, model, opts.bits, ['x:concession']));
  const probes = process.env.EN_PROBES;
  if (probes && existsSync(probes)) {
    let flagged = 0;
    const lines = readFileSync(probes, 'utf8').split('\n').filter(Boolean);
    for (const text of lines) {
      const f = extractFeatures(text, opts.bits);
      const p = calibrate(model, f.language, logitOf(f, model.weights));
      if (p >= model.threshold) flagged += 1;
      if (process.env.EN_PROBES_SHOW) console.log(`  ${p.toFixed(2)} ${text}`);
    }
    console.log(`probes ${probes}: ${flagged}/${lines.length} flagged`);
  }
}

main();
