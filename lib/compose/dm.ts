/**
 * "Acknowledge publicly, resolve privately": a short snippet that moves the conversation to DMs,
 * in the language the customer wrote in. These are reply texts for customers (not UI strings),
 * so they follow the post's language, not the agent's browser locale. Each names the DM channel
 * in words the tone check recognises, so asking for details afterwards is not flagged as public.
 */
import type { Site } from '../schemas/primitives';
import type { ReplyLanguage } from '../tone/language';

const SNIPPETS: Record<Exclude<ReplyLanguage, 'other'>, Record<Site, string>> = {
  en: {
    x: "We'd like to sort this out for you: please send us a DM with the details and we'll take it from there.",
    facebook: "We'd like to sort this out for you: please send us a private message with the details and we'll take it from there.",
  },
  ru: {
    x: 'Хотим помочь разобраться: пожалуйста, напишите нам в личные сообщения, и мы всё решим.',
    facebook: 'Хотим помочь разобраться: пожалуйста, напишите нам в личные сообщения, и мы всё решим.',
  },
  zh: {
    x: '我们想尽快帮您解决：请私信我们具体情况，我们会跟进处理。',
    facebook: '我们想尽快帮您解决：请私信我们具体情况，我们会跟进处理。',
  },
};

export function dmSnippet(language: ReplyLanguage, site: Site): string {
  return SNIPPETS[language === 'other' ? 'en' : language][site];
}
