import { Box, Typography } from '@mui/material';

/**
 * The comparison pages are owned by another feature and loaded lazily (issue 6: the comparison
 * view is not part of the first load). Until they land, a placeholder keeps the routes alive.
 */
function Placeholder({ title }: { title: string }) {
  return (
    <Box component="main" id="main-content" sx={{ p: 3 }}>
      <Typography variant="h4" component="h1" gutterBottom>{title}</Typography>
      <Typography>This page is not available yet.</Typography>
    </Box>
  );
}

export const comparisonRoutes = {
  ComparisonPage: function ComparisonPlaceholder() { return <Placeholder title="Compare CNIs" />; },
  CniPage: function CniPlaceholder({ id }: { id: string }) { return <Placeholder title={`CNI: ${id}`} />; },
};
