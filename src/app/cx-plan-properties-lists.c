/* cx-plan-properties-lists.c — the plan's lanes and personas, as lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One expander row a lane or persona: its name in the title, and inside
 * it every field. Rows are kept across changes of the plan and only put
 * back in the plan's order, so a row stays open and keeps the keyboard
 * while it moves. A lane or persona moves by its arrows, Alt+Up and
 * Alt+Down, or by dragging it.
 *
 * Deleting one takes what points to it in the same step of undo (a
 * lane's cells; for a persona, its steps become every persona's), and
 * the toast says how much went with it.
 */

#define G_LOG_DOMAIN "cx-plan-properties"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-names.h"
#include "cx-plan-properties-private.h"
#include "cx-templates.h"

/* What a row of a lane or persona holds, as the row's "cx-item" */
typedef struct
{
  CxPlanProperties *self;          /* not owned: the window outlives its rows */
  GObject          *object;        /* the CxLane or CxPersona */
  AdwExpanderRow   *row;
  AdwEntryRow      *name_row;
  AdwActionRow     *place_row;
  GtkWidget        *up_button;
  GtkWidget        *down_button;
  GtkWidget        *delete_button;

  /* A lane's */
  AdwComboRow      *kind_row;
  GArray           *kinds;         /* CxLaneKind, the kind row's choices */

  /* A persona's */
  AdwEntryRow      *description_row;
  AdwComboRow      *mood_row;
} ItemRow;

static void
item_row_free (ItemRow *item)
{
  g_clear_object (&item->object);
  g_clear_pointer (&item->kinds, g_array_unref);
  g_free (item);
}

