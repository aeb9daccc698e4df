/* cx-edit-structure.c — editing a plan: adding, removing and moving things
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps and failures, and the references between them: what points to
 * something deleted goes with it in the same step of undo. Lanes and
 * personas are in cx-edit-lists.c.
 */

#define G_LOG_DOMAIN "cx-edit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-edit.h"
#include "cx-history-private.h"
#include "cx-plan-io.h"
#include "cx-validate.h"

/* ------------------------------------------------------------------ */
/* References                                                          */

/* Whether the space-separated list @ids holds @id */
static gboolean
list_has (const char *ids,
          const char *id)
{
  gsize len = strlen (id);

  for (const char *p = ids; p != NULL && *p != '\0'; )
    {
      const char *end;

      while (g_ascii_isspace (*p))
        p++;
      end = p;
      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      if ((gsize) (end - p) == len && strncmp (p, id, len) == 0)
        return TRUE;
      p = end;
    }

  return FALSE;
}

/* @ids without @id, as written otherwise (NULL when nothing is left) */
static char *
list_without (const char *ids,
              const char *id)
{
  g_auto(GStrv) parts = g_strsplit_set (ids, " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], id))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[i]);
    }

  if (out->len == 0)
    return (g_string_free (out, TRUE), NULL);
  return g_string_free (out, FALSE);
}

/* Removes @failure_id from every recovery step that answers it */
static void
drop_recovers_of (CxHistory  *history,
                  const char *failure_id)
{
  CxPlan *plan = cx_history_get_plan (history);

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      {
        CxStep *step = g_ptr_array_index (plan->steps[phase], i);

        if (list_has (step->recovers, failure_id))
          {
            g_autofree char *rest = list_without (step->recovers, failure_id);

            cx_edit_push_text (history, step, "recovers", rest);
          }
      }
}

guint
cx_edit_count_recovers_of (CxPlan    *plan,
                           CxFailure *failure)
{
  guint n = 0;

  g_return_val_if_fail (CX_IS_PLAN (plan), 0);
  g_return_val_if_fail (CX_IS_FAILURE (failure), 0);

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      n += list_has (((CxStep *) g_ptr_array_index (plan->steps[phase], i))->recovers,
                     failure->id);

  return n;
}

/**
 * cx_edit_count_step_references:
 * @plan: a plan
 * @step: a step of @plan
 *
 * Returns: how many references deleting @step would remove: failures
 *   that lead to it, links to it, and recovery steps' references to its
 *   failures
 */
guint
cx_edit_count_step_references (CxPlan *plan,
                               CxStep *step)
{
  guint n = 0;

  g_return_val_if_fail (CX_IS_PLAN (plan), 0);
  g_return_val_if_fail (CX_IS_STEP (step), 0);

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      {
        CxStep *other = g_ptr_array_index (plan->steps[phase], i);

        if (other == step)
          continue;
        for (guint j = 0; j < other->failures->len; j++)
          n += g_strcmp0 (((CxFailure *) g_ptr_array_index (other->failures, j))->leads_to,
                          step->id) == 0;
        for (guint j = 0; j < other->links->len; j++)
          n += g_strcmp0 (((CxLink *) g_ptr_array_index (other->links, j))->step,
                          step->id) == 0;
      }
  for (guint j = 0; j < step->failures->len; j++)
    n += cx_edit_count_recovers_of (plan, g_ptr_array_index (step->failures, j));

  return n;
}

guint
cx_edit_count_lane_cells (CxPlan *plan,
                          CxLane *lane)
{
  guint n = 0;

  g_return_val_if_fail (CX_IS_PLAN (plan), 0);
  g_return_val_if_fail (CX_IS_LANE (lane), 0);

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      {
        CxStep *step = g_ptr_array_index (plan->steps[phase], i);

        for (guint j = 0; j < step->cells->len; j++)
          n += g_strcmp0 (((CxCell *) g_ptr_array_index (step->cells, j))->lane, lane->id) == 0;
      }

  return n;
}

guint
cx_edit_count_persona_steps (CxPlan    *plan,
                             CxPersona *persona)
{
  guint n = 0;

  g_return_val_if_fail (CX_IS_PLAN (plan), 0);
  g_return_val_if_fail (CX_IS_PERSONA (persona), 0);

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      n += g_strcmp0 (((CxStep *) g_ptr_array_index (plan->steps[phase], i))->persona,
                      persona->id) == 0;

  return n;
}

