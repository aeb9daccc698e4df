/* cx-check-service.c — the checks of format 1.1 (CX012–CX021)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules drawn from service-design method: the peak-end rule, moments
 * of truth, the knowledge gap, hand-offs between teams, recoveries that
 * do not answer or fail again, silent and severe failures, customers who
 * arrive upset, frontstage with nothing behind it. What needs the whole
 * journey (the peak and the end, each persona's first step, whether the
 * plan has a backstage) is gathered once before the walk; each rule then
 * costs a constant, or a hash lookup, on the element it looks at.
 */

#define G_LOG_DOMAIN "cx-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-check-private.h"

/* The fixed parts of CX018's and CX020's rules */
#define SILENT_MIN_SEVERITY    5
#define PREVENT_MIN_OCCURRENCE 2

/* Gathering */

/* CX012: over the main-journey steps with an emotion, the end is the last
 * and the peak the one furthest from 0 (ties: the most negative, then the
 * earliest). The peak is flagged when the end is not negative and the
 * mean of the two is. */
static void
gather_peak_end (CheckRun *run)
{
  CxStep *peak = NULL;
  CxStep *end = NULL;
  guint n = 0;

  for (guint j = 0; j < run->journey->len; j++)
    {
      CxStep *step = g_ptr_array_index (run->journey, j);

      if (!step->has_emotion)
        continue;
      n++;
      end = step;
      if (peak == NULL || ABS (step->emotion) > ABS (peak->emotion) ||
          (ABS (step->emotion) == ABS (peak->emotion) && step->emotion < peak->emotion))
        peak = step;
    }

  if (n >= 2 && end->emotion >= 0 && peak->emotion + end->emotion < 0)
    {
      run->peak = peak;
      run->peak_end = end;
    }
}

/* CX019: the first main-journey step of each persona, and the first with
 * no persona, which is every persona's too */
static void
gather_first_steps (CheckRun *run)
{
  run->first_no_persona = -1;

  for (guint j = 0; j < run->journey->len; j++)
    {
      CxStep *step = g_ptr_array_index (run->journey, j);

      if (is_blank (step->persona))
        {
          if (run->first_no_persona < 0)
            run->first_no_persona = (int) j;
        }
      else
        {
          IdRef *persona = cx_check_resolve_cached (run, &run->personas, step->persona);

          if (persona->first == 0)
            persona->first = j + 1;
        }
    }
}

/* CX016: the set of the ids recovery steps list, by step and id */

static guint
listed_hash (gconstpointer key)
{
  const Listed *listed = key;
  guint hash = g_direct_hash (listed->step);

  for (gsize i = 0; i < listed->len; i++)
    hash = hash * 33 + (guchar) listed->id[i];

  return hash;
}

static gboolean
listed_equal (gconstpointer a,
              gconstpointer b)
{
  const Listed *listed_a = a;
  const Listed *listed_b = b;

  return listed_a->step == listed_b->step && listed_a->len == listed_b->len &&
         memcmp (listed_a->id, listed_b->id, listed_a->len) == 0;
}

GHashTable *
cx_check_listed_new (void)
{
  return g_hash_table_new (listed_hash, listed_equal);
}

void
cx_check_gather_1_1 (CheckRun *run)
{
  if (run->enabled[CX_CHECK_PEAK_END])
    gather_peak_end (run);

  if (run->enabled[CX_CHECK_UPSET_ARRIVAL])
    gather_first_steps (run);

  for (guint i = 0; i < run->plan->lanes->len; i++)
    {
      CxLane *lane = g_ptr_array_index (run->plan->lanes, i);

      if (lane->kind == CX_LANE_KIND_BACKSTAGE || lane->kind == CX_LANE_KIND_SUPPORT)
        run->has_backstage = TRUE;
    }
}

/* Steps */

/* An owner as CX015 compares it: trimmed, case folded */
static char *
owner_key (const char *owner,
           gsize       start,
           gsize       end)
{
  g_autofree char *trimmed = g_strndup (owner + start, end - start);

  return g_utf8_casefold (trimmed, -1);
}

/* Where @owner starts and ends, trimmed; whether it is all ASCII */
static gboolean
owner_trim (const char *owner,
            gsize      *start,
            gsize      *end)
{
  gboolean ascii = TRUE;
  gsize i;

  *start = strspn (owner, XML_SPACE);
  for (i = *start; owner[i] != '\0'; i++)
    ascii &= (guchar) owner[i] < 0x80;
  while (i > *start && strchr (XML_SPACE, owner[i - 1]) != NULL)
    i--;
  *end = i;

  return ascii;
}

/* Whether two owners are one for CX015. Case folding maps ASCII to its
 * lower case and nothing else, so two ASCII owners (the common case) need
 * no folded copies; a non-ASCII letter may fold to ASCII (the Kelvin sign
 * to 'k'), so any other pair is folded whole. */
