import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { facebookAdapter } from '/work/main/lib/sites/facebook';
import { xAdapter } from '/work/main/lib/sites/x';
const [file, site] = process.argv.slice(2);
const w = new Window({ url: site === 'x' ? 'https://x.com/home' : 'https://www.facebook.com/' });
let raw = readFileSync(file!, 'utf8').replace(/<!--([^>]*?)-- >/g, '<!--$1-->');
if (raw.startsWith('"')) raw = JSON.parse(raw);
w.document.body.innerHTML = raw;
const a = site === 'x' ? xAdapter : facebookAdapter;
for (const el of a.findPostElements(w.document.body)) { const r = a.extract(el, 1700000000000); console.log(JSON.stringify(r.ok ? {...r.post, text: r.post.text.slice(0,150)} : r)); }
