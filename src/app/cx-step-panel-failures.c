/* cx-step-panel-failures.c — a step's failures, and what a recovery answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Service FMEA in the step's editor: each failure an expander with what
 * goes wrong, its effect, severity, occurrence and detection (the RPN,
 * their product, shown live in its title), and the step it leads to. A
 * recovery step lists the failures it answers, chosen from the plan's by
 * their description, with a search for plans that have many.
 */

#define G_LOG_DOMAIN "cx-step-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-step-panel-private.h"

/* The most failures the "Answer a failure" list shows at once: a search
 * narrows a plan with more */
#define MAX_ANSWER_CHOICES 200

struct _FailureRows
{
  CxFailure      *failure;
  AdwExpanderRow *expander;
  GtkLabel       *rpn_label;
  AdwEntryRow    *mode_row;
  AdwEntryRow    *effect_row;
  GtkSpinButton  *scores[3];
  AdwComboRow    *leads_to_row;
  GPtrArray      *leads_to_ids;  /* char *, NULL first; filled when first shown */
};

static const char *const score_properties[] = { "severity", "occurrence", "detection" };

static void
failure_rows_free (gpointer data)
{
  FailureRows *rows = data;

  g_clear_object (&rows->failure);
  g_clear_pointer (&rows->leads_to_ids, g_ptr_array_unref);
  g_free (rows);
}

static const char *
rpn_class (int rpn)
{
  /* The bands FMEA practice reads: from 200 act now, from 100 plan */
  if (rpn >= 200)
    return "cx-rpn-high";
  if (rpn >= 100)
    return "cx-rpn-medium";
  return "cx-rpn-low";
}

static const char *
failure_name (CxFailure *failure)
{
  const char *mode = cx_failure_get_mode (failure);

  return mode != NULL ? mode : _("Untitled failure");
}

/* ------------------------------------------------------------------ */
/* Editing a failure                                                   */

static void
on_score_changed (GtkSpinButton *spin,
                  CxStepPanel   *self)
{
  g_autoptr(GError) error = NULL;
  FailureRows *rows = g_object_get_data (G_OBJECT (spin), "cx-rows");
  const char *property = g_object_get_data (G_OBJECT (spin), "cx-property");

  if (self->syncing)
    return;
  cx_edit_set_int (self->history, rows->failure, property,
                   gtk_spin_button_get_value_as_int (spin), &error);
  _cx_step_panel_refused (self, GTK_WIDGET (spin), error);
}

static void
fill_leads_to (CxStepPanel *self,
               FailureRows *rows)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (rows->leads_to_ids != NULL)
    return;

  rows->leads_to_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (rows->leads_to_ids, NULL);
  gtk_string_list_append (names, _("No follow-up step"));
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < cx_plan_get_n_steps (self->plan, phase); i++)
      {
        CxStep *step = cx_plan_get_step (self->plan, phase, i);

        if (step == self->step)
          continue;
        g_ptr_array_add (rows->leads_to_ids, g_strdup (cx_step_get_id (step)));
        gtk_string_list_append (names, _cx_step_panel_step_name (step));
      }

  self->syncing = TRUE;
  adw_combo_row_set_model (rows->leads_to_row, G_LIST_MODEL (names));
  self->syncing = FALSE;
}

static void
on_leads_to_selected (AdwComboRow *row,
                      GParamSpec  *pspec,
                      CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;
  FailureRows *rows = g_object_get_data (G_OBJECT (row), "cx-rows");
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || rows->leads_to_ids == NULL || selected >= rows->leads_to_ids->len)
    return;
  cx_edit_set_text (self->history, rows->failure, "leads-to",
                    g_ptr_array_index (rows->leads_to_ids, selected), 0, &error);
  _cx_step_panel_refused (self, GTK_WIDGET (row), error);
}

static void
on_expanded (AdwExpanderRow *expander,
             GParamSpec     *pspec,
             CxStepPanel    *self)
{
  FailureRows *rows = g_object_get_data (G_OBJECT (expander), "cx-rows");

  /* The list of every step is made once it is wanted */
  if (adw_expander_row_get_expanded (expander))
    {
      fill_leads_to (self, rows);
      _cx_step_panel_failures_sync (self);
    }
}

static void
on_delete_failure (GtkButton   *button,
                   CxStepPanel *self)
{
  FailureRows *rows = g_object_get_data (G_OBJECT (button), "cx-rows");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-failure", "s",
                              cx_failure_get_id (rows->failure));
}

static GtkWidget *
score_row (CxStepPanel *self,
           FailureRows *rows,
           guint        which,
           const char  *title,
           const char  *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (CX_SCORE_MIN, CX_SCORE_MAX, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  g_object_set_data (G_OBJECT (spin), "cx-rows", rows);
  g_object_set_data (G_OBJECT (spin), "cx-property", (gpointer) score_properties[which]);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_score_changed), self);
  rows->scores[which] = GTK_SPIN_BUTTON (spin);

  return row;
}