static ItemRow *
item_of (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cx-item");
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

/**
 * cx_plan_properties_kind_summary:
 * @kind: a kind of lane
 *
 * Returns: what a lane of @kind shows, in a few words
 */
const char *
cx_plan_properties_kind_summary (CxLaneKind kind)
{
  switch (kind)
    {
    case CX_LANE_KIND_ACTIONS:
      return _("What the customer does");
    case CX_LANE_KIND_TOUCHPOINTS:
      return _("Where the customer meets the service");
    case CX_LANE_KIND_FRONTSTAGE:
      return _("What staff do in front of the customer");
    case CX_LANE_KIND_BACKSTAGE:
      return _("What staff do out of the customer’s sight");
    case CX_LANE_KIND_SUPPORT:
      return _("The systems and partners behind it all");
    case CX_LANE_KIND_PAINS:
      return _("What hurts or annoys the customer");
    case CX_LANE_KIND_IDEAS:
      return _("Ideas to make the step better");
    case CX_LANE_KIND_NOTES:
      return _("Anything else worth writing down");
    case CX_LANE_KIND_EMOTION:
      return _("The customer’s feelings as a curve, from each step’s emotion; holds no text");
    case CX_LANE_KIND_EXPECTATION:
      return _("Expected against delivered levels as a chart, from each step; holds no text");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
lane_name (CxLane *lane)
{
  const char *name = cx_lane_get_name (lane);

  return name != NULL ? name : _("Untitled lane");
}

static const char *
persona_name (CxPersona *persona)
{
  const char *name = cx_persona_get_name (persona);

  return name != NULL ? name : _("Untitled persona");
}

/**
 * cx_plan_delete_lane_and_say:
 * @history: the plan's history
 * @lane: a lane of the plan
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): what was deleted, for a toast
 */
char *
cx_plan_delete_lane_and_say (CxHistory  *history,
                             CxLane     *lane,
                             GError    **error)
{
  g_autofree char *name = NULL;
  guint n_cells;

  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CX_IS_LANE (lane), NULL);

  name = g_strdup (lane_name (lane));
  n_cells = cx_edit_count_lane_cells (cx_history_get_plan (history), lane);
  if (!cx_edit_delete_lane (history, lane, error))
    return NULL;

  if (n_cells == 0)
    /* Translators: a toast: "Lane “Backstage” deleted" */
    return g_strdup_printf (_("Lane “%s” deleted"), name);

  /* Translators: a toast: "Lane “Backstage” deleted, with 3 cells" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Lane “%s” deleted, with %u cell",
                                       "Lane “%s” deleted, with %u cells", n_cells),
                          name, n_cells);
}

/**
 * cx_plan_delete_persona_and_say:
 * @history: the plan's history
 * @persona: a persona of the plan
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): what was deleted, for a toast
 */
char *
cx_plan_delete_persona_and_say (CxHistory  *history,
                                CxPersona  *persona,
                                GError    **error)
{
  g_autofree char *name = NULL;
  guint n_steps;

  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CX_IS_PERSONA (persona), NULL);

  name = g_strdup (persona_name (persona));
  n_steps = cx_edit_count_persona_steps (cx_history_get_plan (history), persona);
  if (!cx_edit_delete_persona (history, persona, error))
    return NULL;

  if (n_steps == 0)
    /* Translators: a toast: "Persona “Coach” deleted" */
    return g_strdup_printf (_("Persona “%s” deleted"), name);

  /* Translators: a toast: "Persona “Coach” deleted: its 4 steps are now every persona’s" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Persona “%s” deleted: its step is now every persona’s",
                                       "Persona “%s” deleted: its %u steps are now every "
                                       "persona’s", n_steps),
                          name, n_steps);
}

/* ------------------------------------------------------------------ */
/* Moving                                                              */

static int
item_index (ItemRow *item)
{
  CxPlan *plan = item->self->plan;

  if (CX_IS_LANE (item->object))
    return cx_plan_get_lane_index (plan, CX_LANE (item->object));
  return cx_plan_get_persona_index (plan, CX_PERSONA (item->object));
}

static guint
item_count (ItemRow *item)
{
  CxPlan *plan = item->self->plan;

  return CX_IS_LANE (item->object) ? cx_plan_get_n_lanes (plan) : cx_plan_get_n_personas (plan);
}

static void
move_item_to (ItemRow *item,
              int      position)
{
  g_autoptr(GError) error = NULL;
  CxHistory *history = item->self->history;

  if (position < 0 || (guint) position >= item_count (item))
    return;

  if (CX_IS_LANE (item->object))
    cx_edit_move_lane (history, CX_LANE (item->object), position, &error);
  else
    cx_edit_move_persona (history, CX_PERSONA (item->object), position, &error);
  if (error != NULL)
    g_warning ("Not moved: %s", error->message);
}

static void
on_up_clicked (ItemRow *item)
{
  move_item_to (item, item_index (item) - 1);
}

static void
on_down_clicked (ItemRow *item)
{
  move_item_to (item, item_index (item) + 1);
}

static gboolean
move_shortcut (GtkWidget *widget,
               GVariant  *arguments,
               gpointer   user_data)
{
  ItemRow *item = item_of (widget);

  move_item_to (item, item_index (item) + g_variant_get_int32 (arguments));
  return TRUE;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 ItemRow       *item)
{
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (item->object), item->object);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               ItemRow       *item)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (item->row));

  gtk_drag_source_set_icon (source, paintable, 24, 24);
}

/* A lane dropped on a lane (or a persona on a persona) takes its place */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ItemRow       *item)
{
  GObject *dropped = g_value_get_object (value);
  GtkWidget *row;
  ItemRow *moved;

  if (dropped == NULL || G_OBJECT_TYPE (dropped) != G_OBJECT_TYPE (item->object))
    return FALSE;

  row = g_hash_table_lookup (CX_IS_LANE (dropped) ? item->self->lane_rows
                                                  : item->self->persona_rows, dropped);
  moved = row != NULL ? item_of (row) : NULL;
  if (moved == NULL || moved == item)
    return FALSE;

  move_item_to (moved, item_index (item));
  return TRUE;
}

