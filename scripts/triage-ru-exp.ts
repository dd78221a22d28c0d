/**
 * Russian experiment for the complaint model (does not ship; skips without ../shared/data): trains
 * in memory as `npm run train` does (five seeds, all trainable files' train splits), calibrates on
 * the tune splits, and scores the ru dev split of tests/fixtures/triage, the bank file's tune split,
 * and the en / zh dev splits (to show they do not move), plus the probes below. Test and report
 * splits are never read; RuSentiment (evaluation only) is never trained on and only scored with
 * RU_NC=1. Learned weights are cached in the temp folder by a hash of the model's source files and
 * the options, so a rerun of the same tree is quick and "before" / "after" use the same seeds.
 *   RU_PRIOR=0.45          Russian calibration prior (default: train.ts CALIBRATION_PRIOR)
 *   RU_FIXED='{"k":w}'     extra or changed hand-set weights (frozen while training, like the rest)
 *   RU_ERRORS=1            print the ru dev errors (ZH_ERRORS=1: the zh ones)
 *   RU_EXPLAIN='a|b'       named-feature contributions of these texts
 *   RU_NC=1                also score all of RuSentiment (evaluation only)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { calibrate, decodeModel, logitOf, type LoadedModel } from '../lib/triage/model/classifier';
import { extractFeatures, hashString } from '../lib/triage/model/features';
import { prf } from '../lib/triage/model/metrics';
import { AVERAGED_SEEDS, buildModel, CALIBRATION_PRIOR, DEFAULT_OPTIONS, featurise, trainAveraged, type Featurised } from '../lib/triage/model/train';
import { available, calibrates, examplesOf, LABELLED_FILES, readRows, TRIAGE_DATA } from './triage-data';
import { loadDevSets } from './triage-devsets';
import { scoresOf } from './triage-loco-dev';
import { explainLine } from './triage-explain';

/**
 * Russian service tweets written for this experiment (report only, not a test: the shipped model
 * answers them only after a retrain). About a third are complaints, calm ones included; the rest
 * are praise, thanks, questions, news, jokes and negativity about something other than the service.
 * Written and labelled before any change was made.
 */
const PROBES: readonly (readonly [boolean, string])[] = [
  [true, '@mts_help третий день жду возврат за отключённую услугу'],
  [true, 'Сбер, списали дважды за одну покупку?'],
  [true, '@ozon посылка стоит в статусе «передан в доставку» с понедельника, никто ничего не объясняет'],
  [true, 'Вызвала такси на 7:40, водитель отменил заказ за две минуты до подачи. Опоздала на поезд'],
  [true, '@aeroflot рейс перенесли на пять часов, а компенсацию так и не предложили'],
  [true, 'Госуслуги, заявление висит «на рассмотрении» уже месяц, это нормально?'],
  [true, '@beeline интернет пропадает каждый вечер после девяти, мастер так и не пришёл'],
  [true, 'Курьер оставил пакет у двери без звонка, половины продуктов нет'],
  [true, '@tinkoff перевод ушёл, а получателю ничего не пришло. Где деньги?'],
  [true, 'Вайлдберриз вернул не ту сумму за возврат, не хватает 400 рублей'],
  [true, 'Почта России, трек не обновляется две недели'],
  [true, 'Яндекс Еда, пицца ехала полтора часа и приехала холодной'],
  [true, '@alfabank заблокировали карту без объяснений, сижу без денег в отпуске'],
  [false, '@S7 спасибо экипажу, долетели мягко и даже раньше времени'],
  [false, 'Курьер СДЭК приехал минута в минуту, всё упаковано на совесть'],
  [false, 'Тинькофф, приложение просто огонь, перевод за секунду'],
  [false, 'Самокат привёз продукты за 12 минут, я в шоке (в хорошем смысле)'],
  [false, 'Оператор поддержки Теле2 за пять минут всё настроил, респект'],
  [false, 'Спасибо Озону за быстрый возврат денег, уже на карте'],
  [false, '@mts подскажите, как перейти на другой тариф?'],
  [false, 'Во сколько завтра открывается отделение на Ленина?'],
  [false, 'Можно ли оплатить доставку картой курьеру?'],
  [false, 'Мегафон запускает безлимит для студентов со скидкой 50%'],
  [false, 'Аэрофлот открыл продажу билетов в Калининград на лето'],
  [false, 'Яндекс Go теперь работает в Казани и Уфе'],
  [false, 'ВТБ повысил ставки по вкладам до 18% годовых'],
  [false, 'Курьер Самоката приехал быстрее, чем я дошёл до двери 😂'],
  [false, 'Кот уверен, что главный товар с Вайлдберриз — это коробка'],
  [false, 'Опять дождь и пробки, настроение ноль. Хорошо хоть такси приехало быстро'],
  [false, 'Проспал поезд, сам дурак, РЖД тут ни при чём'],
  [false, 'Соседи сверлят с восьми утра, спасибо Яндекс Музыке за шумоподавление'],
  [false, 'Сессия убивает, ночую в библиотеке, хорошо хоть интернет от Ростелекома не подводит'],
  [false, 'Перешёл на Т2, посмотрим, как будет со связью на даче'],
  [false, 'Заказал новый чайник на Маркете, привезут в четверг'],
  [false, 'Оформил ипотеку в Домклике, всё прошло ровно, без лишних походов в офис'],
  [false, 'Наконец-то Госуслуги сделали запись к врачу в два клика, удобно'],
];

