/* cx-fix.c — the remedy of a finding, when it is mechanical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some findings say exactly what to do: a failure needs a recovery step,
 * a phase needs a step, a reference points to nothing. Those are offered
 * as one click, done as one step of undo; the others put the user in the
 * field to fill in (the application does that part).
 */

#define G_LOG_DOMAIN "cx-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-edit.h"
#include "cx-fix.h"
#include "cx-history-private.h"

static CxFailure *
finding_failure (CxPlan          *plan,
                 const CxFinding *finding)
{
  GObject *object = finding->failure_id != NULL ? cx_plan_lookup_id (plan, finding->failure_id)
                                                : NULL;

  return CX_IS_FAILURE (object) ? CX_FAILURE (object) : NULL;
}

static CxStep *
finding_step (CxPlan          *plan,
              const CxFinding *finding)
{
  GObject *object = finding->step_id != NULL ? cx_plan_lookup_id (plan, finding->step_id) : NULL;

  return CX_IS_STEP (object) ? CX_STEP (object) : NULL;
}

/**
 * cx_finding_get_fix:
 * @plan: the plan checked
 * @finding: one of its findings
 *
 * Returns: the remedy @finding offers, or %CX_FIX_NONE when it takes the
 *   team's judgement
 */
CxFixKind
cx_finding_get_fix (CxPlan          *plan,
                    const CxFinding *finding)
{
  CxFailure *failure;
  GObject *target;

  g_return_val_if_fail (CX_IS_PLAN (plan), CX_FIX_NONE);
  g_return_val_if_fail (finding != NULL, CX_FIX_NONE);

  switch (finding->check)
    {
    case CX_CHECK_UNRECOVERED_FAILURE:
      return finding_failure (plan, finding) != NULL ? CX_FIX_ADD_RECOVERY_STEP : CX_FIX_NONE;
    case CX_CHECK_UNANSWERED_LEADS_TO:
      failure = finding_failure (plan, finding);
      if (failure == NULL || cx_failure_get_leads_to (failure) == NULL)
        return CX_FIX_NONE;
      target = cx_plan_lookup_id (plan, cx_failure_get_leads_to (failure));
      return CX_IS_STEP (target) && cx_step_get_phase (CX_STEP (target)) == CX_PHASE_RECOVERY
             ? CX_FIX_ADD_TO_RECOVERY : CX_FIX_NONE;
    case CX_CHECK_EMPTY_PHASE:
      return finding->target == CX_TARGET_PHASE ? CX_FIX_ADD_STEP_TO_PHASE : CX_FIX_NONE;
    case CX_CHECK_UNOWNED_STEP:
      return finding_step (plan, finding) != NULL ? CX_FIX_FOCUS_OWNER : CX_FIX_NONE;
    case CX_CHECK_UNASSESSED_STEP:
      return finding_step (plan, finding) != NULL ? CX_FIX_FOCUS_LEVEL : CX_FIX_NONE;
    case CX_CHECK_BROKEN_REFERENCE:
      return finding_step (plan, finding) != NULL ? CX_FIX_REMOVE_REFERENCE : CX_FIX_NONE;
    case CX_CHECK_IDLE_RECOVERY:
      return finding_step (plan, finding) != NULL ? CX_FIX_CHOOSE_FAILURES : CX_FIX_NONE;
    case CX_CHECK_BLUEPRINT_GAP:
      return finding_step (plan, finding) != NULL ? CX_FIX_WRITE_BACKSTAGE : CX_FIX_NONE;
    case CX_CHECK_STALE_ACCEPT:
      return finding->target == CX_TARGET_ACCEPT && finding->index < cx_plan_get_n_accepts (plan)
             ? CX_FIX_REMOVE_ACCEPT : CX_FIX_NONE;
    default:
      return CX_FIX_NONE;
    }
}

const char *
cx_fix_get_label (CxFixKind fix)
{
  switch (fix)
    {
    case CX_FIX_ADD_RECOVERY_STEP: return _("Add a Recovery Step");
    case CX_FIX_ADD_TO_RECOVERY:   return _("Answer It There");
    case CX_FIX_ADD_STEP_TO_PHASE: return _("Add a Step Here");
    case CX_FIX_FOCUS_OWNER:       return _("Set the Owner");
    case CX_FIX_FOCUS_LEVEL:       return _("Set the Levels");
    case CX_FIX_REMOVE_REFERENCE:  return _("Remove the Broken Reference");
    case CX_FIX_CHOOSE_FAILURES:   return _("Choose Failures");
    case CX_FIX_WRITE_BACKSTAGE:   return _("Write What Is Behind");
    case CX_FIX_REMOVE_ACCEPT:     return _("Remove the Accept");
    case CX_FIX_NONE:
    default:                       return NULL;
    }
}

gboolean
cx_fix_edits_plan (CxFixKind fix)
{
  return fix == CX_FIX_ADD_RECOVERY_STEP || fix == CX_FIX_ADD_TO_RECOVERY ||
         fix == CX_FIX_ADD_STEP_TO_PHASE || fix == CX_FIX_REMOVE_REFERENCE ||
         fix == CX_FIX_REMOVE_ACCEPT;
}

