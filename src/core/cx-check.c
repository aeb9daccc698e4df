/* cx-check.c — the check engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk over the plan in document order numbers every element a check
 * can flag (phase, step, cell, failure, link) and runs the checks on it in
 * id order, so findings come out in their final order. What needs the
 * whole journey (the wow index of CX001, the median of CX007, the last
 * emotion of CX006, the recovered failures of CX003) is gathered in one
 * pass before the walk. Nothing outlives a call.
 */

#define G_LOG_DOMAIN "cx-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-check.h"
#include "cx-enum-types.h"
#include "cx-format.h"
#include "cx-model-private.h"

/* How many of the steps that miss a wow's bar its message names */
#define WOW_NAMED_MAX 3

static const CxCheckInfo check_infos[CX_N_CHECKS] = {
  [CX_CHECK_UNSUSTAINABLE_WOW]          = { "CX001", "unsustainable-wow" },
  [CX_CHECK_OVER_PROMISE]               = { "CX002", "over-promise" },
  [CX_CHECK_UNRECOVERED_FAILURE]        = { "CX003", "unrecovered-failure" },
  [CX_CHECK_EMPTY_PHASE]                = { "CX004", "empty-phase" },
  [CX_CHECK_UNOWNED_STEP]               = { "CX005", "unowned-step" },
  [CX_CHECK_NEGATIVE_ENDING]            = { "CX006", "negative-ending" },
  [CX_CHECK_WEAK_LINK]                  = { "CX007", "weak-link" },
  [CX_CHECK_BROKEN_REFERENCE]           = { "CX008", "broken-reference" },
  [CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH] = { "CX009", "unexamined-moment-of-truth" },
  [CX_CHECK_UNASSESSED_STEP]            = { "CX010", "unassessed-step" },
  [CX_CHECK_IDLE_RECOVERY]              = { "CX011", "idle-recovery" },
};

/**
 * cx_check_info:
 * @check: a check
 *
 * Returns: (transfer none): the id ("CX001") and name ("unsustainable-wow")
 *   of @check, as checks.md gives them
 */
const CxCheckInfo *
cx_check_info (CxCheckId check)
{
  g_return_val_if_fail ((guint) check < CX_N_CHECKS, NULL);

  return &check_infos[check];
}

/**
 * cx_check_lookup:
 * @id: a check id such as "CX005"
 * @check: (out) (optional): where to store the check
 *
 * Returns: %TRUE if @id names a check
 */
gboolean
cx_check_lookup (const char *id,
                 CxCheckId  *check)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < CX_N_CHECKS; i++)
    {
      if (strcmp (check_infos[i].id, id) == 0)
        {
          if (check != NULL)
            *check = i;
          return TRUE;
        }
    }

  return FALSE;
}

G_DEFINE_BOXED_TYPE (CxFinding, cx_finding, cx_finding_copy, cx_finding_free)

CxFinding *
cx_finding_copy (const CxFinding *finding)
{
  CxFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = g_memdup2 (finding, sizeof *finding);
  copy->step_id = g_strdup (finding->step_id);
  copy->failure_id = g_strdup (finding->failure_id);
  copy->message = g_strdup (finding->message);

  return copy;
}

void
cx_finding_free (CxFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->step_id);
  g_free (finding->failure_id);
  g_free (finding->message);
  g_free (finding);
}

/* Text */

/* White space as XML counts it */
#define XML_SPACE " \t\r\n"

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[strspn (text, XML_SPACE)] == '\0';
}

/* A step by its title, or its id when the title is empty */
static const char *
step_name (CxStep *step)
{
  if (!is_blank (step->title))
    return step->title;

  return step->id != NULL ? step->id : "";
}

/* A failure by its mode, or its id when the mode is empty */
static const char *
failure_name (CxFailure *failure)
{
  if (!is_blank (failure->mode))
    return failure->mode;

  return failure->id != NULL ? failure->id : "";
}

static const char *
phase_name (CxPhase phase)
{
  return cx_enum_to_nick (CX_TYPE_PHASE, phase);
}

/* A number held as twice its value, so a median of two levels stays
 * exact: "4" or "3.5" */
