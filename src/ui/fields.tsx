import { Box, FormControl, FormHelperText, FormLabel, InputLabel, OutlinedInput } from '@mui/material';
import { styled } from '@mui/material/styles';
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

/*
 * Native radios and switches, styled: MUI's Radio and Switch bring ButtonBase, the ripple and
 * react-transition-group into the first load (issue 6 budget). Native inputs also give every keyboard
 * and screen reader the behaviour they expect (arrow keys within a radio group, Space on a switch).
 * Colours come from theme.vars (CSS variables) so the dark scheme applies without a re-render.
 */
const ChoiceLabel = styled('label')(({ theme }) => ({
  display: 'inline-flex',
  alignItems: 'center',
  gap: theme.spacing(1),
  minHeight: 40,
  cursor: 'pointer',
  color: (theme.vars ?? theme).palette.text.primary,
  '&[data-disabled]': { cursor: 'default', color: (theme.vars ?? theme).palette.text.disabled },
}));

const focusRing = (color: string) => ({ '&:focus-visible': { outline: `2px solid ${color}`, outlineOffset: 2 } });

const NativeRadio = styled('input')(({ theme }) => ({
  width: 20,
  height: 20,
  margin: 0,
  flex: 'none',
  accentColor: (theme.vars ?? theme).palette.primary.main,
  cursor: 'inherit',
  ...focusRing((theme.vars ?? theme).palette.primary.main),
}));

const NativeSwitch = styled('input')(({ theme }) => ({
  appearance: 'none',
  position: 'relative',
  flex: 'none',
  width: 40,
  height: 22,
  margin: 0,
  borderRadius: 11,
  backgroundColor: (theme.vars ?? theme).palette.grey[600], // visible on both the light and the dark background
  cursor: 'inherit',
  transition: 'background-color 150ms',
  '&::before': {
    content: '""',
    position: 'absolute',
    top: 3,
    left: 3,
    width: 16,
    height: 16,
    borderRadius: '50%',
    backgroundColor: (theme.vars ?? theme).palette.common.white,
    transition: 'transform 150ms',
  },
  '&:checked': { backgroundColor: (theme.vars ?? theme).palette.primary.main },
  '&:checked::before': { transform: 'translateX(18px)' },
  '&:disabled': { opacity: 0.5 },
  '@media (prefers-reduced-motion: reduce)': { transition: 'none', '&::before': { transition: 'none' } },
  ...focusRing((theme.vars ?? theme).palette.primary.main),
}));

/** Number inputs keep what was typed when it is not a whole number, so the parser reports it at the field. */
function toNumberOrText(text: string): number | string {
  return /^-?\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : text;
}

/**
 * An outlined text input with label and help, assembled from MUI parts: TextField would pull the
 * whole Select/Menu/Modal stack into the first load even for plain inputs.
 */
function OutlinedField(props: {
  id: string;
  label: string;
  name: string;
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  disabled: boolean;
  error: boolean;
  placeholder?: string | undefined;
  help: ReactNode;
  numeric?: boolean | undefined;
  list?: string | undefined;
}) {
  const { id, label, name, value, onChange, onBlur, inputRef, disabled, error, placeholder, help, numeric, list } =
    props;
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
        slotProps={{
          input: {
            inputMode: numeric ? 'numeric' : 'text',
            spellCheck: false,
            list,
            'aria-describedby': `${id}-help`,
            'aria-invalid': error,
          },
        }}
      />
      <FormHelperText id={`${id}-help`} component="div">
        {help}
      </FormHelperText>
    </FormControl>
  );
}

