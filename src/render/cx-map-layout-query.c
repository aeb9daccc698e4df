/* cx-map-layout-query.c — where things are on the map, and what is where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The questions the window, the exporter and the tests ask of a layout
 * built by cx-map-layout.c. Each is answered in O(1) (or in the number of
 * lanes): a column's x is arithmetic on its phase's span, the column under
 * a point a division by the pitch, a step's column a hash lookup.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>

#include "cx-map-private.h"

/**
 * cx_map_layout_get_size:
 * @layout: a #CxMapLayout
 * @width: (out) (optional): the whole map's width, lane-name column included
 * @height: (out) (optional): its height
 */
void
cx_map_layout_get_size (CxMapLayout *layout,
                        double      *width,
                        double      *height)
{
  g_return_if_fail (layout != NULL);

  if (width != NULL)
    *width = layout->width;
  if (height != NULL)
    *height = layout->height;
}

/**
 * cx_map_layout_get_header_width:
 * @layout: a #CxMapLayout
 *
 * Returns: the width of the lane-name column at the left
 */
double
cx_map_layout_get_header_width (CxMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->header_width;
}

/**
 * cx_map_layout_get_top_height:
 * @layout: a #CxMapLayout
 *
 * Returns: the height of the phase bands and step headers, where the
 *   first lane begins
 */
double
cx_map_layout_get_top_height (CxMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->lanes_y;
}

/**
 * cx_map_layout_get_persona:
 * @layout: a #CxMapLayout
 *
 * Returns: (nullable): the id of the persona whose journey the layout
 *   shows, or %NULL when it shows every step
 */
const char *
cx_map_layout_get_persona (CxMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->persona;
}

/**
 * cx_map_layout_shows_step:
 * @layout: a #CxMapLayout
 * @step: a step of the plan
 *
 * Returns: whether @step has a column: it is in the phase shown, and in
 *   the journey of the persona shown
 */
gboolean
cx_map_layout_shows_step (CxMapLayout *layout,
                          CxStep      *step)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  return g_hash_table_contains (layout->step_index, step);
}

/**
 * cx_map_layout_get_n_steps:
 * @layout: a #CxMapLayout
 *
 * Returns: the number of step columns (placeholders of empty phases not
 *   counted)
 */
guint
cx_map_layout_get_n_steps (CxMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->steps->len;
}

/**
 * cx_map_layout_get_step:
 * @layout: a #CxMapLayout
 * @index: a column, in journey order with recovery last
 *
 * Returns: (transfer none): the step of that column
 */
CxStep *
cx_map_layout_get_step (CxMapLayout *layout,
                        guint        index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->steps->len, NULL);

  return g_ptr_array_index (layout->steps, index);
}

/**
 * cx_map_layout_get_step_index:
 * @layout: a #CxMapLayout
 * @step: a step of the plan
 *
 * Returns: its column, or -1 if the layout does not show it
 */
int
cx_map_layout_get_step_index (CxMapLayout *layout,
                              CxStep      *step)
{
  g_return_val_if_fail (layout != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (layout->step_index, step)) - 1;
}

CxPhase
cx_map_layout_step_phase (CxMapLayout *layout,
                          guint        index)
{
  for (int p = CX_N_PHASES - 1; p > 0; p--)
    {
      if (layout->phases[p].shown && index >= layout->phases[p].first)
        return p;
    }
  return CX_PHASE_BEFORE;
}

double
cx_map_layout_step_x (CxMapLayout *layout,
                      guint        index)
{
  const CxMapPhaseSpan *span = &layout->phases[cx_map_layout_step_phase (layout, index)];

  return span->x + (index - span->first) * CX_MAP_PITCH;
}

