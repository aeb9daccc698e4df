/* cx-check.c — the check engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk over the plan in document order numbers every element a check
 * can flag (phase, step, cell, failure, link) and runs the checks on it in
 * id order, so findings come out in their final order. What needs the
 * whole journey (the wow index of CX001, the median of CX007, the last
 * emotion of CX006, the recovered failures of CX003) is gathered in one
 * pass before the walk. Nothing outlives a call. The rules themselves,
 * with their messages, are in cx-check-rules.c.
 */

#define G_LOG_DOMAIN "cx-check"

#include "config.h"

#include <string.h>

#include "cx-check-private.h"
#include "cx-enum-types.h"
#include "cx-format.h"

#define W CX_SEVERITY_WARNING
#define I CX_SEVERITY_INFO
#define E CX_SEVERITY_ERROR

static const CxCheckInfo check_infos[CX_N_CHECKS] = {
  [CX_CHECK_UNSUSTAINABLE_WOW]          = { "CX001", "unsustainable-wow", W, W },
  [CX_CHECK_OVER_PROMISE]               = { "CX002", "over-promise", W, W },
  [CX_CHECK_UNRECOVERED_FAILURE]        = { "CX003", "unrecovered-failure", W, W },
  [CX_CHECK_EMPTY_PHASE]                = { "CX004", "empty-phase", W, I },
  [CX_CHECK_UNOWNED_STEP]               = { "CX005", "unowned-step", I, I },
  [CX_CHECK_NEGATIVE_ENDING]            = { "CX006", "negative-ending", W, W },
  [CX_CHECK_WEAK_LINK]                  = { "CX007", "weak-link", I, I },
  [CX_CHECK_BROKEN_REFERENCE]           = { "CX008", "broken-reference", E, E },
  [CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH] = { "CX009", "unexamined-moment-of-truth", I, I },
  [CX_CHECK_UNASSESSED_STEP]            = { "CX010", "unassessed-step", I, I },
  [CX_CHECK_IDLE_RECOVERY]              = { "CX011", "idle-recovery", I, I },
  [CX_CHECK_PEAK_END]                   = { "CX012", "peak-end", W, W },
  [CX_CHECK_MOMENT_OF_TRUTH_SHORTFALL]  = { "CX013", "moment-of-truth-shortfall", W, W },
  [CX_CHECK_ASSUMED_MOMENT]             = { "CX014", "assumed-moment", I, I },
  [CX_CHECK_HAND_OFF_DROP]              = { "CX015", "hand-off-drop", W, W },
  [CX_CHECK_UNANSWERED_LEADS_TO]        = { "CX016", "unanswered-leads-to", W, W },
  [CX_CHECK_DOUBLE_DEVIATION]           = { "CX017", "double-deviation", W, W },
  [CX_CHECK_SILENT_FAILURE]             = { "CX018", "silent-failure", W, W },
  [CX_CHECK_UPSET_ARRIVAL]              = { "CX019", "upset-arrival", W, W },
  [CX_CHECK_PREVENT_NOT_RECOVER]        = { "CX020", "prevent-not-recover", I, I },
  [CX_CHECK_BLUEPRINT_GAP]              = { "CX021", "blueprint-gap", I, I },
  [CX_CHECK_STALE_ACCEPT]               = { "CX022", "stale-accept", I, I },
};

#undef W
#undef I
#undef E

/**
 * cx_check_info:
 * @check: a check
 *
 * Returns: (transfer none): the id ("CX001"), name ("unsustainable-wow")
 *   and severity of @check, as checks.md gives them
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
  copy->persona_id = g_strdup (finding->persona_id);
  copy->reason = g_strdup (finding->reason);

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
  g_free (finding->persona_id);
  g_free (finding->reason);
  g_free (finding);
}

/* The wow index of CX001: its groups (see cx-check-private.h) */

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

