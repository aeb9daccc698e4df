/* cx-map-view-a11y.c — the map, told to a screen reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A canvas has no widgets inside to announce: the map view says in its
 * accessible description what a sighted user reads off the selected
 * step's column — its title and place, channel and owner, marks, the
 * levels and the emotion by name, its failures with their RPN, the
 * findings on it — and where the cursor is, a lane and its text. It is
 * told again whenever any of that changes.
 */

#define G_LOG_DOMAIN "cx-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-map-view-private.h"
#include "cx-names.h"

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (sentence == NULL || *sentence == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " ");
  g_string_append (text, sentence);
  if (!g_str_has_suffix (sentence, "."))
    g_string_append (text, ".");
}

static guint
count_findings_of (GPtrArray *findings,
                   CxStep    *step,
                   guint      counts[3])
{
  guint n = 0;

  counts[0] = counts[1] = counts[2] = 0;
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->step_id, cx_step_get_id (step)) != 0)
        continue;
      counts[finding->severity]++;
      n++;
    }

  return n;
}

/**
 * _cx_map_view_describe_step:
 * @self: a #CxMapView
 * @step: a step of the plan shown
 *
 * Returns: (transfer full): @step as the map shows it, in sentences
 */
char *
_cx_map_view_describe_step (CxMapView *self,
                            CxStep    *step)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *sentence = NULL;
  CxPlan *plan = cx_step_get_plan (step);
  guint counts[3];
  guint n_findings;

  append_sentence (text, cx_step_get_title (step) != NULL ? cx_step_get_title (step)
                                                          : _("Untitled step"));
  if (plan != NULL)
    {
      CxPhase phase = cx_step_get_phase (step);

      /* Translators: "During, step 2 of 5" */
      sentence = g_strdup_printf (_("%s, step %d of %u"), cx_name_phase (phase),
                                  cx_plan_get_step_index (plan, step) + 1,
                                  cx_plan_get_n_steps (plan, phase));
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (cx_step_get_channel (step) != CX_CHANNEL_NONE)
    {
      sentence = g_strdup_printf (_("Channel: %s"), cx_name_channel (cx_step_get_channel (step)));
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (cx_step_get_owner (step) != NULL)
    {
      sentence = g_strdup_printf (_("Owner: %s"), cx_step_get_owner (step));
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (cx_step_get_wow (step))
    append_sentence (text, _("A wow moment"));
  if (cx_step_get_moment_of_truth (step))
    append_sentence (text, _("A moment of truth"));

  sentence = g_strdup_printf (_("Expected: %s; delivered: %s"),
                              cx_name_level (cx_step_get_expected_level (step)),
                              cx_name_level (cx_step_get_delivered_level (step)));
  append_sentence (text, sentence);
  g_clear_pointer (&sentence, g_free);
  sentence = g_strdup_printf (_("Emotion: %s"),
                              cx_name_emotion (cx_step_get_has_emotion (step),
                                               cx_step_get_emotion (step)));
  append_sentence (text, sentence);
  g_clear_pointer (&sentence, g_free);

  for (guint i = 0; i < cx_step_get_n_failures (step); i++)
    {
      CxFailure *failure = cx_step_get_failure (step, i);

      /* Translators: "Failure: Calls go to voicemail, RPN 336" */
      sentence = g_strdup_printf (_("Failure: %s, RPN %d"),
                                  cx_failure_get_mode (failure) != NULL
                                    ? cx_failure_get_mode (failure) : _("Untitled failure"),
                                  cx_failure_get_rpn (failure));
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }

  n_findings = count_findings_of (self->findings, step, counts);
  if (n_findings == 0)
    {
      append_sentence (text, _("No findings"));
    }
  else
    {
      g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error",
                                                              "%u errors", counts[2]), counts[2]);
      g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning",
                                                                "%u warnings", counts[1]),
                                                   counts[1]);
      g_autofree char *infos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u info",
                                                             "%u info", counts[0]), counts[0]);

      /* Translators: "Findings: 0 errors, 2 warnings, 1 info" */
      sentence = g_strdup_printf (_("Findings: %s, %s, %s"), errors, warnings, infos);
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }

  if (self->cursor_lane != NULL)
    {
      const char *name = cx_lane_get_name (self->cursor_lane) != NULL
                         ? cx_lane_get_name (self->cursor_lane)
                         : cx_lane_get_id (self->cursor_lane);
      const char *cell = cx_lane_kind_holds_text (cx_lane_get_kind (self->cursor_lane))
                         ? cx_step_lookup_cell (step, cx_lane_get_id (self->cursor_lane)) : NULL;

      /* Translators: where the map's cursor is: "Lane Customer actions: Calls the store" */
      sentence = cell != NULL ? g_strdup_printf (_("Lane %s: %s"), name, cell)
                              : g_strdup_printf (_("Lane %s"), name);
      append_sentence (text, sentence);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Tells the screen reader about the selected step again */
void
_cx_map_view_update_description (CxMapView *self)
{
  g_autofree char *description = NULL;

  if (self->selected == NULL || cx_step_get_plan (self->selected) == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  description = _cx_map_view_describe_step (self, self->selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}