static FailureRows *
failure_rows_new (CxStepPanel *self,
                  CxFailure   *failure)
{
  FailureRows *rows = g_new0 (FailureRows, 1);
  GtkWidget *delete_row, *delete_button;

  rows->failure = g_object_ref (failure);
  rows->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_object_set_data (G_OBJECT (rows->expander), "cx-rows", rows);
  g_signal_connect (rows->expander, "notify::expanded", G_CALLBACK (on_expanded), self);

  rows->rpn_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (rows->rpn_label), "cx-rpn");
  gtk_widget_set_valign (GTK_WIDGET (rows->rpn_label), GTK_ALIGN_CENTER);
  adw_expander_row_add_action (rows->expander, GTK_WIDGET (rows->rpn_label));

  rows->mode_row = _cx_step_panel_text_row (self, _("What goes wrong"), failure, "mode");
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->mode_row));
  rows->effect_row = _cx_step_panel_text_row (self, _("Its effect on the customer"),
                                              failure, "effect");
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->effect_row));
  adw_expander_row_add_row (rows->expander,
                            score_row (self, rows, 0, _("Severity"),
                                       _("1: hardly noticed · 10: it ends the relationship")));
  adw_expander_row_add_row (rows->expander,
                            score_row (self, rows, 1, _("Occurrence"),
                                       _("1: almost never · 10: almost every time")));
  adw_expander_row_add_row (rows->expander,
                            score_row (self, rows, 2, _("Detection"),
                                       _("1: caught at once · 10: the provider never notices")));

  rows->leads_to_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->leads_to_row), _("Leads to"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->leads_to_row),
                               _("The step the failure causes, such as a complaint or a "
                                 "recovery"));
  g_object_set_data (G_OBJECT (rows->leads_to_row), "cx-rows", rows);
  g_signal_connect (rows->leads_to_row, "notify::selected",
                    G_CALLBACK (on_leads_to_selected), self);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->leads_to_row));

  delete_row = adw_action_row_new ();
  delete_button = gtk_button_new_with_mnemonic (_("_Delete Failure"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Failure"), -1);
  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (delete_button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (delete_button, TRUE);
  g_object_set_data (G_OBJECT (delete_button), "cx-rows", rows);
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_failure), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete_button);
  adw_expander_row_add_row (rows->expander, delete_row);

  return rows;
}

/* The failure's values into its rows */
static void
sync_failure (CxStepPanel *self,
              FailureRows *rows)
{
  CxFailure *failure = rows->failure;
  int scores[3] = {
    cx_failure_get_severity (failure),
    cx_failure_get_occurrence (failure),
    cx_failure_get_detection (failure),
  };
  int rpn = cx_failure_get_rpn (failure);
  g_autofree char *rpn_text = g_strdup_printf (_("RPN %d"), rpn);
  /* Translators: how an RPN is made, "severity 6 × occurrence 7 × detection 5" */
  g_autofree char *product = g_strdup_printf (_("severity %d × occurrence %d × detection %d"),
                                              scores[0], scores[1], scores[2]);
  g_autofree char *title = g_markup_escape_text (failure_name (failure), -1);
  guint leads_to = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), title);
  adw_expander_row_set_subtitle (rows->expander, product);
  gtk_label_set_text (rows->rpn_label, rpn_text);
  gtk_widget_remove_css_class (GTK_WIDGET (rows->rpn_label), "cx-rpn-low");
  gtk_widget_remove_css_class (GTK_WIDGET (rows->rpn_label), "cx-rpn-medium");
  gtk_widget_remove_css_class (GTK_WIDGET (rows->rpn_label), "cx-rpn-high");
  gtk_widget_add_css_class (GTK_WIDGET (rows->rpn_label), rpn_class (rpn));

  _cx_step_panel_set_row_text (self, rows->mode_row, cx_failure_get_mode (failure));
  _cx_step_panel_set_row_text (self, rows->effect_row, cx_failure_get_effect (failure));

  self->syncing = TRUE;
  for (guint i = 0; i < 3; i++)
    if (gtk_spin_button_get_value_as_int (rows->scores[i]) != scores[i])
      gtk_spin_button_set_value (rows->scores[i], scores[i]);
  if (rows->leads_to_ids != NULL)
    {
      for (guint i = 1; i < rows->leads_to_ids->len; i++)
        if (g_strcmp0 (g_ptr_array_index (rows->leads_to_ids, i),
                       cx_failure_get_leads_to (failure)) == 0)
          leads_to = i;
      if (adw_combo_row_get_selected (rows->leads_to_row) != leads_to)
        adw_combo_row_set_selected (rows->leads_to_row, leads_to);
    }
  self->syncing = FALSE;
}

