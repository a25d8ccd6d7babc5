import { useId } from 'react';
import type { FormEvent } from 'react';
import { useBayanI18n } from './BayanProvider';
import { HiddenFields } from './HiddenFields';
import type { HiddenFieldValues } from './HiddenFields';
import { useControllableState } from './useControllableState';

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  /** Where the form goes without JavaScript (GET); default `''`, the current page. */
  action?: string;
  /** Query parameter name; default `q`. */
  name?: string;
  /** Controlled query. */
  value?: string;
  /** Initial query when uncontrolled; default `''`. */
  defaultValue?: string;
  /** Called on every keystroke with the new query. */
  onValueChange?: (value: string) => void;
  /** When given, submitting calls it instead of navigating (client-side search). */
  onSearch?: (query: string) => void;
  /** Other query parameters to keep when searching (sort, facets). */
  hiddenFields?: HiddenFieldValues;
  /** Show the label above the field; default false (it stays available to assistive technology). */
  labelVisible?: boolean;
  /** Replacement label text; default the catalogue's `search.label`. */
  label?: string;
  className?: string;
}

/**
 * A search form: a labelled `type="search"` field and a submit button inside `role="search"`.
 * Without JavaScript it is a plain GET form to `action`; with `onSearch` it stays on the page.
 * `data-state` is `empty` or `filled`.
 * @example
 * <SearchBox action="/fr/search" defaultValue="budget" hiddenFields={{ sort: 'modified' }} />
 */
export function SearchBox({
  action = '',
  name = 'q',
  value,
  defaultValue = '',
  onValueChange,
  onSearch,
  hiddenFields,
  labelVisible = false,
  label,
  className,
}: SearchBoxProps) {
  const { t } = useBayanI18n();
  const id = useId();
  const [query, setQuery] = useControllableState({ value, defaultValue, onChange: onValueChange });
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!onSearch) return;
    event.preventDefault();
    onSearch(query.trim());
  };
  return (
    <form
      role="search"
      method="get"
      action={action}
      onSubmit={handleSubmit}
      className={['bayan-search', className].filter(Boolean).join(' ')}
      data-state={query.trim() === '' ? 'empty' : 'filled'}
    >
      <label htmlFor={id} className={labelVisible ? 'bayan-search__label' : 'bayan-sr-only'}>
        {label ?? t('search.label')}
      </label>
      <div className="bayan-search__row">
        <input
          id={id}
          type="search"
          name={name}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          enterKeyHint="search"
          className="bayan-search__input"
        />
        <button type="submit" className="bayan-search__submit bayan-button" data-variant="primary">
          {t('search.submit')}
        </button>
      </div>
      <HiddenFields values={hiddenFields} />
    </form>
  );
}
