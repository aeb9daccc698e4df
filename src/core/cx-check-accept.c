/* cx-check-accept.c — findings a plan accepts, and accepts that match none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An accept (settings/accept, format 1.1) matches the finding of its
 * check flagged at the step, failure or persona whose id is its @ref, or
 * at the phase of its @phase (checks.md, "Accepting a finding"). The
 * accepts go into a hash table by what they match, so marking costs one
 * lookup a finding however many accepts there are. Errors cannot be
 * accepted: an accept of one matches nothing, and CX022 reports it like
 * any other that matches no finding of the checks that ran.
 */

#define G_LOG_DOMAIN "cx-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-check-private.h"

static void
report_stale (CheckRun *run,
              guint     index,
              CxAccept *accept,
              CxCheckId check)
{
  run->here.target = CX_TARGET_ACCEPT;
  run->here.line = accept->line;
  run->here.phase = accept->phase != CX_ACCEPT_NO_PHASE ? accept->phase : CX_PHASE_BEFORE;
  run->here.step_id = NULL;
  run->here.failure_id = NULL;
  run->here.persona_id = NULL;
  run->here.index = index;
  /* The settings come first in the file, the accepts in their order */
  run->here.position = index;

  if (cx_check_info (check)->severity == CX_SEVERITY_ERROR)
    cx_check_report (run, CX_CHECK_STALE_ACCEPT, CX_SEVERITY_INFO,
                     accept->ref != NULL
                     ? _("the accept of %s at '%s' matches nothing: errors cannot be accepted, "
                         "only mended")
                     : _("the accept of %s at phase '%s' matches nothing: errors cannot be "
                         "accepted, only mended"),
                     accept->check,
                     accept->ref != NULL ? accept->ref : cx_check_phase_name (accept->phase));
  else
    cx_check_report (run, CX_CHECK_STALE_ACCEPT, CX_SEVERITY_INFO,
                     accept->ref != NULL
                     ? _("the accept of %s at '%s' matches no finding: the plan has changed, "
                         "or the accept names the wrong element")
                     : _("the accept of %s at phase '%s' matches no finding: the plan has "
                         "changed, or the accept names the wrong phase"),
                     accept->check,
                     accept->ref != NULL ? accept->ref : cx_check_phase_name (accept->phase));
}

/* A finding matched by the accept at @index, the first of its key */
static void
accept_finding (CheckRun  *run,
                CxFinding *finding,
                guint      index,
                gboolean  *matched)
{
  CxAccept *accept = g_ptr_array_index (run->plan->accepts, index);

  finding->accepted = TRUE;
  g_free (finding->reason);
  finding->reason = g_strdup (accept->reason);
  matched[index] = TRUE;
}

/* Matching as checks.md words it: an accept matches a finding when its
 * check is the finding's and its reference the id the finding is flagged
 * at, or its phase the finding's phase. The accepts go into a table by
 * reference, each entry the first accept of each check (index + 1; 0 for
 * none), and one by phase; each finding looks its own id up, with no key
 * string made. */
static void
match_by_check (CheckRun *run,
                gboolean *matched,
                guint    *first_of)
{
  GPtrArray *accepts = run->plan->accepts;
  g_autoptr(GHashTable) by_ref = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint by_phase[CX_N_PHASES][CX_N_CHECKS] = { { 0 } };

  for (guint i = 0; i < accepts->len; i++)
    {
      CxAccept *accept = g_ptr_array_index (accepts, i);
      guint *first = NULL;
      CxCheckId check;

      first_of[i] = i;
      /* An accept of no check, or of no phase, matches nothing */
      if (!cx_check_lookup (accept->check, &check))
        continue;
      if (accept->ref != NULL)
        {
          guint *slots = g_hash_table_lookup (by_ref, accept->ref);

          if (slots == NULL)
            {
              slots = g_new0 (guint, CX_N_CHECKS);
              g_hash_table_insert (by_ref, accept->ref, slots);
            }
          first = &slots[check];
        }
      else if (accept->phase >= 0 && accept->phase < CX_N_PHASES)
        {
          first = &by_phase[accept->phase][check];
        }
      if (first == NULL)
        continue;

      if (*first != 0)
        first_of[i] = *first - 1;
      else
        *first = i + 1;
    }

  for (guint f = 0; f < run->findings->len; f++)
    {
      CxFinding *finding = g_ptr_array_index (run->findings, f);
      const char *ref = NULL;
      guint first = 0;

      /* Errors cannot be accepted */
      if (finding->severity == CX_SEVERITY_ERROR)
        continue;

      switch (finding->target)
        {
        case CX_TARGET_STEP:
          ref = finding->step_id;
          break;
        case CX_TARGET_FAILURE:
          ref = finding->failure_id;
          break;
        case CX_TARGET_PERSONA:
          ref = finding->persona_id;
          break;
        case CX_TARGET_PHASE:
          if ((guint) finding->phase < CX_N_PHASES)
            first = by_phase[finding->phase][finding->check];
          break;
        case CX_TARGET_CELL:
        case CX_TARGET_LINK:
        case CX_TARGET_ACCEPT:
        default:
          break;
        }
      if (ref != NULL)
        {
          guint *slots = g_hash_table_lookup (by_ref, ref);

          first = slots != NULL ? slots[finding->check] : 0;
        }

      if (first != 0)
        accept_finding (run, finding, first - 1, matched);
    }
}

void
cx_check_apply_accepts (CheckRun *run)
{
  GPtrArray *accepts = run->plan->accepts;
  g_autofree gboolean *matched = NULL;
  g_autofree guint *first_of = NULL;

  if (accepts->len == 0)
    return;

  /* Two accepts of one finding both match it; the first one's reason is
   * the finding's */
  matched = g_new0 (gboolean, accepts->len);
  first_of = g_new0 (guint, accepts->len);
  match_by_check (run, matched, first_of);

  if (!run->enabled[CX_CHECK_STALE_ACCEPT])
    return;

  for (guint i = 0; i < accepts->len; i++)
    {
      CxAccept *accept = g_ptr_array_index (accepts, i);
      CxCheckId check;

      /* An accept of a check that did not run, disabled or of a newer
       * version, is not looked at */
      if (matched[first_of[i]] || !cx_check_lookup (accept->check, &check) ||
          !run->enabled[check])
        continue;

      report_stale (run, i, accept, check);
    }
}
