import { useId, useState, type ReactNode } from 'react';
import { ApiError, detailText } from '../../api/client';

/** Errors by field key (`title`, `target.period`, `horizon.to` …). */
export type FieldErrors = Record<string, string>;

/** A refused request: the messages on the form's fields, and what no field of the form shows. */
export interface Refusal {
  fields: FieldErrors;
  message: string | null;
}

/** Whether an error path belongs to a field: the field itself or something under it (`ministries[0]`). */
const under = (path: string, key: string): boolean =>
  path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);

/**
 * The API's refusal placed on the form's fields (`edits[0].` dropped, since a form posts one edit); a detail no
 * field holds, or a refusal without details, stays in the message.
 */
export function refusalOf(caught: unknown, keys: readonly string[]): Refusal {
  if (!(caught instanceof ApiError))
    return { fields: {}, message: caught instanceof Error ? caught.message : String(caught) };
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const detail of caught.details) {
    const path = detail.path.replace(/^edits\[\d+\]\.?/u, '');
    const key = keys.find((k) => under(path, k));
    const text = detailText(detail);
    if (key === undefined) rest.push(`${path}: ${text}`);
    else fields[key] = fields[key] ? `${fields[key]} / ${text}` : text;
  }
  const message = rest.length > 0 ? rest.join(' / ') : caught.details.length === 0 ? caught.message : null;
  return { fields, message };
}

/** The props an input takes to be labelled and marked invalid with its message. */
export interface InputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A labelled field whose error, when it has one, is announced and described on the input. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error: string | undefined;
  hint?: string;
  children: (props: InputProps) => ReactNode;
}) {
  const id = useId();
  const errorId = useId();
  const hintId = useId();
  const described = [hint ? hintId : null, error ? errorId : null].filter((x) => x !== null).join(' ');
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="form__hint">
          {hint}
        </p>
      )}
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {error && (
        <p id={errorId} role="alert" className="authoring-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A form's values, its refusal and its sending state; `run` posts and keeps the refusal on the fields. */
export function useFormState<V extends Record<string, string>>(initial: V, keys: readonly string[]) {
  const [values, setValues] = useState(initial);
  const [refusal, setRefusal] = useState<Refusal>({ fields: {}, message: null });
  const [isSending, setIsSending] = useState(false);
  const set = (key: keyof V) => (value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
  };
  const run = async (send: () => Promise<unknown>): Promise<boolean> => {
    setIsSending(true);
    try {
      await send();
      setRefusal({ fields: {}, message: null });
      return true;
    } catch (caught) {
      setRefusal(refusalOf(caught, keys));
      return false;
    } finally {
      setIsSending(false);
    }
  };
  return { values, setValues, set, refusal, setRefusal, isSending, run };
}

/** A labelled text input bound to one value. */
export function TextField({
  label,
  error,
  hint,
  value,
  onChange,
  inputMode,
  size,
}: {
  label: string;
  error: string | undefined;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: 'numeric' | 'decimal';
  size?: number;
}) {
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      {(p) => (
        <input
          {...p}
          {...(inputMode ? { inputMode } : {})}
          {...(size ? { size } : {})}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      )}
    </Field>
  );
}

/** A labelled select bound to one value, its options given as value and shown label. */
export function SelectField({
  label,
  error,
  value,
  onChange,
  options,
}: {
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select
          {...p}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