/* The arrows in the row's title, the keys, and dragging the row */
static void
add_moving (ItemRow *item)
{
  GtkWidget *row = GTK_WIDGET (item->row);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_OBJECT_TYPE (item->object), GDK_ACTION_MOVE);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (handle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Drag to move"), -1);
  gtk_widget_add_css_class (handle, "dim-label");
  adw_expander_row_add_prefix (item->row, handle);

  /* The arrows inside the row: in its title they would look like its own */
  item->place_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->place_row), _("Place"));
  item->up_button = gtk_button_new_from_icon_name ("go-up-symbolic");
  item->down_button = gtk_button_new_from_icon_name ("go-down-symbolic");
  gtk_widget_set_tooltip_text (item->up_button, _("Move Up (Alt+Up)"));
  gtk_widget_set_tooltip_text (item->down_button, _("Move Down (Alt+Down)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->up_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move Up"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->down_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move Down"), -1);
  for (GtkWidget **button = &item->up_button; button <= &item->down_button; button++)
    {
      gtk_widget_set_valign (*button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (*button, "flat");
      adw_action_row_add_suffix (item->place_row, *button);
    }
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->place_row));
  g_signal_connect_swapped (item->up_button, "clicked", G_CALLBACK (on_up_clicked), item);
  g_signal_connect_swapped (item->down_button, "clicked", G_CALLBACK (on_down_clicked), item);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new_with_arguments (
                                          gtk_shortcut_trigger_parse_string ("<Alt>Up"),
                                          gtk_callback_action_new (move_shortcut, NULL, NULL),
                                          "i", -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new_with_arguments (
                                          gtk_shortcut_trigger_parse_string ("<Alt>Down"),
                                          gtk_callback_action_new (move_shortcut, NULL, NULL),
                                          "i", 1));
  gtk_widget_add_controller (row, shortcuts);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static void
on_name_changed (AdwEntryRow *row,
                 ItemRow     *item)
{
  g_autoptr(GError) error = NULL;
  CxPlanProperties *self = item->self;

  if (self->syncing)
    return;

  cx_edit_set_text (self->history, item->object, "name",
                    gtk_editable_get_text (GTK_EDITABLE (row)), CX_EDIT_MERGE, &error);
  _cx_plan_properties_refused (GTK_WIDGET (row), error);
}

static void
on_description_changed (AdwEntryRow *row,
                        ItemRow     *item)
{
  g_autoptr(GError) error = NULL;
  CxPlanProperties *self = item->self;

  if (self->syncing)
    return;

  cx_edit_set_text (self->history, item->object, "description",
                    gtk_editable_get_text (GTK_EDITABLE (row)), CX_EDIT_MERGE, &error);
  _cx_plan_properties_refused (GTK_WIDGET (row), error);
}

static void
on_delete_clicked (ItemRow *item)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CxPlanProperties *self = item->self;

  if (CX_IS_LANE (item->object))
    message = cx_plan_delete_lane_and_say (self->history, CX_LANE (item->object), &error);
  else
    message = cx_plan_delete_persona_and_say (self->history, CX_PERSONA (item->object), &error);

  if (message != NULL)
    cx_plan_properties_toast_with_undo (self, message);
  else if (error != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

static AdwEntryRow *
entry_row (ItemRow    *item,
           const char *title,
           GCallback   changed)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  g_signal_connect (row, "changed", changed, item);
  _cx_plan_properties_watch_typing (item->self, GTK_WIDGET (row));
  adw_expander_row_add_row (item->row, GTK_WIDGET (row));

  return row;
}

static void
add_delete_row (ItemRow    *item,
                const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  item->delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_set_valign (item->delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (item->delete_button, "destructive-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_swapped (item->delete_button, "clicked", G_CALLBACK (on_delete_clicked), item);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), item->delete_button);
  adw_expander_row_add_row (item->row, row);
}

static ItemRow *
item_row_new (CxPlanProperties *self,
              GObject          *object)
{
  ItemRow *item = g_new0 (ItemRow, 1);

  item->self = self;
  item->object = g_object_ref (object);
  item->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (item->row), FALSE);
  g_object_set_data_full (G_OBJECT (item->row), "cx-item", item, (GDestroyNotify) item_row_free);

  return item;
}

/* A lane: its name, its kind and deleting it */

static void
ask_kind_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ItemRow          *item)
{
  CxLaneKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "cx-kind"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "change") == 0)
    cx_edit_set_lane_kind (item->self->history, CX_LANE (item->object), kind, &error);
  /* Either way the row shows the lane's kind as it now is */
  _cx_plan_properties_lists_sync (item->self);
  if (error != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (item->self),
                                      adw_toast_new (error->message));
}

