/** Query parameters a GET form carries along: one hidden input per value. */
export type HiddenFieldValues = Record<string, string | readonly string[] | undefined>;

/** Renders hidden inputs so a GET form keeps the page's other parameters (internal). */
export function HiddenFields({ values }: { values: HiddenFieldValues | undefined }) {
  if (!values) return null;
  const inputs = Object.entries(values).flatMap(([name, value]) =>
    value === undefined ? [] : (typeof value === 'string' ? [value] : value).map((v) => ({ name, value: v })),
  );
  return (
    <>
      {inputs.map((input) => (
        <input key={`${input.name}=${input.value}`} type="hidden" name={input.name} value={input.value} />
      ))}
    </>
  );
}
