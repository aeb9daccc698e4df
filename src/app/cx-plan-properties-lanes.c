/* cx-plan-properties-lanes.c — the plan's lanes in its properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lane's row: its name, its kind (only those the format allows: the
 * plan has at most one emotion and one expectation lane), its place and
 * deleting it. A kind that holds no text would take the lane's cells with
 * it: the user is asked first.
 */

#define G_LOG_DOMAIN "cx-plan-properties"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-plan-properties-private.h"
#include "cx-templates.h"

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

/* Words                                                               */

static const char *
lane_name (CxLane *lane)
{
  const char *name = cx_lane_get_name (lane);

  return name != NULL ? name : _("Untitled lane");
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

/* A lane: its name, its kind and deleting it */

static void
ask_kind_response (AdwMessageDialog *dialog,
                   const char       *response,
                   CxItemRow        *item)
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
                  CxItemRow   *item)
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

GtkWidget *
_cx_plan_properties_lane_row_new (CxPlanProperties *self,
                                  GObject          *object)
{
  CxItemRow *item = _cx_item_row_new (self, object);

  item->kinds = g_array_new (FALSE, FALSE, sizeof (CxLaneKind));
  item->name_row = _cx_item_row_add_name (item);

  item->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->kind_row), _("Kind"));
  g_signal_connect (item->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), item);
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->kind_row));

  _cx_item_row_add_moving (item);
  _cx_item_row_add_delete (item, _("Delete Lane"), _("Its cells go with it; undo brings them back"));

  return GTK_WIDGET (item->row);
}

/* The kinds the lane may take: its own, and those the plan can have
 * another of (a second emotion or expectation lane is not offered) */
static void
sync_lane_kinds (CxItemRow *item)
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

void
_cx_plan_properties_sync_lane_row (CxItemRow *item)
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

/* The Add Lane menu: every kind the plan can have another of */
void
_cx_plan_properties_rebuild_add_lane_menu (CxPlanProperties *self)
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
  _cx_plan_properties_edit_row (self, row);
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
