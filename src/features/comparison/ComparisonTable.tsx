import { Box, Button, Chip, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import StarIcon from '@mui/icons-material/Star';
import { CNI_PROFILES } from '../../domain/cni/profiles';
import type { FeatureGroupId, FeatureId, FeatureRow, Matrix, MatrixColumnKey } from '../../domain/matrix';
import type { ColumnView } from './comparison-model';
import { ExternalLink, InAppLink, LevelBadge, visuallyHiddenSx } from './shared';

export function cniPageHref(id: MatrixColumnKey, release: string): string {
  return `/cni/${id}?release=${encodeURIComponent(release)}`;
}

function kindLabel(v: ColumnView): string | null {
  if (v.column.kind === 'comparison-only') return 'Not offered by RKE2';
  if (!v.column.offered) return 'Not in this release';
  if (v.column.kind === 'addon') return 'Add-on';
  return null;
}

function ColumnHeader({ view, release, showName = true }: { view: ColumnView; release: string; showName?: boolean }) {
  const { column } = view;
  const chart = column.id in CNI_PROFILES ? CNI_PROFILES[column.id as keyof typeof CNI_PROFILES].chart : null;
  const kind = kindLabel(view);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, alignItems: 'flex-start' }}>
      {showName && <InAppLink to={cniPageHref(column.id, release)}>{column.label}</InAppLink>}
      {view.recommended && (
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, fontWeight: 700 }}>
          <StarIcon fontSize="small" aria-hidden="true" sx={{ color: 'warning.main' }} /> Recommended for your answers
        </Box>
      )}
      {kind && <Chip size="small" variant="outlined" label={kind} />}
      {chart && column.chartVersion && (
        <Typography variant="caption" component="span" sx={{ fontWeight: 400 }}>
          {chart} {column.chartVersion}
        </Typography>
      )}
      {column.notOffered && (
        <Typography variant="caption" component="span" sx={{ fontWeight: 400 }}>
          {column.notOffered.reason} <ExternalLink source={column.notOffered.source}>Source</ExternalLink>
        </Typography>
      )}
      {view.excludedBecause.length > 0 && (
        <Box sx={{ fontWeight: 400 }}>
          <Typography variant="caption" component="span" sx={{ fontWeight: 700 }}>
            Excluded for your answers:
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {view.excludedBecause.map((b) => (
              <Typography component="li" variant="caption" key={b.text}>
                {b.text} <ExternalLink source={b.source}>Source</ExternalLink>
              </Typography>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}

export interface ComparisonTableProps {
  matrix: Matrix;
  columns: ColumnView[];
  needed: readonly FeatureId[];
  collapsed: readonly FeatureGroupId[];
  onToggleGroup: (group: FeatureGroupId) => void;
}

const STICKY = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' } as const;
/** Column headers stay at the top of the scrolling table; the corner cell stays put both ways. */
const STICKY_TOP = { position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.paper' } as const;
const CELL = { border: 1, borderColor: 'divider', p: 1, verticalAlign: 'top', textAlign: 'left' } as const;

/** The matrix as a real table: caption, column headers, one tbody per feature group. */
export function ComparisonTable({ matrix, columns, needed, collapsed, onToggleGroup }: ComparisonTableProps) {
  const release = matrix.release.requested.text;
  const highlight = (v: ColumnView) => (v.recommended ? { bgcolor: 'action.selected' } : {});
  return (
    <>
      <Box
        role="region"
        aria-labelledby="comparison-caption"
        tabIndex={0}
        sx={{
          // Wide screens: a table that scrolls inside its own box, so its header row and feature column stay in view.
          display: { xs: 'none', sm: 'block' },
          position: 'relative',
          overflow: 'auto',
          maxHeight: '85vh',
          maxWidth: '100%',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' },
        }}
      >
        <Box component="table" sx={{ borderCollapse: 'collapse', minWidth: 720, width: '100%', fontSize: '0.875rem' }}>
          <Box
            component="caption"
            id="comparison-caption"
            sx={{ captionSide: 'top', textAlign: 'left', p: 1, fontWeight: 600 }}
          >
            Feature support by CNI for RKE2 {release}
            {matrix.release.row.version.text !== release
              ? ` (chart versions of ${matrix.release.row.version.text})`
              : ''}
          </Box>
          <thead>
            <tr>
              <Box component="th" scope="col" sx={{ ...CELL, ...STICKY, ...STICKY_TOP, zIndex: 3, minWidth: 150 }}>
                Feature
              </Box>
              {columns.map((v) => (
                <Box
                  component="th"
                  scope="col"
                  key={v.column.id}
                  sx={{
                    ...CELL,
                    ...STICKY_TOP,
                    minWidth: 170,
                    // Opaque while it floats over the rows: the recommended column is marked by a top rule instead.
                    ...(v.recommended ? { borderTop: 4, borderTopColor: 'primary.main' } : {}),
                  }}
                  data-column={v.column.id}
                >
                  <ColumnHeader view={v} release={release} />
                </Box>
              ))}
            </tr>
          </thead>
          {matrix.groups.map((g) => {
            const open = !collapsed.includes(g.id);
            return (
              <tbody key={g.id}>
                <tr>
                  <Box
                    component="th"
                    scope="rowgroup"
                    colSpan={columns.length + 1}
                    sx={{ ...CELL, textAlign: 'left', bgcolor: 'action.hover' }}
                  >
                    <Button
                      size="small"
                      onClick={() => onToggleGroup(g.id)}
                      aria-expanded={open}
                      startIcon={open ? <ExpandMoreIcon aria-hidden="true" /> : <ChevronRightIcon aria-hidden="true" />}
                      sx={{ fontWeight: 700, textTransform: 'none', position: 'sticky', left: 8 }}
                    >
                      {g.label} ({g.features.length} features)
                    </Button>
                  </Box>
                </tr>
                {open &&
                  g.features.map((f) => (
                    <tr key={f.id} data-feature={f.id}>
                      <Box component="th" scope="row" sx={{ ...CELL, ...STICKY, fontWeight: 600 }}>
                        {f.label}
                        {needed.includes(f.id) && <Chip size="small" color="primary" label="Needed" sx={{ ml: 0.5 }} />}
                        <Typography variant="caption" component="span" sx={{ display: 'block', fontWeight: 400 }}>
                          {f.description}
                        </Typography>
                      </Box>
                      {columns.map((v) => (
                        <Box
                          component="td"
                          key={v.column.id}
                          sx={{ ...CELL, ...highlight(v) }}
                          data-column={v.column.id}
                        >
                          <CellBody matrix={matrix} feature={f} column={v.column.id} />
                        </Box>
                      ))}
                    </tr>
                  ))}
              </tbody>
            );
          })}
        </Box>
      </Box>
      <ComparisonCards
        matrix={matrix}
        columns={columns}
        needed={needed}
        collapsed={collapsed}
        onToggleGroup={onToggleGroup}
      />
    </>
  );
}

/** One cell's content: level (or value), note, "since" and its source. */
function CellBody({ matrix, feature, column }: { matrix: Matrix; feature: FeatureRow; column: MatrixColumnKey }) {
  const cell = matrix.cells[feature.id][column];
  return (
    <>
      {feature.kind === 'info' ? (
        <Box component="span" sx={{ fontWeight: 600 }}>
          {cell.value ?? ''}
        </Box>
      ) : (
        <LevelBadge level={cell.level} />
      )}
      <Box component="span" sx={{ display: 'block' }}>
        {cell.note}
      </Box>
      {cell.since && <Chip size="small" variant="outlined" label={cell.since} sx={{ mt: 0.5, maxWidth: '100%' }} />}
      <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
        <ExternalLink source={cell.source}>
          Source
          <Box component="span" sx={visuallyHiddenSx}>
            : {cell.source.title}
          </Box>
        </ExternalLink>
      </Box>
    </>
  );
}

/**
 * Narrow screens: one card per CNI column, features listed down the card, the CNI's header sticky while its
 * card scrolls by. The same data as the table (CSS picks one; both render without browser APIs).
 */
function ComparisonCards({ matrix, columns, needed, collapsed, onToggleGroup }: ComparisonTableProps) {
  const release = matrix.release.requested.text;
  return (
    <Box component="section" aria-labelledby="comparison-cards-heading" sx={{ display: { xs: 'block', sm: 'none' } }}>
      <Typography variant="h6" component="h2" id="comparison-cards-heading" sx={{ mb: 1 }}>
        Feature support by CNI for RKE2 {release}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        {matrix.groups.map((g) => {
          const open = !collapsed.includes(g.id);
          return (
            <Button
              key={g.id}
              size="small"
              variant="outlined"
              onClick={() => onToggleGroup(g.id)}
              aria-expanded={open}
              startIcon={open ? <ExpandMoreIcon aria-hidden="true" /> : <ChevronRightIcon aria-hidden="true" />}
              sx={{ textTransform: 'none' }}
            >
              {g.label}
            </Button>
          );
        })}
      </Box>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {columns.map((v) => (
          <Box component="li" key={v.column.id} sx={{ mb: 2 }}>
            <Box
              component="article"
              data-card={v.column.id}
              aria-labelledby={`card-${v.column.id}`}
              sx={{
                border: 1,
                borderColor: v.recommended ? 'primary.main' : 'divider',
                borderWidth: v.recommended ? 2 : 1,
                borderRadius: 1,
              }}
            >
              <Box
                sx={{
                  position: 'sticky',
                  top: 0,
                  zIndex: 1,
                  bgcolor: 'background.paper',
                  borderBottom: 1,
                  borderColor: 'divider',
                  p: 1,
                }}
              >
                <Typography variant="h6" component="h3" id={`card-${v.column.id}`} sx={{ fontSize: '1.1rem' }}>
                  <InAppLink to={cniPageHref(v.column.id, release)}>{v.column.label}</InAppLink>
                </Typography>
                <ColumnHeader view={v} release={release} showName={false} />
              </Box>
              {matrix.groups
                .filter((g) => !collapsed.includes(g.id))
                .map((g) => (
                  <Box key={g.id} sx={{ px: 1, pb: 1 }}>
                    <Typography variant="subtitle2" component="h4" sx={{ mt: 1 }}>
                      {g.label}
                    </Typography>
                    <Box component="dl" sx={{ m: 0 }}>
                      {g.features.map((f) => (
                        <Box key={f.id} data-feature={f.id} sx={{ py: 0.5, borderTop: 1, borderColor: 'divider' }}>
                          <Box component="dt" sx={{ fontWeight: 600 }}>
                            {f.label}
                            {needed.includes(f.id) && (
                              <Chip size="small" color="primary" label="Needed" sx={{ ml: 0.5 }} />
                            )}
                          </Box>
                          <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                            <CellBody matrix={matrix} feature={f} column={v.column.id} />
                          </Box>
                        </Box>
                      ))}
                    </Box>
                  </Box>
                ))}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
