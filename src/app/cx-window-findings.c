/* cx-window-findings.c — what a user does with a finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a finding's row (and its badge's popover on the map): its check's
 * explanation; its fix, as one undoable edit that leaves the user where
 * they continue (the recovery step made, ready to be titled; the owner
 * field, ready to type); accepting a warning or an info with the team's
 * reason, and no longer accepting it.
 */

#define G_LOG_DOMAIN "cx-window-findings"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cx-edit.h"
#include "cx-explain.h"
#include "cx-finding-row.h"
#include "cx-fix.h"
#include "cx-window-private.h"

static CxStep *
finding_step (CxWindow        *self,
              const CxFinding *finding)
{
  GObject *object;

  if (self->document == NULL || finding->step_id == NULL)
    return NULL;

  object = cx_plan_lookup_id (cx_document_get_plan (self->document), finding->step_id);
  return CX_IS_STEP (object) ? CX_STEP (object) : NULL;
}

static void
toast_undo (CxWindow   *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The user goes on in the step's editor, at @field */
static void
edit_field (CxWindow         *self,
            CxStep           *step,
            CxStepPanelField  field,
            gpointer          object)
{
  cx_map_view_set_selected_step (self->map_view, step);
  _cx_window_show_step (self, TRUE);
  cx_step_panel_focus (self->step_panel, field, object);
}

/**
 * _cx_window_fix_finding:
 * @self: a #CxWindow
 * @finding: a finding of the plan shown
 *
 * Does what the finding's fix says, and puts the user where they go on.
 */
void
_cx_window_fix_finding (CxWindow        *self,
                        const CxFinding *finding)
{
  g_autoptr(GError) error = NULL;
  CxPlan *plan;
  CxFixKind fix;
  CxStep *step;
  GObject *object = NULL;

  if (self->document == NULL)
    return;

  plan = cx_document_get_plan (self->document);
  fix = cx_finding_get_fix (plan, finding);
  step = finding_step (self, finding);

  switch (fix)
    {
    case CX_FIX_FOCUS_OWNER:
      edit_field (self, step, CX_STEP_PANEL_FIELD_OWNER, NULL);
      return;
    case CX_FIX_FOCUS_LEVEL:
      edit_field (self, step, cx_step_get_expected_level (step) == 0
                              ? CX_STEP_PANEL_FIELD_EXPECTED : CX_STEP_PANEL_FIELD_DELIVERED,
                  NULL);
      return;
    case CX_FIX_CHOOSE_FAILURES:
      edit_field (self, step, CX_STEP_PANEL_FIELD_RECOVERS, NULL);
      return;
    case CX_FIX_WRITE_BACKSTAGE:
      {
        /* The step's cell in the first lane behind the line of visibility,
         * open on the map */
        CxLane *lane = cx_plan_lookup_lane_kind (plan, CX_LANE_KIND_BACKSTAGE);

        if (lane == NULL)
          lane = cx_plan_lookup_lane_kind (plan, CX_LANE_KIND_SUPPORT);
        cx_map_view_set_selected_step (self->map_view, step);
        cx_map_view_set_cursor_lane (self->map_view, lane);
        gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
        cx_map_view_edit_cursor (self->map_view);
      }
      return;
    case CX_FIX_NONE:
      return;
    default:
      break;
    }

  if (!cx_edit_apply_fix (cx_document_get_history (self->document), finding, &object, &error))
    {
      _cx_window_show_toast (self, error->message);
      return;
    }

  /* A step made by the fix: its title, ready to type */
  if (fix == CX_FIX_ADD_RECOVERY_STEP || fix == CX_FIX_ADD_STEP_TO_PHASE)
    edit_field (self, CX_STEP (object), CX_STEP_PANEL_FIELD_TITLE, NULL);
  else if (CX_IS_STEP (object))
    cx_map_view_set_selected_step (self->map_view, CX_STEP (object));
  toast_undo (self, cx_fix_get_label (fix));
}

/* ------------------------------------------------------------------ */
/* Accepting                                                           */

typedef struct
{
  CxWindow  *window;
  CxFinding *finding;
  GtkEditable *reason;
} AcceptData;

static void
accept_data_free (gpointer  user_data,
                  GClosure *closure)
{
  AcceptData *data = user_data;

  g_clear_object (&data->window);
  g_clear_pointer (&data->finding, cx_finding_free);
  g_free (data);
}

static void
on_reason_changed (GtkEditable      *reason,
                   AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (reason);

  adw_message_dialog_set_response_enabled (dialog, "accept",
                                           text[strspn (text, " \t")] != '\0');
}

static void
on_accept_response (AdwMessageDialog *dialog,
                    const char       *response,
                    AcceptData       *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "accept") == 0 && data->window->document != NULL &&
      !cx_edit_accept_finding (cx_document_get_history (data->window->document), data->finding,
                               gtk_editable_get_text (data->reason), &error))
    _cx_window_show_error (data->window, _("The finding could not be accepted"),
                           error->message);
}

