/* cx-map-layout.c — the geometry of the journey map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where everything goes, from the plan's structure alone: how many steps
 * each phase has, which lanes there are and of what kind, how many
 * failures a step holds. Columns have one width and rows one height a lane
 * kind, so the layout is a handful of numbers a phase and a lane, built in
 * O(steps) and asked in O(1): a column's x is arithmetic, a point's step
 * is a division, a step's index a hash lookup (cx-map-layout-query.c).
 * Text never changes the geometry; it is wrapped and ellipsized into its
 * cell when drawn.
 *
 *   x: | lane names | margin | before cols | gap | during | gap | after | recovery gap ┆ recovery |
 *   y: margin, phase bands, step headers, lanes (with room for the
 *      blueprint lines), the failures row and its connections, margin
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-map-private.h"

G_DEFINE_BOXED_TYPE (CxMapLayout, cx_map_layout, cx_map_layout_ref, cx_map_layout_unref)

const char *
cx_map_phase_label (CxPhase phase)
{
  switch (phase)
    {
    case CX_PHASE_BEFORE:
      return C_("phase", "Before");
    case CX_PHASE_DURING:
      return C_("phase", "During");
    case CX_PHASE_AFTER:
      return C_("phase", "After");
    case CX_PHASE_RECOVERY:
      return C_("phase", "Recovery");
    default:
      g_return_val_if_reached ("");
    }
}

static double
lane_height (CxLaneKind kind)
{
  switch (kind)
    {
    case CX_LANE_KIND_EMOTION:
      return CX_MAP_EMOTION_LANE;
    case CX_LANE_KIND_EXPECTATION:
      return CX_MAP_EXPECT_LANE;
    default:
      return CX_MAP_TEXT_LANE;
    }
}

/* The lines of a service blueprint: interaction above the frontstage,
 * visibility between frontstage and the backstage right below it,
 * internal interaction above support. */
static CxMapLine
line_above (CxLaneKind previous,
            CxLaneKind kind)
{
  if (kind == CX_LANE_KIND_BACKSTAGE && previous == CX_LANE_KIND_FRONTSTAGE)
    return CX_MAP_LINE_VISIBILITY;
  if (kind == CX_LANE_KIND_FRONTSTAGE && previous != CX_LANE_KIND_FRONTSTAGE)
    return CX_MAP_LINE_INTERACTION;
  if (kind == CX_LANE_KIND_SUPPORT && previous != CX_LANE_KIND_SUPPORT)
    return CX_MAP_LINE_INTERNAL;
  return CX_MAP_LINE_NONE;
}

static GPtrArray *
findings_list (GHashTable *table,
               gpointer    key)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, key, list);
    }

  return list;
}

static void
index_findings (CxMapLayout *self)
{
  self->step_findings = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->failure_findings = g_hash_table_new_full (NULL, NULL, NULL,
                                                  (GDestroyNotify) g_ptr_array_unref);
  for (guint p = 0; p < CX_N_PHASES; p++)
    self->phase_findings[p] = g_ptr_array_new ();

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      CxFinding *finding = g_ptr_array_index (self->findings, i);
      GObject *object = NULL;

      if (finding->target == CX_TARGET_PHASE)
        {
          if ((guint) finding->phase < CX_N_PHASES)
            g_ptr_array_add (self->phase_findings[finding->phase], finding);
          continue;
        }

      if (finding->target == CX_TARGET_FAILURE && finding->failure_id != NULL)
        {
          object = cx_plan_lookup_id (self->plan, finding->failure_id);
          if (CX_IS_FAILURE (object))
            {
              g_ptr_array_add (findings_list (self->failure_findings, object), finding);
              continue;
            }
        }

      if (finding->step_id != NULL)
        {
          object = cx_plan_lookup_id (self->plan, finding->step_id);
          if (CX_IS_STEP (object))
            g_ptr_array_add (findings_list (self->step_findings, object), finding);
        }
    }
}