/* The lists at their full size, from the count of each level in filled[] */
static void
wow_group_size (WowGroup *group)
{
  guint size = 0;

  for (int bar = CX_LEVEL_MIN; bar <= CX_LEVEL_MAX; bar++)
    {
      size += group->filled[bar];
      g_array_set_size (group->by_bar[bar], size);
      group->filled[bar] = 0;
    }
}

static void
wow_group_add (WowGroup *group,
               guint     journey_index,
               int       level)
{
  for (int bar = level; bar <= CX_LEVEL_MAX; bar++)
    g_array_index (group->by_bar[bar], guint, group->filled[bar]++) = journey_index;
}

/* Text and findings, for the rules */

const char *
cx_check_step_name (CxStep *step)
{
  if (!is_blank (step->title))
    return step->title;

  return step->id != NULL ? step->id : "";
}

const char *
cx_check_failure_name (CxFailure *failure)
{
  if (!is_blank (failure->mode))
    return failure->mode;

  return failure->id != NULL ? failure->id : "";
}

const char *
cx_check_persona_name (CxPersona *persona)
{
  if (!is_blank (persona->name))
    return persona->name;

  return persona->id != NULL ? persona->id : "";
}

const char *
cx_check_phase_name (CxPhase phase)
{
  return cx_enum_to_nick (CX_TYPE_PHASE, phase);
}

/* Lookups */

