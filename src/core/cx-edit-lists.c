/* cx-edit-lists.c — editing a plan's lanes and personas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What goes with a lane or persona deleted (its cells, its steps' claim
 * on it) goes in the same step of undo.
 */

#define G_LOG_DOMAIN "cx-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-edit.h"
#include "cx-history-private.h"
#include "cx-plan-io.h"
#include "cx-validate.h"

/* ------------------------------------------------------------------ */
/* Lanes                                                               */

gboolean
cx_plan_can_add_lane_kind (CxPlan     *plan,
                           CxLaneKind  kind)
{
  g_return_val_if_fail (CX_IS_PLAN (plan), FALSE);

  return cx_lane_kind_holds_text (kind) || cx_plan_lookup_lane_kind (plan, kind) == NULL;
}

static gboolean
check_lane_kind (CxPlan      *plan,
                 CxLaneKind   kind,
                 GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CX_TYPE_LANE_KIND);

  if (g_enum_get_value (klass, kind) == NULL)
    return cx_edit_refuse (error, _("there is no such kind of lane"));
  if (!cx_plan_can_add_lane_kind (plan, kind))
    return cx_edit_refuse (error, kind == CX_LANE_KIND_EMOTION
                          ? _("the plan has an emotion lane already, and it can have only one")
                          : _("the plan has an expectation lane already, and it can have only one"));
  return TRUE;
}

static gboolean
check_list_position (guint         n,
                     int          *position,
                     GError      **error)
{
  if (*position < 0)
    *position = n;
  if ((guint) *position > n)
    return cx_edit_refuse (error, _("there is no place %d in the list"), *position);

  return TRUE;
}

/**
 * cx_edit_add_lane:
 * @history: the plan's history
 * @position: its place from the top, -1 for last
 * @kind: what it shows; at most one lane each of emotion and expectation
 * @name: (nullable): its name
 * @error: a #GError
 *
 * Returns: (transfer none) (nullable): the new lane
 */
CxLane *
cx_edit_add_lane (CxHistory   *history,
                  int          position,
                  CxLaneKind   kind,
                  const char  *name,
                  GError     **error)
{
  CxPlan *plan;
  g_autoptr(CxLane) lane = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);
  plan = cx_history_get_plan (history);

  if (!check_lane_kind (plan, kind, error) ||
      !check_list_position (plan->lanes->len, &position, error) ||
      !cx_validate_text (name, error))
    return NULL;

  id = cx_plan_make_id (plan, cx_enum_to_nick (CX_TYPE_LANE_KIND, kind));
  lane = cx_lane_new (id, kind);
  cx_lane_set_name (lane, name);
  cx_history_push (history, cx_change_lane_insert_new (lane, position), N_("Add Lane"));

  return lane;
}

/* Takes every cell that names @lane out of the steps */
static void
drop_cells_of (CxHistory *history,
               CxLane    *lane)
{
  CxPlan *plan = cx_history_get_plan (history);

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      {
        CxStep *step = g_ptr_array_index (plan->steps[phase], i);

        guint n = 0;

        /* A step may name a lane twice (the reader keeps it for CX008):
         * each change takes the first that is left */
        for (guint j = 0; j < step->cells->len; j++)
          n += g_strcmp0 (((CxCell *) g_ptr_array_index (step->cells, j))->lane, lane->id) == 0;
        while (n-- > 0)
          cx_history_push (history, cx_change_cell_new (step, lane->id, NULL, FALSE),
                           N_("Edit Cell"));
      }
}

/**
 * cx_edit_delete_lane:
 * @history: the plan's history
 * @lane: a lane of the plan
 * @error: a #GError
 *
 * Deletes @lane and, in the same step of undo, the steps' cells in it.
 *
 * Returns: %TRUE
 */
gboolean
cx_edit_delete_lane (CxHistory  *history,
                     CxLane     *lane,
                     GError    **error)
{
  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CX_IS_LANE (lane) && lane->plan == cx_history_get_plan (history), FALSE);

  cx_history_begin_group (history, N_("Delete Lane"));
  drop_cells_of (history, lane);
  cx_history_push (history, cx_change_lane_remove_new (lane), N_("Delete Lane"));
  cx_history_end_group (history);

  return TRUE;
}