static void
add_connection (CxMapLayout *self,
                CxFailure   *failure,
                CxStep      *target,
                gboolean     recovers)
{
  CxStep *source = cx_failure_get_step (failure);
  gpointer source_index, target_index, slot;
  CxMapConnection connection;

  if (source == NULL || source == target)
    return;

  source_index = g_hash_table_lookup (self->step_index, source);
  target_index = g_hash_table_lookup (self->step_index, target);
  slot = g_hash_table_lookup (self->failure_slot, failure);
  if (source_index == NULL || target_index == NULL || slot == NULL)
    return;

  connection.source = GPOINTER_TO_UINT (source_index) - 1;
  connection.target = GPOINTER_TO_UINT (target_index) - 1;
  connection.slot = GPOINTER_TO_UINT (slot) - 1;
  connection.recovers = recovers;
  connection.failure = failure;
  g_array_append_val (self->connections, connection);
}

static int
compare_ends (gconstpointer a,
              gconstpointer b)
{
  const CxMapConnection *ca = a;
  const CxMapConnection *cb = b;

  if (ca->failure != cb->failure)
    return (guintptr) ca->failure < (guintptr) cb->failure ? -1 : 1;
  if (ca->target != cb->target)
    return ca->target < cb->target ? -1 : 1;
  return (int) cb->recovers - (int) ca->recovers;
}

/* A failure both led to and answered by the same step gets one line, the
 * answer's. In O(n log n), for plans with thousands of failures. */
static void
merge_connections (CxMapLayout *self)
{
  guint kept = 0;

  g_array_sort (self->connections, compare_ends);
  for (guint i = 0; i < self->connections->len; i++)
    {
      CxMapConnection *connection = &g_array_index (self->connections, CxMapConnection, i);

      if (kept > 0)
        {
          CxMapConnection *last = &g_array_index (self->connections, CxMapConnection, kept - 1);

          if (last->failure == connection->failure && last->target == connection->target)
            continue;
        }
      g_array_index (self->connections, CxMapConnection, kept++) = *connection;
    }
  g_array_set_size (self->connections, kept);
}

/* By where the line leaves: its failure's step, then the failure's slot */
static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const CxMapConnection *ca = a;
  const CxMapConnection *cb = b;

  if (ca->source != cb->source)
    return ca->source < cb->source ? -1 : 1;
  return ca->slot < cb->slot ? -1 : ca->slot > cb->slot;
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GArray *connections = user_data;
  const CxMapConnection *ca = &g_array_index (connections, CxMapConnection, *(const guint *) a);
  const CxMapConnection *cb = &g_array_index (connections, CxMapConnection, *(const guint *) b);

  return ca->target < cb->target ? -1 : ca->target > cb->target;
}

/* The connections are sorted by where they leave, and indexed here by
 * where they arrive, so that a frame finds those it draws in O(log n)
 * rather than going through every one; and how many failures each step
 * answers */
static void
index_connection_ends (CxMapLayout *self)
{
  guint n = self->connections->len;

  self->by_target = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  self->answers = g_new0 (guint, MAX (self->steps->len, 1));

  for (guint i = 0; i < n; i++)
    {
      const CxMapConnection *connection = &g_array_index (self->connections, CxMapConnection, i);

      g_array_append_val (self->by_target, i);
      if (connection->recovers)
        self->answers[connection->target]++;
    }
  g_array_sort_with_data (self->by_target, compare_targets, self->connections);
}

/* Which failures a recovery answers, and the lines to draw for that and
 * for every failure's leads-to */
static void
index_connections (CxMapLayout *self)
{
  guint n_recovery = cx_plan_get_n_steps (self->plan, CX_PHASE_RECOVERY);

  self->answered = g_hash_table_new (NULL, NULL);
  self->connections = g_array_new (FALSE, FALSE, sizeof (CxMapConnection));

  for (guint i = 0; i < n_recovery; i++)
    {
      CxStep *recovery = cx_plan_get_step (self->plan, CX_PHASE_RECOVERY, i);
      const char *recovers = cx_step_get_recovers (recovery);
      g_auto(GStrv) ids = NULL;

      if (recovers == NULL)
        continue;

      ids = g_strsplit_set (recovers, " \t\r\n", -1);
      for (guint j = 0; ids[j] != NULL; j++)
        {
          GObject *object;

          if (ids[j][0] == '\0')
            continue;
          object = cx_plan_lookup_id (self->plan, ids[j]);
          if (!CX_IS_FAILURE (object))
            continue;
          g_hash_table_add (self->answered, object);
          add_connection (self, CX_FAILURE (object), recovery, TRUE);
        }
    }

  for (guint i = 0; i < self->steps->len; i++)
    {
      CxStep *step = g_ptr_array_index (self->steps, i);

      for (guint j = 0; j < cx_step_get_n_failures (step); j++)
        {
          CxFailure *failure = cx_step_get_failure (step, j);
          const char *leads_to = cx_failure_get_leads_to (failure);
          GObject *target;

          if (leads_to == NULL)
            continue;
          target = cx_plan_lookup_id (self->plan, leads_to);
          if (CX_IS_STEP (target))
            add_connection (self, failure, CX_STEP (target), FALSE);
        }
    }

  merge_connections (self);
  g_array_sort (self->connections, compare_sources);
  index_connection_ends (self);
}