/**
 * More of them, written after the Russian aside list and never used to change anything: a check
 * of the lists on phrasing they were not written from.
 */
const HELD_OUT: readonly (readonly [boolean, string])[] = [
  [true, '@rostelecom мастер обещал прийти с 10 до 14, сейчас 17:00, никого'],
  [true, 'Озон, почему с меня взяли за доставку, если заказ был от 3000?'],
  [true, 'Уже полчаса вишу на линии Аэрофлота, музыка играет, оператора нет'],
  [true, '@sberbank не могу войти в приложение после обновления, пишет «ошибка сервера»'],
  [true, 'Заказала на Лавке молоко, привезли кефир. Мелочь, но неприятно'],
  [false, 'Боже, как же я хочу в отпуск, даже билеты S7 уже присмотрела'],
  [false, '@dodo_pizza а у вас будет снова пицца с грушей? очень скучаю'],
  [false, 'Первый раз летела Победой, всё оказалось не так страшно, как пугали'],
  [false, 'МТС дарит 10 ГБ всем абонентам на праздники'],
  [false, 'Мама научилась пользоваться Сбером онлайн, горжусь'],
  [false, 'Футбол проиграли, ужин сгорел, один Кинопоиск меня понимает'],
  [false, 'Кто знает, Яндекс Лавка работает в Подмосковье?'],
  [false, 'Ставлю пять звёзд курьеру, поднялся на девятый этаж без лифта'],
  [false, 'Вот это ливень! Надеюсь, у Ситимобила сегодня хватит машин'],
  [false, 'Сегодня получила карту Альфы, дизайн красивый'],
];

const CACHE = resolve(tmpdir(), 'replyline-ru-exp');
const SOURCES = ['ruLexicon.ts', 'ruAside.ts', 'grievance.ts', 'features.ts', 'train.ts', 'contrast.ts', 'aside.ts', 'target.ts', 'zhLexicon.ts', 'lang.ts'].map((f) => resolve(import.meta.dirname, '../lib/triage/model', f));

function slotOf(key: string, mask: number): number {
  const [name = key, lang] = key.split('@');
  return (lang ? hashString(name, hashString(`lang:${lang}`)) : hashString(name)) & mask;
}

type Scored = { p: number; truth: boolean };

function line(name: string, s: readonly Scored[], cut: number): void {
  const m = prf(s.map((r) => ({ truth: r.truth, predicted: r.p >= cut })));
  const sc = scoresOf(s, cut);
  console.log(`${name.padEnd(30)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} AUC ${sc.auc.toFixed(3)} best ${sc.bestF1.toFixed(3)}@${sc.bestCut.toFixed(2)}`);
}

