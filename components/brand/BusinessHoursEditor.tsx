/**
 * Business hours of a brand: time zone (searchable IANA list, validated), shifts per weekday
 * (several per day for split shifts; an end before the start runs overnight), holidays and a 24×7
 * switch. First-response clocks and review metrics count only this time.
 */
import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { uiLocale } from '@/lib/i18n/ui';
import { parseTimeZone, timeZoneNames } from '@/lib/time/timeZones';
import type { BusinessHours, Shift } from '@/lib/schemas/settings';

/** Monday first, as the agent reads a week; indices are Sunday-first like `week`. */
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];
const NEW_SHIFT: Shift = { start: '09:00', end: '17:00' };

/** `<input type=time>` has no 24:00; an end at 00:00 after a start means the same (midnight). */
const toInput = (clock: string): string => (clock === '24:00' ? '00:00' : clock);

function weekdayName(weekday: number): string {
  // 2023-01-01 was a Sunday: day `weekday` of that week, named in the interface language.
  return new Intl.DateTimeFormat(uiLocale(), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + weekday));
}

function holidayLabel(day: string): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));
}

/** The holidays with `day` added: sorted, once each. */
export function withHoliday(holidays: readonly string[], day: string): string[] {
  return [...new Set([...holidays, day])].sort();
}

export function BusinessHoursEditor({ value, onChange, zoneText, onZoneText }: {
  value: BusinessHours;
  onChange: (next: BusinessHours) => void;
  /** The zone as typed; the form validates it on save (parseTimeZone). */
  zoneText: string;
  onZoneText: (text: string) => void;
}) {
  const id = useId();
  const [touched, setTouched] = useState(false);
  const [holiday, setHoliday] = useState('');
  const zoneBad = touched && parseTimeZone(zoneText) === undefined;
  const setShifts = (weekday: number, shifts: Shift[]) => onChange({ ...value, week: value.week.map((s, i) => (i === weekday ? shifts : s)) });
  const holidays = value.holidays ?? [];

  return (
    <fieldset className="business-hours">
      <legend>{i18n.t('hours.title')}</legend>
      <label className="field">
        <span>{i18n.t('brands.timeZone')}</span>
        <input
          value={zoneText}
          list={`${id}-zones`}
          onChange={(e) => onZoneText(e.target.value)}
          onBlur={() => setTouched(true)}
          aria-invalid={zoneBad}
          aria-describedby={`${id}-zone-hint`}
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id={`${id}-zones`}>
          {/* The browser filters the list as the agent types (any part of the name). */}
          {timeZoneNames().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <small id={`${id}-zone-hint`} className={zoneBad ? 'field-error' : 'muted'} role={zoneBad ? 'alert' : undefined}>
          {zoneBad ? i18n.t('hours.badZone', [zoneText.trim()]) : i18n.t('hours.zoneHint')}
        </small>
      </label>
      <label className="field inline">
        <input type="checkbox" checked={value.alwaysOpen ?? false} onChange={(e) => onChange({ ...value, alwaysOpen: e.target.checked })} />
        <span>{i18n.t('hours.alwaysOpen')}</span>
      </label>
      {!value.alwaysOpen && (
        <>
          <ul className="hours-week">
            {DAY_ORDER.map((weekday) => {
              const day = weekdayName(weekday);
              const shifts = value.week[weekday] ?? [];
              return (
                <li key={weekday} className="hours-day">
                  <span className="hours-day-name">{day}</span>
                  <div className="hours-shifts">
                    {shifts.length === 0 && <span className="muted">{i18n.t('hours.closed')}</span>}
                    {shifts.map((shift, i) => {
                      const overnight = shift.end !== '24:00' && shift.end !== '00:00' && shift.end < shift.start;
                      const update = (patch: Partial<Shift>) => setShifts(weekday, shifts.map((s, j) => (j === i ? { ...s, ...patch } : s)));
                      return (
                        <div key={i} className="hours-shift">
                          <input type="time" required value={toInput(shift.start)} aria-label={i18n.t('hours.start', [day])} onChange={(e) => e.target.value && update({ start: e.target.value })} />
                          <span aria-hidden="true">–</span>
                          <input type="time" required value={toInput(shift.end)} aria-label={i18n.t('hours.end', [day])} onChange={(e) => e.target.value && update({ end: e.target.value })} />
                          {overnight && <small className="muted">{i18n.t('hours.overnight')}</small>}
                          {shift.start === shift.end && <small className="field-error">{i18n.t('hours.empty')}</small>}
                          <button type="button" className="link" aria-label={i18n.t('hours.removeShift', [day])} onClick={() => setShifts(weekday, shifts.filter((_, j) => j !== i))}>
                            ×
                          </button>
                        </div>
                      );
                    })}
                    <button type="button" className="link" onClick={() => setShifts(weekday, [...shifts, NEW_SHIFT])} aria-label={i18n.t('hours.addShiftTo', [day])}>
                      {i18n.t('hours.addShift')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="field">
            <span id={`${id}-holidays`}>{i18n.t('hours.holidays')}</span>
            {holidays.length === 0 && <small className="muted">{i18n.t('hours.noHolidays')}</small>}
            <ul className="hours-holidays" aria-labelledby={`${id}-holidays`}>
              {holidays.map((day) => (
                <li key={day}>
                  <span>{holidayLabel(day)}</span>
                  <button type="button" className="link" aria-label={i18n.t('hours.removeHoliday', [holidayLabel(day)])} onClick={() => onChange({ ...value, holidays: holidays.filter((d) => d !== day) })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <div className="hours-shift">
              <input type="date" value={holiday} onChange={(e) => setHoliday(e.target.value)} aria-label={i18n.t('hours.holidayDate')} />
              <button
                type="button"
                disabled={!/^\d{4}-\d{2}-\d{2}$/.test(holiday)}
                onClick={() => {
                  onChange({ ...value, holidays: withHoliday(holidays, holiday) });
                  setHoliday('');
                }}
              >
                {i18n.t('hours.addHoliday')}
              </button>
            </div>
          </div>
        </>
      )}
    </fieldset>
  );
}
