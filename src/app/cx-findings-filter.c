/* cx-findings-filter.c — which findings the findings list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list can be narrowed to one severity, to one check, and to the
 * findings whose message, check id or step title hold the words searched
 * for; with one persona's journey shown, to the findings of its steps.
 * All of them at once: one filter asks each.
 */

#define G_LOG_DOMAIN "cx-findings-filter"

#include "config.h"

#include <string.h>

#include "cx-findings-filter.h"

/**
 * cx_findings_filter_init:
 * @filter: a #CxFindingsFilter to set up
 *
 * Lets every finding through.
 */
void
cx_findings_filter_init (CxFindingsFilter *filter)
{
  g_return_if_fail (filter != NULL);

  filter->severity = CX_FINDINGS_FILTER_ANY;
  filter->check = CX_FINDINGS_FILTER_ANY;
  filter->needle = NULL;
  filter->persona = NULL;
}

/**
 * cx_findings_filter_clear:
 * @filter: a #CxFindingsFilter
 *
 * Frees what @filter holds; it lets every finding through again.
 */
void
cx_findings_filter_clear (CxFindingsFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->needle, g_free);
  g_clear_pointer (&filter->persona, g_free);
  cx_findings_filter_init (filter);
}

/**
 * cx_findings_filter_set_search:
 * @filter: a #CxFindingsFilter
 * @text: (nullable): what the user searches for; blank for nothing
 *
 * Returns: whether the search changed
 */
gboolean
cx_findings_filter_set_search (CxFindingsFilter *filter,
                               const char       *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *needle = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;

  g_return_val_if_fail (filter != NULL, FALSE);

  if (g_strcmp0 (needle, filter->needle) == 0)
    return FALSE;

  g_free (filter->needle);
  filter->needle = g_steal_pointer (&needle);
  return TRUE;
}

/**
 * cx_findings_filter_narrows:
 * @filter: a #CxFindingsFilter
 *
 * Returns: whether the user narrowed the list (severity, check or
 *   search), which Clear Filters undoes; the journey shown is not that
 */
gboolean
cx_findings_filter_narrows (const CxFindingsFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->severity != CX_FINDINGS_FILTER_ANY || filter->check != CX_FINDINGS_FILTER_ANY ||
         filter->needle != NULL;
}

/**
 * cx_findings_filter_is_active:
 * @filter: a #CxFindingsFilter
 *
 * Returns: whether @filter may leave a finding out
 */
gboolean
cx_findings_filter_is_active (const CxFindingsFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return cx_findings_filter_narrows (filter) || filter->persona != NULL;
}

static CxStep *
finding_step (CxPlan          *plan,
              const CxFinding *finding)
{
  GObject *object;

  if (plan == NULL || finding->step_id == NULL)
    return NULL;

  object = cx_plan_lookup_id (plan, finding->step_id);
  return CX_IS_STEP (object) ? CX_STEP (object) : NULL;
}

/* A finding of a step outside the journey shown is left out */
static gboolean
in_journey (const CxFindingsFilter *filter,
            CxPlan                 *plan,
            const CxFinding        *finding)
{
  CxStep *step;
  const char *persona;

  if (filter->persona == NULL || plan == NULL)
    return TRUE;
  /* Flagged at a persona (CX019): that persona's journey only */
  if (finding->target == CX_TARGET_PERSONA)
    return g_strcmp0 (finding->persona_id, filter->persona) == 0;

  step = finding_step (plan, finding);
  if (step == NULL)
    return TRUE;

  persona = cx_step_get_persona (step);
  return persona == NULL || g_str_equal (persona, filter->persona);
}

static gboolean
text_holds (const char *text,
            const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

/* The search matches the message, the check's id or the step's title */
static gboolean
matches_search (const CxFindingsFilter *filter,
                CxPlan                 *plan,
                const CxFinding        *finding)
{
  CxStep *step;

  if (filter->needle == NULL)
    return TRUE;

  if (text_holds (cx_check_info (finding->check)->id, filter->needle) ||
      text_holds (finding->message, filter->needle))
    return TRUE;

  step = finding_step (plan, finding);
  return step != NULL && text_holds (cx_step_get_title (step), filter->needle);
}

/**
 * cx_findings_filter_match:
 * @filter: a #CxFindingsFilter
 * @plan: (nullable): the plan of @finding, for its step's title and persona
 * @finding: a finding of @plan
 *
 * Returns: whether the list shows @finding
 */
gboolean
cx_findings_filter_match (const CxFindingsFilter *filter,
                          CxPlan                 *plan,
                          const CxFinding        *finding)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (filter->severity != CX_FINDINGS_FILTER_ANY && (int) finding->severity != filter->severity)
    return FALSE;
  if (filter->check != CX_FINDINGS_FILTER_ANY && (int) finding->check != filter->check)
    return FALSE;

  return in_journey (filter, plan, finding) && matches_search (filter, plan, finding);
}
