import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Box, Container, Typography } from '@mui/material';
import { Button, Spinner } from '../ui/Button';
import type { Answers, ForcedCniChoice } from '../domain/answers/types';
import { defaultAnswers } from '../domain/answers/defaults';
import { parseAnswers } from '../domain/answers/parse-answers';
import { answersResolver, visibleFieldErrors } from '../features/wizard/resolver';
import { WizardForm } from '../features/wizard/WizardForm';
import { WizardToolbar } from '../features/wizard/WizardToolbar';
import {
  loadAnswersFromLink,
  loadInitialAnswers,
  type LoadedAnswers,
  type Problem,
} from '../features/wizard/initial-answers';
import { QUESTIONS, questionFor } from '../features/wizard/questions';
import { STEPS, stepIndexOfField, type AnswerPath } from '../features/wizard/steps';
import { Notice } from '../ui/Notice';
import { DeferredPanel } from '../features/recommendation/DeferredPanel';
import { useHydrated } from '../ui/hydration';
import { navigate } from './router';
import { urlFor } from '../lib/location';
import { saveAnswers, clearStoredAnswers } from '../lib/answers-storage';
import { keepValid, rememberValidAnswers } from '../lib/last-valid';
import {
  clearAnswersFromUrl,
  pushAnswersToUrl,
  stepParamFrom,
  writeAnswersToUrl,
  writeStepToUrl,
} from '../lib/url-state';

// The bundle view pulls in the generators, js-yaml, fflate and the validators: load it when shown.
const BundleView = lazy(() => import('../features/bundle/BundleView'));
// The panel and the engine load on their own (panel-loader.ts, DeferredPanel.tsx). No Suspense boundary:
// a prerendered page hydrates a boundary in a later pass, after this route's effects have put the link's
// or saved answers into the form, and the panel would then not match its HTML. A link or saved answers
// load the panel before the page hydrates; the default answers keep the prerendered panel until they change.

const SAVE_DELAY_MS = 250;

/** What is saved and put in the address: the valid answers, with the last valid value where one is invalid. */
function validAnswers(values: unknown): Answers {
  return keepValid(values).answers;
}

function fieldLabel(field: string): string {
  return QUESTIONS[field as AnswerPath] ? questionFor(field as AnswerPath).label : field;
}

function ProblemsAlert({
  loaded,
  onClose,
}: {
  loaded: { origin: LoadedAnswers['origin']; problems: Problem[] };
  onClose: () => void;
}) {
  const from =
    loaded.origin === 'link'
      ? 'the link'
      : loaded.origin === 'import'
        ? 'the imported file'
        : loaded.origin === 'saved'
          ? 'the saved answers'
          : 'the input';
  return (
    <Notice
      severity="warning"
      role="alert"
      onClose={onClose}
      data-testid="dropped-answers"
      title={`Some answers from ${from} were not kept`}
    >
      Everything valid was kept; these were replaced by defaults:
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {loaded.problems.map((p, i) => (
          <li key={`${p.field}-${i}`} data-field={p.field}>
            <strong>{fieldLabel(p.field)}</strong>: {p.message}
          </li>
        ))}
      </Box>
    </Notice>
  );
}

/** The step `?step=` names, else the first. */
function linkedStepIndex(search: string): number {
  return Math.max(
    0,
    STEPS.findIndex((s) => s.id === stepParamFrom(search)),
  );
}

