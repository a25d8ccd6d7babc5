import { useId } from 'react';
import { useBayanI18n } from './BayanProvider';
import { HiddenFields } from './HiddenFields';
import type { HiddenFieldValues } from './HiddenFields';
import { MultilingualText } from './MultilingualText';
import type { TextValue } from './MultilingualText';
import { useControllableState } from './useControllableState';

/** One value of a facet with the number of datasets that have it. */
export interface FacetOption {
  /** Value sent in the query (`theme=HEAL`). */
  value: string;
  label: TextValue;
  count: number;
}

/** A facet: a query parameter name, its label and its options. */
export interface FacetGroup {
  /** Query parameter name (`theme`, `publisher`, `format`, …). */
  name: string;
  label: TextValue;
  options: readonly FacetOption[];
}

/** Selected values per facet name: `{ theme: ['HEAL'], format: ['CSV', 'XLSX'] }`. */
export type FacetSelection = Record<string, readonly string[]>;

/** Props of {@link FacetList}. */
export interface FacetListProps {
  groups: readonly FacetGroup[];
  /** Controlled selection. */
  value?: FacetSelection;
  /** Initial selection when uncontrolled; default none. */
  defaultValue?: FacetSelection;
  /** Called with the whole new selection when a box is ticked or unticked. */
  onValueChange?: (value: FacetSelection) => void;
  /** Where the form goes without JavaScript (GET); default `''`, the current page. */
  action?: string;
  /** Other query parameters to keep (the query, the sort); page numbers should be left out. */
  hiddenFields?: HiddenFieldValues;
  className?: string;
}

const emptySelection: FacetSelection = {};

function toggle(selection: FacetSelection, name: string, value: string, on: boolean): FacetSelection {
  const current = selection[name] ?? [];
  const next = on ? [...current.filter((v) => v !== value), value] : current.filter((v) => v !== value);
  return { ...selection, [name]: next };
}

/**
 * Checkbox facets with counts, in a GET form: without JavaScript, ticking boxes and pressing
 * "Apply filters" reloads the page with `?theme=HEAL&format=CSV`; with `onValueChange` the page
 * can update at once (the button stays as a fallback; hide it with CSS on `[data-enhanced]`).
 * Each option has `data-state="checked|unchecked"`; counts are formatted for the locale and
 * read out as "12 jeux de données".
 * @example
 * <FacetList action="/fr/search" hiddenFields={{ q: 'budget' }}
 *   groups={[{ name: 'format', label: 'Format', options: [{ value: 'CSV', label: 'CSV', count: 12 }] }]} />
 */
export function FacetList({
  groups,
  value,
  defaultValue = emptySelection,
  onValueChange,
  action = '',
  hiddenFields,
  className,
}: FacetListProps) {
  const { t, formatNumber } = useBayanI18n();
  const baseId = useId();
  const [selection, setSelection] = useControllableState({ value, defaultValue, onChange: onValueChange });
  return (
    <form
      method="get"
      action={action}
      aria-label={t('facets.label')}
      className={['bayan-facets', className].filter(Boolean).join(' ')}
      data-enhanced={onValueChange ? 'true' : undefined}
    >
      <HiddenFields values={hiddenFields} />
      {groups.map((group, groupIndex) => (
        <fieldset key={group.name} className="bayan-facets__group" data-facet={group.name}>
          <legend className="bayan-facets__legend">
            <MultilingualText value={group.label} />
          </legend>
          <ul className="bayan-facets__options">
            {group.options.map((option, optionIndex) => {
              const id = `${baseId}-${groupIndex}-${optionIndex}`;
              const checked = (selection[group.name] ?? []).includes(option.value);
              return (
                <li
                  key={option.value}
                  className="bayan-facets__option"
                  data-state={checked ? 'checked' : 'unchecked'}
                  data-empty={option.count === 0 ? 'true' : undefined}
                >
                  <input
                    id={id}
                    type="checkbox"
                    name={group.name}
                    value={option.value}
                    checked={checked}
                    onChange={(event) =>
                      setSelection(toggle(selection, group.name, option.value, event.target.checked))
                    }
                    className="bayan-facets__checkbox"
                  />
                  <label htmlFor={id} className="bayan-facets__label">
                    <MultilingualText value={option.label} hideFallbackNote className="bayan-facets__text" />{' '}
                    <span className="bayan-facets__count" aria-hidden="true">
                      {formatNumber(option.count)}
                    </span>{' '}
                    <span className="bayan-sr-only">({t('facets.count', { count: option.count })})</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <button type="submit" className="bayan-facets__submit bayan-button">
        {t('facets.apply')}
      </button>
    </form>
  );
}
