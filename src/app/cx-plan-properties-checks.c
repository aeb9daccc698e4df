/* cx-plan-properties-checks.c — the plan's thresholds and checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every threshold of the format with its range, its default and what it
 * controls; every check this version runs, with its id, name, severity, a
 * sentence of what it looks for and a switch that writes settings/disable;
 * and the checks of a newer version the file turns off, so they can be
 * turned on again.
 */

#define G_LOG_DOMAIN "cx-plan-properties"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-plan-properties-private.h"

/* What each threshold controls, by the name the file spells: a name this
 * table lacks is shown as it is spelled */
static const struct
{
  const char *name;
  const char *title;
  const char *controls;
} threshold_words[] = {
  { "wow-drop", N_("Wow drop"),
    N_("How far below a wow moment a later step may fall before the wow cannot be "
       "sustained (CX001)") },
  { "expectation-gap", N_("Expectation gap"),
    N_("Expected minus delivered level at which a step promises more than it gives (CX002)") },
  { "rpn", N_("Risk priority number"),
    N_("Severity × occurrence × detection at or above which a failure needs a recovery "
       "(CX003)") },
  { "severity", N_("Severity"),
    N_("Severity at or above which a failure needs a recovery, whatever its risk (CX003)") },
  { "weak-link", N_("Weak link"),
    N_("How far below the journey’s median a step’s delivered level may fall (CX007)") },
  { "hand-off-drop", N_("Hand-off drop"),
    N_("How far delivery may fall where one owner hands the customer to another (CX015)") },
  { "silent-detection", N_("Silent failure detection"),
    N_("Detection score at or above which a failure goes unnoticed by the provider (CX018)") },
  { "prevent-severity", N_("Prevention severity"),
    N_("Severity at or above which a failure must be prevented, not only recovered (CX020)") },
};

static void
describe_threshold (const char  *name,
                    const char **title,
                    const char **controls)
{
  *title = name;
  *controls = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (threshold_words); i++)
    if (g_str_equal (threshold_words[i].name, name))
      {
        *title = _(threshold_words[i].title);
        *controls = _(threshold_words[i].controls);
      }
}

/* What a check looks for, in the one sentence of the explain texts that
 * `cxplan-tool explain` prints too (cx-check-explain.c), and how severe
 * its findings are */
static void
describe_check (CxCheckId    check,
                CxSeverity  *severity,
                const char **summary)
{
  CxCheckExplanation explanation;

  cx_check_explain (check, &explanation);
  *severity = cx_check_info (check)->severity;
  *summary = explanation.summary;
}

static const char *
severity_name (CxSeverity severity)
{
  switch (severity)
    {
    case CX_SEVERITY_ERROR:
      return C_("severity", "Error");
    case CX_SEVERITY_WARNING:
      return C_("severity", "Warning");
    case CX_SEVERITY_INFO:
    default:
      return C_("severity", "Info");
    }
}

/* ------------------------------------------------------------------ */

/* Checks                                                              */

static void
on_threshold_changed (GtkSpinButton    *spin,
                      CxPlanProperties *self)
{
  g_autoptr(GError) error = NULL;
  const CxThresholdInfo *info = g_object_get_data (G_OBJECT (spin), "cx-threshold");

  if (self->syncing || self->history == NULL)
    return;

  cx_edit_set_threshold (self->history, info->name, gtk_spin_button_get_value_as_int (spin),
                         &error);
  _cx_plan_properties_refused (GTK_WIDGET (spin), error);
}

/* ------------------------------------------------------------------ */
static void
add_threshold_rows (CxPlanProperties *self)
{
  for (CxThresholdId id = 0; id < CX_N_THRESHOLDS; id++)
    {
      const CxThresholdInfo *info = cx_threshold_info (id);
      g_autofree char *subtitle = NULL;
      g_autofree char *range = NULL;
      const char *title, *controls;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin;

      describe_threshold (info->name, &title, &controls);
      /* Translators: a threshold's default value, as in "Default: 2" */
      subtitle = controls != NULL ? g_strdup_printf (_("%s. Default: %d"), controls,
                                                     info->default_value)
                                  : g_strdup_printf (_("Default: %d"), info->default_value);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      spin = gtk_spin_button_new_with_range (info->min, info->max, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      /* Translators: the range of a threshold, as in "From 1 to 4" */
      range = g_strdup_printf (_("From %d to %d"), info->min, info->max);
      gtk_widget_set_tooltip_text (spin, range);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      g_object_set_data (G_OBJECT (spin), "cx-threshold", (gpointer) info);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_threshold_changed), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

      self->threshold_spins[id] = GTK_SPIN_BUTTON (spin);
      adw_preferences_group_add (self->thresholds_group, row);
    }
}

