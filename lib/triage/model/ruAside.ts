/**
 * Negativity that is not about the service, in Russian: the author's day, weather, traffic, exams,
 * illness or mood, and a consolation that praises the service ("опять дождь и пробки, хорошо хоть
 * такси приехало быстро"). The bank tweets never separate these from grievances, so a post to a
 * delivery service about the snow read as a complaint. As in English (aside.ts), counted only when
 * no grievance cue fires, except "опять"/"снова" (moods repeat too: "опять дождь"); "опять не
 * работает" still has its failure cue. Weight set by hand (train.ts PLAIN_WEIGHTS).
 */
import { isGrievanceCue, words } from './grievance';

const RU_ASIDE = words(
  // A consolation: "хорошо хоть …", "хоть что-то радует", "спасает только …".
  'хорошо хоть', String.raw`хоть (?:что-то|кто-то|где-то) (?:радует|работает|спасает)`, 'спаса(?:ет|ют) только', 'одна радость',
  // Weather and traffic.
  // Whole forms, not stems: "дождался" is waiting, "Морозов" a name, "дипломатия" no exam.
  'дожд[ьяиюеё]', 'дождик*', 'дождлив*', 'ливень', 'ливн[яиюеё]', 'снегопад*', 'метел[ьияеюё]', 'гол[оё]л[её]д[аеу]?', 'мороз[аеуы]?', 'морозн*', 'жарищ[аеуи]', 'пробк[аеиуо]', 'пробок', 'погод[аеуы]',
  // The author's own day: study, work, health, sleep, mood, pets, neighbours.
  // Not "устал ждать", "не выспалась" (said of staff), "в понедельник" (a service's schedule), "начальник отдела".
  'сесси[яюией]', 'экзамен*', 'диплом[аеуы]?', 'дедлайн*', 'настроени[еяю]', 'заболел*', 'простыл*', 'простуд*', 'болею', 'температур[аы]',
  'проспал*', 'сериал[аыу]?', 'соседи', 'сосед', 'кот', 'кошк[аеиу]',
);

/** Whether a Russian post's negativity, if any, is about something other than the service. */
export function isRuAside(text: string, cuesFound: ReadonlySet<string>): boolean {
  for (const c of cuesFound) if (isGrievanceCue(c) && !c.endsWith('.again')) return false;
  RU_ASIDE.lastIndex = 0;
  return RU_ASIDE.test(text);
}
