/* cx-check-rules.c — the checks of checks.md, element by element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule looks at the element the walk of cx-check.c stands on, with
 * what the run gathered before the walk, and reports a finding with its
 * message. The rules of an element run in check id order.
 */

#define G_LOG_DOMAIN "cx-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-check-private.h"
#include "cx-enum-types.h"

/* How many of the steps that miss a wow's bar its message names */
#define WOW_NAMED_MAX 3

/* Text */

/* A number held as twice its value, so a median of two levels stays
 * exact: "4" or "3.5" */
static char *
format_half (int twice)
{
  if (twice % 2 == 0)
    return cx_check_format ("%d", twice / 2);

  return g_strdup_printf ("%.1f", twice / 2.0);
}

/* The index of the first element of @array greater than @value */
static guint
upper_bound (GArray *array,
             guint   value)
{
  guint low = 0;
  guint high = array->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (array, guint, mid) <= value)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* A finding of CX008, always an error */
#define broken(run, ...) \
  cx_check_report ((run), CX_CHECK_BROKEN_REFERENCE, CX_SEVERITY_ERROR, __VA_ARGS__)

/* The checks, element by element */

void
cx_check_run_phase (CheckRun *run,
                             CxPhase   phase)
{
  GPtrArray *steps = run->plan->steps[phase];
  const char *name = cx_check_phase_name (phase);

  if (!run->enabled[CX_CHECK_EMPTY_PHASE] || (steps != NULL && steps->len > 0))
    return;

  if (phase == CX_PHASE_BEFORE)
    cx_check_report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_WARNING,
                     _("phase '%s' has no step: the experience starts before the first contact"),
                     name);
  else if (phase == CX_PHASE_DURING)
    cx_check_report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_WARNING,
                     _("phase '%s' has no step: the service itself is not mapped"), name);
  else if (phase == CX_PHASE_AFTER)
    cx_check_report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_WARNING,
                     _("phase '%s' has no step: nothing closes the loop after the service"), name);
  else if (run->has_failures)
    cx_check_report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_WARNING,
                     _("phase '%s' has no step, yet the plan lists failures to recover from"),
                     name);
  else
    cx_check_report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_INFO,
                     _("phase '%s' has no step: nothing is planned for when something goes wrong"),
                     name);
}

static void
check_wow (CheckRun *run,
           CxStep   *step)
{
  int bar = MIN (step->delivered_level - run->wow_drop, CX_LEVEL_MAX);
  GArray *lists[2] = { NULL, NULL };
  guint next[2] = { 0, 0 };
  guint missed = 0;
  g_autoptr(GString) named = NULL;

  if (!step->wow || bar < CX_LEVEL_MIN || run->wow_everyone == NULL)
    return;

  /* Same journey as W: every step when W has no persona, else the steps
   * of W's persona and those without one */
  if (is_blank (step->persona))
    {
      lists[0] = run->wow_everyone->by_bar[bar];
    }
  else
    {
      WowGroup *group = cx_check_resolve_cached (run, &run->personas, step->persona)->wow;

      lists[0] = run->wow_no_persona->by_bar[bar];
      lists[1] = group != NULL ? group->by_bar[bar] : NULL;
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      if (lists[l] == NULL)
        continue;
      next[l] = upper_bound (lists[l], run->journey_index);
      missed += lists[l]->len - next[l];
    }
  if (missed == 0)
    return;

  /* Name the first few in journey order: merge the two lists' heads */
  named = g_string_new (NULL);
  for (guint n_named = 0; n_named < WOW_NAMED_MAX; n_named++)
    {
      int best = -1;
      CxStep *later;

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          if (lists[l] == NULL || next[l] >= lists[l]->len)
            continue;
          if (best < 0 || g_array_index (lists[l], guint, next[l])
                          < g_array_index (lists[best], guint, next[best]))
            best = l;
        }
      if (best < 0)
        break;

      later = g_ptr_array_index (run->journey, g_array_index (lists[best], guint, next[best]));
      next[best]++;

      /* TRANSLATORS: separates the steps named after a wow moment */
      if (n_named > 0)
        g_string_append (named, _(", "));
      /* TRANSLATORS: a step that misses a wow moment's bar, and its level */
      cx_check_append (named, _("'%s' (%d)"), cx_check_step_name (later),
                       later->delivered_level);
    }

  cx_check_report (run, CX_CHECK_UNSUSTAINABLE_WOW, CX_SEVERITY_WARNING,
                   g_dngettext (GETTEXT_PACKAGE,
                                "wow moment '%s' (level %d) sets a bar that %u later step "
                                "misses: %s",
                                "wow moment '%s' (level %d) sets a bar that %u later steps "
                                "miss: %s",
                                missed),
                   cx_check_step_name (step), step->delivered_level, missed, named->str);
}

