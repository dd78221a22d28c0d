/**
 * Requests for private details. Each pattern must be phrased as asking for the customer's own
 * detail ("your email", "ваш телефон", "订单号"), not a mention of ours ("email us at …").
 * Cards only count when the card's details are asked for ("your card number", "send us your card",
 * "CVV"): "we have refunded £24.99 to your card" names the card and asks for nothing.
 * Keys are the `detail` param of the finding.
 */
export const PRIVATE_DETAIL_PATTERNS: ReadonlyArray<{ detail: string; source: string; cjk?: boolean }> = [
  { detail: 'email', source: String.raw`(?:your|ur)\s+(?:e-?mail(?:\s+address)?|email\s+address)` },
  { detail: 'phone', source: String.raw`(?:your|ur)\s+(?:(?:phone|mobile|cell|contact)(?:\s+number)?|number)` },
  { detail: 'order', source: String.raw`(?:your|ur|the)\s+order\s+(?:number|no\.?|#|id|reference)` },
  { detail: 'address', source: String.raw`(?:your|ur)\s+(?:(?:home|shipping|billing|delivery|postal)\s+)?address` },
  { detail: 'card', source: String.raw`(?:(?:your|ur|the)\s+)?(?:(?:credit|debit|bank)\s+)?card\s+(?:number|no\.?|details|info(?:rmation)?|expiry(?:\s+date)?)|(?:digits|numbers)\s+(?:of|on)\s+(?:your|ur|the)\s+card|cvv2?|cvc` },
  { detail: 'card', source: String.raw`(?:send|share|give|tell|provide|confirm|post|enter|type)\s+(?:us\s+|me\s+)?(?:your|ur)\s+(?:(?:credit|debit|bank)\s+)?card` },
  { detail: 'account', source: String.raw`(?:your|ur)\s+(?:account\s+number|password|date\s+of\s+birth)` },
  { detail: 'email', source: String.raw`(?:ваш|вашу|вашей|ваше|свой|свою|своей)\s+(?:e-?mail|имейл|почт\p{L}*|электронн\p{L}*\s+почт\p{L}*)` },
  { detail: 'phone', source: String.raw`(?:ваш|вашего|свой|своего)\s+(?:номер\s+)?телефон\p{L}*|номер\p{L}*\s+(?:вашего\s+)?телефон\p{L}*` },
  { detail: 'order', source: String.raw`номер\p{L}*\s+(?:вашего\s+)?заказ\p{L}*` },
  { detail: 'address', source: String.raw`(?:ваш|свой)\s+адрес\p{L}*|адрес\p{L}*\s+доставки` },
  { detail: 'card', source: String.raw`(?:номер|данны|реквизит|срок\p{L}*\s+действия)\p{L}*\s+(?:вашей\s+|своей\s+)?(?:банковской\s+)?карт\p{L}*|cvv2?|cvc` },
  { detail: 'card', source: String.raw`(?:пришлите|отправьте|напишите|укажите|сообщите|назовите|продиктуйте)\s+(?:нам\s+)?(?:вашу|свою)\s+(?:банковскую\s+)?карт\p{L}*` },
  { detail: 'email', source: '(?:邮箱(?:地址)?|电子邮件(?:地址)?)', cjk: true },
  { detail: 'phone', source: '(?:手机号码?|电话号码|联系电话|手机号)', cjk: true },
  { detail: 'order', source: '(?:订单号|订单编号)', cjk: true },
  { detail: 'address', source: '(?:收货地址|家庭住址|详细地址)', cjk: true },
  { detail: 'card', source: '(?:银行卡号|信用卡号|卡号|卡的?(?:安全码|有效期)|CVV)', cjk: true },
];
