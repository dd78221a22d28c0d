/**
 * Demo data so anyone can try Replyline without an account: one brand, a few customers who also
 * appear in the demo pages, and a handful of shared templates. Loaded on request from Settings.
 */
import { CustomerSchema, type Customer } from '../schemas/customers';
import { BrandProfileSchema, type BrandProfile } from '../schemas/settings';
import { TemplateSchema, ToneNoteSchema, type Template, type ToneNote } from '../schemas/templates';

export const DEMO_BRAND_ID = 'demo-acme';

export interface DemoData {
  brand: BrandProfile;
  customers: Customer[];
  templates: Template[];
  toneNotes: ToneNote[];
}

export function demoData(now: number): DemoData {
  const brand = BrandProfileSchema.parse({
    id: DEMO_BRAND_ID,
    name: 'Acme Outdoor',
    handles: ['acmeoutdoor', 'AcmeHelp'],
    names: ['Acme Outdoor', 'Acme', 'Акме', '艾克米'],
    products: ['Trailblazer 2', 'Summit tent'],
    hashtags: ['acme', 'acmeoutdoor'],
    misspellings: ['acme outdors', 'akme'],
    exclusions: ['acme of perfection', 'acme of his career'],
    autoQueue: true,
    supportEmail: 'help@acme-outdoor.example',
    firstResponseTargetMinutes: 60,
    businessHours: {
      timeZone: 'Europe/London',
      week: [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '12:30' }, { start: '13:30', end: '18:00' }]), []],
    },
    toneRules: {
      enabled: ['bannedPhrases', 'overPromising', 'greeting', 'emoji', 'empathy', 'privateDetails', 'repetition'],
      blocking: ['privateDetails'],
      bannedPhrases: ['unfortunately', 'as per our policy'],
      bannedGreetings: ['Dear'],
      signOff: '',
    },
    createdAt: now,
    updatedAt: now,
  });
  const customer = (c: Partial<Customer> & { id: string; name: string }) =>
    CustomerSchema.parse({ source: 'demo', createdAt: now, updatedAt: now, ...c });
  const customers = [
    customer({ id: 'demo-c1', name: 'Jane Doe', email: 'jane@example.com', xHandle: 'jane_doe_hikes', nameKey: 'jane doe', orderCount: 2, totalSpent: 389.5, currency: 'GBP', orderNumbers: ['10023', '10419'], tags: ['vip'], notes: 'Tent pole replaced in March.' }),
    customer({ id: 'demo-c2', name: 'Иван Петров', email: 'ivan@example.ru', xHandle: 'ivan_petrov', nameKey: 'иван петров', orderCount: 1, totalSpent: 120, currency: 'EUR', orderNumbers: ['10388'] }),
    customer({ id: 'demo-c3', name: '李伟', email: 'liwei@example.cn', facebookName: '李伟', nameKey: '李伟', orderCount: 3, totalSpent: 560, currency: 'CNY', orderNumbers: ['10102', '10240', '10501'] }),
  ];
  const template = (t: Partial<Template> & { id: string; shortCode: string; title: string; bodies: string[] }) =>
    TemplateSchema.parse({ scope: 'shared', brandId: DEMO_BRAND_ID, createdAt: now, updatedAt: now, ...t });
  const templates = [
    template({
      id: 'demo-t1',
      shortCode: 'late',
      title: 'Order running late',
      bodies: [
        'Hi {{customer.first_name || "there"}}, sorry your order is late. Could you DM us the order number so we can chase it today? – {{agent.name}}',
        'Hi {{customer.first_name || "there"}}, thanks for flagging this. Please send us a DM with your order number and we will track it down. – {{agent.name}}',
      ],
    }),
    template({
      id: 'demo-t2',
      shortCode: 'thanks',
      title: 'Thank you',
      bodies: ['Thanks so much, {{customer.first_name || post.author_name || "friend"}}! Happy trails from the Acme team.'],
    }),
    template({
      id: 'demo-t3',
      shortCode: 'broken',
      title: 'Faulty product',
      bodies: ['Hi {{customer.first_name || "there"}}, that should not happen. {{?what we will do}} Please DM us your order number. – {{agent.name}}'],
    }),
    template({
      id: 'demo-t4',
      shortCode: 'ru-late',
      title: 'Заказ задерживается',
      bodies: ['Здравствуйте, {{customer.first_name || "друг"}}! Извините за задержку. Напишите нам в ЛС номер заказа, и мы всё проверим. – {{agent.name}}'],
    }),
    template({
      id: 'demo-t5',
      shortCode: 'zh-late',
      title: '订单延迟',
      bodies: ['{{customer.first_name || "您"}}好，很抱歉订单延误了。请私信我们订单号，我们马上为您查询。– {{agent.name}}'],
    }),
  ];
  const toneNotes = [
    ToneNoteSchema.parse({ id: 'demo-n1', brandId: DEMO_BRAND_ID, text: 'We say sorry once, then fix.', createdAt: now }),
    ToneNoteSchema.parse({ id: 'demo-n2', brandId: DEMO_BRAND_ID, text: "First names, no 'Dear'.", createdAt: now }),
    ToneNoteSchema.parse({ id: 'demo-n3', brandId: DEMO_BRAND_ID, text: 'No emoji in complaints.', createdAt: now }),
  ];
  return { brand, customers, templates, toneNotes };
}