static char *
format_half (int twice)
{
  if (twice % 2 == 0)
    return g_strdup_printf ("%d", twice / 2);

  return g_strdup_printf ("%.1f", twice / 2.0);
}

/* The wow index of CX001. For a group of steps, by_bar[t] holds the
 * journey indices, ascending, of the steps of the group whose level is at
 * most t: the steps that miss a wow whose bar is t. The groups: every step
 * (for a wow without a persona), the steps without a persona, and the
 * steps of each persona; the last two never overlap. */

typedef struct
{
  GArray *by_bar[CX_LEVEL_MAX + 1];   /* guint; [0] unused: a bar is at least 1 */
} WowGroup;

static WowGroup *
wow_group_new (void)
{
  WowGroup *group = g_new0 (WowGroup, 1);

  for (int bar = CX_LEVEL_MIN; bar <= CX_LEVEL_MAX; bar++)
    group->by_bar[bar] = g_array_new (FALSE, FALSE, sizeof (guint));

  return group;
}

static void
wow_group_free (gpointer data)
{
  WowGroup *group = data;

  for (int bar = CX_LEVEL_MIN; bar <= CX_LEVEL_MAX; bar++)
    g_array_unref (group->by_bar[bar]);
  g_free (group);
}

static void
wow_group_add (WowGroup *group,
               guint     journey_index,
               int       level)
{
  for (int bar = level; bar <= CX_LEVEL_MAX; bar++)
    g_array_append_val (group->by_bar[bar], journey_index);
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

/* One run of the checks: what it gathers before its walk, and where the
 * walk stands */
typedef struct
{
  CxPlan     *plan;
  gboolean    enabled[CX_N_CHECKS];
  int         wow_drop;
  int         expectation_gap;
  int         rpn;
  int         severity;
  int         weak_link;

  GPtrArray  *journey;          /* CxStep, not owned: the main journey in order */
  WowGroup   *wow_everyone;     /* CX001; NULL when there is no wow */
  WowGroup   *wow_no_persona;
  GHashTable *wow_personas;     /* persona id (not owned) → WowGroup */
  int         median_twice;     /* CX007: twice the median; 0 when there is none */
  CxStep     *last_emotion;     /* CX006 */
  GHashTable *recovered;        /* CX003: the CxFailures a recovery step names */
  gboolean    has_failures;     /* CX004 */

  CxFinding   here;             /* the element the walk stands on; ids borrowed */
  guint       journey_index;

  GPtrArray  *findings;
} CheckRun;

static void report (CheckRun   *run,
                    CxCheckId   check,
                    CxSeverity  severity,
                    const char *format,
                    ...) G_GNUC_PRINTF (4, 5);

static void
report (CheckRun   *run,
        CxCheckId   check,
        CxSeverity  severity,
        const char *format,
        ...)
{
  CxFinding *finding = g_new0 (CxFinding, 1);
  va_list args;

  *finding = run->here;
  finding->check = check;
  finding->severity = severity;
  finding->step_id = g_strdup (run->here.step_id);
  finding->failure_id = g_strdup (run->here.failure_id);

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (run->findings, finding);
}

/* A finding of CX008, always an error */
#define broken(run, ...) \
  report ((run), CX_CHECK_BROKEN_REFERENCE, CX_SEVERITY_ERROR, __VA_ARGS__)

typedef enum
{
  REF_RESOLVED,     /* or no reference at all */
  REF_MISSING,
  REF_WRONG_KIND,
} RefState;

static RefState
resolve (CheckRun   *run,
         const char *id,
         GType       type,
         GObject   **object)
{
  GObject *found;

  if (is_blank (id))
    return REF_RESOLVED;

  found = run->plan->ids != NULL ? g_hash_table_lookup (run->plan->ids, id) : NULL;
  if (object != NULL)
    *object = found;
  if (found == NULL)
    return REF_MISSING;

  return G_TYPE_CHECK_INSTANCE_TYPE (found, type) ? REF_RESOLVED : REF_WRONG_KIND;
}

static int
get_threshold (CxPlan        *plan,
               CxThresholdId  id)
{
  return cx_plan_get_threshold (plan, cx_threshold_info (id)->name);
}

/* Gathering */

static void
gather_wow_index (CheckRun *run)
{
  run->wow_everyone = wow_group_new ();
  run->wow_no_persona = wow_group_new ();
  run->wow_personas = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, wow_group_free);

  for (guint j = 0; j < run->journey->len; j++)
    {
      CxStep *step = g_ptr_array_index (run->journey, j);
      WowGroup *group = run->wow_no_persona;

      /* A step without a level takes no part */
      if (step->delivered_level < CX_LEVEL_MIN || step->delivered_level > CX_LEVEL_MAX)
        continue;

      if (!is_blank (step->persona))
        {
          group = g_hash_table_lookup (run->wow_personas, step->persona);
          if (group == NULL)
            {
              group = wow_group_new ();
              g_hash_table_insert (run->wow_personas, step->persona, group);
            }
        }

      wow_group_add (run->wow_everyone, j, step->delivered_level);
      wow_group_add (group, j, step->delivered_level);
    }
}

