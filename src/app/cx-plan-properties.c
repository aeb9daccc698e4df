/* cx-plan-properties.c — the plan's own properties, checks, lanes and personas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preferences window over the plan's window (libadwaita 1.2 has no
 * AdwPreferencesDialog): General (title, author, description), Checks
 * (each threshold with its range and default, each check with a switch),
 * Lanes and Personas (cx-plan-properties-lists.c). Every change goes
 * through the plan's history as one step of undo, typing in one field
 * merging into one; the window follows the plan while it is open (undo,
 * redo, the map's own editor), putting the model's values back in its
 * widgets once after a burst of changes. Ctrl+Z in it undoes the plan's
 * last edit, as it does in the plan's window.
 */

#define G_LOG_DOMAIN "cx-plan-properties"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-plan-properties-private.h"

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CxPlanProperties, cx_plan_properties, ADW_TYPE_PREFERENCES_WINDOW)

/* ------------------------------------------------------------------ */
/* Fields                                                              */

void
_cx_plan_properties_refused (GtkWidget    *widget,
                             const GError *error)
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
on_typing_done (CxPlanProperties *self)
{
  if (self->history != NULL)
    cx_history_break_merge (self->history);
}

void
_cx_plan_properties_watch_typing (CxPlanProperties *self,
                                  GtkWidget        *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_typing_done), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (field, focus);
  if (ADW_IS_ENTRY_ROW (field))
    {
      g_signal_connect_object (field, "entry-activated", G_CALLBACK (on_typing_done), self,
                               G_CONNECT_SWAPPED);
      /* Ctrl+Z is the plan's undo, which takes back what was typed */
      gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
    }
}

/* Puts the model's text in @row unless it shows it already, so that the
 * cursor stays where the user types */
void
_cx_plan_properties_set_row_text (CxPlanProperties *self,
                                  AdwEntryRow      *row,
                                  const char       *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->syncing = FALSE;
}

static void
on_plan_text_changed (AdwEntryRow      *row,
                      CxPlanProperties *self)
{
  g_autoptr(GError) error = NULL;
  const char *property = g_object_get_data (G_OBJECT (row), "cx-property");

  if (self->syncing || self->history == NULL)
    return;

  cx_edit_set_text (self->history, self->plan, property,
                    gtk_editable_get_text (GTK_EDITABLE (row)), CX_EDIT_MERGE, &error);
  _cx_plan_properties_refused (GTK_WIDGET (row), error);
}

static void
on_description_changed (GtkTextBuffer    *buffer,
                        CxPlanProperties *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->history == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cx_edit_set_text (self->history, self->plan, "description", text, CX_EDIT_MERGE, &error);
  _cx_plan_properties_refused (GTK_WIDGET (self->description_view), error);
}

static char *
format_created (const char *created)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (created == NULL)
    return g_strdup (_("Not recorded"));

  when = g_date_time_new_from_iso8601 (created, utc);
  if (when == NULL)
    return g_strdup (created);
  local = g_date_time_to_local (when);

  /* Translators: when the plan was made, in strftime() form: "3 February 2026, 09:15" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static void
sync_general (CxPlanProperties *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  const char *description = cx_plan_get_description (self->plan);
  g_autofree char *shown = NULL;
  g_autofree char *created = NULL;
  GtkTextIter start, end;

  _cx_plan_properties_set_row_text (self, self->title_row, cx_plan_get_title (self->plan));
  _cx_plan_properties_set_row_text (self, self->author_row, cx_plan_get_author (self->plan));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, description != NULL ? description : "") != 0)
    {
      self->syncing = TRUE;
      gtk_text_buffer_set_text (buffer, description != NULL ? description : "", -1);
      self->syncing = FALSE;
    }

  created = format_created (cx_plan_get_created (self->plan));
  adw_action_row_set_subtitle (self->created_row, created);
}

/* ------------------------------------------------------------------ */
/* Following the plan                                                  */