/* A persona's journey: its own steps and every persona's */
static gboolean
step_in_journey (CxMapLayout *self,
                 CxStep      *step)
{
  const char *persona = cx_step_get_persona (step);

  return self->persona == NULL || persona == NULL || g_str_equal (persona, self->persona);
}

static void
place_columns (CxMapLayout *self)
{
  double x = self->header_width + CX_MAP_MARGIN;
  double right = x;
  gboolean any = FALSE;

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      CxMapPhaseSpan *span = &self->phases[p];
      guint n;

      span->shown = self->phase < 0 || self->phase == (int) p;
      span->first = self->steps->len;
      if (!span->shown)
        continue;

      n = 0;
      for (guint i = 0; i < cx_plan_get_n_steps (self->plan, p); i++)
        {
          CxStep *step = cx_plan_get_step (self->plan, p, i);

          if (!step_in_journey (self, step))
            continue;
          g_ptr_array_add (self->steps, g_object_ref (step));
          g_hash_table_insert (self->step_index, step, GUINT_TO_POINTER (self->steps->len));
          n++;
        }

      if (any)
        x = right + (p == CX_PHASE_RECOVERY ? CX_MAP_RECOVERY_GAP : CX_MAP_PHASE_GAP);
      span->n_steps = n;
      span->n_columns = MAX (n, 1);
      span->x = x;
      right = x + span->n_columns * CX_MAP_PITCH - CX_MAP_GUTTER;
      any = TRUE;
    }

  self->width = right + CX_MAP_MARGIN;
}

static void
place_rows (CxMapLayout *self)
{
  guint n_lanes = cx_plan_get_n_lanes (self->plan);
  guint max_failures = 0;
  double y;

  self->band_y = CX_MAP_MARGIN;
  self->head_y = self->band_y + CX_MAP_BAND_HEIGHT + CX_MAP_ROW_GAP;
  self->lanes_y = self->head_y + CX_MAP_STEP_HEIGHT + CX_MAP_ROW_GAP;

  y = self->lanes_y;
  self->rows = g_array_sized_new (FALSE, TRUE, sizeof (CxMapRow), n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    {
      CxMapRow row = { 0, };

      row.lane = g_object_ref (cx_plan_get_lane (self->plan, i));
      row.kind = cx_lane_get_kind (row.lane);
      if (i > 0)
        row.line_above = line_above (g_array_index (self->rows, CxMapRow, i - 1).kind, row.kind);
      if (row.line_above != CX_MAP_LINE_NONE)
        y += CX_MAP_LINE_GAP;
      row.y = y;
      row.height = lane_height (row.kind);
      y += row.height;
      g_array_append_val (self->rows, row);
    }
  self->lanes_bottom = y;

  /* The failures row: as many slots as the step with most failures needs */
  self->failure_slot = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->steps->len; i++)
    max_failures = MAX (max_failures,
                        cx_step_get_n_failures (g_ptr_array_index (self->steps, i)));
  self->failure_slots = MIN (max_failures, CX_MAP_MAX_FAILURE_SLOTS);

  for (guint i = 0; i < self->steps->len; i++)
    {
      CxStep *step = g_ptr_array_index (self->steps, i);

      for (guint j = 0; j < cx_step_get_n_failures (step); j++)
        g_hash_table_insert (self->failure_slot, cx_step_get_failure (step, j),
                             GUINT_TO_POINTER (MIN (j, self->failure_slots - 1) + 1));
    }

  self->failures_y = y;
  if (self->failure_slots > 0)
    {
      self->failures_height = CX_MAP_ROW_GAP
                              + self->failure_slots
                                * (CX_MAP_FAILURE_ITEM + CX_MAP_FAILURE_SPACING)
                              + CX_MAP_ARC_BAND;
      y += self->failures_height;
    }

  self->height = y + CX_MAP_MARGIN;
}