static void
check_step_references (CheckRun *run,
                       CxStep   *step,
                       CxPhase   phase)
{
  const char *cursor = step->recovers;
  const char *token;
  RefState state;

  state = step->persona != NULL
          ? cx_check_resolve_cached (run, &run->personas, step->persona)->state
          : REF_RESOLVED;
  if (state != REF_RESOLVED)
    broken (run,
            state == REF_MISSING
            ? _("step '%s' names persona '%s', which does not exist")
            : _("step '%s' names persona '%s', which is not a persona"),
            cx_check_step_name (step), step->persona);

  if (is_blank (step->recovers))
    return;

  if (phase != CX_PHASE_RECOVERY)
    broken (run, _("step '%s' names failures it recovers, but it is in phase '%s', not '%s'"),
            cx_check_step_name (step), cx_check_phase_name (phase),
            cx_check_phase_name (CX_PHASE_RECOVERY));

  while ((token = next_token (&cursor, run->token)) != NULL)
    {
      state = cx_check_resolve (run, token, CX_TYPE_FAILURE, NULL);
      if (state != REF_RESOLVED)
        broken (run,
                state == REF_MISSING
                ? _("step '%s' recovers failure '%s', which does not exist")
                : _("step '%s' recovers failure '%s', which is not a failure"),
                cx_check_step_name (step), token);
    }
}

void
cx_check_run_step (CheckRun *run,
                   CxStep   *step,
                   CxPhase   phase)
{
  gboolean main_journey = phase != CX_PHASE_RECOVERY;
  int expected = step->expected_level;
  int delivered = step->delivered_level;

  if (main_journey && run->enabled[CX_CHECK_UNSUSTAINABLE_WOW])
    check_wow (run, step);

  if (main_journey && run->enabled[CX_CHECK_OVER_PROMISE]
      && expected > 0 && delivered > 0 && expected - delivered >= run->expectation_gap)
    cx_check_report (run, CX_CHECK_OVER_PROMISE, CX_SEVERITY_WARNING,
                     _("step '%s' promises level %d but delivers %d (gap %d)"),
                     cx_check_step_name (step), expected, delivered, expected - delivered);

  if (run->enabled[CX_CHECK_UNOWNED_STEP] && is_blank (step->owner))
    cx_check_report (run, CX_CHECK_UNOWNED_STEP, CX_SEVERITY_INFO,
                     _("step '%s' has no owner"), cx_check_step_name (step));

  if (run->enabled[CX_CHECK_NEGATIVE_ENDING] && step == run->last_emotion && step->emotion < 0)
    cx_check_report (run, CX_CHECK_NEGATIVE_ENDING, CX_SEVERITY_WARNING,
                     _("the journey ends on a negative emotion (%d) at '%s'"),
                     step->emotion, cx_check_step_name (step));

  if (main_journey && run->enabled[CX_CHECK_WEAK_LINK] && run->median_twice > 0
      && delivered > 0 && 2 * delivered <= run->median_twice - 2 * run->weak_link)
    {
      /* The same few numbers for every weak link: each written once a run
       * (a level is never past CX_LEVEL_MAX; one that were is written anew) */
      g_autofree char *below_past_max = NULL;
      const char *below;

      if (run->median_text == NULL)
        run->median_text = format_half (run->median_twice);
      if (delivered > CX_LEVEL_MAX)
        below = below_past_max = format_half (run->median_twice - 2 * delivered);
      else if ((below = run->below_text[delivered]) == NULL)
        below = run->below_text[delivered] = format_half (run->median_twice - 2 * delivered);

      cx_check_report (run, CX_CHECK_WEAK_LINK, CX_SEVERITY_INFO,
                       _("step '%s' delivers level %d, %s below the journey's median of %s"),
                       cx_check_step_name (step), delivered, below, run->median_text);
    }

  if (run->enabled[CX_CHECK_BROKEN_REFERENCE])
    check_step_references (run, step, phase);

  if (run->enabled[CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH] && step->moment_of_truth
      && (step->failures == NULL || step->failures->len == 0))
    cx_check_report (run, CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH, CX_SEVERITY_INFO,
                     _("step '%s' is a moment of truth, but no failure is listed for it"),
                     cx_check_step_name (step));

  if (main_journey && run->enabled[CX_CHECK_UNASSESSED_STEP] && (expected == 0 || delivered == 0))
    cx_check_report (run, CX_CHECK_UNASSESSED_STEP, CX_SEVERITY_INFO,
                     expected == 0 && delivered == 0
                     ? _("step '%s' has neither an expected nor a delivered level")
                     : expected == 0
                     ? _("step '%s' has no expected level")
                     : _("step '%s' has no delivered level"),
                     cx_check_step_name (step));

  if (phase == CX_PHASE_RECOVERY && run->enabled[CX_CHECK_IDLE_RECOVERY]
      && is_blank (step->recovers))
    cx_check_report (run, CX_CHECK_IDLE_RECOVERY, CX_SEVERITY_INFO,
                     _("recovery step '%s' does not say which failures it recovers"),
                     cx_check_step_name (step));
}