/**
 * cx_edit_set_recovers:
 * @history: the plan's history
 * @step: a recovery step of the plan
 * @failure_ids: (nullable) (array zero-terminated=1): ids of failures
 *   of the plan
 * @error: a #GError
 *
 * Returns: %TRUE if set
 */
gboolean
cx_edit_set_recovers (CxHistory          *history,
                      CxStep             *step,
                      const char *const  *failure_ids,
                      GError            **error)
{
  CxPlan *plan = cx_history_get_plan (history);
  g_autoptr(GString) list = g_string_new (NULL);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (CX_IS_STEP (step) && step->plan == plan, FALSE);

  for (guint i = 0; failure_ids != NULL && failure_ids[i] != NULL; i++)
    {
      const char *id = failure_ids[i];
      GObject *object;

      if (*id == '\0' || list_has (list->str, id))
        continue;
      object = cx_plan_lookup_id (plan, id);
      if (!CX_IS_FAILURE (object))
        return cx_edit_refuse (error, _("there is no failure '%s' in the plan"), id);
      if (list->len > 0)
        g_string_append_c (list, ' ');
      g_string_append (list, id);
    }
  if (list->len > 0 && step->phase != CX_PHASE_RECOVERY)
    return cx_edit_refuse (error, _("only a step of the recovery phase answers failures"));
  if (g_strcmp0 (step->recovers, list->len > 0 ? list->str : NULL) == 0)
    return TRUE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, list->len > 0 ? list->str : NULL);
  cx_history_push (history, cx_change_property_new (step, "recovers", &value, FALSE),
                   N_("Change Failures Answered"));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Steps                                                               */

static gboolean
check_position (CxPlan      *plan,
                CxPhase      phase,
                int         *position,
                guint        extra,
                GError     **error)
{
  guint n;

  if ((guint) phase >= CX_N_PHASES)
    return cx_edit_refuse (error, _("there is no such phase"));

  n = plan->steps[phase]->len + extra;
  if (*position < 0)
    *position = n;
  if ((guint) *position > n)
    return cx_edit_refuse (error, _("there is no place %d in that phase"), *position);

  return TRUE;
}

/**
 * cx_edit_insert_step:
 * @history: the plan's history
 * @phase: where the step goes
 * @position: its index in the phase, -1 for last
 * @title: (nullable): its title
 * @error: a #GError
 *
 * Returns: (transfer none) (nullable): the new step, with a fresh id
 */
CxStep *
cx_edit_insert_step (CxHistory   *history,
                     CxPhase      phase,
                     int          position,
                     const char  *title,
                     GError     **error)
{
  CxPlan *plan;
  g_autoptr(CxStep) step = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);

  plan = cx_history_get_plan (history);
  if (!check_position (plan, phase, &position, 0, error) || !cx_validate_text (title, error))
    return NULL;

  id = cx_plan_make_id (plan, "step");
  step = cx_step_new (id);
  cx_step_set_title (step, title);
  cx_history_push (history, cx_change_step_insert_new (step, phase, position),
                   N_("Insert Step"));

  return step;
}

static CxCell *
copy_cell (const CxCell *cell)
{
  CxCell *copy = g_new0 (CxCell, 1);

  copy->lane = g_strdup (cell->lane);
  copy->text = g_strdup (cell->text);
  copy->extras = cx_extras_copy (cell->extras);

  return copy;
}

static CxLink *
copy_link (const CxLink *link)
{
  CxLink *copy = g_new0 (CxLink, 1);

  copy->kind = link->kind;
  copy->step = g_strdup (link->step);
  copy->extras = cx_extras_copy (link->extras);

  return copy;
}

/* A fresh id, free in the plan and among @taken (ids made for objects
 * not yet in it), which it joins */
