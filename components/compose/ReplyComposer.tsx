/**
 * The reply composer for the open queue item. Templates (suggested for this post first, `/code`
 * search, stacking, rotation among wordings) render with what we know about the customer, post,
 * agent and brand; any gap is asked for inline and blocks insertion. The final text stays
 * editable; length and tone are checked as the agent writes, and the brand's blocking checks
 * stop insertion. "Insert" writes into the site's own reply box (the agent still presses Reply).
 */
import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import {
  buildTemplateContext,
  dmSnippet,
  insertionGate,
  previousReplies,
  rankSuggestions,
  renderStack,
  visibleTemplates,
  withOverrides,
  type Snippet,
} from '@/lib/compose';
import { sendMessage } from '@/lib/messages';
import type { QueueItem } from '@/lib/schemas/queue';
import type { InsertResult } from '@/lib/schemas/replies';
import type { Template, ToneFinding } from '@/lib/schemas/templates';
import { pickVariant } from '@/lib/templates/render';
import { stackSnippets } from '@/lib/templates/stack';
import { lengthBudget } from '@/lib/templates/length';
import { checkTone } from '@/lib/tone/checks';
import { detectLanguage } from '@/lib/tone/language';
import { AnsweredNote } from './AnsweredNote';
import { FindingList } from '../tone/FindingList';
import { BlanksForm } from './BlanksForm';
import { BlockerList } from './BlockerList';
import { DraftEditor } from './DraftEditor';
import { InsertStatus } from './InsertStatus';
import { LengthMeter } from './LengthMeter';
import { SnippetList } from './SnippetList';
import { TemplatePicker } from './TemplatePicker';
import { ToneNotesAside } from './ToneNotesAside';
import { useComposerData } from './useComposerData';
import { useDebounced } from './useDebounced';
import { count, plural } from '@/lib/i18n/ui';

/** Snippets that are not stored templates: the agent's own words and the DM line. */
const OWN = '~own';
const DM = '~dm';
const pseudo = (id: string, text: string): Snippet => ({ template: { id, shortCode: id === DM ? 'dm' : '…', bodies: [text], siteBodies: {} }, variantIndex: 0 });
const isPseudo = (s: Snippet): boolean => s.template.id.startsWith('~');

const TONE_DEBOUNCE_MS = 250;

