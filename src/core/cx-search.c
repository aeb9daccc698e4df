/* cx-search.c — finding a step, a cell or a failure by its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Case and accents are folded away on both sides ("cafe" finds "Café"),
 * so a search types as loosely as people remember.
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include <string.h>

#include "cx-model-private.h"
#include "cx-search.h"

/* Lower case, accents taken off */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autofree char *folded = NULL;
  GString *out;

  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
holds (const char *text,
       const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = fold (text);
  return strstr (folded, needle) != NULL;
}

static void
add_match (GArray       *matches,
           CxSearchKind  kind,
           CxStep       *step,
           CxLane       *lane,
           CxFailure    *failure)
{
  CxSearchMatch match = { kind, step, lane, failure };

  g_array_append_val (matches, match);
}

static void
search_step (CxPlan     *plan,
             CxStep     *step,
             const char *needle,
             GArray     *matches)
{
  if (holds (step->title, needle) || holds (step->owner, needle) ||
      holds (step->expected_text, needle) || holds (step->delivered_text, needle) ||
      holds (step->emotion_text, needle))
    add_match (matches, CX_SEARCH_STEP, step, NULL, NULL);

  /* Cells in the order of the lanes, as the map shows them */
  for (guint i = 0; i < plan->lanes->len; i++)
    {
      CxLane *lane = g_ptr_array_index (plan->lanes, i);

      if (cx_lane_kind_holds_text (lane->kind) && holds (cx_step_lookup_cell (step, lane->id), needle))
        add_match (matches, CX_SEARCH_CELL, step, lane, NULL);
    }

  for (guint i = 0; i < step->failures->len; i++)
    {
      CxFailure *failure = g_ptr_array_index (step->failures, i);

      if (holds (failure->mode, needle) || holds (failure->effect, needle))
        add_match (matches, CX_SEARCH_FAILURE, step, NULL, failure);
    }
}

/**
 * cx_plan_search:
 * @plan: a #CxPlan
 * @needle: what to find; empty finds nothing
 *
 * Returns: (transfer full) (element-type CxSearchMatch): the places
 *   found, in the order of the map
 */
GArray *
cx_plan_search (CxPlan     *plan,
                const char *needle)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (CxSearchMatch));
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CX_IS_PLAN (plan), matches);
  g_return_val_if_fail (needle != NULL, matches);

  folded = fold (needle);
  if (*folded == '\0')
    return matches;

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      search_step (plan, g_ptr_array_index (plan->steps[phase], i), folded, matches);

  return matches;
}
