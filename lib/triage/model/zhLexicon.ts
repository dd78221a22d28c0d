/**
 * General Chinese review words, complaint and praise, written for the complaint model (not the
 * sentiment lexicon of lib/triage/lexicon/zh.ts, which the rules also read). The words are about
 * any product or service ("失望", "退货", "不值", "满意", "推荐"), so they carry to review domains the
 * training file lacks, where the n-grams of its ten categories (hotels, fruit, shampoo…) do not.
 * A word right after a negator counts for the other side ("不满意", "不太推荐", "不慢").
 */
import { ZH_NEUTRAL_COMPOUNDS } from '../lexicon/zh';

/** Complaint side. */
const COMPLAINT_WORDS = [
  '差评', '失望', '垃圾', '退货', '退款', '退了', '不值', '后悔', '态度差', '态度不好', '态度恶劣', '太慢', '很慢', '慢', '破损', '损坏', '坏了', '坏', '破',
  '质量差', '质量不好', '太差', '很差', '差劲', '最差', '差', '糟糕', '恶心', '难用', '难吃', '难看', '难闻', '假货', '假的', '不满意', '不推荐', '别买',
  '不要买', '上当', '被骗', '骗人', '骗', '坑人', '坑', '投诉', '郁闷', '生气', '无语', '气死', '不行', '不好用', '不好', '不能用', '用不了', '毛病', '故障',
  '少了', '发错', '不符', '不一样', '太贵', '贵', '不划算', '浪费', '烂', '脏', '臭', '异味', '吵', '旧', '漏', '一般般', '一般', '凑合', '勉强', '不会再',
  '再也不', '最后一次', '不如', '没想到', '居然', '竟然', '可惜', '遗憾', '缺点', '麻烦', '失败', '不值得', '忽悠', '敷衍', '不理', '没人管', '拖', '退',
  // internet slang: "踩雷" / "避雷" (a dud, warn others off), "翻车" (went wrong), "智商税" (a rip-off)
  '踩雷', '避雷', '拔草', '翻车', '智商税', '割韭菜',
];
/** Praise side. */
const PRAISE_WORDS = [
  '好评', '满意', '值得', '推荐', '不错', '很好', '非常好', '挺好', '超好', '喜欢', '好用', '好吃', '好看', '好闻', '划算', '实惠', '物美价廉', '性价比高',
  '正品', '很快', '快', '及时', '周到', '热情', '耐心', '干净', '舒服', '舒适', '方便', '完美', '棒', '赞', '优秀', '精美', '漂亮', '流畅', '清晰', '新鲜',
  '满分', '五星', '还会再', '下次还', '回购', '放心', '惊喜', '感谢', '谢谢', '给力', '物有所值', '超值', '值', '好', '喜爱', '开心', '不错的', '没问题',
  '靠谱', '贴心', '专业', '省心', '好评如潮', '超赞', '一流', '到位', '合适', '准时', '完好',
  // internet slang: "yyds" (the best ever), "绝绝子" (amazing), "宝藏" (a find), "吹爆" (rave about)
  'yyds', '绝绝子', '宝藏', '吹爆', '种草', '必买', '无限回购',
];

/**
 * Services, delivery and food, which the training file (shops and hotels) barely covers: waiting,
 * cold, spilled, missing or wrong items, taste and portions, staff and customer service that do not
 * answer; and their praise (on time, hot, tasty, generous, friendly). Same rules as above.
 */
const SERVICE_COMPLAINT_WORDS = [
  '送得太慢', '送餐慢', '送得慢', '配送慢', '等了', '等太久', '等半天', '超时', '迟到', '晚到', '晚了', '催了', '催单', '凉了', '冷了', '不热',
  '洒了', '撒了', '漏了', '漏送', '少送', '送错', '给错', '拿错', '做错', '错了', '没送', '不新鲜', '变质', '馊', '发霉', '坏掉', '太咸', '好咸', '很咸', '偏咸',
  '太淡', '没味', '太油', '油腻', '太辣', '不好吃', '不入味', '夹生', '没熟', '糊了', '焦了', '硬邦邦', '分量少', '量少', '量太少', '太少', '吃不饱',
  '吃出', '虫子', '苍蝇', '蟑螂', '异物', '拉肚子', '吃坏', '不卫生', '不干净', '服务差', '服务不好', '不耐烦', '爱答不理', '凶', '骂', '挂电话',
  '不接电话', '没人接', '没人回', '不回复', '推脱', '推卸', '踢皮球', '一问三不知', '不给退', '拒绝退', '乱收费', '收费高', '坑爹', '黑店', '恶劣', '不专业',
  '不负责', '不靠谱', '没诚信', '欺骗', '虚假', '隔音差', '设施陈旧', '卡顿', '闪退', '扣费', '不到位',
];
const SERVICE_PRAISE_WORDS = [
  '美味', '味道好', '味道不错', '很香', '好香', '好喝', '分量足', '量足', '量大', '按时', '送餐快', '送得快', '送货快', '神速', '迅速',
  '热乎', '还热', '礼貌', '客气', '态度好', '态度很好', '服务好', '服务很好', '服务周到', '辛苦了', '点赞', '很棒', '真棒', '还会再来', '会再来', '回头客',
  '经常点', '一直点', '必点', '很卫生', '干净卫生', '安静', '宽敞', '便宜', '稳定', '顺畅', '及时回复', '解决了', '很负责', '认真', '细心',
];

const POLARITY: ReadonlyMap<string, 1 | -1 | 0> = new Map([
  ...[...COMPLAINT_WORDS, ...SERVICE_COMPLAINT_WORDS].map((w): [string, 1 | -1 | 0] => [w, 1]),
  ...[...PRAISE_WORDS, ...SERVICE_PRAISE_WORDS].map((w): [string, 1 | -1 | 0] => [w, -1]),
  // Compounds that mean neither ("快递" is no "快"): matched first, then skipped.
  ...ZH_NEUTRAL_COMPOUNDS.map((w): [string, 1 | -1 | 0] => [w, 0]),
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
    if (p === 0) continue;
    if (!OWN_NEGATOR.test(m[0]) && NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index))) p = p === 1 ? -1 : 1;
    (p === 1 ? out.complaint : out.praise).push([m.index, m.index + m[0].length]);
  }
  return out;
}
