import { CssBaseline, Container, Typography } from '@mui/material';

export function App() {
  return (
    <>
      <CssBaseline />
      <Container component="main">
        <Typography variant="h4" component="h1">RKE2 CNI Wizard</Typography>
      </Container>
    </>
  );
}
