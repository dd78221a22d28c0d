/** The demo's X timeline and Facebook page: realistic customer posts about the demo brand. */
import { fbPage } from './fbPage';
import { xPage, type FakeTweet } from './xPage';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

export const DEMO_TWEETS: FakeTweet[] = [
  { id: '1860000000000000001', handle: 'jane_doe_hikes', name: 'Jane Doe', text: '@AcmeHelp my Trailblazer 2 order #10419 still hasn\'t arrived and nobody answers. Worst week. #refund', createdAt: hoursAgo(3), replies: 2 },
  { id: '1860000000000000002', handle: 'trailmix_tom', name: 'Tom Reyes', text: 'Does the @acmeoutdoor Summit tent fit two people with packs inside?', createdAt: hoursAgo(1) },
  { id: '1860000000000000003', handle: 'ivan_petrov', name: 'Иван Петров', text: '@AcmeHelp заказ №10388 так и не пришёл, уже две недели жду. Это ужасно.', createdAt: hoursAgo(26) },
  { id: '1860000000000000004', handle: 'happycamper', name: 'Mia', text: 'Just summited with my Acme Outdoor boots — not a single blister. Thank you @acmeoutdoor! 🏔️', createdAt: hoursAgo(5) },
  { id: '1860000000000000005', handle: 'crypto_gains_4u', name: 'FREE AIRDROP', text: '🚀 Follow back + RT to WIN 1000 USDT!! @acmeoutdoor @nike @adidas @puma @rei #giveaway #airdrop', createdAt: hoursAgo(2) },
  { id: '1860000000000000006', handle: 'random_person', name: 'Alex', text: 'The view from the ridge today was the acme of perfection.', createdAt: hoursAgo(4) },
  { id: '1860000000000000007', handle: 'li_wei_cn', name: '李伟', text: '@AcmeHelp 我买的艾克米帐篷杆断了，怎么退货？', createdAt: hoursAgo(8) },
  { id: '1860000000000000008', handle: 'owen_walks', name: 'Owen Price', text: 'Is the @acmeoutdoor Trailblazer 2 waterproof enough for Scotland in October? Asking before I order.', createdAt: hoursAgo(6) },
  { id: '1860000000000000009', handle: 'AcmeHelp', name: 'Acme Help', text: '@jane_doe_hikes so sorry Jane — DM us and we will sort it today.', createdAt: hoursAgo(0.5) },
  { id: '1860000000000000011', handle: 'sam_on_trail', name: 'Sam K', text: 'still no reply to my DM from Tuesday, my tent pole snapped on day one', createdAt: hoursAgo(2.5), replyTo: ['AcmeHelp'] },
  { id: '1860000000000000010', handle: 'news_daily', name: 'Daily News', text: 'Weather warning for the weekend: heavy rain across the north.', createdAt: hoursAgo(1) },
];

export function demoPages(): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set('/home', xPage(DEMO_TWEETS));
  pages.set(
    '/acmeoutdoor',
    fbPage(
      [
        {
          id: '1122334455',
          page: 'acmeoutdoor',
          author: 'Acme Outdoor',
          text: 'New season, new colours: the Summit tent now comes in forest green. What colour should we do next?',
          createdAt: hoursAgo(20),
          comments: [
            { id: '90001', author: 'Priya Shah', profile: 'priya.shah', text: 'Love it! But my order from last month still shows "processing" — can someone at Acme check? Order 10501', age: '3h' },
            { id: '90002', author: '李伟', profile: 'liwei.cn', text: '艾克米的帐篷很好，但是客服一直不回复，太失望了', age: '5h' },
            { id: '90003', author: 'Marco', profile: 'marco.b', text: 'Orange please!', age: '6h' },
          ],
        },
        {
          id: '1122334466',
          page: 'acmeoutdoor',
          author: 'Acme Outdoor',
          text: 'Our repair service is open all summer — bring your worn gear to any Acme store.',
          createdAt: hoursAgo(48),
          comments: [{ id: '90004', author: 'Ольга', profile: 'olga.k', text: 'Acme, почему ремонт стоит так дорого? Это же гарантийный случай!', age: '1d' }],
        },
      ],
      'Acme Outdoor | Facebook',
    ),
  );
  return pages;
}
