/** Buttons that insert a variable (or a blank) at the cursor of the wording being edited. */
import { i18n } from '#i18n';
import { previewBody } from '@/lib/compose';
import { TEMPLATE_VARIABLES } from '@/lib/templates/variables';
import { sampleContext } from './sample';

export function VariableCheatSheet({ onInsert }: { onInsert: (snippet: string) => void }) {
  const sample = sampleContext();
  return (
    <section className="cheat-sheet" aria-labelledby="variables-heading">
      <h4 id="variables-heading">{i18n.t('templates.variables.title')}</h4>
      <p className="muted">{i18n.t('templates.variables.hint')}</p>
      <ul>
        {TEMPLATE_VARIABLES.map((v) => (
          <li key={v.name}>
            {/* onMouseDown keeps focus (and the cursor) in the wording being edited. */}
            <button type="button" className="chip" onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(`{{${v.name}}}`)}>
              {`{{${v.name}}}`}
            </button>{' '}
            <span className="muted">{previewBody(`{{${v.name}}}`, sample)}</span>
          </li>
        ))}
        <li>
          <button type="button" className="chip" onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(`{{?${i18n.t('templates.variables.promptExample')}}}`)}>
            {'{{?…}}'}
          </button>{' '}
          <span className="muted">{i18n.t('templates.variables.prompt')}</span>
        </li>
      </ul>
    </section>
  );
}
