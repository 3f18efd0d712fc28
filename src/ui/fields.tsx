import {
  Box, FormControl, FormControlLabel, FormHelperText, FormLabel, InputLabel, OutlinedInput, Radio, RadioGroup, Switch,
} from '@mui/material';
import type { ReactNode, Ref } from 'react';
import type { InputBaseComponentProps } from '@mui/material/InputBase';
import { Controller, useFormContext, type FieldValues, type Path } from 'react-hook-form';
import type { Source } from '../domain/sources';
import { FieldHelp } from './FieldHelp';

export interface BaseFieldProps<T extends FieldValues> {
  name: Path<T>;
  label: string;
  why: string;
  source: Source;
  /** Disabled questions say why. */
  disabledReason?: string | undefined;
}

function fieldId(name: string): string {
  return `field-${name.replace(/\./g, '-')}`;
}

/** Number inputs keep what was typed when it is not a whole number, so the parser reports it at the field. */
function toNumberOrText(text: string): number | string {
  return /^-?\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : text;
}


/**
 * An outlined text input with label and help, assembled from MUI parts: TextField would pull the
 * whole Select/Menu/Modal stack into the first load even for plain inputs.
 */
function OutlinedField(props: {
  id: string; label: string; name: string; value: string; onChange: (text: string) => void; onBlur: () => void;
  inputRef: Ref<HTMLInputElement>; disabled: boolean; error: boolean; placeholder?: string | undefined; help: ReactNode;
  numeric?: boolean | undefined; list?: string | undefined;
}) {
  const { id, label, name, value, onChange, onBlur, inputRef, disabled, error, placeholder, help, numeric, list } = props;
  return (
    <FormControl fullWidth margin="normal" variant="outlined" error={error} disabled={disabled}>
      <InputLabel htmlFor={id}>{label}</InputLabel>
      <OutlinedInput
        id={id}
        label={label}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        inputRef={inputRef}
        placeholder={placeholder}
        autoComplete="off"
        slotProps={{ input: { inputMode: numeric ? 'numeric' : 'text', spellCheck: false, list, 'aria-describedby': `${id}-help`, 'aria-invalid': error } }}
      />
      <FormHelperText id={`${id}-help`} component="div">{help}</FormHelperText>
    </FormControl>
  );
}

export function TextQuestion<T extends FieldValues>(props: BaseFieldProps<T> & { numeric?: boolean; placeholder?: string | undefined; onValueChange?: (value: string) => void }) {
  const { name, label, why, source, disabledReason, numeric, placeholder } = props;
  const { control } = useFormContext<T>();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <OutlinedField
          id={fieldId(name)}
          label={label}
          name={field.name}
          value={field.value === undefined || field.value === null ? '' : String(field.value)}
          onChange={(text) => field.onChange(numeric ? toNumberOrText(text) : text)}
          onBlur={field.onBlur}
          inputRef={field.ref}
          disabled={Boolean(disabledReason)}
          error={Boolean(fieldState.error)}
          placeholder={placeholder}
          numeric={numeric}
          help={<FieldHelp why={why} source={source} error={fieldState.error?.message} disabledReason={disabledReason} />}
        />
      )}
    />
  );
}

export interface ChoiceOption { value: string; label: string; disabledReason?: string | undefined }

/** A radio group for short lists: every option visible, reachable with arrow keys. */
export function RadioQuestion<T extends FieldValues>(props: BaseFieldProps<T> & { options: readonly ChoiceOption[] }) {
  const { name, label, why, source, options, disabledReason } = props;
  const { control } = useFormContext<T>();
  const id = fieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <FormControl component="fieldset" margin="normal" error={Boolean(fieldState.error)} disabled={Boolean(disabledReason)} fullWidth>
          <FormLabel component="legend" id={`${id}-label`}>{label}</FormLabel>
          <RadioGroup
            name={field.name}
            value={field.value ?? ''}
            onChange={(_e, value) => field.onChange(value)}
            onBlur={field.onBlur}
            aria-labelledby={`${id}-label`}
            aria-describedby={`${id}-help`}
            row
          >
            {options.map((o, i) => (
              <FormControlLabel
                key={o.value}
                value={o.value}
                disabled={Boolean(o.disabledReason)}
                control={<Radio slotProps={{ input: i === 0 ? { ref: field.ref } : {} }} />}
                label={o.disabledReason ? `${o.label} (not available)` : o.label}
              />
            ))}
          </RadioGroup>
          <FormHelperText id={`${id}-help`} component="div">
            <FieldHelp why={why} source={source} error={fieldState.error?.message} disabledReason={disabledReason} />
            {options.filter((o) => o.disabledReason).map((o) => (
              <Box component="span" key={o.value} sx={{ display: 'block', fontStyle: 'italic' }}>{o.label}: {o.disabledReason}</Box>
            ))}
          </FormHelperText>
        </FormControl>
      )}
    />
  );
}