static void
gather_median (CheckRun *run)
{
  guint count[CX_LEVEL_MAX + 1] = { 0 };
  guint n = 0;
  guint seen = 0;
  int low = 0;
  int high = 0;

  for (guint j = 0; j < run->journey->len; j++)
    {
      int level = ((CxStep *) g_ptr_array_index (run->journey, j))->delivered_level;

      if (level >= CX_LEVEL_MIN && level <= CX_LEVEL_MAX)
        {
          count[level]++;
          n++;
        }
    }
  if (n < 3)
    return;

  /* The levels in ascending order: the one at rank (n - 1) / 2 and the one
   * at rank n / 2, the same for an odd count */
  for (int level = CX_LEVEL_MIN; level <= CX_LEVEL_MAX; level++)
    {
      if ((n - 1) / 2 >= seen && (n - 1) / 2 < seen + count[level])
        low = level;
      if (n / 2 >= seen && n / 2 < seen + count[level])
        high = level;
      seen += count[level];
    }

  run->median_twice = low + high;
}

static void
gather_recovered (CheckRun *run)
{
  GPtrArray *steps = run->plan->steps[CX_PHASE_RECOVERY];

  run->recovered = g_hash_table_new (NULL, NULL);

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      CxStep *step = g_ptr_array_index (steps, i);
      g_auto(GStrv) tokens = g_strsplit_set (step->recovers ? step->recovers : "", XML_SPACE, -1);

      for (guint t = 0; tokens[t] != NULL; t++)
        {
          GObject *object = NULL;

          if (resolve (run, tokens[t], CX_TYPE_FAILURE, &object) == REF_RESOLVED && object != NULL)
            g_hash_table_add (run->recovered, object);
        }
    }
}

static void
gather (CheckRun *run)
{
  gboolean has_wow = FALSE;
  guint n_steps = 0;

  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    n_steps += run->plan->steps[phase] != NULL ? run->plan->steps[phase]->len : 0;
  run->journey = g_ptr_array_sized_new (n_steps);

  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    {
      GPtrArray *steps = run->plan->steps[phase];

      for (guint i = 0; steps != NULL && i < steps->len; i++)
        {
          CxStep *step = g_ptr_array_index (steps, i);

          if (step->failures != NULL && step->failures->len > 0)
            run->has_failures = TRUE;

          if (phase != CX_PHASE_RECOVERY)
            {
              g_ptr_array_add (run->journey, step);
              has_wow |= step->wow;
              if (step->has_emotion)
                run->last_emotion = step;
            }
        }
    }

  if (run->enabled[CX_CHECK_UNSUSTAINABLE_WOW] && has_wow)
    gather_wow_index (run);
  if (run->enabled[CX_CHECK_WEAK_LINK])
    gather_median (run);
  if (run->enabled[CX_CHECK_UNRECOVERED_FAILURE])
    gather_recovered (run);
}

/* The checks, element by element */

