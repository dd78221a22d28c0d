/** Live length of the RENDERED reply against the site's limit (X weighted, Facebook per brand). */
import { i18n } from '#i18n';
import { count } from '@/lib/i18n/ui';
import { sendMessage } from '@/lib/messages';
import type { Site } from '@/lib/schemas/primitives';
import type { LengthBudget } from '@/lib/schemas/templates';

export function LengthMeter({ budget, site, premium }: { budget: LengthBudget; site: Site; premium: boolean }) {
  return (
    <div className="length-meter">
      <span
        className={budget.over ? 'length over' : 'length'}
        data-length-used={budget.used}
        data-length-limit={budget.limit}
        data-length-over={budget.over ? 'true' : 'false'}
        aria-live="polite"
      >
        {i18n.t('compose.length')}: {i18n.t('compose.lengthCount', [count(budget.used), count(budget.limit)])}
        {budget.over && ` — ${i18n.t('compose.over', [count(-budget.remaining)])}`}
      </span>
      {site === 'x' && (
        <label className="field inline">
          <input type="checkbox" checked={premium} onChange={(e) => void sendMessage('settingsSave', { xPremium: e.target.checked })} />
          <span>{i18n.t('compose.premium')}</span>
        </label>
      )}
    </div>
  );
}
