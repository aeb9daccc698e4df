/* cx-step-panel.c — the selected step's editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of the step, edited in place: each change goes through the
 * plan's history as one step of undo (typing in one field merges into
 * one), and the panel follows the plan when it changes elsewhere (undo,
 * the map's own editor), putting the model's values back in its widgets
 * once after a burst of changes. Scales are named (1 very poor … 5
 * excellent, −3 furious … +3 delighted), never bare numbers.
 *
 * This file holds the step's own fields, its experience and its lanes;
 * the failures and what a recovery step answers are in
 * cx-step-panel-failures.c.
 */

#define G_LOG_DOMAIN "cx-step-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-names.h"
#include "cx-step-panel-private.h"

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CxStepPanel, cx_step_panel, ADW_TYPE_BIN)

static void cx_step_panel_sync (CxStepPanel *self);

/* ------------------------------------------------------------------ */
/* Words for the format's values                                       */

const char *
_cx_step_panel_step_name (CxStep *step)
{
  const char *title = cx_step_get_title (step);

  return title != NULL ? title : _("Untitled step");
}

/* A choice for every value from @first to @last, named by @name (the
 * emotion's names take a "has" first: see cx_names.h) */
static GListModel *
names_model (const char * (*name) (int value),
             int          first,
             int          last)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int value = first; value <= last; value++)
    gtk_string_list_append (list, name (value));

  return G_LIST_MODEL (list);
}

static const char *
channel_name (int value)
{
  return cx_name_channel (value);
}

static const char *
evidence_name (int value)
{
  return cx_name_evidence (value);
}

/* The emotion row's choices: "not set", then −3 … +3 */
static const char *
emotion_choice (int position)
{
  return cx_name_emotion (position > 0, position - 4);
}

/* ------------------------------------------------------------------ */
/* Fields                                                              */

void
_cx_step_panel_refused (CxStepPanel *self,
                        GtkWidget   *widget,
                        GError      *error)
{
  if (error == NULL)
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      return;
    }

  /* The model keeps its value; the field shows why it does not take this */
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, error->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
}

static void
on_text_changed (AdwEntryRow *row,
                 CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;
  gpointer object = g_object_get_data (G_OBJECT (row), "cx-object");
  const char *property = g_object_get_data (G_OBJECT (row), "cx-property");
  CxLane *lane = g_object_get_data (G_OBJECT (row), "cx-lane");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->syncing || self->history == NULL || object == NULL)
    return;

  if (lane != NULL)
    cx_edit_set_cell (self->history, object, lane, text, CX_EDIT_MERGE, &error);
  else
    cx_edit_set_text (self->history, object, property, text, CX_EDIT_MERGE, &error);
  _cx_step_panel_refused (self, GTK_WIDGET (row), error);
}

/* Typing in a field is one step of undo, until the field is left */
static void
on_text_done (CxStepPanel *self)
{
  if (self->history != NULL)
    cx_history_break_merge (self->history);
}

AdwEntryRow *
_cx_step_panel_text_row (CxStepPanel *self,
                         const char  *title,
                         gpointer     object,
                         const char  *property)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "cx-object", object);
  g_object_set_data (G_OBJECT (row), "cx-property", (gpointer) property);
  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_text_done), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_text_done), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);

  return row;
}

/* Puts the model's text in @row, unless it shows it already (so the
 * cursor stays where the user types) */
void
_cx_step_panel_set_row_text (CxStepPanel *self,
                             AdwEntryRow *row,
                             const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->syncing = FALSE;
}

static void
set_selected (CxStepPanel *self,
              AdwComboRow *row,
              guint        position)
{
  if (adw_combo_row_get_selected (row) == position)
    return;

  self->syncing = TRUE;
  adw_combo_row_set_selected (row, position);
  self->syncing = FALSE;
}

static void
set_active (CxStepPanel *self,
            GtkSwitch   *widget,
            gboolean     active)
{
  if (gtk_switch_get_active (widget) == active)
    return;

  self->syncing = TRUE;
  gtk_switch_set_active (widget, active);
  self->syncing = FALSE;
}