/* @ids without the tokens that resolve to nothing a recovery answers */
static char **
resolving_failures (CxPlan     *plan,
                    const char *ids)
{
  g_auto(GStrv) parts = g_strsplit_set (ids != NULL ? ids : "", " \t\n\r", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' && CX_IS_FAILURE (cx_plan_lookup_id (plan, parts[i])))
      g_strv_builder_add (kept, parts[i]);

  return g_strv_builder_end (kept);
}

/* CX008 on a step: its persona that is none, failures it cannot recover */
static gboolean
remove_step_references (CxHistory  *history,
                        CxStep     *step,
                        GError    **error)
{
  CxPlan *plan = cx_history_get_plan (history);
  const char *persona = cx_step_get_persona (step);

  if (persona != NULL && !CX_IS_PERSONA (cx_plan_lookup_id (plan, persona)))
    cx_edit_push_text (history, step, "persona", NULL);

  if (cx_step_get_recovers (step) != NULL)
    {
      g_auto(GStrv) kept = cx_step_get_phase (step) == CX_PHASE_RECOVERY
                           ? resolving_failures (plan, cx_step_get_recovers (step)) : NULL;
      g_autofree char *joined = kept != NULL && kept[0] != NULL ? g_strjoinv (" ", kept) : NULL;

      if (g_strcmp0 (joined, cx_step_get_recovers (step)) != 0)
        cx_edit_push_text (history, step, "recovers", joined);
    }

  return TRUE;
}

static gboolean
remove_reference (CxHistory        *history,
                  const CxFinding  *finding,
                  CxStep           *step,
                  GError          **error)
{
  CxPlan *plan = cx_history_get_plan (history);

  switch (finding->target)
    {
    case CX_TARGET_CELL:
      /* The cell at its place, whatever it names: a lane of no text, or
       * one that has a cell before it */
      if (finding->index < cx_step_get_n_cells (step))
        {
          cx_history_push (history, cx_change_cell_remove_at_new (step, finding->index),
                           N_("Remove the Broken Reference"));
          return TRUE;
        }
      break;
    case CX_TARGET_LINK:
      if (finding->index < cx_step_get_n_links (step))
        {
          cx_history_push (history, cx_change_link_remove_new (step, finding->index),
                           N_("Remove the Broken Reference"));
          return TRUE;
        }
      break;
    case CX_TARGET_FAILURE:
      {
        CxFailure *failure = finding_failure (plan, finding);

        if (failure != NULL)
          {
            cx_edit_push_text (history, failure, "leads-to", NULL);
            return TRUE;
          }
      }
      break;
    case CX_TARGET_STEP:
      return remove_step_references (history, step, error);
    default:
      break;
    }

  return cx_edit_refuse (error, _("the reference is not there any more"));
}

/**
 * cx_edit_apply_fix:
 * @history: the plan's history
 * @finding: a finding whose fix edits the plan (cx_fix_edits_plan())
 * @object: (out) (optional) (transfer none): the step the user goes on
 *   with (the recovery step made, the step added), or %NULL
 * @error: a #GError
 *
 * Returns: %TRUE if fixed
 */
gboolean
cx_edit_apply_fix (CxHistory        *history,
                   const CxFinding  *finding,
                   GObject         **object,
                   GError          **error)
{
  CxPlan *plan;
  CxFixKind fix;
  CxFailure *failure;
  CxStep *step = NULL;
  gboolean ok = FALSE;
  guint n_undo;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (object != NULL)
    *object = NULL;
  plan = cx_history_get_plan (history);
  fix = cx_finding_get_fix (plan, finding);
  if (!cx_fix_edits_plan (fix))
    return cx_edit_refuse (error, _("this finding has no fix to apply"));

  failure = finding_failure (plan, finding);
  n_undo = cx_history_get_n_undo (history);
  cx_history_begin_group (history, N_("Fix"));
  switch (fix)
    {
    case CX_FIX_ADD_RECOVERY_STEP:
      {
        const char *ids[] = { cx_failure_get_id (failure), NULL };
        const char *mode = cx_failure_get_mode (failure);
        g_autofree char *title = mode != NULL
                                 /* Translators: a recovery step's first title, from its failure */
                                 ? g_strdup_printf (_("Put right: %s"), mode)
                                 : g_strdup (_("Put the failure right"));

        step = cx_edit_insert_step (history, CX_PHASE_RECOVERY, -1, title, error);
        ok = step != NULL && cx_edit_set_recovers (history, step, ids, error);
        /* The map draws the line from the failure to it */
        if (ok && cx_failure_get_leads_to (failure) == NULL)
          ok = cx_edit_set_text (history, failure, "leads-to", cx_step_get_id (step), 0, error);
      }
      break;
    case CX_FIX_ADD_TO_RECOVERY:
      {
        g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
        g_auto(GStrv) all = NULL;

        step = CX_STEP (cx_plan_lookup_id (plan, cx_failure_get_leads_to (failure)));
        if (cx_step_get_recovers (step) != NULL)
          {
            g_auto(GStrv) had = g_strsplit_set (cx_step_get_recovers (step), " \t\n\r", -1);

            g_strv_builder_addv (ids, (const char **) had);
          }
        g_strv_builder_add (ids, cx_failure_get_id (failure));
        all = g_strv_builder_end (ids);
        ok = cx_edit_set_recovers (history, step, (const char *const *) all, error);
      }
      break;
    case CX_FIX_ADD_STEP_TO_PHASE:
      step = cx_edit_insert_step (history, finding->phase, -1, NULL, error);
      ok = step != NULL;
      break;
    case CX_FIX_REMOVE_REFERENCE:
      step = finding_step (plan, finding);
      ok = remove_reference (history, finding, step, error);
      break;
    case CX_FIX_REMOVE_ACCEPT:
      ok = cx_edit_remove_accept (history, finding->index, error);
      break;
    default:
      g_assert_not_reached ();
    }
  cx_history_end_group (history);

  /* A fix that failed half-way leaves nothing behind */
  if (!ok && cx_history_get_n_undo (history) > n_undo)
    cx_history_undo (history);
  if (ok && object != NULL)
    *object = step != NULL ? G_OBJECT (step) : NULL;

  return ok;
}