static void
check_phase (CheckRun *run,
             CxPhase   phase)
{
  GPtrArray *steps = run->plan->steps[phase];
  const char *name = phase_name (phase);

  if (!run->enabled[CX_CHECK_EMPTY_PHASE] || (steps != NULL && steps->len > 0))
    return;

  if (phase == CX_PHASE_BEFORE)
    report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_WARNING,
            _("phase '%s' has no step: the experience starts before the first contact"), name);
  else if (phase == CX_PHASE_DURING)
    report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_WARNING,
            _("phase '%s' has no step: the service itself is not mapped"), name);
  else if (phase == CX_PHASE_AFTER)
    report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_WARNING,
            _("phase '%s' has no step: nothing closes the loop after the service"), name);
  else if (run->has_failures)
    report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_WARNING,
            _("phase '%s' has no step, yet the plan lists failures to recover from"), name);
  else
    report (run, CX_CHECK_EMPTY_PHASE, CX_SEVERITY_INFO,
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
      WowGroup *group = g_hash_table_lookup (run->wow_personas, step->persona);

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
      g_string_append_printf (named, _("'%s' (%d)"), step_name (later), later->delivered_level);
    }

  report (run, CX_CHECK_UNSUSTAINABLE_WOW, CX_SEVERITY_WARNING,
          g_dngettext (GETTEXT_PACKAGE,
                       "wow moment '%s' (level %d) sets a bar that %u later step misses: %s",
                       "wow moment '%s' (level %d) sets a bar that %u later steps miss: %s",
                       missed),
          step_name (step), step->delivered_level, missed, named->str);
}

static void
check_step_references (CheckRun *run,
                       CxStep   *step,
                       CxPhase   phase)
{
  g_auto(GStrv) tokens = NULL;
  RefState state;

  state = resolve (run, step->persona, CX_TYPE_PERSONA, NULL);
  if (state != REF_RESOLVED)
    broken (run,
            state == REF_MISSING
            ? _("step '%s' names persona '%s', which does not exist")
            : _("step '%s' names persona '%s', which is not a persona"),
            step_name (step), step->persona);

  if (is_blank (step->recovers))
    return;

  if (phase != CX_PHASE_RECOVERY)
    broken (run, _("step '%s' names failures it recovers, but it is in phase '%s', not '%s'"),
            step_name (step), phase_name (phase), phase_name (CX_PHASE_RECOVERY));

  tokens = g_strsplit_set (step->recovers, XML_SPACE, -1);
  for (guint t = 0; tokens[t] != NULL; t++)
    {
      /* resolve() takes the empty strings between separators for no reference */
      state = resolve (run, tokens[t], CX_TYPE_FAILURE, NULL);
      if (state != REF_RESOLVED)
        broken (run,
                state == REF_MISSING
                ? _("step '%s' recovers failure '%s', which does not exist")
                : _("step '%s' recovers failure '%s', which is not a failure"),
                step_name (step), tokens[t]);
    }
}

static void
check_step (CheckRun *run,
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
    report (run, CX_CHECK_OVER_PROMISE, CX_SEVERITY_WARNING,
            _("step '%s' promises level %d but delivers %d (gap %d)"),
            step_name (step), expected, delivered, expected - delivered);

  if (run->enabled[CX_CHECK_UNOWNED_STEP] && is_blank (step->owner))
    report (run, CX_CHECK_UNOWNED_STEP, CX_SEVERITY_INFO,
            _("step '%s' has no owner"), step_name (step));

  if (run->enabled[CX_CHECK_NEGATIVE_ENDING] && step == run->last_emotion && step->emotion < 0)
    report (run, CX_CHECK_NEGATIVE_ENDING, CX_SEVERITY_WARNING,
            _("the journey ends on a negative emotion (%d) at '%s'"),
            step->emotion, step_name (step));

  if (main_journey && run->enabled[CX_CHECK_WEAK_LINK] && run->median_twice > 0
      && delivered > 0 && 2 * delivered <= run->median_twice - 2 * run->weak_link)
    {
      g_autofree char *below = format_half (run->median_twice - 2 * delivered);
      g_autofree char *median = format_half (run->median_twice);

      report (run, CX_CHECK_WEAK_LINK, CX_SEVERITY_INFO,
              _("step '%s' delivers level %d, %s below the journey's median of %s"),
              step_name (step), delivered, below, median);
    }

  if (run->enabled[CX_CHECK_BROKEN_REFERENCE])
    check_step_references (run, step, phase);

  if (run->enabled[CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH] && step->moment_of_truth
      && (step->failures == NULL || step->failures->len == 0))
    report (run, CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH, CX_SEVERITY_INFO,
            _("step '%s' is a moment of truth, but no failure is listed for it"),
            step_name (step));

  if (main_journey && run->enabled[CX_CHECK_UNASSESSED_STEP] && (expected == 0 || delivered == 0))
    report (run, CX_CHECK_UNASSESSED_STEP, CX_SEVERITY_INFO,
            expected == 0 && delivered == 0
            ? _("step '%s' has neither an expected nor a delivered level")
            : expected == 0
            ? _("step '%s' has no expected level")
            : _("step '%s' has no delivered level"),
            step_name (step));

  if (phase == CX_PHASE_RECOVERY && run->enabled[CX_CHECK_IDLE_RECOVERY]
      && is_blank (step->recovers))
    report (run, CX_CHECK_IDLE_RECOVERY, CX_SEVERITY_INFO,
            _("recovery step '%s' does not say which failures it recovers"),
            step_name (step));
}

