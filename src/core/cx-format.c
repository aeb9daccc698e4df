/* cx-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-format.h"

/* Levels run 1..5, so a drop or gap of 5 or more can never be reached and
 * one of 0 would flag a step level with the wow or the median: the useful
 * range is 1..4 (hand-off-drop too). RPN runs 1..1000; severity, and the
 * detection and severity scores of 1.1, 1..10. */
static const CxThresholdInfo thresholds[CX_N_THRESHOLDS] = {
  [CX_THRESHOLD_WOW_DROP]         = { "wow-drop",         2,   1,    4, 0 },
  [CX_THRESHOLD_EXPECTATION_GAP]  = { "expectation-gap",  2,   1,    4, 0 },
  [CX_THRESHOLD_RPN]              = { "rpn",              100, 1, 1000, 0 },
  [CX_THRESHOLD_SEVERITY]         = { "severity",         8,   1,   10, 0 },
  [CX_THRESHOLD_WEAK_LINK]        = { "weak-link",        2,   1,    4, 0 },
  [CX_THRESHOLD_HAND_OFF_DROP]    = { "hand-off-drop",    2,   1,    4, 1 },
  [CX_THRESHOLD_SILENT_DETECTION] = { "silent-detection", 8,   1,   10, 1 },
  [CX_THRESHOLD_PREVENT_SEVERITY] = { "prevent-severity", 9,   1,   10, 1 },
};

const CxThresholdInfo *
cx_threshold_info (CxThresholdId id)
{
  g_return_val_if_fail (id < CX_N_THRESHOLDS, NULL);

  return &thresholds[id];
}

const CxThresholdInfo *
cx_threshold_info_lookup (const char    *name,
                          CxThresholdId *id)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < CX_N_THRESHOLDS; i++)
    {
      if (strcmp (thresholds[i].name, name) == 0)
        {
          if (id != NULL)
            *id = i;
          return &thresholds[i];
        }
    }

  return NULL;
}

char *
cx_threshold_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < CX_N_THRESHOLDS; i++)
    {
      if (i > 0 && i + 1 < CX_N_THRESHOLDS)
        g_string_append (names, ", ");
      else if (i > 0)
        /* TRANSLATORS: before the last of the threshold names in a list */
        g_string_append (names, _(" and "));
      g_string_append (names, thresholds[i].name);
    }

  return g_string_free (names, FALSE);
}