gboolean
cx_edit_move_lane (CxHistory  *history,
                   CxLane     *lane,
                   int         position,
                   GError    **error)
{
  CxPlan *plan;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_LANE (lane) && lane->plan == plan, FALSE);

  if (!check_list_position (plan->lanes->len - 1, &position, error))
    return FALSE;
  if (position == cx_plan_get_lane_index (plan, lane))
    return TRUE;

  cx_history_push (history, cx_change_lane_move_new (lane, position), N_("Move Lane"));
  return TRUE;
}

/**
 * cx_edit_set_lane_kind:
 * @history: the plan's history
 * @lane: a lane of the plan
 * @kind: what it is to show
 * @error: a #GError
 *
 * A lane that becomes the emotion or expectation lane shows the steps'
 * values, not text: its cells go, in the same step of undo.
 *
 * Returns: %TRUE if set
 */
gboolean
cx_edit_set_lane_kind (CxHistory   *history,
                       CxLane      *lane,
                       CxLaneKind   kind,
                       GError     **error)
{
  CxPlan *plan;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_LANE (lane) && lane->plan == plan, FALSE);

  if (lane->kind == kind)
    return TRUE;
  if (!check_lane_kind (plan, kind, error))
    return FALSE;

  cx_history_begin_group (history, N_("Change Lane Kind"));
  if (!cx_lane_kind_holds_text (kind))
    drop_cells_of (history, lane);
  g_value_init (&value, CX_TYPE_LANE_KIND);
  g_value_set_enum (&value, kind);
  cx_history_push (history, cx_change_property_new (lane, "kind", &value, FALSE),
                   N_("Change Lane Kind"));
  cx_history_end_group (history);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Personas                                                            */

CxPersona *
cx_edit_add_persona (CxHistory   *history,
                     const char  *name,
                     GError     **error)
{
  CxPlan *plan;
  g_autoptr(CxPersona) persona = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);
  plan = cx_history_get_plan (history);

  if (!cx_validate_text (name, error))
    return NULL;

  id = cx_plan_make_id (plan, name != NULL && *name != '\0' ? name : "persona");
  persona = cx_persona_new (id);
  cx_persona_set_name (persona, name);
  cx_history_push (history, cx_change_persona_insert_new (persona, plan->personas->len),
                   N_("Add Persona"));

  return persona;
}

/**
 * cx_edit_delete_persona:
 * @history: the plan's history
 * @persona: a persona of the plan
 * @error: a #GError
 *
 * Deletes @persona; its steps become every persona's, in the same step of
 * undo (nothing the team wrote is lost).
 *
 * Returns: %TRUE
 */
gboolean
cx_edit_delete_persona (CxHistory  *history,
                        CxPersona  *persona,
                        GError    **error)
{
  CxPlan *plan;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_PERSONA (persona) && persona->plan == plan, FALSE);

  cx_history_begin_group (history, N_("Delete Persona"));
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      {
        CxStep *step = g_ptr_array_index (plan->steps[phase], i);

        if (g_strcmp0 (step->persona, persona->id) == 0)
          cx_edit_push_text (history, step, "persona", NULL);
      }
  cx_history_push (history, cx_change_persona_remove_new (persona), N_("Delete Persona"));
  cx_history_end_group (history);

  return TRUE;
}

gboolean
cx_edit_move_persona (CxHistory  *history,
                      CxPersona  *persona,
                      int         position,
                      GError    **error)
{
  CxPlan *plan;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  plan = cx_history_get_plan (history);
  g_return_val_if_fail (CX_IS_PERSONA (persona) && persona->plan == plan, FALSE);

  if (!check_list_position (plan->personas->len - 1, &position, error))
    return FALSE;
  if (position == cx_plan_get_persona_index (plan, persona))
    return TRUE;

  cx_history_push (history, cx_change_persona_move_new (persona, position),
                   N_("Move Persona"));
  return TRUE;
}