/** The wizard screen: one form for every step, the live panel beside it, the bundle on the review step. */
export function WizardRoute() {
  // A prerendered page (issue 15) hydrates with the defaults it was rendered with; the link's or the
  // saved answers (and the step in the address) replace them right after (the effect below, before
  // anything is persisted).
  const hydrated = useHydrated();
  const [initial] = useState(() => {
    if (!hydrated) return null;
    const loaded = loadInitialAnswers(window.location.search);
    rememberValidAnswers(loaded.answers);
    return loaded;
  });
  const methods = useForm<Answers>({
    defaultValues: initial?.answers ?? defaultAnswers(),
    resolver: answersResolver,
    mode: 'onChange',
  });
  const { watch, setValue, reset } = methods;
  // The step in the address (a reload or a shared link reopens it), else the first; a prerendered page
  // hydrates on the first step and moves to it right after.
  const [step, setStep] = useState(() => (hydrated ? linkedStepIndex(window.location.search) : 0));
  const [focusField, setFocusField] = useState<string | null>(null);
  const [report, setReport] = useState<{ origin: LoadedAnswers['origin']; problems: Problem[] } | null>(
    initial?.problems.length ? initial : null,
  );

  // Before the step is written to the address below: it reads the step the address names.
  useEffect(() => {
    if (initial) return;
    const loaded = loadInitialAnswers(window.location.search);
    rememberValidAnswers(loaded.answers);
    if (loaded.origin !== 'defaults') {
      reset(loaded.answers);
      setAnswersChanged(true);
    }
    if (loaded.problems.length) setReport(loaded);
    setStep(linkedStepIndex(window.location.search));
    // Once, after hydration: `initial` never changes.
  }, [initial, reset]);
  useEffect(() => {
    writeStepToUrl(STEPS[step]!.id);
  }, [step]);
  // The answers differ from the ones the page was rendered with: the panel must run (DeferredPanel).
  const [answersChanged, setAnswersChanged] = useState(initial !== null && initial.origin !== 'defaults');
  const [importError, setImportError] = useState<string | null>(null);
  const [imported, setImported] = useState(false);
  const [discovered, setDiscovered] = useState<LoadedAnswers['discovered'] | null>(null);
  // The answers an import replaced, kept until the next change so the import can be undone.
  const [undoTo, setUndoTo] = useState<Answers | null>(null);
  const [undone, setUndone] = useState(false);

  // A cross-field error (a service CIDR the new pod CIDR overlaps) shows at its field as soon as it is
  // known, and goes when it is fixed: react-hook-form only re-validates the field that changed.
  const showCrossFieldErrors = useCallback(
    (changed: string, values: unknown) => {
      const parsed = parseAnswers(values);
      const targets = new Set<AnswerPath>();
      if (!parsed.ok) {
        for (const { field, error } of visibleFieldErrors(values, parsed.errors)) {
          // An empty field that just became required waits for the user (the panel lists it meanwhile).
          if (field !== changed && (error.related?.length ?? 0) > 0 && error.messageId !== 'required')
            targets.add(field);
        }
      }
      for (const step of STEPS) {
        for (const field of step.fields) {
          if (field !== changed && methods.getFieldState(field).error) targets.add(field);
        }
      }
      if (targets.size > 0) void methods.trigger([...targets]);
    },
    [methods],
  );

  // Persist valid answers (URL + localStorage) shortly after each change, and mark the change for the benchmark.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const persist = (values: unknown) => {
      const valid = validAnswers(values);
      saveAnswers(valid);
      writeAnswersToUrl(valid, defaultAnswers());
    };
    persist(methods.getValues());
    const sub = watch((values, { name }) => {
      performance.mark('answers-changed');
      setAnswersChanged(true);
      // A change to a field (not a reset) ends the chance to undo an import.
      if (name) {
        setUndoTo(null);
        setUndone(false);
        showCrossFieldErrors(name, values);
      }
      clearTimeout(timer);
      timer = setTimeout(() => persist(values), SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      sub.unsubscribe();
    };
  }, [watch, methods, showCrossFieldErrors]);

  const goToField = useCallback((field: string) => {
    const index = stepIndexOfField(field);
    if (index >= 0) setStep(index);
    setFocusField(field);
  }, []);
  const onFocused = useCallback(() => setFocusField(null), []);
  const panelDetails = useRef<HTMLDetailsElement>(null);
  // Narrow screens: the summary bar steps aside while the panel it summarises is on screen.
  const [panelInView, setPanelInView] = useState(false);
  useEffect(() => {
    const details = panelDetails.current;
    if (!details || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setPanelInView(entry?.isIntersecting ?? false));
    observer.observe(details);
    return () => observer.disconnect();
  }, []);
  // The narrow screens' summary bar opens the panel below the questions and moves focus to it.
  const openPanel = useCallback(() => {
    const details = panelDetails.current;
    if (!details) return;
    details.open = true;
    const heading = details.querySelector<HTMLElement>('#recommendation-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }, []);
  const onChoose = useCallback(
    (choice: ForcedCniChoice) => {
      setValue('choice.forcedCni', choice, { shouldValidate: true, shouldDirty: true });
    },
    [setValue],
  );

  // Back and Forward move between answers pushed by an import and its undo: show the entry's answers.
  useEffect(() => {
    const onPopState = () => {
      const linkedStep = STEPS.findIndex((s) => s.id === stepParamFrom(window.location.search));
      if (linkedStep >= 0) setStep(linkedStep);
      const loaded = loadAnswersFromLink(window.location.search);
      if (!loaded) return;
      reset(loaded.answers);
      setUndoTo(null);
      setImported(false);
      setUndone(false);
      setReport(loaded.problems.length ? loaded : null);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [reset]);

  const undoImport = useCallback(() => {
    if (!undoTo) return;
    const current = validAnswers(methods.getValues());
    reset(undoTo);
    pushAnswersToUrl(validAnswers(undoTo), current, defaultAnswers());
    saveAnswers(validAnswers(undoTo));
    setUndoTo(null);
    setImported(false);
    setReport(null);
    setUndone(true);
  }, [undoTo, reset, methods]);

  const onStartOver = useCallback(() => {
    clearStoredAnswers();
    clearAnswersFromUrl();
    reset(defaultAnswers());
    setReport(null);
    setImported(false);
    setUndoTo(null);
    setUndone(false);
    setStep(0);
  }, [reset]);

  const panel = useMemo(
    () => (
      <DeferredPanel wanted={answersChanged} label="the recommendation">
        {({ RecommendationPanel }, wasDeferred) => (
          <RecommendationPanel
            onGoToField={goToField}
            onChoose={onChoose}
            fieldLabel={fieldLabel}
            since={wasDeferred ? defaultAnswers() : undefined}
          />
        )}
      </DeferredPanel>
    ),
    [goToField, onChoose, answersChanged],
  );

  const review = (
    <Suspense
      fallback={
        <Box role="status" sx={{ my: 2, display: 'flex', alignItems: 'center', gap: 1 }}>
          <Spinner aria-hidden="true" /> Loading the bundle…
        </Box>
      }
    >
      <BundleView onGoToField={goToField} fieldLabel={fieldLabel} />
    </Suspense>
  );

  return (
    <FormProvider {...methods}>
      <Container component="main" id="main-content" maxWidth="xl" sx={{ py: 2 }}>
        <Typography variant="body1" sx={{ mb: 1 }}>
          Answer a few questions about your cluster. The recommendation beside (or below) the questions updates as you
          go; the last step shows every file of the bundle before you download it.{' '}
          <a
            href={urlFor('/check')}
            onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              navigate('/check');
            }}
          >
            Already have files? Check them
          </a>
          .
        </Typography>
        <WizardToolbar
          onImported={(loaded, previous) => {
            setImportError(null);
            setImported(true);
            setUndone(false);
            setUndoTo(previous);
            setReport(loaded.problems.length ? loaded : null);
            setDiscovered(loaded.discovered ?? null);
            setStep(0);
            // Its own history entry: Back returns to the answers before the import.
            pushAnswersToUrl(validAnswers(loaded.answers), validAnswers(previous), defaultAnswers());
          }}
          onImportFailed={(message) => {
            // The current answers are untouched; an earlier import can still be undone.
            setImportError(message);
          }}
          onStartOver={onStartOver}
        />
        {report ? <ProblemsAlert loaded={report} onClose={() => setReport(null)} /> : null}
        {importError ? (
          <Notice severity="error" role="alert" title="Import failed" onClose={() => setImportError(null)}>
            {importError}
          </Notice>
        ) : null}
        {imported && !report && !discovered ? (
          <Notice severity="success" role="status" onClose={() => setImported(false)}>
            Answers imported.
          </Notice>
        ) : null}
        {discovered ? (
          <Notice
            severity={discovered.notes.length ? 'warning' : 'success'}
            role="status"
            title="Node facts imported; your other answers are unchanged"
            onClose={() => setDiscovered(null)}
          >
            {discovered.summary}
            {discovered.notes.length ? (
              <Box component="ul" sx={{ m: 0, pl: 2 }} aria-label="Discovery notes">
                {discovered.notes.map((n, i) => (
                  <li key={i}>
                    {n.message}
                    {n.source ? (
                      <>
                        {' '}
                        (<a href={n.source.url}>{n.source.title}</a>)
                      </>
                    ) : null}
                  </li>
                ))}
              </Box>
            ) : null}
          </Notice>
        ) : null}
        {undoTo ? (
          <Box sx={{ mb: 2 }}>
            <Button size="small" variant="outlined" onClick={undoImport}>
              Undo import
            </Button>
          </Box>
        ) : null}
        {undone ? (
          <Notice severity="success" role="status" onClose={() => setUndone(false)}>
            Import undone: the answers are back to what they were.
          </Notice>
        ) : null}
        <Box
          sx={{
            display: 'grid',
            gap: 3,
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 7fr) minmax(0, 5fr)' },
            alignItems: 'start',
          }}
        >
          <Box sx={{ minWidth: 0 }}>
            <WizardForm
              step={step}
              onStepChange={setStep}
              review={review}
              focusField={focusField}
              onFocused={onFocused}
              onGoToField={goToField}
            />
          </Box>
          {/* One panel for every width: beside the form from md up (sticky), below it and collapsible
              (a native <details>) on narrow screens. CSS decides, so nothing re-renders on resize. */}
          <Box
            component="aside"
            aria-label="Recommendation panel"
            sx={{
              minWidth: 0,
              borderTop: { xs: 1, md: 0 },
              borderColor: 'divider',
              pt: { xs: 1, md: 0 },
              position: { md: 'sticky' },
              top: { md: 16 },
              maxHeight: { md: 'calc(100vh - 32px)' },
              overflowY: { md: 'auto' },
              pr: { md: 1 },
              '& > details > summary': { display: { md: 'none' }, cursor: 'pointer', fontWeight: 600, py: 1 },
            }}
          >
            <details open ref={panelDetails}>
              <summary>Recommendation (show or hide)</summary>
              {panel}
            </details>
          </Box>
        </Box>
        <DeferredPanel wanted={answersChanged} label="the summary">
          {({ RecommendationSummary }) => <RecommendationSummary onOpen={openPanel} panelInView={panelInView} />}
        </DeferredPanel>
        <Typography variant="body2" sx={{ mt: 4, color: 'text.secondary' }}>
          {STEPS.length} steps. Your answers stay in this browser and in the page address; nothing is sent anywhere.
        </Typography>
      </Container>
    </FormProvider>
  );
}
