/**
 * The starter set a new shop gets with its first brand, in the panel's language: an apology with a
 * next step, "where is my order", refund status, thanks for praise, and moving to DMs. Each asks
 * for private details only by DM and promises nothing, so it passes the default tone rules
 * (tests/unit/templates/starter.test.ts). Ordinary shared templates: editable and removable.
 */
import { TemplateSchema, type Template } from '../schemas/templates';

export type StarterLanguage = 'en' | 'ru' | 'zh';
export type StarterKind = 'sorry' | 'where' | 'refund' | 'thanks' | 'dm';

interface Starter {
  kind: StarterKind;
  title: string;
  body: string;
  /** Whether it answers a complaint (the empathy check then wants an apology). */
  complaint: boolean;
}

const EN: readonly Starter[] = [
  { kind: 'sorry', title: 'Apology with a next step', complaint: true, body: 'Hi {{customer.first_name || "there"}}, I’m sorry about this — it’s not the experience we want for you. {{?What we will do next}} Could you DM us your order number so we can sort it out? – {{agent.name}}' },
  { kind: 'where', title: 'Where is my order?', complaint: true, body: 'Hi {{customer.first_name || "there"}}, sorry for the wait. Please DM us your order number and we’ll check where your parcel is. – {{agent.name}}' },
  { kind: 'refund', title: 'Refund status', complaint: true, body: 'Hi {{customer.first_name || "there"}}, sorry for the wait and thanks for your patience. Please DM us your order number and we’ll check the status of your refund. – {{agent.name}}' },
  { kind: 'thanks', title: 'Thanks for the praise', complaint: false, body: 'Thank you so much, {{customer.first_name || post.author_first_name || "friend"}}! We’re glad you enjoyed it and we’ll pass this on to the team. – {{agent.name}}' },
  { kind: 'dm', title: 'Move to DM', complaint: true, body: 'Hi {{customer.first_name || "there"}}, sorry for the trouble — we’d like to help. Please send us a direct message with your order number so we can look into it privately. – {{agent.name}}' },
];

const RU: readonly Starter[] = [
  { kind: 'sorry', title: 'Извинение и следующий шаг', complaint: true, body: 'Здравствуйте, {{customer.first_name || "друг"}}! Извините, что так вышло. {{?Что мы сделаем дальше}} Напишите нам в личные сообщения номер заказа, и мы во всём разберёмся. – {{agent.name}}' },
  { kind: 'where', title: 'Где мой заказ?', complaint: true, body: 'Здравствуйте, {{customer.first_name || "друг"}}! Извините за ожидание. Напишите нам в личные сообщения номер заказа, и мы проверим, где посылка. – {{agent.name}}' },
  { kind: 'refund', title: 'Статус возврата', complaint: true, body: 'Здравствуйте, {{customer.first_name || "друг"}}! Извините за ожидание и спасибо за терпение. Напишите нам в личные сообщения номер заказа — мы проверим статус возврата. – {{agent.name}}' },
  { kind: 'thanks', title: 'Спасибо за отзыв', complaint: false, body: 'Большое спасибо, {{customer.first_name || post.author_first_name || "друг"}}! Очень рады, что вам понравилось, — обязательно передадим команде. – {{agent.name}}' },
  { kind: 'dm', title: 'Перейти в личные сообщения', complaint: true, body: 'Здравствуйте, {{customer.first_name || "друг"}}! Извините за неудобства, мы хотим помочь. Напишите нам, пожалуйста, в личные сообщения номер заказа, чтобы мы разобрались. – {{agent.name}}' },
];

const ZH: readonly Starter[] = [
  { kind: 'sorry', title: '致歉并说明下一步', complaint: true, body: '{{customer.first_name || "您"}}好，非常抱歉给您带来不便。{{?我们下一步会做什么}}请私信我们您的订单号，我们来为您处理。—— {{agent.name}}' },
  { kind: 'where', title: '我的订单在哪里？', complaint: true, body: '{{customer.first_name || "您"}}好，抱歉让您久等了。请私信我们您的订单号，我们帮您查询包裹的位置。—— {{agent.name}}' },
  { kind: 'refund', title: '退款进度', complaint: true, body: '{{customer.first_name || "您"}}好，抱歉让您久等了，感谢您的耐心。请私信我们您的订单号，我们会查询退款进度。—— {{agent.name}}' },
  { kind: 'thanks', title: '感谢好评', complaint: false, body: '非常感谢{{customer.first_name || post.author_first_name || "您"}}的好评！很高兴您喜欢，我们会转达给团队。—— {{agent.name}}' },
  { kind: 'dm', title: '转到私信', complaint: true, body: '{{customer.first_name || "您"}}好，抱歉给您添麻烦了，我们很想帮您。请私信我们您的订单号，方便我们私下为您核实。—— {{agent.name}}' },
];

const SETS: Readonly<Record<StarterLanguage, readonly Starter[]>> = { en: EN, ru: RU, zh: ZH };

/** The panel language ("ru", "zh-CN", "en-GB" …) → the starter set to seed. */
export function starterLanguage(uiLanguage: string): StarterLanguage {
  const lang = uiLanguage.toLowerCase();
  return lang.startsWith('ru') ? 'ru' : lang.startsWith('zh') ? 'zh' : 'en';
}

export function starterSet(language: StarterLanguage): readonly Starter[] {
  return SETS[language];
}

/** The set as shared templates (every brand), ids fixed per language so a re-run changes nothing. */
export function starterTemplates(language: StarterLanguage, now: number): Template[] {
  return SETS[language].map((s) =>
    TemplateSchema.parse({
      id: `starter-${language}-${s.kind}`,
      shortCode: s.kind,
      title: s.title,
      scope: 'shared',
      bodies: [s.body],
      tags: ['starter'],
      createdAt: now,
      updatedAt: now,
    }),
  );
}