static char *
fresh_id (CxPlan     *plan,
          GHashTable *taken,
          const char *stem)
{
  g_autofree char *base = cx_plan_make_id (plan, stem);
  char *id = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (taken, id) || cx_plan_lookup_id (plan, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (taken, id);

  return g_strdup (id);
}

/* Everything of @step but its place and ids, and the lines it was read from */
static CxStep *
copy_step (CxPlan *plan,
           CxStep *step)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *id = fresh_id (plan, taken, step->id);
  CxStep *copy = cx_step_new (id);

  copy->phase = step->phase;
  copy->title = g_strdup (step->title);
  copy->owner = g_strdup (step->owner);
  copy->persona = g_strdup (step->persona);
  copy->recovers = g_strdup (step->recovers);
  copy->channel = step->channel;
  copy->evidence = step->evidence;
  copy->wow = step->wow;
  copy->moment_of_truth = step->moment_of_truth;
  copy->has_emotion = step->has_emotion;
  copy->expected_level = step->expected_level;
  copy->expected_text = g_strdup (step->expected_text);
  copy->delivered_level = step->delivered_level;
  copy->delivered_text = g_strdup (step->delivered_text);
  copy->emotion = step->emotion;
  copy->emotion_text = g_strdup (step->emotion_text);
  for (guint i = 0; i < step->cells->len; i++)
    g_ptr_array_add (copy->cells, copy_cell (g_ptr_array_index (step->cells, i)));
  for (guint i = 0; i < step->links->len; i++)
    g_ptr_array_add (copy->links, copy_link (g_ptr_array_index (step->links, i)));
  for (guint i = 0; i < step->failures->len; i++)
    {
      CxFailure *failure = g_ptr_array_index (step->failures, i);
      g_autofree char *failure_id = fresh_id (plan, taken, failure->id);
      g_autoptr(CxFailure) twin = cx_failure_new (failure_id);

      twin->severity = failure->severity;
      twin->occurrence = failure->occurrence;
      twin->detection = failure->detection;
      twin->leads_to = g_strdup (failure->leads_to);
      twin->mode = g_strdup (failure->mode);
      twin->effect = g_strdup (failure->effect);
      twin->x_self = cx_extras_copy (failure->x_self);
      twin->x_mode = cx_extras_copy (failure->x_mode);
      twin->x_effect = cx_extras_copy (failure->x_effect);
      cx_step_add_failure (copy, twin);
    }
  copy->x_self = cx_extras_copy (step->x_self);
  copy->x_title = cx_extras_copy (step->x_title);
  copy->x_expected = cx_extras_copy (step->x_expected);
  copy->x_delivered = cx_extras_copy (step->x_delivered);
  copy->x_emotion = cx_extras_copy (step->x_emotion);

  return copy;
}

/**
 * cx_edit_duplicate_step:
 * @history: the plan's history
 * @step: a step of the plan
 * @error: a #GError
 *
 * Puts a copy of @step right after it: everything it says, its cells,
 * failures (with new ids) and links.
 *
 * Returns: (transfer none) (nullable): the copy
 */
CxStep *
cx_edit_duplicate_step (CxHistory  *history,
                        CxStep     *step,
                        GError    **error)
{
  CxPlan *plan;
  g_autoptr(CxStep) copy = NULL;

  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_STEP (step) && step->plan == plan, NULL);

  copy = copy_step (plan, step);
  cx_history_push (history,
                   cx_change_step_insert_new (copy, step->phase,
                                              cx_plan_get_step_index (plan, step) + 1),
                   N_("Duplicate Step"));

  return copy;
}

/**
 * cx_edit_delete_step:
 * @history: the plan's history
 * @step: a step of the plan
 * @error: a #GError
 *
 * Deletes @step with its failures, and in the same step of undo what
 * points to them: other failures' @leads-to and links to the step, and
 * recovery steps' references to its failures.
 *
 * Returns: %TRUE
 */
gboolean
cx_edit_delete_step (CxHistory  *history,
                     CxStep     *step,
                     GError    **error)
{
  CxPlan *plan;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_STEP (step) && step->plan == plan, FALSE);

  cx_history_begin_group (history, N_("Delete Step"));
  for (guint j = 0; j < step->failures->len; j++)
    drop_recovers_of (history, ((CxFailure *) g_ptr_array_index (step->failures, j))->id);
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      {
        CxStep *other = g_ptr_array_index (plan->steps[phase], i);

        if (other == step)
          continue;
        for (guint j = 0; j < other->failures->len; j++)
          {
            CxFailure *failure = g_ptr_array_index (other->failures, j);

            if (g_strcmp0 (failure->leads_to, step->id) == 0)
              cx_edit_push_text (history, failure, "leads-to", NULL);
          }
        for (guint j = other->links->len; j > 0; j--)
          if (g_strcmp0 (((CxLink *) g_ptr_array_index (other->links, j - 1))->step,
                         step->id) == 0)
            cx_history_push (history, cx_change_link_remove_new (other, j - 1), N_("Edit"));
      }
  cx_history_push (history, cx_change_step_remove_new (step), N_("Delete Step"));
  cx_history_end_group (history);

  return TRUE;
}

