/**
 * Brand profile editor. Term lists are typed one per line or comma-separated; the first-time view
 * explains each field with an example so set-up takes a couple of minutes.
 */
import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import { useSettings } from '@/lib/db/views/records';
import { BrandProfileSchema, DEFAULT_BUSINESS_HOURS, type BrandProfile } from '@/lib/schemas/settings';
import { TriageSettings, triageDraftOf, triageFieldsOf } from './brand/TriageSettings';
import { BusinessHoursEditor } from './brand/BusinessHoursEditor';
import { parseTimeZone } from '@/lib/time/timeZones';

type ListField = 'handles' | 'names' | 'products' | 'hashtags' | 'misspellings' | 'exclusions';
const LIST_FIELDS: ListField[] = ['handles', 'names', 'products', 'hashtags', 'misspellings', 'exclusions'];

/** Splits a typed list; strips the @/# people type out of habit (normalised again by the matcher). */
export function splitTerms(value: string, field: ListField): string[] {
  const items = value.split(/[\n,，、]+/).map((s) => s.trim()).filter(Boolean);
  const cleaned = field === 'handles' ? items.map((s) => s.replace(/^[@＠]/, '')) : field === 'hashtags' ? items.map((s) => s.replace(/^[#＃]/, '')) : items;
  return [...new Set(cleaned)];
}

export function BrandForm({ initial, firstTime, onDone }: { initial?: BrandProfile; firstTime: boolean; onDone: () => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  // First run asks the agent's own name too: without it every agent's log says "agent" and the
  // lead's Review page merges them. Editable later in Settings.
  const settings = useSettings();
  const [agentName, setAgentName] = useState<string | undefined>();
  const [lists, setLists] = useState<Record<ListField, string>>(() => {
    const join = (f: ListField) => (initial?.[f] ?? []).join('\n');
    return { handles: join('handles'), names: join('names'), products: join('products'), hashtags: join('hashtags'), misspellings: join('misspellings'), exclusions: join('exclusions') };
  });
  const [autoQueue, setAutoQueue] = useState(initial?.autoQueue ?? true);
  const [threadMentions, setThreadMentions] = useState(initial?.threadMentions ?? true);
  const [supportEmail, setSupportEmail] = useState(initial?.supportEmail ?? '');
  const [target, setTarget] = useState(String(initial?.firstResponseTargetMinutes ?? 60));
  const [timeZone, setTimeZone] = useState(initial?.businessHours.timeZone ?? parseTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC');
  const [hours, setHours] = useState(initial?.businessHours ?? DEFAULT_BUSINESS_HOURS);
  const [error, setError] = useState<string | undefined>();
  const [triage, setTriage] = useState(() => triageDraftOf(initial));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const now = Date.now();
    const zone = parseTimeZone(timeZone);
    if (!zone) {
      setError(i18n.t('hours.badZone', [timeZone.trim()]));
      return;
    }
    const parsed = BrandProfileSchema.safeParse({
      ...initial,
      id: initial?.id ?? crypto.randomUUID(),
      name,
      ...Object.fromEntries(LIST_FIELDS.map((f) => [f, splitTerms(lists[f], f)])),
      autoQueue,
      threadMentions,
      supportEmail,
      firstResponseTargetMinutes: Number(target),
      businessHours: { ...hours, timeZone: zone },
      ...triageFieldsOf(triage),
      createdAt: initial?.createdAt ?? now,
      updatedAt: now,
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    if (parsed.data.handles.length + parsed.data.names.length + parsed.data.hashtags.length + parsed.data.products.length === 0) {
      setError(i18n.t('brands.needTerm'));
      return;
    }
    const me = (agentName ?? '').trim();
    if (firstTime && me) await sendMessage('settingsSave', { agentName: me.slice(0, 120) });
    await sendMessage('brandSave', parsed.data);
    onDone();
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={i18n.t('brands.formLabel')}>
      {firstTime && (
        <div className="intro">
          <h2>{i18n.t('brands.introTitle')}</h2>
          <p>{i18n.t('brands.introBody')}</p>
        </div>
      )}
      {firstTime && (
        <label className="field">
          <span>{i18n.t('brands.agentName')}</span>
          <input value={agentName ?? settings?.agentName ?? ''} onChange={(e) => setAgentName(e.target.value)} maxLength={120} autoComplete="name" aria-describedby="agent-name-hint" />
          <small id="agent-name-hint" className="muted">{i18n.t('brands.agentNameHint')}</small>
        </label>
      )}
      <label className="field">
        <span>{i18n.t('brands.name')}</span>
        <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="Acme" />
      </label>
      {LIST_FIELDS.map((f) => (
        <label key={f} className="field">
          <span>{i18n.t(`brands.field.${f}`)}</span>
          <textarea rows={2} value={lists[f]} onChange={(e) => setLists({ ...lists, [f]: e.target.value })} placeholder={i18n.t(`brands.example.${f}`)} />
        </label>
      ))}
      <label className="field inline">
        <input type="checkbox" checked={autoQueue} onChange={(e) => setAutoQueue(e.target.checked)} />
        <span>{i18n.t('brands.autoQueue')}</span>
      </label>
      <label className="field inline">
        <input type="checkbox" checked={threadMentions} onChange={(e) => setThreadMentions(e.target.checked)} />
        <span>{i18n.t('brands.threadMentions')}</span>
      </label>
      <label className="field">
        <span>{i18n.t('brands.supportEmail')}</span>
        <input type="email" value={supportEmail} onChange={(e) => setSupportEmail(e.target.value)} placeholder="help@acme.example" />
      </label>
      <label className="field">
        <span>{i18n.t('brands.target')}</span>
        <input type="number" min={1} value={target} onChange={(e) => setTarget(e.target.value)} />
      </label>
      <BusinessHoursEditor value={hours} onChange={setHours} zoneText={timeZone} onZoneText={setTimeZone} />
      <TriageSettings draft={triage} onChange={setTriage} brandId={initial?.id} />
      {error && <p className="banner error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('common.save')}</button>
        {!firstTime && <button type="button" onClick={onDone}>{i18n.t('common.cancel')}</button>}
      </div>
    </form>
  );
}
