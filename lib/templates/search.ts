/**
 * Finds templates as the agent types: `/ref` looks at short codes first, plain words look at
 * short code, title, tags and every wording. Matching is case- and width-insensitive (NFKC +
 * lower case) and substring based, so Cyrillic and Chinese queries work without word splitting.
 * Every query word must match somewhere; the score says where.
 */
import type { Template } from '../schemas/templates';

export interface TemplateHit {
  template: Template;
  score: number;
}

const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase();

const SCORE = {
  codeExact: 100,
  codePrefix: 80,
  titlePrefix: 60,
  titleWordPrefix: 50,
  titleContains: 40,
  tag: 30,
  codeContains: 25,
  body: 15,
} as const;

function wordScore(word: string, code: string, title: string, tags: string[], bodies: string): number {
  if (code === word) return SCORE.codeExact;
  if (code.startsWith(word)) return SCORE.codePrefix;
  if (title.startsWith(word)) return SCORE.titlePrefix;
  if (title.split(/[\s\p{P}]+/u).some((w) => w !== '' && w.startsWith(word))) return SCORE.titleWordPrefix;
  if (title.includes(word)) return SCORE.titleContains;
  if (tags.some((tag) => tag.startsWith(word))) return SCORE.tag;
  if (code.includes(word)) return SCORE.codeContains;
  if (bodies.includes(word)) return SCORE.body;
  return 0;
}

export function searchTemplates(templates: readonly Template[], query: string): TemplateHit[] {
  const q = fold(query).trim();
  if (q === '') {
    return [...templates]
      .sort((a, b) => b.useCount - a.useCount || a.title.localeCompare(b.title))
      .map((template) => ({ template, score: 0 }));
  }
  const codeOnly = q.startsWith('/');
  const words = (codeOnly ? q.slice(1) : q).split(/\s+/u).filter((w) => w !== '');
  const hits: TemplateHit[] = [];
  for (const template of templates) {
    const code = fold(template.shortCode).replace(/^\//u, '');
    if (codeOnly) {
      const word = words[0] ?? '';
      const score = code === word ? SCORE.codeExact : code.startsWith(word) ? SCORE.codePrefix : 0;
      if (score > 0) hits.push({ template, score });
      continue;
    }
    const title = fold(template.title);
    const tags = template.tags.map(fold);
    const bodies = fold([...template.bodies, ...(template.siteBodies.x ?? []), ...(template.siteBodies.facebook ?? [])].join('\n'));
    let total = 0;
    let all = true;
    for (const word of words) {
      const s = wordScore(word, code, title, tags, bodies);
      if (s === 0) {
        all = false;
        break;
      }
      total += s;
    }
    if (all) hits.push({ template, score: total / words.length });
  }
  // Ties: the templates the team actually uses first, then alphabetical for a stable list.
  return hits.sort(
    (a, b) => b.score - a.score || b.template.useCount - a.template.useCount || a.template.title.localeCompare(b.template.title),
  );
}