/**
 * cx_edit_move_step:
 * @history: the plan's history
 * @step: a step of the plan
 * @phase: the phase it goes to
 * @position: its index there once moved, -1 for last
 * @error: a #GError
 *
 * A step that leaves the recovery phase stops answering failures (only
 * recovery steps do), in the same step of undo.
 *
 * Returns: %TRUE if moved (or already there)
 */
gboolean
cx_edit_move_step (CxHistory  *history,
                   CxStep     *step,
                   CxPhase     phase,
                   int         position,
                   GError    **error)
{
  CxPlan *plan;
  int from;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_STEP (step) && step->plan == plan, FALSE);

  /* Once the step has left its place, its phase has one fewer */
  if (!check_position (plan, phase, &position, phase == step->phase ? -1 : 0, error))
    return FALSE;
  from = cx_plan_get_step_index (plan, step);
  if (phase == step->phase && position == from)
    return TRUE;

  cx_history_begin_group (history, N_("Move Step"));
  if (phase != CX_PHASE_RECOVERY && step->recovers != NULL)
    cx_edit_push_text (history, step, "recovers", NULL);
  cx_history_push (history, cx_change_step_move_new (step, phase, position), N_("Move Step"));
  cx_history_end_group (history);

  return TRUE;
}

/**
 * cx_edit_move_step_by:
 * @history: the plan's history
 * @step: a step of the plan
 * @delta: -1 for one place earlier, +1 for later
 * @error: a #GError
 *
 * Moves @step along the journey: past the first or last step of a phase
 * it goes into the phase before or after. A recovery step moves within
 * recovery.
 *
 * Returns: %TRUE if moved, %FALSE at the end of the journey
 */
gboolean
cx_edit_move_step_by (CxHistory  *history,
                      CxStep     *step,
                      int         delta,
                      GError    **error)
{
  CxPlan *plan;
  CxPhase phase;
  int index;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_STEP (step) && step->plan == plan, FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  phase = step->phase;
  index = cx_plan_get_step_index (plan, step) + delta;
  if (index >= 0 && (guint) index < plan->steps[phase]->len)
    return cx_edit_move_step (history, step, phase, index, error);

  if (phase == CX_PHASE_RECOVERY ||
      (delta < 0 && phase == CX_PHASE_BEFORE) || (delta > 0 && phase == CX_PHASE_AFTER))
    return cx_edit_refuse (error, delta < 0 ? _("the step is the first of the journey")
                                    : _("the step is the last of the journey"));

  /* Into the next phase of the main journey, at its near end */
  phase += delta;
  return cx_edit_move_step (history, step, phase,
                            delta < 0 ? (int) plan->steps[phase]->len : 0, error);
}

/* ------------------------------------------------------------------ */
/* Failures                                                            */

/**
 * cx_edit_add_failure:
 * @history: the plan's history
 * @step: a step of the plan
 * @mode: (nullable): what goes wrong
 * @error: a #GError
 *
 * The new failure's scores are in the middle of the scale (5), for the
 * team to assess.
 *
 * Returns: (transfer none) (nullable): the new failure
 */
CxFailure *
cx_edit_add_failure (CxHistory   *history,
                     CxStep      *step,
                     const char  *mode,
                     GError     **error)
{
  CxPlan *plan;
  g_autoptr(CxFailure) failure = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_STEP (step) && step->plan == plan, NULL);

  if (!cx_validate_text (mode, error))
    return NULL;

  id = cx_plan_make_id (plan, "failure");
  failure = cx_failure_new (id);
  cx_failure_set_mode (failure, mode);
  cx_failure_set_severity (failure, 5);
  cx_failure_set_occurrence (failure, 5);
  cx_failure_set_detection (failure, 5);
  cx_history_push (history,
                   cx_change_failure_insert_new (step, failure, step->failures->len),
                   N_("Add Failure"));

  return failure;
}

/**
 * cx_edit_delete_failure:
 * @history: the plan's history
 * @failure: a failure of the plan
 * @error: a #GError
 *
 * Deletes @failure and, in the same step of undo, the recovery steps'
 * references to it.
 *
 * Returns: %TRUE
 */
gboolean
cx_edit_delete_failure (CxHistory  *history,
                        CxFailure  *failure,
                        GError    **error)
{
  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CX_IS_FAILURE (failure) && failure->step != NULL &&
                        failure->step->plan == cx_history_get_plan (history), FALSE);

  cx_history_begin_group (history, N_("Delete Failure"));
  drop_recovers_of (history, failure->id);
  cx_history_push (history, cx_change_failure_remove_new (failure), N_("Delete Failure"));
  cx_history_end_group (history);

  return TRUE;
}