/* A choice row: @names, the position chosen edited by @callback */
static AdwComboRow *
choice_row (CxStepPanel       *self,
            const char        *title,
            const char        *subtitle,
            GListModel        *model,
            GCallback          callback)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (row, model);
  g_signal_connect_swapped (row, "notify::selected", callback, self);
  g_object_unref (model);

  return row;
}

static GtkSwitch *
switch_row (CxStepPanel         *self,
            AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            GCallback            callback)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  g_signal_connect_swapped (widget, "notify::active", callback, self);
  adw_preferences_group_add (group, row);

  return GTK_SWITCH (widget);
}

/* ------------------------------------------------------------------ */
/* What the user changes                                               */

static void
report (CxStepPanel *self,
        gpointer     widget,
        GError      *error)
{
  _cx_step_panel_refused (self, GTK_WIDGET (widget), error);
}

static void
on_channel_selected (CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->step == NULL)
    return;
  cx_edit_set_enum (self->history, self->step, "channel",
                    adw_combo_row_get_selected (self->channel_row), &error);
  report (self, self->channel_row, error);
}

static void
on_evidence_selected (CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->step == NULL)
    return;
  cx_edit_set_enum (self->history, self->step, "evidence",
                    adw_combo_row_get_selected (self->evidence_row), &error);
  report (self, self->evidence_row, error);
}

static void
on_persona_selected (CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->persona_row);

  if (self->syncing || self->step == NULL || selected >= self->persona_ids->len)
    return;
  cx_edit_set_text (self->history, self->step, "persona",
                    g_ptr_array_index (self->persona_ids, selected), 0, &error);
  report (self, self->persona_row, error);
}

static void
on_wow_toggled (CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->step == NULL)
    return;
  cx_edit_set_boolean (self->history, self->step, "wow",
                       gtk_switch_get_active (self->wow_switch), &error);
}

static void
on_moment_of_truth_toggled (CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->step == NULL)
    return;
  cx_edit_set_boolean (self->history, self->step, "moment-of-truth",
                       gtk_switch_get_active (self->moment_of_truth_switch), &error);
}

static void
on_expected_selected (CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->step == NULL)
    return;
  cx_edit_set_expected (self->history, self->step, adw_combo_row_get_selected (self->expected_row),
                        cx_step_get_expected_text (self->step), 0, &error);
  report (self, self->expected_row, error);
  cx_step_panel_sync (self);
}

static void
on_delivered_selected (CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->step == NULL)
    return;
  cx_edit_set_delivered (self->history, self->step,
                         adw_combo_row_get_selected (self->delivered_row),
                         cx_step_get_delivered_text (self->step), 0, &error);
  report (self, self->delivered_row, error);
  cx_step_panel_sync (self);
}

static void
on_emotion_selected (CxStepPanel *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->emotion_row);

  if (self->syncing || self->step == NULL)
    return;
  cx_edit_set_emotion (self->history, self->step, selected > 0, (int) selected - 4,
                       cx_step_get_emotion_text (self->step), 0, &error);
  report (self, self->emotion_row, error);
  cx_step_panel_sync (self);
}

/* ------------------------------------------------------------------ */
/* Putting the step in the widgets                                     */

static void
rebuild_personas (CxStepPanel *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->plan != NULL ? cx_plan_get_n_personas (self->plan) : 0;

  g_ptr_array_set_size (self->persona_ids, 0);
  g_ptr_array_add (self->persona_ids, NULL);
  gtk_string_list_append (names, _("Every persona"));
  for (guint i = 0; i < n; i++)
    {
      CxPersona *persona = cx_plan_get_persona (self->plan, i);
      const char *name = cx_persona_get_name (persona);

      g_ptr_array_add (self->persona_ids, g_strdup (cx_persona_get_id (persona)));
      gtk_string_list_append (names, name != NULL ? name : cx_persona_get_id (persona));
    }

  /* A step may name a persona the plan lacks (check CX008): shown as is */
  if (self->step != NULL && cx_step_get_persona (self->step) != NULL &&
      !CX_IS_PERSONA (cx_plan_lookup_id (self->plan, cx_step_get_persona (self->step))))
    {
      g_autofree char *missing = g_strdup_printf (_("Unknown persona “%s”"),
                                                  cx_step_get_persona (self->step));

      g_ptr_array_add (self->persona_ids, g_strdup (cx_step_get_persona (self->step)));
      gtk_string_list_append (names, missing);
    }

  self->syncing = TRUE;
  adw_combo_row_set_model (self->persona_row, G_LIST_MODEL (names));
  self->syncing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->persona_row), self->persona_ids->len > 1);
}