/* A kind that holds no text would take the lane's cells: asks first */
static void
on_kind_selected (AdwComboRow *row,
                  GParamSpec  *pspec,
                  ItemRow     *item)
{
  CxPlanProperties *self = item->self;
  CxLane *lane = CX_LANE (item->object);
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  CxLaneKind kind;
  guint n_cells;

  if (self->syncing || selected >= item->kinds->len)
    return;

  kind = g_array_index (item->kinds, CxLaneKind, selected);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cx_plan_properties_kind_summary (kind));
  if (kind == cx_lane_get_kind (lane))
    return;

  n_cells = cx_edit_count_lane_cells (self->plan, lane);
  if (cx_lane_kind_holds_text (kind) || n_cells == 0)
    {
      cx_edit_set_lane_kind (self->history, lane, kind, &error);
      _cx_plan_properties_refused (GTK_WIDGET (row), error);
      return;
    }

  /* Translators: "Make “Notes” the Emotion lane?" */
  heading = g_strdup_printf (_("Make “%s” the %s lane?"), lane_name (lane),
                             cx_lane_kind_default_name (kind));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This kind of lane holds no text: the text of its %u cell "
                                       "goes with the change. Undo brings it back.",
                                       "This kind of lane holds no text: the text of its %u cells "
                                       "goes with the change. Undo brings them back.", n_cells),
                          n_cells);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("C_hange Kind"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cx-kind", GINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (ask_kind_response), item);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
lane_row_new (CxPlanProperties *self,
              GObject          *object)
{
  ItemRow *item = item_row_new (self, object);

  item->kinds = g_array_new (FALSE, FALSE, sizeof (CxLaneKind));
  item->name_row = entry_row (item, _("Name"), G_CALLBACK (on_name_changed));

  item->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->kind_row), _("Kind"));
  g_signal_connect (item->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), item);
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->kind_row));

  add_moving (item);
  add_delete_row (item, _("Delete Lane"), _("Its cells go with it; undo brings them back"));

  return GTK_WIDGET (item->row);
}

/* The kinds the lane may take: its own, and those the plan can have
 * another of (a second emotion or expectation lane is not offered) */
static void
sync_lane_kinds (ItemRow *item)
{
  CxLane *lane = CX_LANE (item->object);
  CxLaneKind own = cx_lane_get_kind (lane);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (CxLaneKind));
  g_autoptr(GEnumClass) klass = g_type_class_ref (CX_TYPE_LANE_KIND);
  guint selected = 0;

  for (guint i = 0; i < klass->n_values; i++)
    {
      CxLaneKind kind = klass->values[i].value;

      if (kind != own && !cx_plan_can_add_lane_kind (item->self->plan, kind))
        continue;
      if (kind == own)
        selected = kinds->len;
      g_array_append_val (kinds, kind);
    }

  if (kinds->len != item->kinds->len ||
      memcmp (kinds->data, item->kinds->data, kinds->len * sizeof (CxLaneKind)) != 0)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < kinds->len; i++)
        gtk_string_list_append (names,
                                cx_lane_kind_default_name (g_array_index (kinds, CxLaneKind, i)));
      g_array_set_size (item->kinds, 0);
      g_array_append_vals (item->kinds, kinds->data, kinds->len);
      adw_combo_row_set_model (item->kind_row, G_LIST_MODEL (names));
    }
  if (adw_combo_row_get_selected (item->kind_row) != selected)
    adw_combo_row_set_selected (item->kind_row, selected);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (item->kind_row),
                               cx_plan_properties_kind_summary (own));
}

static void
sync_lane_row (ItemRow *item)
{
  CxLane *lane = CX_LANE (item->object);
  CxPlanProperties *self = item->self;

  CxLaneKind kind = cx_lane_get_kind (lane);

  /* The kind, or what it holds where the name says the kind already */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), lane_name (lane));
  adw_expander_row_set_subtitle (item->row,
                                 g_strcmp0 (cx_lane_get_name (lane),
                                            cx_lane_kind_default_name (kind)) == 0
                                   ? cx_plan_properties_kind_summary (kind)
                                   : cx_lane_kind_default_name (kind));
  _cx_plan_properties_set_row_text (self, item->name_row, cx_lane_get_name (lane));

  self->syncing = TRUE;
  sync_lane_kinds (item);
  self->syncing = FALSE;
}

/* A persona: name, description, arriving mood, and deleting it */

static void
on_mood_selected (AdwComboRow *row,
                  GParamSpec  *pspec,
                  ItemRow     *item)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (item->self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* "Not set", then −3 … +3 */
  cx_edit_set_mood (item->self->history, CX_PERSONA (item->object), selected > 0,
                    (int) selected - 1 + CX_EMOTION_MIN, &error);
  _cx_plan_properties_refused (GTK_WIDGET (row), error);
}