/* @lanes_seen: the lanes of the step's cells before this one */
static void
check_cell (CheckRun   *run,
            CxStep     *step,
            CxCell     *cell,
            GHashTable *lanes_seen)
{
  GObject *lane = NULL;
  RefState state;

  if (!run->enabled[CX_CHECK_BROKEN_REFERENCE] || cell->lane == NULL)
    return;

  state = resolve (run, cell->lane, CX_TYPE_LANE, &lane);
  if (state != REF_RESOLVED)
    broken (run,
            state == REF_MISSING
            ? _("step '%s' has a cell in lane '%s', which does not exist")
            : _("step '%s' has a cell in lane '%s', which is not a lane"),
            step_name (step), cell->lane);
  else if (lane != NULL && !cx_lane_kind_holds_text (CX_LANE (lane)->kind))
    broken (run, _("step '%s' has a cell in lane '%s', whose kind '%s' holds no text"),
            step_name (step), cell->lane,
            cx_enum_to_nick (CX_TYPE_LANE_KIND, CX_LANE (lane)->kind));

  if (!g_hash_table_add (lanes_seen, cell->lane))
    broken (run, _("step '%s' has more than one cell in lane '%s'"),
            step_name (step), cell->lane);
}

static void
check_failure (CheckRun  *run,
               CxFailure *failure)
{
  int rpn = failure->severity * failure->occurrence * failure->detection;
  RefState state;

  if (run->enabled[CX_CHECK_UNRECOVERED_FAILURE]
      && (rpn >= run->rpn || failure->severity >= run->severity)
      && !g_hash_table_contains (run->recovered, failure))
    report (run, CX_CHECK_UNRECOVERED_FAILURE, CX_SEVERITY_WARNING,
            _("failure '%s' (RPN %d, severity %d) has no recovery step"),
            failure_name (failure), rpn, failure->severity);

  if (!run->enabled[CX_CHECK_BROKEN_REFERENCE])
    return;

  state = resolve (run, failure->leads_to, CX_TYPE_STEP, NULL);
  if (state != REF_RESOLVED)
    broken (run,
            state == REF_MISSING
            ? _("failure '%s' leads to step '%s', which does not exist")
            : _("failure '%s' leads to step '%s', which is not a step"),
            failure_name (failure), failure->leads_to);
}

static void
check_link (CheckRun *run,
            CxStep   *step,
            CxLink   *link)
{
  gboolean depends = link->kind == CX_LINK_KIND_DEPENDS_ON;
  RefState state;

  if (!run->enabled[CX_CHECK_BROKEN_REFERENCE])
    return;

  state = resolve (run, link->step, CX_TYPE_STEP, NULL);
  if (state == REF_MISSING)
    broken (run,
            depends
            ? _("step '%s' depends on step '%s', which does not exist")
            : _("step '%s' leads to step '%s', which does not exist"),
            step_name (step), link->step);
  else if (state == REF_WRONG_KIND)
    broken (run,
            depends
            ? _("step '%s' depends on step '%s', which is not a step")
            : _("step '%s' leads to step '%s', which is not a step"),
            step_name (step), link->step);
}

/* The walk: numbers the elements in document order and checks each */

