import { forwardRef, type AnchorHTMLAttributes, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { styled, type SxProps, type Theme } from '@mui/material/styles';

/**
 * A plain button for the first screen. MUI's Button brings ButtonBase, the ripple, react-transition-group and
 * CircularProgress (for its `loading` prop) into the first load; this one is a styled <button>/<a> with the
 * same look and props we use, so the wizard's first load stays inside its budget (issue 6). Lazy views
 * (bundle, comparison) keep MUI's Button.
 */
type Variant = 'text' | 'outlined' | 'contained';
type Color = 'primary' | 'inherit' | 'warning';

interface OwnProps {
  variant?: Variant;
  size?: 'small' | 'medium';
  color?: Color;
  sx?: SxProps<Theme>;
  children?: ReactNode;
}

export type ButtonProps = OwnProps &
  (
    | ({ href?: undefined } & ButtonHTMLAttributes<HTMLButtonElement>)
    | ({ href: string } & AnchorHTMLAttributes<HTMLAnchorElement>)
  );

const shared = ({ theme, variant = 'text', size = 'medium', color = 'primary' }: { theme: Theme } & OwnProps) => {
  const palette = color === 'inherit' ? null : (theme.vars ?? theme).palette[color];
  const main = palette ? palette.main : 'currentColor';
  return {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxSizing: 'border-box' as const,
    minWidth: 64,
    margin: 0,
    font: 'inherit',
    fontWeight: 500,
    fontSize: size === 'small' ? '0.8125rem' : '0.875rem',
    lineHeight: 1.75,
    letterSpacing: '0.02857em',
    textTransform: 'uppercase' as const,
    textDecoration: 'none',
    padding: size === 'small' ? '3px 9px' : '5px 15px',
    borderRadius: (theme.vars ?? theme).shape.borderRadius,
    cursor: 'pointer',
    userSelect: 'none' as const,
    color: variant === 'contained' ? (palette ? palette.contrastText : 'inherit') : main,
    backgroundColor: variant === 'contained' ? main : 'transparent',
    border: variant === 'outlined' ? `1px solid ${palette ? palette.main : 'currentColor'}` : '1px solid transparent',
    transition: 'background-color 150ms, box-shadow 150ms',
    '&:hover': {
      backgroundColor:
        variant === 'contained' ? (palette ? palette.dark : undefined) : (theme.vars ?? theme).palette.action.hover,
    },
    '&:focus-visible': { outline: `2px solid ${(theme.vars ?? theme).palette.primary.main}`, outlineOffset: 2 },
    '&:disabled, &[aria-disabled="true"]': {
      cursor: 'default',
      color: (theme.vars ?? theme).palette.action.disabled,
      backgroundColor:
        variant === 'contained' ? (theme.vars ?? theme).palette.action.disabledBackground : 'transparent',
      borderColor: variant === 'outlined' ? (theme.vars ?? theme).palette.action.disabledBackground : 'transparent',
    },
  };
};

const forwarded = (prop: PropertyKey) => prop !== 'variant' && prop !== 'size' && prop !== 'color' && prop !== 'sx';
const StyledButton = styled('button', { shouldForwardProp: forwarded })<OwnProps>(shared);
const StyledAnchor = styled('a', { shouldForwardProp: forwarded })<OwnProps>(shared);

export const Button = forwardRef<HTMLButtonElement | HTMLAnchorElement, ButtonProps>(function Button(props, ref) {
  if (props.href !== undefined) {
    return (
      <StyledAnchor
        ref={ref as React.Ref<HTMLAnchorElement>}
        {...(props as AnchorHTMLAttributes<HTMLAnchorElement> & OwnProps)}
      />
    );
  }
  const { type = 'button', ...rest } = props as ButtonHTMLAttributes<HTMLButtonElement> & OwnProps;
  return <StyledButton ref={ref as React.Ref<HTMLButtonElement>} type={type} {...rest} />;
});

/** A CSS spinner for loading states (MUI's CircularProgress is not worth its bytes on the first screen). */
export const Spinner = styled('span')(({ theme }) => ({
  display: 'inline-block',
  width: 24,
  height: 24,
  borderRadius: '50%',
  border: `3px solid ${(theme.vars ?? theme).palette.action.disabledBackground}`,
  borderTopColor: (theme.vars ?? theme).palette.primary.main,
  animation: 'rke2-spin 0.8s linear infinite',
  '@keyframes rke2-spin': { to: { transform: 'rotate(360deg)' } },
  '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
}));
