/* cx-names.c — the format's values in words a user reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cx-names.h"

const char *
cx_name_phase (CxPhase phase)
{
  switch (phase)
    {
    case CX_PHASE_BEFORE:   return _("Before");
    case CX_PHASE_DURING:   return _("During");
    case CX_PHASE_AFTER:    return _("After");
    case CX_PHASE_RECOVERY: return _("Recovery");
    default:                return "";
    }
}

/* In the order of CxChannel, from CX_CHANNEL_NONE */
static const char *const channel_names[] = {
  N_("Not said"), N_("Web"), N_("App"), N_("Email"), N_("Phone"), N_("Chat"),
  N_("Social media"), N_("Mail"), N_("Store"), N_("In person"), N_("Self-service"),
  N_("Other"),
};

const char *
cx_name_channel (CxChannel channel)
{
  g_return_val_if_fail ((guint) channel < G_N_ELEMENTS (channel_names), "");

  return _(channel_names[channel]);
}

/* In the order of CxEvidence, from CX_EVIDENCE_NONE */
static const char *const evidence_names[] = {
  N_("Not said"),
  N_("Observed — seen in research or data"),
  N_("Assumed — believed, not yet seen"),
  N_("Proposed — a design not yet live"),
};

const char *
cx_name_evidence (CxEvidence evidence)
{
  g_return_val_if_fail ((guint) evidence < G_N_ELEMENTS (evidence_names), "");

  return _(evidence_names[evidence]);
}

/* Level 0 is "not assessed"; 1..5 as the format names them */
static const char *const level_names[] = {
  N_("Not assessed"), N_("1 · Very poor"), N_("2 · Poor"), N_("3 · Adequate"),
  N_("4 · Good"), N_("5 · Excellent"),
};

const char *
cx_name_level (int level)
{
  g_return_val_if_fail (level >= 0 && level <= CX_LEVEL_MAX, "");

  return _(level_names[level]);
}

/* −3 … +3, then "not set" */
static const char *const emotion_names[] = {
  N_("−3 · Furious"), N_("−2 · Frustrated"), N_("−1 · Uneasy"), N_("0 · Indifferent"),
  N_("+1 · Content"), N_("+2 · Pleased"), N_("+3 · Delighted"),
};

const char *
cx_name_emotion (gboolean has,
                 int      value)
{
  if (!has)
    return _("Not set");
  g_return_val_if_fail (value >= CX_EMOTION_MIN && value <= CX_EMOTION_MAX, "");

  return _(emotion_names[value - CX_EMOTION_MIN]);
}