static GtkWidget *
persona_row_new (CxPlanProperties *self,
                 GObject          *object)
{
  ItemRow *item = item_row_new (self, object);
  g_autoptr(GtkStringList) moods = gtk_string_list_new (NULL);

  item->name_row = entry_row (item, _("Name"), G_CALLBACK (on_name_changed));
  item->description_row = entry_row (item, _("Description"), G_CALLBACK (on_description_changed));

  gtk_string_list_append (moods, cx_name_emotion (FALSE, 0));
  for (int mood = CX_EMOTION_MIN; mood <= CX_EMOTION_MAX; mood++)
    gtk_string_list_append (moods, cx_name_emotion (TRUE, mood));
  item->mood_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->mood_row), _("Arriving Mood"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (item->mood_row),
                               _("How the customer feels before the first contact"));
  adw_combo_row_set_model (item->mood_row, G_LIST_MODEL (moods));
  g_signal_connect (item->mood_row, "notify::selected", G_CALLBACK (on_mood_selected), item);
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->mood_row));

  add_moving (item);
  add_delete_row (item, _("Delete Persona"),
                  _("Its steps become every persona’s; undo gives them back"));

  return GTK_WIDGET (item->row);
}

static void
sync_persona_row (ItemRow *item)
{
  CxPersona *persona = CX_PERSONA (item->object);
  CxPlanProperties *self = item->self;
  gboolean has_mood = cx_persona_get_has_mood (persona);
  int mood = cx_persona_get_mood (persona);
  guint position = has_mood ? (guint) (mood - CX_EMOTION_MIN + 1) : 0;
  g_autofree char *subtitle = NULL;

  /* Translators: a persona's arriving mood, as in "Arrives −1 · Uneasy" */
  subtitle = has_mood ? g_strdup_printf (_("Arrives %s"), cx_name_emotion (TRUE, mood))
                      : g_strdup (_("Arriving mood not set"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), persona_name (persona));
  adw_expander_row_set_subtitle (item->row, subtitle);
  _cx_plan_properties_set_row_text (self, item->name_row, cx_persona_get_name (persona));
  _cx_plan_properties_set_row_text (self, item->description_row,
                                    cx_persona_get_description (persona));
  if (adw_combo_row_get_selected (item->mood_row) != position)
    {
      self->syncing = TRUE;
      adw_combo_row_set_selected (item->mood_row, position);
      self->syncing = FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* The lists                                                           */

typedef GObject   *(*GetItemFunc)  (CxPlan           *plan,
                                    guint             index);
typedef GtkWidget *(*MakeRowFunc)  (CxPlanProperties *self,
                                    GObject          *object);

static GObject *
get_lane (CxPlan *plan,
          guint   index)
{
  return G_OBJECT (cx_plan_get_lane (plan, index));
}

static GObject *
get_persona (CxPlan *plan,
             guint   index)
{
  return G_OBJECT (cx_plan_get_persona (plan, index));
}

/* Puts a row for each of the @n items in @list, in the plan's order:
 * the rows of items still there are kept (open, with the keyboard),
 * those of items gone are dropped */
static void
reconcile (CxPlanProperties *self,
           GtkListBox       *list,
           GHashTable       *rows,
           guint             n,
           GetItemFunc       get_item,
           MakeRowFunc       make_row)
{
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GHashTableIter iter;
  gpointer key, value;
  int focus_index = -1;

  for (guint i = 0; i < n; i++)
    {
      GObject *object = get_item (self->plan, i);

      if (!g_hash_table_contains (rows, object))
        g_hash_table_insert (rows, g_object_ref (object),
                             g_object_ref_sink (make_row (self, object)));
      g_hash_table_add (present, object);
    }

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (present, key))
        continue;
      /* The keyboard was in a row that goes: the row that takes its place gets it */
      if (focus != NULL && gtk_widget_is_ancestor (focus, value))
        {
          focus_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (value));
          focus = NULL;
        }
      if (gtk_widget_get_parent (value) != NULL)
        gtk_list_box_remove (list, value);
      g_hash_table_iter_remove (&iter);
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = g_hash_table_lookup (rows, get_item (self->plan, i));

      if (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)) == row)
        continue;
      if (gtk_widget_get_parent (row) != NULL)
        gtk_list_box_remove (list, row);
      gtk_list_box_insert (list, row, i);
    }

  if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self) &&
      !gtk_widget_has_focus (focus))
    gtk_widget_grab_focus (focus);
  else if (focus_index >= 0 && n > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list,
                                                                      MIN ((guint) focus_index,
                                                                           n - 1))));
}