/* The steps whose columns meet the x range [x0, x1]: FALSE if none */
gboolean
cx_map_layout_visible_steps (CxMapLayout *layout,
                             double       x0,
                             double       x1,
                             guint       *first,
                             guint       *last)
{
  guint lo_all = G_MAXUINT, hi_all = 0;

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      const CxMapPhaseSpan *span = &layout->phases[p];
      double lo, hi;

      if (!span->shown || span->n_steps == 0)
        continue;

      lo = ceil ((x0 - span->x - CX_MAP_COLUMN_WIDTH) / CX_MAP_PITCH);
      hi = floor ((x1 - span->x) / CX_MAP_PITCH);
      lo = MAX (lo, 0);
      hi = MIN (hi, span->n_steps - 1.0);
      if (lo > hi)
        continue;

      lo_all = MIN (lo_all, span->first + (guint) lo);
      hi_all = MAX (hi_all, span->first + (guint) hi);
    }

  if (lo_all > hi_all)
    return FALSE;

  *first = lo_all;
  *last = hi_all;
  return TRUE;
}

static double
columns_bottom (CxMapLayout *layout)
{
  return layout->failures_y + layout->failures_height;
}

/**
 * cx_map_layout_get_step_rect:
 * @layout: a #CxMapLayout
 * @step: a step
 * @rect: (out): its column, from its header card to the last row
 *
 * Returns: %FALSE if the layout does not show @step
 */
gboolean
cx_map_layout_get_step_rect (CxMapLayout       *layout,
                             CxStep            *step,
                             cairo_rectangle_t *rect)
{
  int index;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  index = cx_map_layout_get_step_index (layout, step);
  if (index < 0)
    return FALSE;

  rect->x = cx_map_layout_step_x (layout, index);
  rect->y = layout->head_y;
  rect->width = CX_MAP_COLUMN_WIDTH;
  rect->height = columns_bottom (layout) - layout->head_y;
  return TRUE;
}

/**
 * cx_map_layout_get_step_header_rect:
 * @layout: a #CxMapLayout
 * @step: a step
 * @rect: (out): its header card: title, channel, owner, marks, badges
 *
 * Returns: %FALSE if the layout does not show @step
 */
gboolean
cx_map_layout_get_step_header_rect (CxMapLayout       *layout,
                                    CxStep            *step,
                                    cairo_rectangle_t *rect)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!cx_map_layout_get_step_rect (layout, step, rect))
    return FALSE;
  rect->height = CX_MAP_STEP_HEIGHT;
  return TRUE;
}

/**
 * cx_map_layout_get_step_badges_rect:
 * @layout: a #CxMapLayout
 * @step: a step of its plan
 * @rect: (out): the row of badges, in map units
 *
 * Where the step's finding badges are drawn: the bottom row of its header
 * card, for a click or a popover to point at.
 *
 * Returns: whether the layout shows @step
 */
gboolean
cx_map_layout_get_step_badges_rect (CxMapLayout       *layout,
                                    CxStep            *step,
                                    cairo_rectangle_t *rect)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!cx_map_layout_get_step_header_rect (layout, step, rect))
    return FALSE;

  /* as cx-map-render.c draws them: centred 18 above the card's bottom */
  rect->x += 8;
  rect->width -= 16;
  rect->y += rect->height - 30;
  rect->height = 24;
  return TRUE;
}

/**
 * cx_map_layout_get_step_findings:
 * @layout: a #CxMapLayout
 * @step: a step of its plan
 *
 * Returns: (transfer none) (nullable) (element-type CxFinding): the step's
 *   findings among those the layout was made with, accepted ones included
 */
GPtrArray *
cx_map_layout_get_step_findings (CxMapLayout *layout,
                                 CxStep      *step)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return step != NULL ? g_hash_table_lookup (layout->step_findings, step) : NULL;
}

/**
 * cx_map_layout_get_failure_findings:
 * @layout: a #CxMapLayout
 * @failure: a failure of its plan
 *
 * Returns: (transfer none) (nullable) (element-type CxFinding): the
 *   failure's findings among those the layout was made with
 */
