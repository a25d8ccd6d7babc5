import { useCallback, useState } from 'react';

/**
 * State that a parent may control (`value` given) or leave to the component (`defaultValue`).
 * `onChange` fires in both modes, so a controlled parent and an uncontrolled listener see the same events.
 * @example
 * const [page, setPage] = useControllableState({ value: props.page, defaultValue: 1, onChange: props.onPageChange });
 */
export function useControllableState<T>(options: {
  value: T | undefined;
  defaultValue: T;
  onChange: ((value: T) => void) | undefined;
}): [T, (next: T) => void] {
  const { value, defaultValue, onChange } = options;
  const [internal, setInternal] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : internal;
  const setValue = useCallback(
    (next: T) => {
      if (!controlled) setInternal(next);
      onChange?.(next);
    },
    [controlled, onChange],
  );
  return [current, setValue];
}