async function copyHere(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ReplyComposer({ item, focusNow = false, onFocused }: { item: QueueItem; focusNow?: boolean; onFocused?: () => void }) {
  const data = useComposerData(item);
  const { settings, post, brand, customer } = data;
  const agentName = settings?.agentName ?? '';
  const site = item.site;

  const [snippets, setSnippets] = useState<Snippet[]>([]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InsertResult | undefined>();

  const templates = useMemo(() => visibleTemplates(data.templates ?? [], item.brandId, agentName), [data.templates, item.brandId, agentName]);
  const suggestions = useMemo(() => rankSuggestions(templates, item, post?.text ?? ''), [templates, item, post?.text]);
  const context = useMemo(() => buildTemplateContext({ post, customer, agentName, brand }), [post, customer, agentName, brand]);

  const templateMode = snippets.length > 0;
  // Variables the data lacks are listed from the render WITHOUT the agent's values, so their
  // inputs stay on screen while being typed into.
  const needsValue = useMemo(() => renderStack(snippets, site, context, answers).missing, [snippets, site, context, answers]);
  const render = useMemo(() => renderStack(snippets, site, withOverrides(context, values), answers), [snippets, site, context, values, answers]);

  useEffect(() => {
    if (templateMode && render.ok) setDraft(render.text);
  }, [templateMode, render.ok, render.text]);

  const text = templateMode && !render.ok ? render.preview : draft;
  const readOnly = templateMode && !render.ok;

  const toneOptions = useMemo(() => {
    if (!brand) return undefined;
    return {
      rules: brand.toneRules,
      postIsComplaint: item.complaint,
      previousReplies: previousReplies(data.history),
      author: post ? post.authorHandle || post.authorName : '',
      repetition: { since: data.since },
    };
  }, [brand, item.complaint, data.history, post, data.since]);
  const tone = (t: string): ToneFinding[] => {
    if (!toneOptions || t.trim() === '') return [];
    const language = detectLanguage(t);
    return checkTone(t, { ...toneOptions, language: language === 'other' ? undefined : language, now: Date.now() });
  };
  const settled = useDebounced(text, TONE_DEBOUNCE_MS);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `tone` only reads toneOptions
  const findings = useMemo(() => tone(settled), [settled, toneOptions]);

  const budget = lengthBudget(text, site, { premium: settings?.xPremium ?? false, facebookLimit: brand?.facebookCommentLimit });
  const gate = insertionGate({ text, render: templateMode ? render : undefined, findings });

  const addSnippets = (next: Snippet[]) => {
    // The agent's own words come along when they start using templates after typing.
    const lead = !templateMode && draft.trim() !== '' ? [pseudo(OWN, draft)] : [];
    setSnippets((s) => [...s, ...lead, ...next]);
    setResult(undefined);
  };
  const pick = (t: Template) => addSnippets([{ template: t, variantIndex: pickVariant(t, site, item.key).index }]);
  const addDm = () => {
    const line = dmSnippet(detectLanguage(post?.text ?? ''), site);
    if (templateMode) addSnippets([pseudo(DM, line)]);
    else setDraft((d) => stackSnippets([d, line]));
  };
  const clear = () => {
    setSnippets([]);
    setAnswers({});
    setValues({});
    setDraft('');
    setResult(undefined);
  };

  const insert = async () => {
    // Check the text exactly as it is now, not the debounced findings.
    const now = insertionGate({ text, render: templateMode ? render : undefined, findings: tone(text) });
    if (!now.allowed) return;
    setBusy(true);
    try {
      const ids = snippets.filter((s) => !isPseudo(s)).map((s) => s.template.id);
      let answer = await sendMessage('replyInsert', {
        key: item.key,
        text,
        templateId: ids[0],
        renderedText: ids.length > 0 ? render.text : undefined,
        toneWarningsOverridden: now.overrides,
      });
      // No tab took it: the panel can still put the reply on the clipboard itself.
      if (!answer.ok && !answer.copied && (answer.reason === 'noTab' || answer.reason === 'noPost')) {
        answer = { ...answer, fallback: 'clipboard', copied: await copyHere(text) };
      }
      setResult(answer);
      if ((answer.ok || answer.copied) && ids.length > 0) void sendMessage('templateUsed', { ids });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="reply-composer">
      <AnsweredNote item={item} />
      <div className="composer-grid">
        <div className="composer-main">
          <TemplatePicker templates={templates} suggestions={suggestions} onPick={pick} />
          <SnippetList
            snippets={snippets}
            site={site}
            onNextWording={(i) => setSnippets((s) => s.map((x, n) => (n === i ? { ...x, variantIndex: x.variantIndex + 1 } : x)))}
            onRemove={(i) => setSnippets((s) => s.filter((_, n) => n !== i))}
          />
          <BlanksForm
            missing={needsValue}
            prompts={render.prompts}
            values={values}
            answers={answers}
            onValue={(v, value) => setValues((x) => ({ ...x, [v]: value }))}
            onAnswer={(label, value) => setAnswers((x) => ({ ...x, [label]: value }))}
          />
          <DraftEditor value={text} findings={settled === text ? findings : []} readOnly={readOnly} onChange={(t) => { setDraft(t); setResult(undefined); }} focusNow={focusNow} onFocused={onFocused} />
          {readOnly && <p className="muted">{i18n.t('compose.previewHint')}</p>}
          <LengthMeter budget={budget} site={site} premium={settings?.xPremium ?? false} />
          <div className="actions">
            <button type="button" onClick={addDm} title={i18n.t('compose.dmHint')}>
              {i18n.t('compose.dm')}
            </button>
            {(templateMode || draft !== '') && (
              <button type="button" className="link" onClick={clear}>
                {i18n.t('compose.clear')}
              </button>
            )}
          </div>
          <FindingList text={settled} findings={findings} />
          <BlockerList blockers={gate.blockers} />
          {gate.allowed && gate.overrides > 0 && <p className="muted" data-tone-overrides={gate.overrides}>{plural(i18n.t('compose.overrides', [count(gate.overrides)]), gate.overrides)}</p>}
          <div className="actions">
            <button type="button" className="primary" disabled={busy || !gate.allowed} onClick={() => void insert()}>
              {busy ? i18n.t('reply.inserting') : i18n.t('reply.insert')}
            </button>
          </div>
          {result && <InsertStatus result={result} />}
        </div>
        <ToneNotesAside notes={data.notes ?? []} agentName={agentName} />
      </div>
    </section>
  );
}