/* @lane: what the cell's lane resolves to (run->cell_lanes) */
void
cx_check_run_cell (CheckRun *run,
                   CxStep   *step,
                   CxCell   *cell,
                   IdRef    *lane)
{
  /* The cache resolved it to a lane: no checked cast */
  CxLane *found = lane != NULL ? lane->object : NULL;

  if (!run->enabled[CX_CHECK_BROKEN_REFERENCE] || cell->lane == NULL)
    return;

  if (lane->state != REF_RESOLVED)
    broken (run,
            lane->state == REF_MISSING
            ? _("step '%s' has a cell in lane '%s', which does not exist")
            : _("step '%s' has a cell in lane '%s', which is not a lane"),
            cx_check_step_name (step), cell->lane);
  else if (found != NULL && !cx_lane_kind_holds_text (found->kind))
    broken (run, _("step '%s' has a cell in lane '%s', whose kind '%s' holds no text"),
            cx_check_step_name (step), cell->lane,
            cx_enum_to_nick (CX_TYPE_LANE_KIND, found->kind));

  /* A second cell of the step in a lane finds its mark there */
  if (lane->step_mark == run->step_mark)
    broken (run, _("step '%s' has more than one cell in lane '%s'"),
            cx_check_step_name (step), cell->lane);
  lane->step_mark = run->step_mark;
}

void
cx_check_run_failure (CheckRun  *run,
                      CxFailure *failure)
{
  int rpn = failure->severity * failure->occurrence * failure->detection;
  RefState state;

  if (run->enabled[CX_CHECK_UNRECOVERED_FAILURE]
      && (rpn >= run->rpn || failure->severity >= run->severity)
      && !g_hash_table_contains (run->recovered, failure))
    cx_check_report (run, CX_CHECK_UNRECOVERED_FAILURE, CX_SEVERITY_WARNING,
                     _("failure '%s' (RPN %d, severity %d) has no recovery step"),
                     cx_check_failure_name (failure), rpn, failure->severity);

  if (!run->enabled[CX_CHECK_BROKEN_REFERENCE])
    return;

  state = cx_check_resolve (run, failure->leads_to, CX_TYPE_STEP, NULL);
  if (state != REF_RESOLVED)
    broken (run,
            state == REF_MISSING
            ? _("failure '%s' leads to step '%s', which does not exist")
            : _("failure '%s' leads to step '%s', which is not a step"),
            cx_check_failure_name (failure), failure->leads_to);
}

void
cx_check_run_link (CheckRun *run,
                   CxStep   *step,
                   CxLink   *link)
{
  gboolean depends = link->kind == CX_LINK_KIND_DEPENDS_ON;
  RefState state;

  if (!run->enabled[CX_CHECK_BROKEN_REFERENCE])
    return;

  state = cx_check_resolve (run, link->step, CX_TYPE_STEP, NULL);
  if (state == REF_MISSING)
    broken (run,
            depends
            ? _("step '%s' depends on step '%s', which does not exist")
            : _("step '%s' leads to step '%s', which does not exist"),
            cx_check_step_name (step), link->step);
  else if (state == REF_WRONG_KIND)
    broken (run,
            depends
            ? _("step '%s' depends on step '%s', which is not a step")
            : _("step '%s' leads to step '%s', which is not a step"),
            cx_check_step_name (step), link->step);
}