static void
rebuild_lanes (CxStepPanel *self)
{
  guint n = self->plan != NULL ? cx_plan_get_n_lanes (self->plan) : 0;

  for (guint i = 0; i < self->lane_rows->len; i++)
    adw_preferences_group_remove (self->lanes_group, g_ptr_array_index (self->lane_rows, i));
  g_ptr_array_set_size (self->lane_rows, 0);

  for (guint i = 0; i < n && self->step != NULL; i++)
    {
      CxLane *lane = cx_plan_get_lane (self->plan, i);
      AdwEntryRow *row;

      if (!cx_lane_kind_holds_text (cx_lane_get_kind (lane)))
        continue;

      row = _cx_step_panel_text_row (self, cx_lane_get_name (lane) != NULL
                                             ? cx_lane_get_name (lane) : cx_lane_get_id (lane),
                                     self->step, NULL);
      g_object_set_data (G_OBJECT (row), "cx-lane", lane);
      adw_preferences_group_add (self->lanes_group, GTK_WIDGET (row));
      g_ptr_array_add (self->lane_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->lanes_group), self->lane_rows->len > 0);
}

static void
sync_place (CxStepPanel *self)
{
  CxPhase phase = cx_step_get_phase (self->step);
  int index = cx_plan_get_step_index (self->plan, self->step);
  g_autofree char *place = NULL;

  /* Translators: "During · step 2 of 5" */
  place = g_strdup_printf (_("%s · step %d of %u"), cx_name_phase (phase), index + 1,
                           cx_plan_get_n_steps (self->plan, phase));
  gtk_label_set_text (self->place_label, place);
}

/* The model's values into the widgets */
static void
cx_step_panel_sync (CxStepPanel *self)
{
  CxStep *step = self->step;
  const char *persona;
  guint persona_index = 0;

  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (step == NULL || cx_step_get_plan (step) == NULL)
    return;

  sync_place (self);
  _cx_step_panel_set_row_text (self, self->title_row, cx_step_get_title (step));
  _cx_step_panel_set_row_text (self, self->owner_row, cx_step_get_owner (step));
  set_selected (self, self->channel_row, cx_step_get_channel (step));
  set_selected (self, self->evidence_row, cx_step_get_evidence (step));
  persona = cx_step_get_persona (step);
  for (guint i = 1; persona != NULL && i < self->persona_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->persona_ids, i), persona) == 0)
      persona_index = i;
  set_selected (self, self->persona_row, persona_index);
  set_active (self, self->wow_switch, cx_step_get_wow (step));
  set_active (self, self->moment_of_truth_switch, cx_step_get_moment_of_truth (step));

  set_selected (self, self->expected_row, cx_step_get_expected_level (step));
  _cx_step_panel_set_row_text (self, self->expected_text_row, cx_step_get_expected_text (step));
  gtk_widget_set_sensitive (GTK_WIDGET (self->expected_text_row),
                            cx_step_get_expected_level (step) > 0);
  set_selected (self, self->delivered_row, cx_step_get_delivered_level (step));
  _cx_step_panel_set_row_text (self, self->delivered_text_row, cx_step_get_delivered_text (step));
  gtk_widget_set_sensitive (GTK_WIDGET (self->delivered_text_row),
                            cx_step_get_delivered_level (step) > 0);
  set_selected (self, self->emotion_row,
                cx_step_get_has_emotion (step) ? (guint) (cx_step_get_emotion (step) + 4) : 0);
  _cx_step_panel_set_row_text (self, self->emotion_text_row, cx_step_get_emotion_text (step));
  gtk_widget_set_sensitive (GTK_WIDGET (self->emotion_text_row), cx_step_get_has_emotion (step));

  for (guint i = 0; i < self->lane_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->lane_rows, i);
      CxLane *lane = g_object_get_data (G_OBJECT (row), "cx-lane");

      _cx_step_panel_set_row_text (self, row, cx_step_lookup_cell (step, cx_lane_get_id (lane)));
    }

  _cx_step_panel_failures_sync (self);
}