/** A native select for long lists: works with every keyboard and screen reader. */
export function SelectQuestion<T extends FieldValues>(props: BaseFieldProps<T> & { options: readonly ChoiceOption[]; onValueChange?: (value: string) => void }) {
  const { name, label, why, source, options, disabledReason, onValueChange } = props;
  const { control } = useFormContext<T>();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <FormControl fullWidth margin="normal" error={Boolean(fieldState.error)} disabled={Boolean(disabledReason)}>
          <InputLabel htmlFor={fieldId(name)} shrink>{label}</InputLabel>
          {/* A native <select> inside the outlined frame: every keyboard and screen reader knows it. */}
          <OutlinedInput
            id={fieldId(name)}
            label={label}
            notched
            name={field.name}
            value={field.value ?? ''}
            onChange={(e) => { field.onChange(e.target.value); onValueChange?.(e.target.value); }}
            onBlur={field.onBlur}
            inputRef={field.ref}
            inputComponent={"select" as unknown as React.ElementType<InputBaseComponentProps>}
            slotProps={{
              input: {
                'aria-describedby': `${fieldId(name)}-help`,
                children: options.map((o) => <option key={o.value} value={o.value} disabled={Boolean(o.disabledReason)}>{o.label}</option>),
              } as React.InputHTMLAttributes<HTMLInputElement>,
            }}
            sx={{ '& select': { cursor: 'pointer' }, '& option': { color: 'text.primary', backgroundColor: 'background.paper' } }}
          />
          <FormHelperText id={`${fieldId(name)}-help`} component="div">
            <FieldHelp why={why} source={source} error={fieldState.error?.message} disabledReason={disabledReason} />
          </FormHelperText>
        </FormControl>
      )}
    />
  );
}

export function SwitchQuestion<T extends FieldValues>(props: BaseFieldProps<T>) {
  const { name, label, why, source, disabledReason } = props;
  const { control } = useFormContext<T>();
  const id = fieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <FormControl margin="normal" error={Boolean(fieldState.error)} fullWidth>
          <FormControlLabel
            label={label}
            disabled={Boolean(disabledReason)}
            control={(
              <Switch
                id={id}
                name={field.name}
                checked={field.value === true}
                onChange={(_e, checked) => field.onChange(checked)}
                onBlur={field.onBlur}
                slotProps={{ input: { ref: field.ref, 'aria-describedby': `${id}-help` } }}
              />
            )}
          />
          <FormHelperText id={`${id}-help`} component="div" sx={{ mt: 0 }}>
            <FieldHelp why={why} source={source} error={fieldState.error?.message} disabledReason={disabledReason} />
          </FormHelperText>
        </FormControl>
      )}
    />
  );
}

/**
 * Free text with suggestions (e.g. RKE2 releases): a native <datalist>, so any value can be typed
 * and the parser validates it; no popup library in the first load.
 */
export function SuggestQuestion<T extends FieldValues>(props: BaseFieldProps<T> & { suggestions: readonly string[]; placeholder?: string | undefined }) {
  const { name, label, why, source, suggestions, disabledReason, placeholder } = props;
  const { control } = useFormContext<T>();
  const id = fieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <>
          <OutlinedField
            id={id}
            label={label}
            name={field.name}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={(text) => field.onChange(text)}
            onBlur={field.onBlur}
            inputRef={field.ref}
            disabled={Boolean(disabledReason)}
            error={Boolean(fieldState.error)}
            placeholder={placeholder}
            list={`${id}-suggestions`}
            help={<FieldHelp why={why} source={source} error={fieldState.error?.message} disabledReason={disabledReason} />}
          />
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((s) => <option key={s} value={s} />)}
          </datalist>
        </>
      )}
    />
  );
}
