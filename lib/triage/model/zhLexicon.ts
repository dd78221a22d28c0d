/**
 * General Chinese review words, complaint and praise, written for the complaint model (not the
 * sentiment lexicon of lib/triage/lexicon/zh.ts, which the rules also read). The words are about
 * any product or service ("失望", "退货", "不值", "满意", "推荐"), so they carry to review domains the
 * training file lacks, where the n-grams of its ten categories (hotels, fruit, shampoo…) do not.
 * A word right after a negator counts for the other side ("不满意", "不太推荐", "不慢").
 */

/** Complaint side. */
const COMPLAINT_WORDS = [
  '差评', '失望', '垃圾', '退货', '退款', '退了', '不值', '后悔', '态度差', '态度不好', '态度恶劣', '太慢', '很慢', '慢', '破损', '损坏', '坏了', '坏', '破',
  '质量差', '质量不好', '太差', '很差', '差劲', '最差', '差', '糟糕', '恶心', '难用', '难吃', '难看', '难闻', '假货', '假的', '不满意', '不推荐', '别买',
  '不要买', '上当', '被骗', '骗人', '骗', '坑人', '坑', '投诉', '郁闷', '生气', '无语', '气死', '不行', '不好用', '不好', '不能用', '用不了', '毛病', '故障',
  '少了', '发错', '不符', '不一样', '太贵', '贵', '不划算', '浪费', '烂', '脏', '臭', '异味', '吵', '旧', '漏', '一般般', '一般', '凑合', '勉强', '不会再',
  '再也不', '最后一次', '不如', '没想到', '居然', '竟然', '可惜', '遗憾', '缺点', '麻烦', '失败', '不值得', '忽悠', '敷衍', '不理', '没人管', '拖', '退',
];
/** Praise side. */
const PRAISE_WORDS = [
  '好评', '满意', '值得', '推荐', '不错', '很好', '非常好', '挺好', '超好', '喜欢', '好用', '好吃', '好看', '好闻', '划算', '实惠', '物美价廉', '性价比高',
  '正品', '很快', '快', '及时', '周到', '热情', '耐心', '干净', '舒服', '舒适', '方便', '完美', '棒', '赞', '优秀', '精美', '漂亮', '流畅', '清晰', '新鲜',
  '满分', '五星', '还会再', '下次还', '回购', '放心', '惊喜', '感谢', '谢谢', '给力', '物有所值', '超值', '值', '好', '喜爱', '开心', '不错的', '没问题',
  '靠谱', '贴心', '专业', '省心', '好评如潮', '超赞', '一流', '到位', '合适', '准时', '完好',
];

const POLARITY: ReadonlyMap<string, 1 | -1> = new Map([
  ...COMPLAINT_WORDS.map((w): [string, 1 | -1] => [w, 1]),
  ...PRAISE_WORDS.map((w): [string, 1 | -1] => [w, -1]),
]);
/** Longest first, so "不满意" wins over "满意" and "坏了" over "坏". */
const WORD_RE = new RegExp([...POLARITY.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');
/** A negator, perhaps with a softener between ("不太", "没那么"), just before a word. */
const NEGATED_BEFORE = /(?:没有|不|没|别|无|未)[很太那么是够]?$/;
/** Words that carry their own negator ("不好", "不错") are never flipped again. */
const OWN_NEGATOR = /^[不没别无未]/;

export interface ZhLexiconHits {
  complaint: (readonly [number, number])[];
  praise: (readonly [number, number])[];
}

/** Spans [start, end) of complaint and praise words in lower-cased text. */
export function zhLexiconHits(text: string): ZhLexiconHits {
  const out: ZhLexiconHits = { complaint: [], praise: [] };
  WORD_RE.lastIndex = 0;
  for (const m of text.matchAll(WORD_RE)) {
    let p = POLARITY.get(m[0]) ?? 1;
    if (!OWN_NEGATOR.test(m[0]) && NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index))) p = p === 1 ? -1 : 1;
    (p === 1 ? out.complaint : out.praise).push([m.index, m.index + m[0].length]);
  }
  return out;
}
