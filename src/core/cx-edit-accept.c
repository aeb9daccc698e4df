/* cx-edit-accept.c — accepting a finding, and no longer accepting it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team that has looked at a warning or an info and decided to live with
 * it says so in the plan, with its reason (format 1.1, settings/accept;
 * checks.md, "Accepting a finding"). Each of these is one step of undo.
 */

#define G_LOG_DOMAIN "cx-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-check.h"
#include "cx-edit.h"
#include "cx-history-private.h"
#include "cx-validate.h"

/* Where an accept names @finding: a reference or a phase */
static gboolean
finding_place (const CxFinding  *finding,
               const char      **ref,
               int              *phase)
{
  *ref = NULL;
  *phase = CX_ACCEPT_NO_PHASE;

  switch (finding->target)
    {
    case CX_TARGET_STEP:
      *ref = finding->step_id;
      break;
    case CX_TARGET_FAILURE:
      *ref = finding->failure_id;
      break;
    case CX_TARGET_PERSONA:
      *ref = finding->persona_id;
      break;
    case CX_TARGET_PHASE:
      *phase = finding->phase;
      return TRUE;
    case CX_TARGET_CELL:
    case CX_TARGET_LINK:
    case CX_TARGET_ACCEPT:
    default:
      return FALSE;
    }

  return *ref != NULL;
}

/**
 * cx_finding_can_be_accepted:
 * @finding: a finding of cx_check_plan()
 *
 * Errors (a reference to nothing) are mended, not accepted; a stale
 * accept (CX022) is removed.
 *
 * Returns: %TRUE if a team may accept @finding
 */
gboolean
cx_finding_can_be_accepted (const CxFinding *finding)
{
  const char *ref;
  int phase;

  g_return_val_if_fail (finding != NULL, FALSE);

  return finding->severity != CX_SEVERITY_ERROR && finding->check != CX_CHECK_STALE_ACCEPT &&
         finding_place (finding, &ref, &phase);
}

static gboolean
accept_matches (const CxAccept  *accept,
                const char      *check_id,
                const char      *ref,
                int              phase)
{
  if (g_strcmp0 (accept->check, check_id) != 0)
    return FALSE;

  return ref != NULL ? g_strcmp0 (accept->ref, ref) == 0
                     : accept->ref == NULL && accept->phase == phase;
}

/**
 * cx_edit_accept_finding:
 * @history: the plan's history
 * @finding: a warning or an info of the plan
 * @reason: why the team lives with it; not empty
 * @error: a #GError
 *
 * Accepts @finding: the plan says so in its settings, with @reason, and
 * the checks mark it accepted from then on. A finding accepted already
 * takes the new reason.
 *
 * Returns: %TRUE if accepted
 */
gboolean
cx_edit_accept_finding (CxHistory        *history,
                        const CxFinding  *finding,
                        const char       *reason,
                        GError          **error)
{
  CxPlan *plan;
  GPtrArray *after;
  CxChange *change;
  const char *check_id, *ref;
  CxAccept *accept = NULL;
  int phase;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (finding->severity == CX_SEVERITY_ERROR)
    return cx_edit_refuse (error, _("an error cannot be accepted: it is a reference to nothing, "
                                    "to be mended"));
  if (!cx_finding_can_be_accepted (finding))
    return cx_edit_refuse (error, _("this finding cannot be accepted"));

  plan = cx_history_get_plan (history);
  check_id = cx_check_info (finding->check)->id;
  finding_place (finding, &ref, &phase);
  if (!cx_validate_accept (check_id, ref, phase, reason, error))
    return FALSE;

  change = cx_change_accepts_new (plan, &after);
  for (guint i = 0; i < after->len && accept == NULL; i++)
    if (accept_matches (g_ptr_array_index (after, i), check_id, ref, phase))
      accept = g_ptr_array_index (after, i);

  if (accept != NULL)
    {
      if (g_strcmp0 (accept->reason, reason) == 0)
        {
          cx_change_free (change);
          return TRUE;
        }
      g_free (accept->reason);
      accept->reason = g_strdup (reason);
    }
  else
    {
      accept = g_new0 (CxAccept, 1);
      accept->check = g_strdup (check_id);
      accept->ref = g_strdup (ref);
      accept->phase = phase;
      accept->reason = g_strdup (reason);
      g_ptr_array_add (after, accept);
    }

  cx_history_push (history, change, N_("Accept Finding"));
  return TRUE;
}

/**
 * cx_edit_stop_accepting:
 * @history: the plan's history
 * @finding: an accepted finding of the plan
 * @error: a #GError
 *
 * Removes the accepts that match @finding: it asks for attention again.
 *
 * Returns: %TRUE
 */
gboolean
cx_edit_stop_accepting (CxHistory        *history,
                        const CxFinding  *finding,
                        GError          **error)
{
  CxPlan *plan;
  GPtrArray *after;
  CxChange *change;
  const char *check_id, *ref;
  gboolean removed = FALSE;
  int phase;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (!finding_place (finding, &ref, &phase))
    return TRUE;

  plan = cx_history_get_plan (history);
  check_id = cx_check_info (finding->check)->id;
  change = cx_change_accepts_new (plan, &after);
  for (guint i = after->len; i > 0; i--)
    if (accept_matches (g_ptr_array_index (after, i - 1), check_id, ref, phase))
      {
        g_ptr_array_remove_index (after, i - 1);
        removed = TRUE;
      }

  if (!removed)
    {
      cx_change_free (change);
      return TRUE;
    }

  cx_history_push (history, change, N_("Stop Accepting"));
  return TRUE;
}

/**
 * cx_edit_remove_accept:
 * @history: the plan's history
 * @index: an accept's index in the plan's settings (a CX022 finding's)
 * @error: a #GError
 *
 * Returns: %TRUE if removed
 */
gboolean
cx_edit_remove_accept (CxHistory  *history,
                       guint       index,
                       GError    **error)
{
  CxPlan *plan;
  GPtrArray *after;
  CxChange *change;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);

  plan = cx_history_get_plan (history);
  if (index >= cx_plan_get_n_accepts (plan))
    return cx_edit_refuse (error, _("the plan has no such accepted finding"));

  change = cx_change_accepts_new (plan, &after);
  g_ptr_array_remove_index (after, index);
  cx_history_push (history, change, N_("Remove Stale Accept"));

  return TRUE;
}
