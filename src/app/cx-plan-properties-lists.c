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

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-plan-properties-private.h"

void
_cx_item_row_free (CxItemRow *item)
{
  g_clear_object (&item->object);
  g_clear_pointer (&item->kinds, g_array_unref);
  g_free (item);
}

CxItemRow *
_cx_item_row_of (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cx-item");
}

/* ------------------------------------------------------------------ */
/* Moving                                                              */

static int
item_index (CxItemRow *item)
{
  CxPlan *plan = item->self->plan;

  if (CX_IS_LANE (item->object))
    return cx_plan_get_lane_index (plan, CX_LANE (item->object));
  return cx_plan_get_persona_index (plan, CX_PERSONA (item->object));
}

static guint
item_count (CxItemRow *item)
{
  CxPlan *plan = item->self->plan;

  return CX_IS_LANE (item->object) ? cx_plan_get_n_lanes (plan) : cx_plan_get_n_personas (plan);
}

static void
move_item_to (CxItemRow *item,
              int        position)
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
on_up_clicked (CxItemRow *item)
{
  move_item_to (item, item_index (item) - 1);
}

static void
on_down_clicked (CxItemRow *item)
{
  move_item_to (item, item_index (item) + 1);
}

static gboolean
move_shortcut (GtkWidget *widget,
               GVariant  *arguments,
               gpointer   user_data)
{
  CxItemRow *item = _cx_item_row_of (widget);

  move_item_to (item, item_index (item) + g_variant_get_int32 (arguments));
  return TRUE;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 CxItemRow     *item)
{
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (item->object), item->object);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               CxItemRow     *item)
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
         CxItemRow     *item)
{
  GObject *dropped = g_value_get_object (value);
  GtkWidget *row;
  CxItemRow *moved;

  if (dropped == NULL || G_OBJECT_TYPE (dropped) != G_OBJECT_TYPE (item->object))
    return FALSE;

  row = g_hash_table_lookup (CX_IS_LANE (dropped) ? item->self->lane_rows
                                                  : item->self->persona_rows, dropped);
  moved = row != NULL ? _cx_item_row_of (row) : NULL;
  if (moved == NULL || moved == item)
    return FALSE;

  move_item_to (moved, item_index (item));
  return TRUE;
}

/* The arrows in the row's title, the keys, and dragging the row */
void
_cx_item_row_add_moving (CxItemRow *item)
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
                 CxItemRow   *item)
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
on_delete_clicked (CxItemRow *item)
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

AdwEntryRow *
_cx_item_row_add_entry (CxItemRow  *item,
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

/* The name of the lane or persona, edited as the user types */
AdwEntryRow *
_cx_item_row_add_name (CxItemRow *item)
{
  return _cx_item_row_add_entry (item, _("Name"), G_CALLBACK (on_name_changed));
}

void
_cx_item_row_add_delete (CxItemRow  *item,
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

CxItemRow *
_cx_item_row_new (CxPlanProperties *self,
                  GObject          *object)
{
  CxItemRow *item = g_new0 (CxItemRow, 1);

  item->self = self;
  item->object = g_object_ref (object);
  item->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (item->row), FALSE);
  g_object_set_data_full (G_OBJECT (item->row), "cx-item", item, (GDestroyNotify) _cx_item_row_free);

  return item;
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
  gboolean in_order = TRUE;

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

  /* The rows into the plan's order, if they are not. The row with the
   * keyboard stays in the list (GTK moves the keyboard off a row taken out,
   * after the frame): the others go and come back around it. */
  for (guint i = 0; i < n; i++)
    if (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)) !=
        g_hash_table_lookup (rows, get_item (self->plan, i)))
      {
        in_order = FALSE;
        break;
      }

  if (!in_order)
    {
      GtkWidget *kept = NULL;

      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = g_hash_table_lookup (rows, get_item (self->plan, i));

          if (focus != NULL && gtk_widget_get_parent (row) != NULL &&
              (focus == row || gtk_widget_is_ancestor (focus, row)))
            kept = row;
          else if (gtk_widget_get_parent (row) != NULL)
            gtk_list_box_remove (list, row);
        }
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = g_hash_table_lookup (rows, get_item (self->plan, i));

          if (row != kept)
            gtk_list_box_insert (list, row, i);
        }
    }

  if (focus_index >= 0 && n > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list,
                                                                      MIN ((guint) focus_index,
                                                                           n - 1))));
}

void
_cx_plan_properties_lists_rebuild (CxPlanProperties *self)
{
  if (self->plan == NULL)
    return;

  reconcile (self, self->lanes_list, self->lane_rows, cx_plan_get_n_lanes (self->plan),
             get_lane, _cx_plan_properties_lane_row_new);
  reconcile (self, self->personas_list, self->persona_rows, cx_plan_get_n_personas (self->plan),
             get_persona, _cx_plan_properties_persona_row_new);
  _cx_plan_properties_rebuild_add_lane_menu (self);
  _cx_plan_properties_lists_sync (self);
}

static void
sync_arrows (CxItemRow *item,
             guint      index,
             guint      n)
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
      _cx_plan_properties_sync_lane_row (_cx_item_row_of (row));
      sync_arrows (_cx_item_row_of (row), i, n_lanes);
    }

  for (guint i = 0; i < n_personas; i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->persona_rows,
                                            cx_plan_get_persona (self->plan, i));

      if (row == NULL)
        continue;
      _cx_plan_properties_sync_persona_row (_cx_item_row_of (row));
      sync_arrows (_cx_item_row_of (row), i, n_personas);
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

void
_cx_plan_properties_edit_row (CxPlanProperties *self,
                              GtkWidget        *row)
{
  CxItemRow *item = _cx_item_row_of (row);

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