static gboolean
same_owner (const char *a,
            const char *b)
{
  gsize a_start, a_end, b_start, b_end;
  gboolean ascii = owner_trim (a, &a_start, &a_end);
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  ascii &= owner_trim (b, &b_start, &b_end);
  if (ascii)
    return a_end - a_start == b_end - b_start &&
           g_ascii_strncasecmp (a + a_start, b + b_start, a_end - a_start) == 0;

  key_a = owner_key (a, a_start, a_end);
  key_b = owner_key (b, b_start, b_end);

  return strcmp (key_a, key_b) == 0;
}

static void
check_hand_off (CheckRun *run,
                CxStep   *step)
{
  CxStep *before;

  if (run->journey_index == 0)
    return;
  before = g_ptr_array_index (run->journey, run->journey_index - 1);

  /* The cheap tests first: the owners are folded only for a real drop */
  if (before->delivered_level == 0 || step->delivered_level == 0 ||
      step->delivered_level > before->delivered_level - run->hand_off_drop ||
      is_blank (before->owner) || is_blank (step->owner))
    return;

  if (same_owner (before->owner, step->owner))
    return;

  cx_check_report (run, CX_CHECK_HAND_OFF_DROP, CX_SEVERITY_WARNING,
                   _("delivery drops at the hand-off from '%s' to '%s': '%s' delivers level %d, "
                     "then '%s' delivers %d"),
                   before->owner, step->owner, cx_check_step_name (before),
                   before->delivered_level, cx_check_step_name (step), step->delivered_level);
}

/* CX021: whether @step shows something frontstage with nothing behind
 * it, in one pass over its cells */
static gboolean
has_blueprint_gap (CheckRun *run,
                   CxStep   *step)
{
  gboolean front = FALSE;

  /* The walk resolved the lanes of the step's cells (run->cell_lanes) */
  for (guint c = 0; step->cells != NULL && c < step->cells->len; c++)
    {
      CxCell *cell = g_ptr_array_index (step->cells, c);
      IdRef *lane = g_ptr_array_index (run->cell_lanes, c);
      CxLaneKind kind;

      if (is_blank (cell->text) || lane == NULL || lane->object == NULL)
        continue;

      /* Resolved to a lane: no checked cast */
      kind = ((CxLane *) lane->object)->kind;
      if (kind == CX_LANE_KIND_BACKSTAGE || kind == CX_LANE_KIND_SUPPORT)
        return FALSE;
      front |= kind == CX_LANE_KIND_FRONTSTAGE;
    }

  return front;
}

static void
check_double_deviation (CheckRun *run,
                        CxStep   *step)
{
  int expected = step->expected_level;
  int delivered = step->delivered_level;
  gboolean below = expected > 0 && delivered > 0 && delivered < expected;
  gboolean unhappy = step->has_emotion && step->emotion < 0;

  if (is_blank (step->recovers) || (!below && !unhappy))
    return;

  if (below && unhappy)
    cx_check_report (run, CX_CHECK_DOUBLE_DEVIATION, CX_SEVERITY_WARNING,
                     _("recovery step '%s' fails again: it delivers level %d where %d is "
                       "expected, and the customer leaves it feeling %d"),
                     cx_check_step_name (step), delivered, expected, step->emotion);
  else if (below)
    cx_check_report (run, CX_CHECK_DOUBLE_DEVIATION, CX_SEVERITY_WARNING,
                     _("recovery step '%s' fails again: it delivers level %d where %d is "
                       "expected"),
                     cx_check_step_name (step), delivered, expected);
  else
    cx_check_report (run, CX_CHECK_DOUBLE_DEVIATION, CX_SEVERITY_WARNING,
                     _("recovery step '%s' fails again: the customer leaves it feeling %d"),
                     cx_check_step_name (step), step->emotion);
}