void
_cx_step_panel_failures_sync (CxStepPanel *self)
{
  for (guint i = 0; i < self->failure_rows->len; i++)
    sync_failure (self, g_ptr_array_index (self->failure_rows, i));
}

void
_cx_step_panel_failures_rebuild (CxStepPanel *self)
{
  CxFailure *expanded = NULL;

  /* The one open stays open */
  for (guint i = 0; i < self->failure_rows->len; i++)
    {
      FailureRows *rows = g_ptr_array_index (self->failure_rows, i);

      if (adw_expander_row_get_expanded (rows->expander))
        expanded = rows->failure;
      adw_preferences_group_remove (self->failures_group, GTK_WIDGET (rows->expander));
    }
  g_ptr_array_set_size (self->failure_rows, 0);

  for (guint i = 0; self->step != NULL && i < cx_step_get_n_failures (self->step); i++)
    {
      CxFailure *failure = cx_step_get_failure (self->step, i);
      FailureRows *rows = failure_rows_new (self, failure);

      adw_preferences_group_add (self->failures_group, GTK_WIDGET (rows->expander));
      g_ptr_array_add (self->failure_rows, rows);
      if (failure == expanded)
        adw_expander_row_set_expanded (rows->expander, TRUE);
    }
}

gboolean
_cx_step_panel_failures_focus (CxStepPanel *self,
                               CxFailure   *failure)
{
  for (guint i = 0; i < self->failure_rows->len; i++)
    {
      FailureRows *rows = g_ptr_array_index (self->failure_rows, i);

      if (rows->failure != failure)
        continue;

      adw_expander_row_set_expanded (rows->expander, TRUE);
      if (!gtk_widget_grab_focus (GTK_WIDGET (rows->mode_row)))
        return FALSE;
      gtk_editable_select_region (GTK_EDITABLE (rows->mode_row), 0, -1);
      return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* What a recovery step answers                                        */

static char **
recovers_ids (CxStep *step)
{
  const char *recovers = cx_step_get_recovers (step);
  g_auto(GStrv) parts = g_strsplit_set (recovers != NULL ? recovers : "", " \t\n\r", -1);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (ids, g_strdup (parts[i]));
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_free (ids, FALSE);
}

static void
set_recovers (CxStepPanel       *self,
              const char *const *ids)
{
  g_autoptr(GError) error = NULL;

  cx_edit_set_recovers (self->history, self->step, ids, &error);
  _cx_step_panel_refused (self, GTK_WIDGET (self->recovery_group), error);
}

static void
on_stop_answering (GtkButton   *button,
                   CxStepPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "cx-id");
  g_auto(GStrv) ids = recovers_ids (self->step);
  g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) != 0)
      g_strv_builder_add (rest, ids[i]);
  kept = g_strv_builder_end (rest);
  set_recovers (self, (const char *const *) kept);
}

static void
on_answer_chosen (GtkListBox    *list,
                  GtkListBoxRow *row,
                  CxStepPanel   *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "cx-id");
  g_auto(GStrv) ids = recovers_ids (self->step);
  g_autoptr(GStrvBuilder) more = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  g_strv_builder_addv (more, (const char **) ids);
  g_strv_builder_add (more, id);
  all = g_strv_builder_end (more);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->answer_button));
  set_recovers (self, (const char *const *) all);
}

static char *
failure_place (CxFailure *failure)
{
  CxStep *step = cx_failure_get_step (failure);

  /* Translators: where a failure is, "Call the store · RPN 336" */
  return g_strdup_printf (_("%s · RPN %d"), _cx_step_panel_step_name (step),
                          cx_failure_get_rpn (failure));
}

/* The plan's failures not answered yet, those matching the search first
 * ones, at most MAX_ANSWER_CHOICES */
static void
fill_answer_list (CxStepPanel *self)
{
  g_auto(GStrv) ids = NULL;
  g_autofree char *needle = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->answer_list))) != NULL)
    gtk_list_box_remove (self->answer_list, child);
  if (self->step == NULL)
    return;

  ids = recovers_ids (self->step);
  needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->answer_search)), -1);
  for (CxPhase phase = 0; phase < CX_N_PHASES && shown < MAX_ANSWER_CHOICES; phase++)
    for (guint i = 0; i < cx_plan_get_n_steps (self->plan, phase) && shown < MAX_ANSWER_CHOICES;
         i++)
      {
        CxStep *step = cx_plan_get_step (self->plan, phase, i);

        for (guint j = 0; j < cx_step_get_n_failures (step) && shown < MAX_ANSWER_CHOICES; j++)
          {
            CxFailure *failure = cx_step_get_failure (step, j);
            g_autofree char *haystack = NULL;
            g_autofree char *place = NULL;
            g_autofree char *title = NULL;
            GtkWidget *row;

            if (g_strv_contains ((const char *const *) ids, cx_failure_get_id (failure)))
              continue;
            place = failure_place (failure);
            haystack = g_utf8_casefold (failure_name (failure), -1);
            if (*needle != '\0' && strstr (haystack, needle) == NULL)
              {
                g_autofree char *folded_place = g_utf8_casefold (place, -1);

                if (strstr (folded_place, needle) == NULL)
                  continue;
              }

            row = adw_action_row_new ();
            title = g_markup_escape_text (failure_name (failure), -1);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
            gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
            g_object_set_data_full (G_OBJECT (row), "cx-id",
                                    g_strdup (cx_failure_get_id (failure)), g_free);
            gtk_list_box_append (self->answer_list, row);
            shown++;
          }
      }
}