static void
cx_step_panel_rebuild (CxStepPanel *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->step == NULL)
    return;

  rebuild_personas (self);
  rebuild_lanes (self);
  _cx_step_panel_failures_rebuild (self);
  _cx_step_panel_recovery_rebuild (self);
  cx_step_panel_sync (self);
}

static gboolean
sync_idle (gpointer user_data)
{
  CxStepPanel *self = user_data;

  self->sync_source = 0;
  cx_step_panel_sync (self);

  return G_SOURCE_REMOVE;
}

static gboolean
rebuild_idle (gpointer user_data)
{
  CxStepPanel *self = user_data;

  self->rebuild_source = 0;
  cx_step_panel_rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (CxPlan       *plan,
                 CxPlanChange  what,
                 GObject      *object,
                 CxStepPanel  *self)
{
  if (self->step == NULL)
    return;

  /* The step was deleted (or undone into being): nothing to edit */
  if (cx_step_get_plan (self->step) != plan)
    {
      cx_step_panel_set_step (self, NULL);
      return;
    }

  /* Lanes, personas, failures and what points where: their rows again;
   * otherwise the values alone. Both once, after the burst of changes. */
  if (what & (CX_PLAN_CHANGE_STRUCTURE | CX_PLAN_CHANGE_GEOMETRY) ||
      CX_IS_LANE (object) || CX_IS_PERSONA (object))
    {
      if (self->rebuild_source == 0)
        self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, rebuild_idle,
                                                self, NULL);
    }
  else if (self->sync_source == 0)
    {
      self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, sync_idle, self, NULL);
    }
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
cx_step_panel_dispose (GObject *object)
{
  CxStepPanel *self = CX_STEP_PANEL (object);

  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  _cx_step_panel_failures_dispose (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_object (&self->step);
  g_clear_pointer (&self->persona_ids, g_ptr_array_unref);
  g_clear_pointer (&self->lane_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cx_step_panel_parent_class)->dispose (object);
}

static void
cx_step_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CxStepPanel *self = CX_STEP_PANEL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_object (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_step_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CxStepPanel *self = CX_STEP_PANEL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      cx_step_panel_set_step (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_step_panel_class_init (CxStepPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_step_panel_dispose;
  object_class->get_property = cx_step_panel_get_property;
  object_class->set_property = cx_step_panel_set_property;

  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, CX_TYPE_STEP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-step-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, content_box);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, place_label);
}

static GtkWidget *
find_list_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_LIST_BOX (child) ? child : find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A group's rows are in a list of its own, which a screen reader would
 * otherwise call "GtkListBox": it takes the group's title */
void
_cx_step_panel_name_group_list (AdwPreferencesGroup *group,
                                const char          *title)
{
  GtkWidget *list = find_list_box (GTK_WIDGET (group));

  if (list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
}

static AdwPreferencesGroup *
add_group (CxStepPanel *self,
           const char  *title,
           const char  *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->content_box, group);
  _cx_step_panel_name_group_list (ADW_PREFERENCES_GROUP (group), title);

  return ADW_PREFERENCES_GROUP (group);
}

static void
cx_step_panel_init (CxStepPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->persona_ids = g_ptr_array_new_with_free_func (g_free);
  self->lane_rows = g_ptr_array_new ();

  /* The step */
  self->step_group = add_group (self, _("Step"), NULL);
  self->title_row = _cx_step_panel_text_row (self, _("Title"), NULL, "title");
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->title_row));
  self->channel_row = choice_row (self, _("Channel"), NULL,
                                  names_model (channel_name, CX_CHANNEL_NONE, CX_CHANNEL_OTHER),
                                  G_CALLBACK (on_channel_selected));
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->channel_row));
  self->owner_row = _cx_step_panel_text_row (self, _("Owner (team or role)"), NULL, "owner");
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->owner_row));
  self->persona_row = choice_row (self, _("Persona"), NULL, G_LIST_MODEL (gtk_string_list_new (NULL)),
                                  G_CALLBACK (on_persona_selected));
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->persona_row));
  self->evidence_row = choice_row (self, _("Evidence"), NULL,
                                   names_model (evidence_name, CX_EVIDENCE_NONE, CX_EVIDENCE_PROPOSED),
                                   G_CALLBACK (on_evidence_selected));
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->evidence_row));
  self->wow_switch = switch_row (self, self->step_group, _("Wow Moment"),
                                 _("A designed peak that the rest of the journey must live up to"),
                                 G_CALLBACK (on_wow_toggled));
  self->moment_of_truth_switch =
    switch_row (self, self->step_group, _("Moment of Truth"),
                _("A contact on which the customer judges the whole service"),
                G_CALLBACK (on_moment_of_truth_toggled));

  /* What the customer expects, gets and feels */
  self->experience_group = add_group (self, _("Experience"), NULL);
  self->expected_row = choice_row (self, _("Expected"), _("What the customer expects here"),
                                   names_model (cx_name_level, 0, CX_LEVEL_MAX),
                                   G_CALLBACK (on_expected_selected));
  adw_preferences_group_add (self->experience_group, GTK_WIDGET (self->expected_row));
  self->expected_text_row = _cx_step_panel_text_row (self, _("What they expect, in words"),
                                                     NULL, "expected-text");
  adw_preferences_group_add (self->experience_group, GTK_WIDGET (self->expected_text_row));
  self->delivered_row = choice_row (self, _("Delivered"),
                                    _("What the service delivers, as the customer sees it"),
                                    names_model (cx_name_level, 0, CX_LEVEL_MAX),
                                    G_CALLBACK (on_delivered_selected));
  adw_preferences_group_add (self->experience_group, GTK_WIDGET (self->delivered_row));
  self->delivered_text_row = _cx_step_panel_text_row (self, _("What they get, in words"),
                                                      NULL, "delivered-text");
  adw_preferences_group_add (self->experience_group, GTK_WIDGET (self->delivered_text_row));
  self->emotion_row = choice_row (self, _("Emotion"), _("How the customer feels"),
                                  names_model (emotion_choice, 0, CX_EMOTION_MAX - CX_EMOTION_MIN + 1),
                                  G_CALLBACK (on_emotion_selected));
  adw_preferences_group_add (self->experience_group, GTK_WIDGET (self->emotion_row));
  self->emotion_text_row = _cx_step_panel_text_row (self, _("The feeling, in words"),
                                                    NULL, "emotion-text");
  adw_preferences_group_add (self->experience_group, GTK_WIDGET (self->emotion_text_row));

  self->lanes_group = add_group (self, _("Lanes"), NULL);
  _cx_step_panel_failures_init (self);
}

