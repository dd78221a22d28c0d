/** Chinese phrase lists. Chinese has no spaces, so these match as plain substrings. */
export const ZH = {
  overPromising: ['保证', '一定', '绝对', '肯定会', '百分之百', '100%', '承诺', '今天一定', '再也不会', '永远不会'],
  apology: ['抱歉', '对不起', '不好意思', '致歉', '道歉', '深表歉意', '很遗憾'],
  empathy: ['理解', '明白您', '感谢您的耐心', '感谢耐心', '给您带来不便', '带来的不便', '让您失望', '辛苦了', '感谢您的反馈', '感谢反馈'],
  greetings: ['您好', '你好', '亲爱的', '嗨', '早上好', '晚上好'],
  dm: ['私信', '私聊', '站内信', '私下联系', '私讯', '私密消息'],
} as const;