GPtrArray *
cx_map_layout_get_failure_findings (CxMapLayout *layout,
                                    CxFailure   *failure)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return failure != NULL ? g_hash_table_lookup (layout->failure_findings, failure) : NULL;
}

static const CxMapRow *
find_row (CxMapLayout *layout,
          CxLane      *lane)
{
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CxMapRow *row = &g_array_index (layout->rows, CxMapRow, i);

      if (row->lane == lane)
        return row;
    }
  return NULL;
}

/**
 * cx_map_layout_get_lane_rect:
 * @layout: a #CxMapLayout
 * @lane: a lane of the plan
 * @rect: (out): its row across the whole map, lane-name column included
 *
 * Returns: %FALSE if @lane is not in the layout
 */
gboolean
cx_map_layout_get_lane_rect (CxMapLayout       *layout,
                             CxLane            *lane,
                             cairo_rectangle_t *rect)
{
  const CxMapRow *row;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  row = find_row (layout, lane);
  if (row == NULL)
    return FALSE;

  *rect = (cairo_rectangle_t) { 0, row->y, layout->width, row->height };
  return TRUE;
}

/**
 * cx_map_layout_get_cell_rect:
 * @layout: a #CxMapLayout
 * @step: a step
 * @lane: a lane
 * @rect: (out): where the step's column crosses the lane's row
 *
 * Returns: %FALSE if the layout shows either not
 */
gboolean
cx_map_layout_get_cell_rect (CxMapLayout       *layout,
                             CxStep            *step,
                             CxLane            *lane,
                             cairo_rectangle_t *rect)
{
  const CxMapRow *row;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  row = find_row (layout, lane);
  if (row == NULL || !cx_map_layout_get_step_rect (layout, step, rect))
    return FALSE;

  rect->y = row->y;
  rect->height = row->height;
  return TRUE;
}

/**
 * cx_map_layout_lane_at:
 * @layout: a #CxMapLayout
 * @y: a height on the map
 *
 * Returns: (transfer none) (nullable): the lane whose row holds @y
 */
CxLane *
cx_map_layout_lane_at (CxMapLayout *layout,
                       double       y)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CxMapRow *row = &g_array_index (layout->rows, CxMapRow, i);

      if (y >= row->y && y < row->y + row->height)
        return row->lane;
    }
  return NULL;
}

/**
 * cx_map_layout_get_phase_rect:
 * @layout: a #CxMapLayout
 * @phase: a phase
 * @rect: (out): its band at the top, across its columns
 *
 * Returns: %FALSE if the layout does not show @phase
 */