GtkWidget *
cx_step_panel_new (void)
{
  return g_object_new (CX_TYPE_STEP_PANEL, NULL);
}

/**
 * cx_step_panel_set_history:
 * @self: a #CxStepPanel
 * @history: (nullable): the history of the plan whose steps are edited
 */
void
cx_step_panel_set_history (CxStepPanel *self,
                           CxHistory   *history)
{
  g_return_if_fail (CX_IS_STEP_PANEL (self));
  g_return_if_fail (history == NULL || CX_IS_HISTORY (history));

  if (self->history == history)
    return;

  cx_step_panel_set_step (self, NULL);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_set_object (&self->history, history);
  if (history != NULL)
    {
      self->plan = g_object_ref (cx_history_get_plan (history));
      g_signal_connect (self->plan, "changed", G_CALLBACK (on_plan_changed), self);
    }
}

CxStep *
cx_step_panel_get_step (CxStepPanel *self)
{
  g_return_val_if_fail (CX_IS_STEP_PANEL (self), NULL);

  return self->step;
}

/**
 * cx_step_panel_set_step:
 * @self: a #CxStepPanel
 * @step: (nullable): a step of the history's plan
 *
 * Edits @step, shown from the panel's top.
 */
void
cx_step_panel_set_step (CxStepPanel *self,
                        CxStep      *step)
{
  static const char *const fields[] = { "title", "owner" };
  AdwEntryRow *rows[] = { self->title_row, self->owner_row };

  g_return_if_fail (CX_IS_STEP_PANEL (self));
  g_return_if_fail (step == NULL || (CX_IS_STEP (step) && self->plan != NULL &&
                                     cx_step_get_plan (step) == self->plan));

  if (!g_set_object (&self->step, step))
    return;

  if (self->history != NULL)
    cx_history_break_merge (self->history);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_object_set_data (G_OBJECT (rows[i]), "cx-object", step);
      g_object_set_data (G_OBJECT (rows[i]), "cx-property", (gpointer) fields[i]);
    }
  g_object_set_data (G_OBJECT (self->expected_text_row), "cx-object", step);
  g_object_set_data (G_OBJECT (self->delivered_text_row), "cx-object", step);
  g_object_set_data (G_OBJECT (self->emotion_text_row), "cx-object", step);

  if (step != NULL)
    {
      cx_step_panel_rebuild (self);
      /* Another step: its editor from the top, its title in view */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  gtk_stack_set_visible_child_name (self->stack, step != NULL ? "step" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/**
 * cx_step_panel_get_shown_title:
 * @self: a #CxStepPanel
 *
 * Returns: (nullable): the title the panel shows, for the tests
 */
const char *
cx_step_panel_get_shown_title (CxStepPanel *self)
{
  g_return_val_if_fail (CX_IS_STEP_PANEL (self), NULL);

  return self->step != NULL ? gtk_editable_get_text (GTK_EDITABLE (self->title_row)) : NULL;
}

/**
 * cx_step_panel_focus:
 * @self: a #CxStepPanel
 * @field: which field
 * @object: (nullable): the failure or lane, for those fields
 *
 * Puts the keyboard in @field, scrolled into view, the whole text
 * selected (so typing replaces it).
 *
 * Returns: %TRUE if the field could take the focus
 */
gboolean
cx_step_panel_focus (CxStepPanel      *self,
                     CxStepPanelField  field,
                     gpointer          object)
{
  GtkWidget *widget = NULL;

  g_return_val_if_fail (CX_IS_STEP_PANEL (self), FALSE);

  if (self->step == NULL)
    return FALSE;

  /* What the model said last, before the keyboard comes in */
  if (self->rebuild_source != 0)
    cx_step_panel_rebuild (self);

  switch (field)
    {
    case CX_STEP_PANEL_FIELD_TITLE:
      widget = GTK_WIDGET (self->title_row);
      break;
    case CX_STEP_PANEL_FIELD_OWNER:
      widget = GTK_WIDGET (self->owner_row);
      break;
    case CX_STEP_PANEL_FIELD_EXPECTED:
      widget = GTK_WIDGET (self->expected_row);
      break;
    case CX_STEP_PANEL_FIELD_DELIVERED:
      widget = GTK_WIDGET (self->delivered_row);
      break;
    case CX_STEP_PANEL_FIELD_EMOTION:
      widget = GTK_WIDGET (self->emotion_row);
      break;
    case CX_STEP_PANEL_FIELD_FAILURE:
      return _cx_step_panel_failures_focus (self, object);
    case CX_STEP_PANEL_FIELD_RECOVERS:
      widget = self->answer_button;
      break;
    case CX_STEP_PANEL_FIELD_LANE:
      for (guint i = 0; i < self->lane_rows->len; i++)
        if (g_object_get_data (g_ptr_array_index (self->lane_rows, i), "cx-lane") == object)
          widget = g_ptr_array_index (self->lane_rows, i);
      break;
    default:
      break;
    }

  if (widget == NULL || !gtk_widget_get_visible (widget))
    return FALSE;

  if (!gtk_widget_grab_focus (widget))
    return FALSE;
  if (ADW_IS_ENTRY_ROW (widget))
    gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);

  return TRUE;
}