void
_cx_step_panel_recovery_rebuild (CxStepPanel *self)
{
  g_auto(GStrv) ids = NULL;
  gboolean recovery = self->step != NULL && cx_step_get_phase (self->step) == CX_PHASE_RECOVERY;

  for (guint i = 0; i < self->recovery_rows->len; i++)
    adw_preferences_group_remove (self->recovery_group, g_ptr_array_index (self->recovery_rows, i));
  g_ptr_array_set_size (self->recovery_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), recovery);
  if (!recovery)
    return;

  ids = recovers_ids (self->step);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GObject *object = cx_plan_lookup_id (self->plan, ids[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *title = NULL;

      if (CX_IS_FAILURE (object))
        {
          g_autofree char *place = failure_place (CX_FAILURE (object));

          title = g_markup_escape_text (failure_name (CX_FAILURE (object)), -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
        }
      else
        {
          g_autofree char *missing = g_strdup_printf (_("Unknown failure “%s”"), ids[i]);

          /* A reference to nothing (check CX008): here to be removed */
          title = g_markup_escape_text (missing, -1);
          gtk_widget_add_css_class (row, "error");
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Stop Answering This Failure"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Stop Answering This Failure"), -1);
      g_object_set_data_full (G_OBJECT (remove), "cx-id", g_strdup (ids[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_stop_answering), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->recovery_group, row);
      g_ptr_array_add (self->recovery_rows, row);
    }
}

static void
on_answer_popover_shown (CxStepPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->answer_search), "");
  fill_answer_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->answer_search));
}

static void
on_add_failure_clicked (CxStepPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-failure", NULL);
}

void
_cx_step_panel_failures_init (CxStepPanel *self)
{
  GtkWidget *add, *popover, *box, *scrolled;

  self->failure_rows = g_ptr_array_new_with_free_func (failure_rows_free);
  self->recovery_rows = g_ptr_array_new ();

  self->failures_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->failures_group, _("Failures"));
  adw_preferences_group_set_description (self->failures_group,
                                         _("What can go wrong here, with its risk priority "
                                           "number: severity × occurrence × detection"));
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add a Failure"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Failure"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_failure_clicked), self);
  adw_preferences_group_set_header_suffix (self->failures_group, add);
  gtk_box_append (self->content_box, GTK_WIDGET (self->failures_group));
  _cx_step_panel_name_group_list (self->failures_group, _("Failures"));

  self->recovery_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->recovery_group, _("Failures Answered"));
  adw_preferences_group_set_description (self->recovery_group,
                                         _("The failures this recovery puts right"));
  gtk_box_append (self->content_box, GTK_WIDGET (self->recovery_group));
  _cx_step_panel_name_group_list (self->recovery_group, _("Failures Answered"));

  /* Choosing one from the plan's, by what it says */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->answer_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->answer_search, "placeholder-text", _("Search failures"), NULL);
  g_signal_connect_swapped (self->answer_search, "search-changed",
                            G_CALLBACK (fill_answer_list), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->answer_search));
  self->answer_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->answer_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->answer_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Failures to answer"), -1);
  g_signal_connect (self->answer_list, "row-activated", G_CALLBACK (on_answer_chosen), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->answer_list));
  gtk_box_append (GTK_BOX (box), scrolled);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_answer_popover_shown), self);

  self->answer_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->answer_button), _("_Answer a Failure…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->answer_button), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer a Failure…"), -1);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->answer_button), popover);
  gtk_widget_set_halign (self->answer_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->answer_button, 6);
  adw_preferences_group_set_header_suffix (self->recovery_group, NULL);
  gtk_box_append (self->content_box, self->answer_button);
  g_object_bind_property (self->recovery_group, "visible", self->answer_button, "visible",
                          G_BINDING_SYNC_CREATE);
}

void
_cx_step_panel_failures_dispose (CxStepPanel *self)
{
  g_clear_pointer (&self->failure_rows, g_ptr_array_unref);
  g_clear_pointer (&self->recovery_rows, g_ptr_array_unref);
}