static void
cx_plan_properties_sync (CxPlanProperties *self)
{
  if (self->plan == NULL)
    return;

  sync_general (self);
  _cx_plan_properties_checks_sync (self);
  _cx_plan_properties_lists_sync (self);
}

static gboolean
sync_idle (gpointer user_data)
{
  CxPlanProperties *self = user_data;

  self->sync_source = 0;
  cx_plan_properties_sync (self);

  return G_SOURCE_REMOVE;
}

static gboolean
rebuild_idle (gpointer user_data)
{
  CxPlanProperties *self = user_data;

  self->rebuild_source = 0;
  _cx_plan_properties_lists_rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Once after a burst of changes, before the next frame is drawn */
static void
on_plan_changed (CxPlan           *plan,
                 CxPlanChange      what,
                 GObject          *object,
                 CxPlanProperties *self)
{
  if ((what & CX_PLAN_CHANGE_STRUCTURE) && self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, rebuild_idle, self, NULL);
  if (self->sync_source == 0)
    self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, sync_idle, self, NULL);
}

/* ------------------------------------------------------------------ */
/* The window's own actions: undo and redo of the plan, adding         */

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxPlanProperties *self = user_data;

  /* What is being typed ends here: it is what undo takes back */
  cx_history_break_merge (self->history);
  cx_history_undo (self->history);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxPlanProperties *self = user_data;

  cx_history_redo (self->history);
}

static void
add_lane_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  int kind;

  if (cx_enum_from_nick (CX_TYPE_LANE_KIND, g_variant_get_string (parameter, NULL), &kind))
    cx_plan_properties_add_lane (user_data, kind);
}

static void
add_persona_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  cx_plan_properties_add_persona (user_data);
}

static const GActionEntry plan_actions[] = {
  { "undo", undo_action },
  { "redo", redo_action },
  { "add-lane", add_lane_action, "s" },
  { "add-persona", add_persona_action },
};

static void
update_undo_actions (CxPlanProperties *self)
{
  GAction *undo = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "undo");
  GAction *redo = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "redo");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (undo), cx_history_get_can_undo (self->history));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (redo), cx_history_get_can_redo (self->history));
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action,
              GVariant              *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                            gtk_named_action_new (action));

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
actions_init (CxPlanProperties *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutController *controller;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), plan_actions,
                                   G_N_ELEMENTS (plan_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "plan", G_ACTION_GROUP (self->actions));

  /* The same keys as in the plan's window, here where its accelerators
   * do not reach */
  controller = GTK_SHORTCUT_CONTROLLER (shortcuts);
  gtk_shortcut_controller_set_scope (controller, GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (controller, "<Control>z", "plan.undo", NULL);
  add_shortcut (controller, "<Shift><Control>z", "plan.redo", NULL);
  add_shortcut (controller, "<Control>y", "plan.redo", NULL);
  add_shortcut (controller, "<Shift><Control>l", "plan.add-lane",
                g_variant_new_string (cx_enum_to_nick (CX_TYPE_LANE_KIND, CX_LANE_KIND_NOTES)));
  add_shortcut (controller, "<Shift><Control>p", "plan.add-persona", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
cx_plan_properties_set_history (CxPlanProperties *self,
                                CxHistory        *history)
{
  g_assert (self->history == NULL);

  self->history = g_object_ref (history);
  self->plan = g_object_ref (cx_history_get_plan (history));
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed), self, 0);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  update_undo_actions (self);

  _cx_plan_properties_lists_rebuild (self);
  cx_plan_properties_sync (self);
}

static void
cx_plan_properties_dispose (GObject *object)
{
  CxPlanProperties *self = CX_PLAN_PROPERTIES (object);

  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  _cx_plan_properties_lists_dispose (self);
  _cx_plan_properties_lists_clear (self);
  g_clear_pointer (&self->unknown_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CX_TYPE_PLAN_PROPERTIES);

  G_OBJECT_CLASS (cx_plan_properties_parent_class)->dispose (object);
}