RefState
cx_check_resolve (CheckRun   *run,
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

IdRef *
cx_check_resolve_cached (CheckRun   *run,
                         IdCache    *cache,
                         const char *id)
{
  gsize len = strlen (id);
  IdRef **recent;
  IdRef *ref;

  /* A slot by the length and the ends: a plan has few lanes and personas,
   * which that tells apart; ids that share a slot only cost the table */
  recent = &cache->recent[len == 0 ? 0 : (len * 31 + (guchar) id[0] * 7 + (guchar) id[len - 1])
                                         % ID_RECENT];
  if (*recent != NULL && strcmp ((*recent)->id, id) == 0)
    return *recent;

  ref = g_hash_table_lookup (cache->table, id);
  if (ref == NULL)
    {
      GObject *object = NULL;

      ref = g_new0 (IdRef, 1);
      ref->id = id;
      ref->state = cx_check_resolve (run, id, cache->type, &object);
      if (ref->state == REF_RESOLVED)
        ref->object = object;
      g_hash_table_insert (cache->table, (gpointer) id, ref);
    }
  *recent = ref;

  return ref;
}

static void
id_cache_init (IdCache *cache,
               GType    type)
{
  cache->type = type;
  cache->table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static int
get_threshold (CxPlan        *plan,
               CxThresholdId  id)
{
  return cx_plan_get_threshold (plan, cx_threshold_info (id)->name);
}

/* Gathering */

static void
size_wow_group (gpointer key,
                gpointer value,
                gpointer user_data)
{
  wow_group_size (value);
}

/* Two passes, so that each list is sized once and written in place: the
 * first counts the levels of each group, the second writes the indices */
static void
gather_wow_index (CheckRun *run)
{
  g_autofree WowGroup **group_of = g_new (WowGroup *, run->journey->len);

  run->wow_everyone = wow_group_new ();
  run->wow_no_persona = wow_group_new ();
  run->wow_personas = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, wow_group_free);

  for (guint j = 0; j < run->journey->len; j++)
    {
      CxStep *step = g_ptr_array_index (run->journey, j);
      WowGroup *group = run->wow_no_persona;

      /* A step without a level takes no part */
      group_of[j] = NULL;
      if (step->delivered_level < CX_LEVEL_MIN || step->delivered_level > CX_LEVEL_MAX)
        continue;

      if (!is_blank (step->persona))
        {
          IdRef *persona = cx_check_resolve_cached (run, &run->personas, step->persona);

          group = persona->wow;
          if (group == NULL)
            {
              group = persona->wow = wow_group_new ();
              g_hash_table_insert (run->wow_personas, step->persona, group);
            }
        }

      group_of[j] = group;
      run->wow_everyone->filled[step->delivered_level]++;
      group->filled[step->delivered_level]++;
    }

  wow_group_size (run->wow_everyone);
  wow_group_size (run->wow_no_persona);
  g_hash_table_foreach (run->wow_personas, size_wow_group, NULL);

  for (guint j = 0; j < run->journey->len; j++)
    {
      CxStep *step = g_ptr_array_index (run->journey, j);

      if (group_of[j] == NULL)
        continue;
      wow_group_add (run->wow_everyone, j, step->delivered_level);
      wow_group_add (group_of[j], j, step->delivered_level);
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

/* CX003: the failures some recovery step names; CX016: what each
 * recovery step names, as written */
static void
gather_recovered (CheckRun *run,
                  gboolean  failures,
                  gboolean  lists)
{
  GPtrArray *steps = run->plan->steps[CX_PHASE_RECOVERY];

  if (failures)
    run->recovered = g_hash_table_new (NULL, NULL);
  if (lists)
    run->listed_ids = g_array_new (FALSE, FALSE, sizeof (Listed));

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      CxStep *step = g_ptr_array_index (steps, i);
      const char *cursor = step->recovers;
      const char *token;

      if (is_blank (step->recovers))
        continue;

      while ((token = next_token (&cursor, run->token)) != NULL)
        {
          GObject *object = NULL;

          if (failures && cx_check_resolve (run, token, CX_TYPE_FAILURE, &object)
                          == REF_RESOLVED && object != NULL)
            g_hash_table_add (run->recovered, object);
          if (lists)
            {
              /* The token ends where the cursor now stands */
              Listed listed = { step, cursor - run->token->len, run->token->len };

              g_array_append_val (run->listed_ids, listed);
            }
        }
    }

  /* Into the set once the array no longer grows and moves */
  if (lists)
    {
      run->listed = cx_check_listed_new ();
      for (guint l = 0; l < run->listed_ids->len; l++)
        g_hash_table_add (run->listed, &g_array_index (run->listed_ids, Listed, l));
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
  if (run->enabled[CX_CHECK_UNRECOVERED_FAILURE] || run->enabled[CX_CHECK_UNANSWERED_LEADS_TO])
    gather_recovered (run, run->enabled[CX_CHECK_UNRECOVERED_FAILURE],
                      run->enabled[CX_CHECK_UNANSWERED_LEADS_TO]);
  cx_check_gather_1_1 (run);
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
  run->here.persona_id = NULL;
  run->here.index = index;
  run->here.position++;
}

/* What each cell of @step names as its lane, into run->cell_lanes: one
 * look-up a cell, for the checks of the step and of its cells */
static void
resolve_cell_lanes (CheckRun *run,
                    CxStep   *step)
{
  /* Only grown: the entries past this step's cells are never read */
  if (run->cell_lanes->len < step->cells->len)
    g_ptr_array_set_size (run->cell_lanes, step->cells->len);
  run->step_mark++;

  for (guint c = 0; c < step->cells->len; c++)
    {
      CxCell *cell = g_ptr_array_index (step->cells, c);
      IdRef *ref = NULL;

      if (cell->lane != NULL)
        ref = cx_check_resolve_cached (run, &run->lanes, cell->lane);
      g_ptr_array_index (run->cell_lanes, c) = ref;
    }
}

static void
walk_step (CheckRun *run,
           CxStep   *step,
           CxPhase   phase)
{
  gboolean has_cells = step->cells != NULL && step->cells->len > 0;

  /* CX008 looks at every cell; CX021 at the cells of the main journey */
  if (has_cells &&
      (run->enabled[CX_CHECK_BROKEN_REFERENCE] ||
       (phase != CX_PHASE_RECOVERY && run->enabled[CX_CHECK_BLUEPRINT_GAP] &&
        run->has_backstage)))
    resolve_cell_lanes (run, step);

  stand_on (run, CX_TARGET_STEP, step->line, phase, step, NULL, 0);
  cx_check_run_step (run, step, phase);
  cx_check_run_step_1_1 (run, step, phase);

  for (guint c = 0; has_cells && c < step->cells->len; c++)
    {
      CxCell *cell = g_ptr_array_index (step->cells, c);

      stand_on (run, CX_TARGET_CELL, cell->line, phase, step, NULL, c);
      cx_check_run_cell (run, step, cell,
                         c < run->cell_lanes->len
                         ? g_ptr_array_index (run->cell_lanes, c) : NULL);
    }

  for (guint f = 0; step->failures != NULL && f < step->failures->len; f++)
    {
      CxFailure *failure = g_ptr_array_index (step->failures, f);

      stand_on (run, CX_TARGET_FAILURE, failure->line, phase, step, failure, 0);
      cx_check_run_failure (run, failure);
      cx_check_run_failure_1_1 (run, failure);
    }

  for (guint l = 0; step->links != NULL && l < step->links->len; l++)
    {
      CxLink *link = g_ptr_array_index (step->links, l);

      stand_on (run, CX_TARGET_LINK, link->line, phase, step, NULL, l);
      cx_check_run_link (run, step, link);
    }
}

static void
walk (CheckRun *run)
{
  /* The settings come first in the file: each accept has its place, for
   * CX022 after the walk */
  run->here.position = run->plan->accepts->len;

  for (guint i = 0; i < run->plan->personas->len; i++)
    {
      CxPersona *persona = g_ptr_array_index (run->plan->personas, i);

      stand_on (run, CX_TARGET_PERSONA, persona->line, CX_PHASE_BEFORE, NULL, NULL, i);
      cx_check_run_persona (run, persona);
    }

  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    {
      GPtrArray *steps = run->plan->steps[phase];

      stand_on (run, CX_TARGET_PHASE, run->plan->phase_line[phase], phase, NULL, NULL, 0);
      cx_check_run_phase (run, phase);

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

static gboolean
is_ordered (GPtrArray *findings,
            guint      start,
            guint      end)
{
  for (guint f = start + 1; f < end; f++)
    {
      if (compare_findings (&findings->pdata[f - 1], &findings->pdata[f]) > 0)
        return FALSE;
    }

  return TRUE;
}

/* The walk emits its findings in their order already, and the stale
 * accepts of CX022 after them though they belong first; the sort (stable)
 * makes the order a guarantee rather than a property of the walk. A merge
 * sort costs n log n compares even of sorted runs, so two sorted runs are
 * merged in one pass instead, which leaves the order the stable sort
 * would: of two equal findings, the first run's first. */
static void
order_findings (GPtrArray *findings,
                guint      n_walked)
{
  guint n = findings->len;
  gpointer *merged;
  guint a = 0;
  guint b = n_walked;
  guint m = 0;

  if (!is_ordered (findings, 0, n_walked) || !is_ordered (findings, n_walked, n))
    {
      g_ptr_array_sort (findings, compare_findings);
      return;
    }
  if (n_walked == 0 || n_walked == n ||
      compare_findings (&findings->pdata[n_walked - 1], &findings->pdata[n_walked]) <= 0)
    return;

  merged = g_new (gpointer, n);
  while (a < n_walked && b < n)
    {
      if (compare_findings (&findings->pdata[a], &findings->pdata[b]) <= 0)
        merged[m++] = findings->pdata[a++];
      else
        merged[m++] = findings->pdata[b++];
    }
  while (a < n_walked)
    merged[m++] = findings->pdata[a++];
  while (b < n)
    merged[m++] = findings->pdata[b++];
  memcpy (findings->pdata, merged, n * sizeof (gpointer));
  g_free (merged);
}

/**
 * cx_check_plan:
 * @plan: a plan
 *
 * Runs every check of checks.md that @plan does not disable, with the
 * plan's thresholds, and marks the findings the plan accepts
 * (settings/accept) with their reasons.
 *
 * Returns: (transfer full) (element-type CxFinding): the findings, ordered
 *   by the document position of the element each flags, then by check id
 */
GPtrArray *
cx_check_plan (CxPlan *plan)
{
  CheckRun run = { 0 };
  guint n_walked;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  run.plan = plan;
  for (guint i = 0; i < CX_N_CHECKS; i++)
    run.enabled[i] = !cx_plan_is_check_disabled (plan, check_infos[i].id);
  run.wow_drop = get_threshold (plan, CX_THRESHOLD_WOW_DROP);
  run.expectation_gap = get_threshold (plan, CX_THRESHOLD_EXPECTATION_GAP);
  run.rpn = get_threshold (plan, CX_THRESHOLD_RPN);
  run.severity = get_threshold (plan, CX_THRESHOLD_SEVERITY);
  run.weak_link = get_threshold (plan, CX_THRESHOLD_WEAK_LINK);
  run.hand_off_drop = get_threshold (plan, CX_THRESHOLD_HAND_OFF_DROP);
  run.silent_detection = get_threshold (plan, CX_THRESHOLD_SILENT_DETECTION);
  run.prevent_severity = get_threshold (plan, CX_THRESHOLD_PREVENT_SEVERITY);
  run.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_finding_free);
  id_cache_init (&run.lanes, CX_TYPE_LANE);
  id_cache_init (&run.personas, CX_TYPE_PERSONA);
  run.cell_lanes = g_ptr_array_new ();
  run.token = g_string_new (NULL);

  gather (&run);
  walk (&run);
  n_walked = run.findings->len;
  cx_check_apply_accepts (&run);

  order_findings (run.findings, n_walked);

  g_clear_pointer (&run.journey, g_ptr_array_unref);
  g_clear_pointer (&run.wow_everyone, wow_group_free);
  g_clear_pointer (&run.wow_no_persona, wow_group_free);
  g_clear_pointer (&run.wow_personas, g_hash_table_unref);
  g_clear_pointer (&run.recovered, g_hash_table_unref);
  g_clear_pointer (&run.listed, g_hash_table_unref);
  g_clear_pointer (&run.listed_ids, g_array_unref);
  g_clear_pointer (&run.lanes.table, g_hash_table_unref);
  g_clear_pointer (&run.personas.table, g_hash_table_unref);
  g_clear_pointer (&run.cell_lanes, g_ptr_array_unref);
  g_string_free (run.token, TRUE);
  g_free (run.median_text);
  for (guint level = 0; level < G_N_ELEMENTS (run.below_text); level++)
    g_free (run.below_text[level]);

  return run.findings;
}

/**
 * cx_findings_count_full:
 * @findings: (nullable) (element-type CxFinding): findings of cx_check_plan()
 * @counts: (out caller-allocates) (array fixed-size=3): the number of
 *   findings by #CxSeverity, leaving out the accepted ones
 * @n_accepted: (out) (optional): the number of accepted findings
 *
 * Counts @findings for summaries and badges: the ones that still ask for
 * attention by severity, the accepted ones apart.
 */
void
cx_findings_count_full (GPtrArray *findings,
                        guint      counts[3],
                        guint     *n_accepted)
{
  guint accepted = 0;

  g_return_if_fail (counts != NULL);

  counts[CX_SEVERITY_INFO] = counts[CX_SEVERITY_WARNING] = counts[CX_SEVERITY_ERROR] = 0;
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);

      if (finding->accepted)
        accepted++;
      else
        counts[CLAMP (finding->severity, CX_SEVERITY_INFO, CX_SEVERITY_ERROR)]++;
    }

  if (n_accepted != NULL)
    *n_accepted = accepted;
}

/**
 * cx_findings_count:
 * @findings: (nullable) (element-type CxFinding): findings of cx_check_plan()
 * @counts: (out caller-allocates) (array fixed-size=3): the number of
 *   findings by #CxSeverity
 *
 * Counts the findings that ask for attention by severity: accepted
 * findings are not counted (see cx_findings_count_full()).
 */
void
cx_findings_count (GPtrArray *findings,
                   guint      counts[3])
{
  cx_findings_count_full (findings, counts, NULL);
}