function main(): void {
  if (!existsSync(TRIAGE_DATA)) {
    console.log(`ru-exp: ${TRIAGE_DATA} not found — skipping.`);
    return;
  }
  const extra = JSON.parse(process.env.RU_FIXED ?? '{}') as Record<string, number>;
  const opts = { ...DEFAULT_OPTIONS, fixed: { ...DEFAULT_OPTIONS.fixed, ...extra } };
  const hash = createHash('sha256');
  for (const f of SOURCES) hash.update(readFileSync(f));
  hash.update(JSON.stringify(opts.fixed) + AVERAGED_SEEDS.join('.'));
  const key = hash.digest('hex').slice(0, 16);
  const path = resolve(CACHE, `learned-${key}.bin`);

  const tune: Featurised[] = [];
  const bankTune: Featurised[] = [];
  const shopTune: Featurised[] = [];
  const train: Featurised[] = [];
  const cached = existsSync(path);
  for (const file of LABELLED_FILES.filter((f) => f.trainable && available(f))) {
    const rows = readRows(file.path);
    const ex = examplesOf(file, rows);
    const tuneEx = ex.filter((_, i) => rows[i]?.split === 'tune');
    const t = featurise(tuneEx, opts.bits);
    tune.push(...t.filter((_, i) => calibrates(file, tuneEx[i]?.text ?? '')));
    if (file.name === 'ru-sentirueval-banks') bankTune.push(...t);
    if (file.name === 'zh-online-shopping-10cats') shopTune.push(...t);
    if (!cached) train.push(...featurise(ex.filter((_, i) => rows[i]?.split === 'train'), opts.bits));
  }
  let w: Float64Array;
  if (cached) w = new Float64Array(readFileSync(path).buffer.slice(0));
  else {
    w = trainAveraged(train, opts);
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(path, Buffer.from(w.buffer));
  }
  const mask = (1 << opts.bits) - 1;
  for (const [k, p] of Object.entries(opts.fixed)) w[slotOf(k, mask)] = p;
  const prior = process.env.RU_PRIOR ? Number(process.env.RU_PRIOR) : (CALIBRATION_PRIOR.ru ?? 0.5);
  const model: LoadedModel = decodeModel(buildModel(w, opts.bits, tune, 0.5, { ...CALIBRATION_PRIOR, ru: prior }));
  const probOf = (text: string): number => {
    const f = extractFeatures(text, opts.bits);
    return calibrate(model, f.language, logitOf(f, model.weights));
  };
  const cut = model.threshold;
  console.log(`ru-exp ${key}${cached ? ' (cached)' : ''} prior ${prior} extra ${JSON.stringify(extra)}`);

  const devSets = loadDevSets().sets;
  for (const set of devSets.filter((s) => s.name.includes('brand-posts') || s.name.startsWith('zh-weibo'))) {
    const dev = set.rows.filter((r) => r.split === 'dev');
    const s = dev.map((r) => ({ p: probOf(r.text), truth: r.complaint }));
    line(`${set.name} dev`, s, cut);
    if ((process.env.RU_ERRORS && set.lang === 'ru') || (process.env.ZH_ERRORS && set.lang === 'zh')) {
      s.forEach((r, i) => {
        if ((r.p >= cut) !== r.truth) console.log(`  ${r.truth ? 'FN' : 'FP'} ${r.p.toFixed(2)} ${dev[i]?.text}`);
      });
    }
  }
  const bank = bankTune.map((r) => ({ p: calibrate(model, r.features.language, logitOf(r.features, model.weights)), truth: r.complaint, text: r.features.text }));
  line('ru banks tune', bank, cut);
  line('zh shopping tune', shopTune.map((r) => ({ p: calibrate(model, r.features.language, logitOf(r.features, model.weights)), truth: r.complaint })), cut);
  if (process.env.RU_TUNE_ERRORS) for (const r of bank) if ((r.p >= cut) !== r.truth) console.log(`  ${r.truth ? 'FN' : 'FP'} ${r.p.toFixed(2)} ${r.text}`);
  if (process.env.RU_NC) {
    const nc = LABELLED_FILES.find((f) => f.name === 'ru-rusentiment-NC');
    if (nc && available(nc)) line('ru RuSentiment (all, eval)', readRows(nc.path).map((r) => ({ p: probOf(r.text), truth: r.complaint })), cut);
  }

  const probes = PROBES.map(([truth, text]) => ({ truth, text, p: probOf(text) }));
  line('probes', probes, cut);
  const wrong = probes.filter((r) => (r.p >= cut) !== r.truth);
  console.log(`probes right ${probes.length - wrong.length}/${probes.length}`);
  for (const r of probes) console.log(`  ${(r.p >= cut) === r.truth ? '  ' : (r.truth ? 'FN' : 'FP')} ${r.p.toFixed(2)} ${r.text}`);

  if (process.env.RU_HELD_OUT) {
    const held = HELD_OUT.map(([truth, text]) => ({ truth, text, p: probOf(text) }));
    line('held-out probes', held, cut);
    console.log(`held-out probes right ${held.filter((r) => (r.p >= cut) === r.truth).length}/${held.length}`);
    for (const r of held) console.log(`  ${(r.p >= cut) === r.truth ? '  ' : (r.truth ? 'FN' : 'FP')} ${r.p.toFixed(2)} ${r.text}`);
  }

  const explain = process.env.RU_EXPLAIN;
  if (explain) for (const text of explain.split('|')) console.log(explainLine(text, model, opts.bits, ['rulex:complaint', 'rulex:praise']));
}

main();
