/** The text encoding a file was read with (detected or chosen), and a way to read it again in another. */
import { useId } from 'react';
import { i18n } from '#i18n';
import { ENCODINGS, isTextEncodingName, type TextEncodingName } from '@/lib/encoding/detect';

export function encodingLabel(encoding: TextEncodingName): string {
  const labels: Record<TextEncodingName, () => string> = {
    'utf-8': () => i18n.t('safety.encoding.utf8'),
    'windows-1251': () => i18n.t('safety.encoding.cp1251'),
    gb18030: () => i18n.t('safety.encoding.gb18030'),
    'windows-1252': () => i18n.t('safety.encoding.cp1252'),
    'utf-16le': () => i18n.t('safety.encoding.utf16le'),
    'utf-16be': () => i18n.t('safety.encoding.utf16be'),
  };
  return labels[encoding]();
}

export function EncodingChoice({ value, detected, onChange }: { value: TextEncodingName; detected: boolean; onChange: (encoding: TextEncodingName) => void }) {
  const id = useId();
  return (
    <div className="field encoding-choice">
      <label htmlFor={id}>{i18n.t('safety.encoding.label')}</label>
      <select
        id={id}
        data-testid="encoding"
        value={value}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (isTextEncodingName(next)) onChange(next);
        }}
      >
        {ENCODINGS.map((enc) => (
          <option key={enc} value={enc}>
            {enc === value && detected ? i18n.t('safety.encoding.detected', [encodingLabel(enc)]) : encodingLabel(enc)}
          </option>
        ))}
      </select>
      <p className="hint">{i18n.t('safety.encoding.hint')}</p>
    </div>
  );
}