static void
cx_plan_properties_finalize (GObject *object)
{
  CxPlanProperties *self = CX_PLAN_PROPERTIES (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (cx_plan_properties_parent_class)->finalize (object);
}

static void
cx_plan_properties_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CxPlanProperties *self = CX_PLAN_PROPERTIES (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_plan_properties_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CxPlanProperties *self = CX_PLAN_PROPERTIES (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      cx_plan_properties_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_plan_properties_class_init (CxPlanPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_plan_properties_dispose;
  object_class->finalize = cx_plan_properties_finalize;
  object_class->get_property = cx_plan_properties_get_property;
  object_class->set_property = cx_plan_properties_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CX_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-plan-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, general_page);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, title_row);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, author_row);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, created_row);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, description_view);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, checks_page);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, thresholds_group);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, checks_group);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, unknown_checks_group);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, lanes_page);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, lanes_list);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, add_lane_button);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, personas_page);
  gtk_widget_class_bind_template_child (widget_class, CxPlanProperties, personas_list);
}

static void
cx_plan_properties_init (CxPlanProperties *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->unknown_rows = g_ptr_array_new ();
  actions_init (self);

  g_object_set_data (G_OBJECT (self->title_row), "cx-property", (gpointer) "title");
  g_object_set_data (G_OBJECT (self->author_row), "cx-property", (gpointer) "author");
  g_signal_connect (self->title_row, "changed", G_CALLBACK (on_plan_text_changed), self);
  g_signal_connect (self->author_row, "changed", G_CALLBACK (on_plan_text_changed), self);
  _cx_plan_properties_watch_typing (self, GTK_WIDGET (self->title_row));
  _cx_plan_properties_watch_typing (self, GTK_WIDGET (self->author_row));

  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_description_changed), self);
  _cx_plan_properties_watch_typing (self, GTK_WIDGET (self->description_view));

  _cx_plan_properties_checks_init (self);
  _cx_plan_properties_lists_init (self);
}

/**
 * cx_plan_properties_new:
 * @parent: the plan's window
 * @history: the plan's history, through which every change goes
 *
 * Returns: (transfer none): a new window over @parent, not yet shown
 */
CxPlanProperties *
cx_plan_properties_new (GtkWindow *parent,
                        CxHistory *history)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);

  return g_object_new (CX_TYPE_PLAN_PROPERTIES,
                       "transient-for", parent,
                       "history", history,
                       NULL);
}

CxHistory *
cx_plan_properties_get_history (CxPlanProperties *self)
{
  g_return_val_if_fail (CX_IS_PLAN_PROPERTIES (self), NULL);

  return self->history;
}

/**
 * cx_plan_properties_show_page:
 * @self: a #CxPlanProperties
 * @page: which
 */
void
cx_plan_properties_show_page (CxPlanProperties     *self,
                              CxPlanPropertiesPage  page)
{
  AdwPreferencesPage *pages[] = {
    [CX_PLAN_PROPERTIES_GENERAL] = self->general_page,
    [CX_PLAN_PROPERTIES_CHECKS] = self->checks_page,
    [CX_PLAN_PROPERTIES_LANES] = self->lanes_page,
    [CX_PLAN_PROPERTIES_PERSONAS] = self->personas_page,
  };

  g_return_if_fail (CX_IS_PLAN_PROPERTIES (self));
  g_return_if_fail ((guint) page < G_N_ELEMENTS (pages));

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), pages[page]);
}

/**
 * cx_plan_properties_toast_with_undo:
 * @self: a #CxPlanProperties
 * @title: what was done
 *
 * Tells what was done, offering to undo it.
 */
void
cx_plan_properties_toast_with_undo (CxPlanProperties *self,
                                    const char       *title)
{
  AdwToast *toast;

  g_return_if_fail (CX_IS_PLAN_PROPERTIES (self));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "plan.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}