static void
stand_on (CheckRun     *run,
          CxTargetKind  target,
          guint         line,
          CxPhase       phase,
          CxStep       *step,
          CxFailure    *failure,
          guint         index)
{
  run->here.target = target;
  run->here.line = line;
  run->here.phase = phase;
  run->here.step_id = step != NULL ? step->id : NULL;
  run->here.failure_id = failure != NULL ? failure->id : NULL;
  run->here.index = index;
  run->here.position++;
}

static void
walk_step (CheckRun *run,
           CxStep   *step,
           CxPhase   phase)
{
  stand_on (run, CX_TARGET_STEP, step->line, phase, step, NULL, 0);
  check_step (run, step, phase);

  if (step->cells != NULL && step->cells->len > 0)
    {
      g_autoptr(GHashTable) lanes_seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint c = 0; c < step->cells->len; c++)
        {
          CxCell *cell = g_ptr_array_index (step->cells, c);

          stand_on (run, CX_TARGET_CELL, cell->line, phase, step, NULL, c);
          check_cell (run, step, cell, lanes_seen);
        }
    }

  for (guint f = 0; step->failures != NULL && f < step->failures->len; f++)
    {
      CxFailure *failure = g_ptr_array_index (step->failures, f);

      stand_on (run, CX_TARGET_FAILURE, failure->line, phase, step, failure, 0);
      check_failure (run, failure);
    }

  for (guint l = 0; step->links != NULL && l < step->links->len; l++)
    {
      CxLink *link = g_ptr_array_index (step->links, l);

      stand_on (run, CX_TARGET_LINK, link->line, phase, step, NULL, l);
      check_link (run, step, link);
    }
}

static void
walk (CheckRun *run)
{
  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    {
      GPtrArray *steps = run->plan->steps[phase];

      stand_on (run, CX_TARGET_PHASE, run->plan->phase_line[phase], phase, NULL, NULL, 0);
      check_phase (run, phase);

      for (guint i = 0; steps != NULL && i < steps->len; i++)
        {
          walk_step (run, g_ptr_array_index (steps, i), phase);
          if (phase != CX_PHASE_RECOVERY)
            run->journey_index++;
        }
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const CxFinding *finding_a = *(CxFinding * const *) a;
  const CxFinding *finding_b = *(CxFinding * const *) b;

  if (finding_a->position != finding_b->position)
    return finding_a->position < finding_b->position ? -1 : 1;

  return (int) finding_a->check - (int) finding_b->check;
}

/**
 * cx_check_plan:
 * @plan: a plan
 *
 * Runs every check of checks.md that @plan does not disable, with the
 * plan's thresholds.
 *
 * Returns: (transfer full) (element-type CxFinding): the findings, ordered
 *   by the document position of the element each flags, then by check id
 */
GPtrArray *
cx_check_plan (CxPlan *plan)
{
  CheckRun run = { 0 };

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  run.plan = plan;
  for (guint i = 0; i < CX_N_CHECKS; i++)
    run.enabled[i] = !cx_plan_is_check_disabled (plan, check_infos[i].id);
  run.wow_drop = get_threshold (plan, CX_THRESHOLD_WOW_DROP);
  run.expectation_gap = get_threshold (plan, CX_THRESHOLD_EXPECTATION_GAP);
  run.rpn = get_threshold (plan, CX_THRESHOLD_RPN);
  run.severity = get_threshold (plan, CX_THRESHOLD_SEVERITY);
  run.weak_link = get_threshold (plan, CX_THRESHOLD_WEAK_LINK);
  run.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_finding_free);

  gather (&run);
  walk (&run);

  /* The walk emits in this order already; the sort (stable) makes that a
   * guarantee rather than a property of the walk */
  g_ptr_array_sort (run.findings, compare_findings);

  g_clear_pointer (&run.journey, g_ptr_array_unref);
  g_clear_pointer (&run.wow_everyone, wow_group_free);
  g_clear_pointer (&run.wow_no_persona, wow_group_free);
  g_clear_pointer (&run.wow_personas, g_hash_table_unref);
  g_clear_pointer (&run.recovered, g_hash_table_unref);

  return run.findings;
}