void
cx_check_run_step_1_1 (CheckRun *run,
                       CxStep   *step,
                       CxPhase   phase)
{
  gboolean main_journey = phase != CX_PHASE_RECOVERY;
  int expected = step->expected_level;
  int delivered = step->delivered_level;

  if (run->enabled[CX_CHECK_PEAK_END] && step == run->peak)
    cx_check_report (run, CX_CHECK_PEAK_END, CX_SEVERITY_WARNING,
                     _("the low at '%s' (emotion %d) outweighs the end at '%s' (emotion %d): "
                       "customers remember the most intense moment and the end"),
                     cx_check_step_name (step), step->emotion,
                     cx_check_step_name (run->peak_end), run->peak_end->emotion);

  if (run->enabled[CX_CHECK_MOMENT_OF_TRUTH_SHORTFALL] && step->moment_of_truth &&
      expected > 0 && delivered > 0 && delivered < expected)
    cx_check_report (run, CX_CHECK_MOMENT_OF_TRUTH_SHORTFALL, CX_SEVERITY_WARNING,
                     _("moment of truth '%s' delivers level %d where %d is expected"),
                     cx_check_step_name (step), delivered, expected);

  if (run->enabled[CX_CHECK_ASSUMED_MOMENT] && step->evidence == CX_EVIDENCE_ASSUMED &&
      (step->moment_of_truth || step->wow))
    cx_check_report (run, CX_CHECK_ASSUMED_MOMENT, CX_SEVERITY_INFO,
                     step->moment_of_truth && step->wow
                     ? _("wow moment and moment of truth '%s' rests on an assumption: "
                         "nobody has seen it in research")
                     : step->moment_of_truth
                     ? _("moment of truth '%s' rests on an assumption: nobody has seen it "
                         "in research")
                     : _("wow moment '%s' rests on an assumption: nobody has seen it in "
                         "research"),
                     cx_check_step_name (step));

  if (main_journey && run->enabled[CX_CHECK_HAND_OFF_DROP])
    check_hand_off (run, step);

  if (phase == CX_PHASE_RECOVERY && run->enabled[CX_CHECK_DOUBLE_DEVIATION])
    check_double_deviation (run, step);

  if (main_journey && run->enabled[CX_CHECK_BLUEPRINT_GAP] && run->has_backstage &&
      has_blueprint_gap (run, step))
    cx_check_report (run, CX_CHECK_BLUEPRINT_GAP, CX_SEVERITY_INFO,
                     _("step '%s' shows the customer something frontstage with nothing "
                       "behind it in a backstage or support lane"),
                     cx_check_step_name (step));
}

/* Failures */

static void
check_leads_to (CheckRun  *run,
                CxFailure *failure)
{
  GObject *object = NULL;
  CxStep *target;
  Listed listed;

  if (failure->id == NULL ||
      cx_check_resolve (run, failure->leads_to, CX_TYPE_STEP, &object) != REF_RESOLVED ||
      object == NULL)
    return;

  target = CX_STEP (object);
  if (target->phase != CX_PHASE_RECOVERY)
    return;

  listed.step = target;
  listed.id = failure->id;
  listed.len = strlen (failure->id);
  if (g_hash_table_contains (run->listed, &listed))
    return;

  cx_check_report (run, CX_CHECK_UNANSWERED_LEADS_TO, CX_SEVERITY_WARNING,
                   _("failure '%s' leads to recovery step '%s', which does not list it "
                     "among the failures it recovers"),
                   cx_check_failure_name (failure), cx_check_step_name (target));
}

void
cx_check_run_failure_1_1 (CheckRun  *run,
                          CxFailure *failure)
{
  if (run->enabled[CX_CHECK_UNANSWERED_LEADS_TO])
    check_leads_to (run, failure);

  if (run->enabled[CX_CHECK_SILENT_FAILURE] && failure->detection >= run->silent_detection &&
      failure->severity >= SILENT_MIN_SEVERITY)
    cx_check_report (run, CX_CHECK_SILENT_FAILURE, CX_SEVERITY_WARNING,
                     _("failure '%s' (severity %d, detection %d) goes unnoticed by the "
                       "provider: its recovery waits for a complaint"),
                     cx_check_failure_name (failure), failure->severity, failure->detection);

  if (run->enabled[CX_CHECK_PREVENT_NOT_RECOVER] &&
      failure->severity >= run->prevent_severity &&
      failure->occurrence >= PREVENT_MIN_OCCURRENCE)
    cx_check_report (run, CX_CHECK_PREVENT_NOT_RECOVER, CX_SEVERITY_INFO,
                     _("failure '%s' (severity %d, occurrence %d) is too severe for a recovery "
                       "to mend: make it rarer"),
                     cx_check_failure_name (failure), failure->severity, failure->occurrence);
}

/* Personas */

void
cx_check_run_persona (CheckRun  *run,
                      CxPersona *persona)
{
  guint found;
  int first = -1;
  CxStep *step;

  if (!run->enabled[CX_CHECK_UPSET_ARRIVAL] || !persona->has_mood || persona->mood > -1 ||
      persona->id == NULL)
    return;

  /* The earlier of the persona's own first step and the first for everyone */
  found = cx_check_resolve_cached (run, &run->personas, persona->id)->first;
  if (found != 0)
    first = (int) found - 1;
  if (run->first_no_persona >= 0 && (first < 0 || run->first_no_persona < first))
    first = run->first_no_persona;
  if (first < 0)
    return;

  step = g_ptr_array_index (run->journey, first);
  if (step->expected_level == 0 || step->delivered_level == 0 ||
      step->delivered_level >= step->expected_level)
    return;

  run->here.step_id = step->id;
  run->here.persona_id = persona->id;
  run->here.phase = step->phase;
  cx_check_report (run, CX_CHECK_UPSET_ARRIVAL, CX_SEVERITY_WARNING,
                   _("'%s' arrives upset (mood %d), and the first step, '%s', makes it worse: "
                     "it delivers level %d where %d is expected"),
                   cx_check_persona_name (persona), persona->mood, cx_check_step_name (step),
                   step->delivered_level, step->expected_level);
}
