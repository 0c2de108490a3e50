import {
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/*
 * Form fields from the Utrecht components, always with a label, an optional description and the
 * error message next to the field (aria-describedby), so a screen reader reads all three.
 */

function describedBy(id: string, description?: ReactNode, error?: string): string | undefined {
  const ids = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Messages({ id, description, error }: { id: string; description?: ReactNode; error?: string }) {
  return (
    <>
      {description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
    </>
  );
}

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  description?: ReactNode;
  type?: 'text' | 'number' | 'tel' | 'datetime-local' | 'date';
  inputMode?: 'numeric' | 'text';
  required?: boolean;
  autoComplete?: string;
}) {
  const { id, label, value, onChange, error, description, type = 'text', inputMode, required, autoComplete = 'off' } = props;
  return (
    <FormField type="text" invalid={!!error}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <Messages id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={id}
          type={type === 'number' ? 'text' : type}
          inputMode={type === 'number' ? 'numeric' : inputMode}
          value={value}
          invalid={!!error}
          required={required}
          autoComplete={autoComplete}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    </FormField>
  );
}

export function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: NoInfer<T> | '';
  options: { value: T; label: string }[];
  onChange(value: NoInfer<T>): void;
  error?: string;
  description?: ReactNode;
  placeholder?: string;
}) {
  const { id, label, value, options, onChange, error, description, placeholder } = props;
  return (
    <FormField type="select" invalid={!!error}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <Messages id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          name={id}
          value={value}
          invalid={!!error}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {placeholder !== undefined ? <SelectOption value="">{placeholder}</SelectOption> : null}
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

export function CheckboxField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
  description?: ReactNode;
}) {
  const { id, label, checked, onChange, error, description } = props;
  return (
    <FormField type="checkbox" invalid={!!error}>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox">
          <Checkbox
            id={id}
            name={id}
            className="utrecht-form-field__input"
            checked={checked}
            invalid={!!error}
            aria-describedby={describedBy(id, description, error)}
            onChange={(e) => onChange(e.target.checked)}
          />
          {label}
        </FormLabel>
      </div>
      <Messages id={id} description={description} error={error} />
    </FormField>
  );
}
