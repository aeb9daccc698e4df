/* cx-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cx-format.h"

/* Levels run 1..5, so a drop or gap of 5 or more can never be reached and
 * one of 0 would flag a step level with the wow or the median: the useful
 * range is 1..4. RPN runs 1..1000, severity 1..10. */
static const CxThresholdInfo thresholds[CX_N_THRESHOLDS] = {
  [CX_THRESHOLD_WOW_DROP]        = { "wow-drop",        2,   1,    4 },
  [CX_THRESHOLD_EXPECTATION_GAP] = { "expectation-gap", 2,   1,    4 },
  [CX_THRESHOLD_RPN]             = { "rpn",             100, 1, 1000 },
  [CX_THRESHOLD_SEVERITY]        = { "severity",        8,   1,   10 },
  [CX_THRESHOLD_WEAK_LINK]       = { "weak-link",       2,   1,    4 },
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