/* The Add Lane menu: every kind the plan can have another of */
static void
rebuild_add_lane_menu (CxPlanProperties *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GEnumClass) klass = g_type_class_ref (CX_TYPE_LANE_KIND);

  for (guint i = 0; i < klass->n_values; i++)
    {
      CxLaneKind kind = klass->values[i].value;
      g_autoptr(GMenuItem) item = NULL;

      if (!cx_plan_can_add_lane_kind (self->plan, kind))
        continue;
      item = g_menu_item_new (cx_lane_kind_default_name (kind), NULL);
      g_menu_item_set_action_and_target (item, "plan.add-lane", "s", klass->values[i].value_nick);
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->add_lane_button, G_MENU_MODEL (menu));
}

void
_cx_plan_properties_lists_rebuild (CxPlanProperties *self)
{
  if (self->plan == NULL)
    return;

  reconcile (self, self->lanes_list, self->lane_rows, cx_plan_get_n_lanes (self->plan),
             get_lane, lane_row_new);
  reconcile (self, self->personas_list, self->persona_rows, cx_plan_get_n_personas (self->plan),
             get_persona, persona_row_new);
  rebuild_add_lane_menu (self);
  _cx_plan_properties_lists_sync (self);
}

static void
sync_arrows (ItemRow *item,
             guint    index,
             guint    n)
{
  g_autofree char *place = NULL;

  /* Translators: a lane's or persona's place in its list: "2 of 7" */
  place = g_strdup_printf (_("%u of %u"), index + 1, n);
  adw_action_row_set_subtitle (item->place_row, place);
  gtk_widget_set_sensitive (item->up_button, index > 0);
  gtk_widget_set_sensitive (item->down_button, index + 1 < n);
}

void
_cx_plan_properties_lists_sync (CxPlanProperties *self)
{
  guint n_lanes = cx_plan_get_n_lanes (self->plan);
  guint n_personas = cx_plan_get_n_personas (self->plan);

  for (guint i = 0; i < n_lanes; i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->lane_rows, cx_plan_get_lane (self->plan, i));

      /* Not yet made: the rebuild to come does it */
      if (row == NULL)
        continue;
      sync_lane_row (item_of (row));
      sync_arrows (item_of (row), i, n_lanes);
    }

  for (guint i = 0; i < n_personas; i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->persona_rows,
                                            cx_plan_get_persona (self->plan, i));

      if (row == NULL)
        continue;
      sync_persona_row (item_of (row));
      sync_arrows (item_of (row), i, n_personas);
    }
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

void
_cx_plan_properties_lists_init (CxPlanProperties *self)
{
  self->lane_rows = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->persona_rows = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);

  gtk_list_box_set_placeholder (self->lanes_list,
                                placeholder (_("No lanes: the map shows only the steps")));
  gtk_list_box_set_placeholder (self->personas_list,
                                placeholder (_("No personas: every step is every customer’s")));
}

void
_cx_plan_properties_lists_clear (CxPlanProperties *self)
{
  g_clear_pointer (&self->lane_rows, g_hash_table_unref);
  g_clear_pointer (&self->persona_rows, g_hash_table_unref);
}

/* ------------------------------------------------------------------ */
/* Adding, and going to a lane or persona                              */

/* The row opened, all of it in view once it has opened (the page scrolls
 * to the field focused, but the row was not open yet then) */