export function TextQuestion<T extends FieldValues>(
  props: BaseFieldProps<T> & {
    numeric?: boolean;
    placeholder?: string | undefined;
    onValueChange?: (value: string) => void;
  },
) {
  const { name, label, why, source, disabledReason, numeric, placeholder, onValueChange } = props;
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
          onChange={(text) => {
            field.onChange(numeric ? toNumberOrText(text) : text);
            onValueChange?.(text);
          }}
          onBlur={field.onBlur}
          inputRef={field.ref}
          disabled={Boolean(disabledReason)}
          error={Boolean(fieldState.error)}
          placeholder={placeholder}
          numeric={numeric}
          help={
            <FieldHelp why={why} source={source} error={fieldState.error?.message} disabledReason={disabledReason} />
          }
        />
      )}
    />
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  disabledReason?: string | undefined;
}

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
        <FormControl
          component="fieldset"
          margin="normal"
          error={Boolean(fieldState.error)}
          disabled={Boolean(disabledReason)}
          fullWidth
        >
          <FormLabel component="legend" id={`${id}-label`}>
            {label}
          </FormLabel>
          <Box
            role="radiogroup"
            aria-labelledby={`${id}-label`}
            aria-describedby={`${id}-help`}
            sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2.5, rowGap: 0.5, pt: 0.5 }}
          >
            {options.map((o, i) => {
              const off = Boolean(o.disabledReason) || Boolean(disabledReason);
              return (
                <ChoiceLabel key={o.value} data-disabled={off || undefined}>
                  <NativeRadio
                    type="radio"
                    name={field.name}
                    value={o.value}
                    checked={field.value === o.value}
                    disabled={off}
                    onChange={() => field.onChange(o.value)}
                    onBlur={field.onBlur}
                    ref={i === 0 ? field.ref : undefined}
                  />
                  {o.disabledReason ? `${o.label} (not available)` : o.label}
                </ChoiceLabel>
              );
            })}
          </Box>
          <FormHelperText id={`${id}-help`} component="div">
            <FieldHelp why={why} source={source} error={fieldState.error?.message} disabledReason={disabledReason} />
            {options
              .filter((o) => o.disabledReason)
              .map((o) => (
                <Box component="span" key={o.value} sx={{ display: 'block', fontStyle: 'italic' }}>
                  {o.label}: {o.disabledReason}
                </Box>
              ))}
          </FormHelperText>
        </FormControl>
      )}
    />
  );
}

/** A native select for long lists: works with every keyboard and screen reader. */
export function SelectQuestion<T extends FieldValues>(
  props: BaseFieldProps<T> & { options: readonly ChoiceOption[]; onValueChange?: (value: string) => void },
) {
  const { name, label, why, source, options, disabledReason, onValueChange } = props;
  const { control } = useFormContext<T>();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <FormControl fullWidth margin="normal" error={Boolean(fieldState.error)} disabled={Boolean(disabledReason)}>
          <InputLabel htmlFor={fieldId(name)} shrink>
            {label}
          </InputLabel>
          {/* A native <select> inside the outlined frame: every keyboard and screen reader knows it. */}
          <OutlinedInput
            id={fieldId(name)}
            label={label}
            notched
            name={field.name}
            value={field.value ?? ''}
            onChange={(e) => {
              field.onChange(e.target.value);
              onValueChange?.(e.target.value);
            }}
            onBlur={field.onBlur}
            inputRef={field.ref}
            inputComponent={'select' as unknown as React.ElementType<InputBaseComponentProps>}
            slotProps={{
              input: {
                'aria-describedby': `${fieldId(name)}-help`,
                children: options.map((o) => (
                  <option key={o.value} value={o.value} disabled={Boolean(o.disabledReason)}>
                    {o.label}
                  </option>
                )),
              } as React.InputHTMLAttributes<HTMLInputElement>,
            }}
            sx={{
              '& select': { cursor: 'pointer' },
              '& option': { color: 'text.primary', backgroundColor: 'background.paper' },
            }}
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
          <ChoiceLabel htmlFor={id} data-disabled={Boolean(disabledReason) || undefined}>
            <NativeSwitch
              type="checkbox"
              role="switch"
              id={id}
              name={field.name}
              checked={field.value === true}
              disabled={Boolean(disabledReason)}
              onChange={(e) => field.onChange(e.target.checked)}
              onBlur={field.onBlur}
              ref={field.ref}
              aria-describedby={`${id}-help`}
            />
            {label}
          </ChoiceLabel>
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
export function SuggestQuestion<T extends FieldValues>(
  props: BaseFieldProps<T> & { suggestions: readonly string[]; placeholder?: string | undefined },
) {
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
            help={
              <FieldHelp why={why} source={source} error={fieldState.error?.message} disabledReason={disabledReason} />
            }
          />
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </>
      )}
    />
  );
}