/**
 * _cx_window_accept_finding:
 * @self: a #CxWindow
 * @finding: a warning or an info of the plan shown
 *
 * Asks for the team's reason, then writes the accept in the plan.
 */
void
_cx_window_accept_finding (CxWindow        *self,
                           const CxFinding *finding)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  AcceptData *data;

  if (self->document == NULL || !cx_finding_can_be_accepted (finding))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Accept This Finding?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s", finding->message,
                                  _("The plan will say why the team lives with it: the finding "
                                    "stops asking for attention, and stays visible in the file "
                                    "for anyone reviewing it."));
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Reason"));
  gtk_widget_add_css_class (entry, "card");
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "accept", _("_Accept"));
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "accept", FALSE);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (AcceptData, 1);
  data->window = g_object_ref (self);
  data->finding = cx_finding_copy (finding);
  data->reason = GTK_EDITABLE (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_accept_response), data,
                         accept_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_cx_window_stop_accepting (CxWindow        *self,
                           const CxFinding *finding)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  if (cx_edit_stop_accepting (cx_document_get_history (self->document), finding, &error))
    toast_undo (self, _("The finding asks for attention again"));
  else
    _cx_window_show_toast (self, error->message);
}

/* What a finding's row asks for */
void
_cx_window_on_finding_action (CxWindow        *self,
                              const CxFinding *finding,
                              const char      *action)
{
  if (g_str_equal (action, "explain"))
    cx_explain_show (GTK_WINDOW (self), finding->check);
  else if (g_str_equal (action, "fix"))
    _cx_window_fix_finding (self, finding);
  else if (g_str_equal (action, "accept"))
    _cx_window_accept_finding (self, finding);
  else if (g_str_equal (action, "stop-accepting"))
    _cx_window_stop_accepting (self, finding);
}

/* ------------------------------------------------------------------ */
/* A step's findings, in a popover over its badges on the map           */

static gboolean
unparent_idle (gpointer user_data)
{
  GtkWidget *popover = user_data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);

  return G_SOURCE_REMOVE;
}

/* Once it has closed, not while it closes */
static void
on_popover_closed (GtkPopover *popover,
                   CxWindow   *self)
{
  if (self->findings_popover != popover)
    return;

  self->findings_popover = NULL;
  g_idle_add (unparent_idle, g_object_ref (popover));
}

static void
on_popover_row_action (CxFindingRow *row,
                       const char   *action,
                       CxWindow     *self)
{
  g_autoptr(CxFinding) finding = NULL;

  if (cx_finding_row_get_finding (row) == NULL)
    return;

  /* The row, and the finding it shows, go with the popover */
  finding = cx_finding_copy (cx_finding_row_get_finding (row));
  if (self->findings_popover != NULL)
    gtk_popover_popdown (self->findings_popover);
  _cx_window_on_finding_action (self, finding, action);
}

/**
 * _cx_window_show_step_findings:
 * @self: a #CxWindow
 * @step: a step on the map
 *
 * Opens a popover over the step's finding badges with a row for each of
 * its findings and its failures', as in the findings list: its fix, Explain, Accept… or Stop
 * Accepting, one click away where the user looks.
 */
void
_cx_window_show_step_findings (CxWindow *self,
                               CxStep   *step)
{
  g_autoptr(GPtrArray) findings = cx_map_view_get_step_findings (self->map_view, step);
  CxPlan *plan = self->document != NULL ? cx_document_get_plan (self->document) : NULL;
  GtkWidget *popover, *scrolled, *list;
  GdkRectangle badges;

  if (findings->len == 0 || plan == NULL ||
      !cx_map_view_get_step_badges_rect (self->map_view, step, &badges))
    return;

  if (self->findings_popover != NULL)
    gtk_popover_popdown (self->findings_popover);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Findings of this step"), -1);
  for (guint i = 0; i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = cx_finding_row_new ();

      cx_finding_row_set_finding (CX_FINDING_ROW (row), finding);
      cx_finding_row_set_fix (CX_FINDING_ROW (row), cx_finding_get_fix (plan, finding));
      g_signal_connect (row, "action", G_CALLBACK (on_popover_row_action), self);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_widget_set_size_request (scrolled, 320, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "cx-findings-popover");
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->map_view));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &badges);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_popover_closed), self, 0);
  self->findings_popover = GTK_POPOVER (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
_cx_window_findings_dispose (CxWindow *self)
{
  if (self->findings_popover != NULL)
    {
      GtkWidget *popover = GTK_WIDGET (self->findings_popover);

      self->findings_popover = NULL;
      g_signal_handlers_disconnect_by_data (popover, self);
      gtk_widget_unparent (popover);
    }
}