/**
 * cx_map_layout_new:
 * @plan: a #CxPlan
 * @findings: (element-type CxFinding) (nullable): from cx_check_plan()
 * @options: (nullable): which phase, which persona's journey, which font
 *
 * Lays the plan out as a map. The layout keeps @plan and @findings; make
 * a new one when either changes (it takes O(steps) and a few milliseconds
 * for 10,000 steps).
 *
 * Returns: (transfer full): a new layout
 */
CxMapLayout *
cx_map_layout_new (CxPlan                   *plan,
                   GPtrArray                *findings,
                   const CxMapLayoutOptions *options)
{
  CxMapLayout *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);
  g_return_val_if_fail (options == NULL || (options->phase >= -1 && options->phase < CX_N_PHASES),
                        NULL);

  self = g_new0 (CxMapLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->plan = g_object_ref (plan);
  self->findings = findings != NULL ? g_ptr_array_ref (findings) : NULL;
  self->phase = options != NULL ? options->phase : -1;
  self->font_family = g_strdup (options != NULL ? options->font_family : NULL);
  self->persona = g_strdup (options != NULL ? options->persona : NULL);
  self->header_width = options != NULL && options->narrow ? CX_MAP_HEADER_WIDTH_NARROW
                                                           : CX_MAP_HEADER_WIDTH;
  self->rpn_threshold = cx_plan_get_threshold (plan, "rpn");
  self->severity_threshold = cx_plan_get_threshold (plan, "severity");

  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->step_index = g_hash_table_new (NULL, NULL);

  place_columns (self);
  place_rows (self);
  index_findings (self);
  index_connections (self);

  return self;
}

/**
 * cx_map_layout_set_findings:
 * @layout: a #CxMapLayout
 * @findings: (element-type CxFinding) (nullable): the plan checked again
 *
 * Takes the findings of the plan checked again after an edit that left
 * the map's geometry as it was (a text, a level): only the badges change,
 * nothing is laid out again.
 */
void
cx_map_layout_set_findings (CxMapLayout *layout,
                            GPtrArray   *findings)
{
  g_return_if_fail (layout != NULL);

  g_hash_table_unref (layout->step_findings);
  g_hash_table_unref (layout->failure_findings);
  for (guint p = 0; p < CX_N_PHASES; p++)
    g_ptr_array_unref (layout->phase_findings[p]);
  g_clear_pointer (&layout->findings, g_ptr_array_unref);
  layout->findings = findings != NULL ? g_ptr_array_ref (findings) : NULL;
  index_findings (layout);
}

/**
 * cx_map_layout_ref:
 * @layout: a #CxMapLayout
 *
 * Returns: (transfer full): @layout
 */
CxMapLayout *
cx_map_layout_ref (CxMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  g_atomic_ref_count_inc (&layout->ref_count);
  return layout;
}

/**
 * cx_map_layout_unref:
 * @layout: (transfer full): a #CxMapLayout
 *
 * Releases a reference; the last one frees the layout.
 */
void
cx_map_layout_unref (CxMapLayout *layout)
{
  g_return_if_fail (layout != NULL);

  if (!g_atomic_ref_count_dec (&layout->ref_count))
    return;

  for (guint i = 0; i < layout->rows->len; i++)
    g_object_unref (g_array_index (layout->rows, CxMapRow, i).lane);
  g_array_unref (layout->rows);
  g_ptr_array_unref (layout->steps);
  g_hash_table_unref (layout->step_index);
  g_hash_table_unref (layout->failure_slot);
  g_hash_table_unref (layout->answered);
  g_array_unref (layout->connections);
  g_array_unref (layout->by_target);
  g_free (layout->answers);
  g_hash_table_unref (layout->step_findings);
  g_hash_table_unref (layout->failure_findings);
  for (guint p = 0; p < CX_N_PHASES; p++)
    g_ptr_array_unref (layout->phase_findings[p]);
  g_clear_pointer (&layout->findings, g_ptr_array_unref);
  g_clear_object (&layout->plan);
  g_free (layout->font_family);
  g_free (layout->persona);
  g_free (layout);
}