static gboolean
reveal_idle (gpointer user_data)
{
  CxPlanProperties *self = user_data;
  GtkWidget *row = self->reveal_row;
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  self->reveal_source = 0;
  g_clear_object (&self->reveal_row);
  if (scrolled == NULL || !gtk_widget_compute_bounds (row, scrolled, &bounds))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* Its bottom in view, and its top, which matters more */
  if (bounds.origin.y + bounds.size.height > page)
    value += bounds.origin.y + bounds.size.height - page;
  value = MIN (value, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
  gtk_adjustment_set_value (adjustment, value);

  return G_SOURCE_REMOVE;
}

static void
on_row_revealed (CxPlanProperties *self,
                 GParamSpec       *pspec,
                 GtkRevealer      *revealer)
{
  g_signal_handlers_disconnect_by_func (revealer, on_row_revealed, self);
  if (gtk_revealer_get_child_revealed (revealer) && self->reveal_row != NULL &&
      self->reveal_source == 0)
    self->reveal_source = g_idle_add (reveal_idle, self);
}

void
_cx_plan_properties_lists_dispose (CxPlanProperties *self)
{
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_object (&self->reveal_row);
}

static void
edit_row (CxPlanProperties *self,
          GtkWidget        *row)
{
  ItemRow *item = item_of (row);

  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (item->name_row),
                                                 GTK_TYPE_REVEALER);

  adw_expander_row_set_expanded (item->row, TRUE);
  g_set_object (&self->reveal_row, row);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  /* Once the row has opened, which is animated */
  if (revealer != NULL && !gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)))
    g_signal_connect_object (revealer, "notify::child-revealed", G_CALLBACK (on_row_revealed),
                             self, G_CONNECT_SWAPPED);
  else
    self->reveal_source = g_idle_add (reveal_idle, self);
  gtk_widget_grab_focus (GTK_WIDGET (item->name_row));
  /* The default name, chosen: typing replaces it */
  gtk_editable_select_region (GTK_EDITABLE (item->name_row), 0, -1);
}

/**
 * cx_plan_properties_edit_lane:
 * @self: a #CxPlanProperties
 * @lane: a lane of the plan
 *
 * Shows the Lanes page with @lane's row open and its name ready to type.
 */
void
cx_plan_properties_edit_lane (CxPlanProperties *self,
                              CxLane           *lane)
{
  GtkWidget *row;

  g_return_if_fail (CX_IS_PLAN_PROPERTIES (self));
  g_return_if_fail (CX_IS_LANE (lane));

  /* An edit just made: its row now, not at the next idle */
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  _cx_plan_properties_lists_rebuild (self);

  row = g_hash_table_lookup (self->lane_rows, lane);
  g_return_if_fail (row != NULL);

  cx_plan_properties_show_page (self, CX_PLAN_PROPERTIES_LANES);
  edit_row (self, row);
}

/**
 * cx_plan_properties_edit_persona:
 * @self: a #CxPlanProperties
 * @persona: a persona of the plan
 *
 * Shows the Personas page with @persona's row open and its name ready to
 * type.
 */
void
cx_plan_properties_edit_persona (CxPlanProperties *self,
                                 CxPersona        *persona)
{
  GtkWidget *row;

  g_return_if_fail (CX_IS_PLAN_PROPERTIES (self));
  g_return_if_fail (CX_IS_PERSONA (persona));

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  _cx_plan_properties_lists_rebuild (self);

  row = g_hash_table_lookup (self->persona_rows, persona);
  g_return_if_fail (row != NULL);

  cx_plan_properties_show_page (self, CX_PLAN_PROPERTIES_PERSONAS);
  edit_row (self, row);
}

/**
 * cx_plan_properties_add_lane:
 * @self: a #CxPlanProperties
 * @kind: what it shows
 *
 * Adds a lane of @kind at the bottom, named for its kind, and opens it
 * with its name ready to type.
 *
 * Returns: (transfer none) (nullable): the lane, or %NULL if the plan
 *   cannot have another of @kind (a toast says why)
 */
CxLane *
cx_plan_properties_add_lane (CxPlanProperties *self,
                             CxLaneKind        kind)
{
  g_autoptr(GError) error = NULL;
  CxLane *lane;

  g_return_val_if_fail (CX_IS_PLAN_PROPERTIES (self), NULL);

  lane = cx_edit_add_lane (self->history, -1, kind, cx_lane_kind_default_name (kind), &error);
  if (lane == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return NULL;
    }

  cx_plan_properties_edit_lane (self, lane);
  return lane;
}

/**
 * cx_plan_properties_add_persona:
 * @self: a #CxPlanProperties
 *
 * Adds a persona at the end, and opens it with its name ready to type.
 *
 * Returns: (transfer none) (nullable): the persona
 */
CxPersona *
cx_plan_properties_add_persona (CxPlanProperties *self)
{
  g_autoptr(GError) error = NULL;
  CxPersona *persona;

  g_return_val_if_fail (CX_IS_PLAN_PROPERTIES (self), NULL);

  persona = cx_edit_add_persona (self->history, NULL, &error);
  if (persona == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return NULL;
    }

  cx_plan_properties_edit_persona (self, persona);
  return persona;
}