gboolean
cx_map_layout_get_phase_rect (CxMapLayout       *layout,
                              CxPhase            phase,
                              cairo_rectangle_t *rect)
{
  const CxMapPhaseSpan *span;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail ((guint) phase < CX_N_PHASES, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  span = &layout->phases[phase];
  if (!span->shown)
    return FALSE;

  rect->x = span->x;
  rect->y = layout->band_y;
  rect->width = span->n_columns * CX_MAP_PITCH - CX_MAP_GUTTER;
  rect->height = CX_MAP_BAND_HEIGHT;
  return TRUE;
}

void
cx_map_layout_failure_item_rect (CxMapLayout       *layout,
                                 guint              step_index,
                                 guint              slot,
                                 cairo_rectangle_t *rect)
{
  rect->x = cx_map_layout_step_x (layout, step_index);
  rect->y = layout->failures_y + CX_MAP_ROW_GAP
            + slot * (CX_MAP_FAILURE_ITEM + CX_MAP_FAILURE_SPACING);
  rect->width = CX_MAP_COLUMN_WIDTH;
  rect->height = CX_MAP_FAILURE_ITEM;
}

/**
 * cx_map_layout_get_failure_rect:
 * @layout: a #CxMapLayout
 * @failure: a failure of a step
 * @rect: (out): its badge in the failures row (the "+N more" badge when
 *   its step has more failures than the row has room for)
 *
 * Returns: %FALSE if the layout does not show @failure
 */
gboolean
cx_map_layout_get_failure_rect (CxMapLayout       *layout,
                                CxFailure         *failure,
                                cairo_rectangle_t *rect)
{
  guint slot;
  int index;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  slot = GPOINTER_TO_UINT (g_hash_table_lookup (layout->failure_slot, failure));
  if (slot == 0)
    return FALSE;
  index = cx_map_layout_get_step_index (layout, cx_failure_get_step (failure));
  if (index < 0)
    return FALSE;

  cx_map_layout_failure_item_rect (layout, index, slot - 1, rect);
  return TRUE;
}

/**
 * cx_map_layout_get_finding_rect:
 * @layout: a #CxMapLayout
 * @finding: a finding of the plan
 * @rect: (out): what it flags: its step's column (its cell, for a finding
 *   on a cell), its failure's badge, or its phase's band
 *
 * Returns: %FALSE if the layout does not show what @finding flags
 */
gboolean
cx_map_layout_get_finding_rect (CxMapLayout       *layout,
                                const CxFinding   *finding,
                                cairo_rectangle_t *rect)
{
  GObject *object;
  CxStep *step;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (finding->target == CX_TARGET_PHASE)
    return cx_map_layout_get_phase_rect (layout, finding->phase, rect);

  if (finding->target == CX_TARGET_FAILURE && finding->failure_id != NULL)
    {
      object = cx_plan_lookup_id (layout->plan, finding->failure_id);
      if (CX_IS_FAILURE (object) && cx_map_layout_get_failure_rect (layout, CX_FAILURE (object),
                                                                    rect))
        return TRUE;
    }

  if (finding->step_id == NULL)
    return FALSE;
  object = cx_plan_lookup_id (layout->plan, finding->step_id);
  if (!CX_IS_STEP (object))
    return FALSE;
  step = CX_STEP (object);

  if (finding->target == CX_TARGET_CELL && finding->index < cx_step_get_n_cells (step))
    {
      GObject *lane = cx_plan_lookup_id (layout->plan, cx_step_get_cell_lane (step,
                                                                              finding->index));

      if (CX_IS_LANE (lane) && cx_map_layout_get_cell_rect (layout, step, CX_LANE (lane), rect))
        return TRUE;
    }

  return cx_map_layout_get_step_rect (layout, step, rect);
}

/**
 * cx_map_layout_step_at:
 * @layout: a #CxMapLayout
 * @x: a point on the map
 * @y: a point on the map
 *
 * In O(1): the column is found by arithmetic.
 *
 * Returns: (transfer none) (nullable): the step whose column holds the
 *   point, from its header card down, gutters excluded
 */
CxStep *
cx_map_layout_step_at (CxMapLayout *layout,
                       double       x,
                       double       y)
{
  g_return_val_if_fail (layout != NULL, NULL);

  if (y < layout->head_y || y >= columns_bottom (layout))
    return NULL;

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      const CxMapPhaseSpan *span = &layout->phases[p];
      double offset = x - span->x;
      guint column;

      if (!span->shown || span->n_steps == 0 || offset < 0 || offset >= span->n_steps * CX_MAP_PITCH)
        continue;

      column = (guint) (offset / CX_MAP_PITCH);
      if (column >= span->n_steps || offset - column * CX_MAP_PITCH >= CX_MAP_COLUMN_WIDTH)
        return NULL;
      return g_ptr_array_index (layout->steps, span->first + column);
    }

  return NULL;
}

/* A failure the plan's thresholds call serious (as check CX003 does) */
gboolean
cx_map_layout_is_high_risk (CxMapLayout *layout,
                            CxFailure   *failure)
{
  return cx_failure_get_rpn (failure) >= layout->rpn_threshold
         || cx_failure_get_severity (failure) >= layout->severity_threshold;
}
