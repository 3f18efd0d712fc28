import { Alert } from '@mui/material';

export interface BundleViewProps {
  onGoToField: (field: string) => void;
  fieldLabel: (field: string) => string;
}

/** Placeholder until the generators land. */
export default function BundleView(_props: BundleViewProps) {
  return <Alert severity="info">The bundle preview is being built.</Alert>;
}
