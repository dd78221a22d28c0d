import { benchReviewBrowser } from './review';
const r = await benchReviewBrowser({ log: (l) => console.log(l) });
console.log(JSON.stringify(r, null, 2));