static void
on_check_switched (GtkSwitch        *widget,
                   GParamSpec       *pspec,
                   CxPlanProperties *self)
{
  g_autoptr(GError) error = NULL;
  const char *check_id = g_object_get_data (G_OBJECT (widget), "cx-check");

  if (self->syncing || self->history == NULL)
    return;

  /* On: the check runs; off: the plan's settings disable it */
  cx_edit_set_check_disabled (self->history, check_id, !gtk_switch_get_active (widget),
                              &error);
  _cx_plan_properties_refused (GTK_WIDGET (widget), error);
}

static GtkWidget *
check_row (CxPlanProperties  *self,
           const char        *check_id,
           const char        *name,
           const char        *subtitle,
           GtkSwitch        **switch_out)
{
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  title = name != NULL ? g_strdup_printf ("%s %s", check_id, name) : g_strdup (check_id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  /* Translators: the switch of a check, as in "Run CX005 unowned-step" */
  label = g_strdup_printf (_("Run %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  g_object_set_data_full (G_OBJECT (widget), "cx-check", g_strdup (check_id), g_free);
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_check_switched), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);

  *switch_out = GTK_SWITCH (widget);
  return row;
}

static void
add_check_rows (CxPlanProperties *self)
{
  for (CxCheckId check = 0; check < CX_N_CHECKS; check++)
    {
      const CxCheckInfo *info = cx_check_info (check);
      g_autofree char *severities = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *lowest = g_utf8_strdown (severity_name (info->lowest), -1);
      const char *summary;
      CxSeverity severity;

      describe_check (check, &severity, &summary);
      /* Translators: a check whose findings are of two severities: "Warning or info" */
      severities = info->lowest != severity
                     ? g_strdup_printf (_("%s or %s"), severity_name (severity), lowest)
                     : g_strdup (severity_name (severity));
      /* Translators: a check's severity and what it looks for: "Warning · A step that…" */
      subtitle = summary != NULL ? g_strdup_printf (_("%s · %s"), severities, summary)
                                 : g_strdup (severities);
      adw_preferences_group_add (self->checks_group,
                                 check_row (self, info->id, info->name, subtitle,
                                            &self->check_switches[check]));
    }
}

static void
set_active (CxPlanProperties *self,
            GtkSwitch        *widget,
            gboolean          active)
{
  if (gtk_switch_get_active (widget) == active)
    return;

  self->syncing = TRUE;
  gtk_switch_set_active (widget, active);
  self->syncing = FALSE;
}

/* The checks the plan turns off that this version does not know: listed
 * so that they can be turned on again (which removes them) */
static void
sync_unknown_checks (CxPlanProperties *self)
{
  guint n = cx_plan_get_n_disabled_checks (self->plan);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  gboolean same;

  for (guint i = 0; i < n; i++)
    if (!cx_check_lookup (cx_plan_get_disabled_check (self->plan, i), NULL))
      g_ptr_array_add (unknown, (gpointer) cx_plan_get_disabled_check (self->plan, i));

  /* The rows again only when the checks listed change, not at every edit */
  same = unknown->len == self->unknown_rows->len;
  for (guint i = 0; same && i < unknown->len; i++)
    same = g_strcmp0 (g_object_get_data (g_ptr_array_index (self->unknown_rows, i), "cx-check"),
                      g_ptr_array_index (unknown, i)) == 0;
  if (same)
    return;

  for (guint i = 0; i < self->unknown_rows->len; i++)
    adw_preferences_group_remove (self->unknown_checks_group,
                                  g_ptr_array_index (self->unknown_rows, i));
  g_ptr_array_set_size (self->unknown_rows, 0);

  for (guint i = 0; i < unknown->len; i++)
    {
      const char *check_id = g_ptr_array_index (unknown, i);
      GtkSwitch *widget;
      GtkWidget *row;

      row = check_row (self, check_id, NULL, _("Not known to this version of CX Planner"),
                       &widget);
      set_active (self, widget, FALSE);
      g_object_set_data_full (G_OBJECT (row), "cx-check", g_strdup (check_id), g_free);
      adw_preferences_group_add (self->unknown_checks_group, row);
      g_ptr_array_add (self->unknown_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->unknown_checks_group), unknown->len > 0);
}

void
_cx_plan_properties_checks_sync (CxPlanProperties *self)
{
  for (CxThresholdId id = 0; id < CX_N_THRESHOLDS; id++)
    {
      int value = cx_plan_get_threshold (self->plan, cx_threshold_info (id)->name);

      if (gtk_spin_button_get_value_as_int (self->threshold_spins[id]) == value)
        continue;
      self->syncing = TRUE;
      gtk_spin_button_set_value (self->threshold_spins[id], value);
      self->syncing = FALSE;
    }

  for (CxCheckId check = 0; check < CX_N_CHECKS; check++)
    set_active (self, self->check_switches[check],
                !cx_plan_is_check_disabled (self->plan, cx_check_info (check)->id));

  sync_unknown_checks (self);
}

/**
 * _cx_plan_properties_checks_init:
 * @self: a #CxPlanProperties
 *
 * Makes a row for every threshold and every check this version knows.
 */
void
_cx_plan_properties_checks_init (CxPlanProperties *self)
{
  add_threshold_rows (self);
  add_check_rows (self);
}
