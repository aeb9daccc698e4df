/* cx-window-edit.c — editing the plan from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo, redo and the edits of steps, failures, lanes and personas as
 * actions of the window's action map (win.insert-step …), so that menus,
 * shortcuts, the tests and scripts on the session bus all drive the same
 * code. Each edit goes through the document's history (cx-edit.h) and
 * leaves the user where they continue: a new step selected with its title
 * ready to type, a new failure's description focused.
 */

#define G_LOG_DOMAIN "cx-window-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-window-private.h"

static CxHistory *
history_of (CxWindow *self)
{
  return self->document != NULL ? cx_document_get_history (self->document) : NULL;
}

static CxStep *
selected_step (CxWindow *self)
{
  return self->document != NULL ? cx_map_view_get_selected_step (self->map_view) : NULL;
}

/* A toast that offers to undo what it tells */
static void
toast_with_undo (CxWindow   *self,
                 const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
report_refusal (CxWindow     *self,
                const GError *error)
{
  if (error != NULL)
    _cx_window_show_toast (self, error->message);
}

static const char *
step_name (CxStep *step)
{
  const char *title = cx_step_get_title (step);

  return title != NULL ? title : _("Untitled step");
}

/* Shows @step in the side panel's editor, its title ready to type */
static void
edit_step (CxWindow *self,
           CxStep   *step)
{
  cx_map_view_set_selected_step (self->map_view, step);
  _cx_window_show_step (self, TRUE);
  cx_step_panel_focus (self->step_panel, CX_STEP_PANEL_FIELD_TITLE, NULL);
}

/* ------------------------------------------------------------------ */
/* Undo and redo                                                       */

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  CxHistory *history = history_of (self);

  if (history == NULL)
    return;

  /* What is being typed ends here: it is what undo takes back */
  cx_history_break_merge (history);
  cx_history_undo (history);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  CxHistory *history = history_of (self);

  if (history != NULL)
    cx_history_redo (history);
}

/* ------------------------------------------------------------------ */
/* Steps                                                               */

static void
insert_step_at (CxWindow *self,
                CxPhase   phase,
                int       position)
{
  g_autoptr(GError) error = NULL;
  CxStep *step;

  step = cx_edit_insert_step (history_of (self), phase, position, NULL, &error);
  if (step == NULL)
    {
      report_refusal (self, error);
      return;
    }
  edit_step (self, step);
}

/* After the selected step; with none, into the phase chosen on the map
 * (an empty one shows a place for it), else at the end of the purchase */
static void
insert_step_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  CxStep *step = selected_step (self);
  CxPlan *plan;
  int phase;

  if (self->document == NULL)
    return;

  plan = cx_document_get_plan (self->document);
  if (step != NULL)
    {
      insert_step_at (self, cx_step_get_phase (step), cx_plan_get_step_index (plan, step) + 1);
      return;
    }

  phase = cx_map_view_get_selected_phase (self->map_view);
  insert_step_at (self, phase >= 0 ? (CxPhase) phase : CX_PHASE_DURING, -1);
}

static void
insert_step_in_phase_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  int phase;

  if (self->document == NULL)
    return;

  if (!cx_enum_from_nick (CX_TYPE_PHASE, g_variant_get_string (parameter, NULL), &phase))
    {
      g_warning ("No phase '%s'", g_variant_get_string (parameter, NULL));
      return;
    }
  insert_step_at (self, phase, -1);
}

static void
duplicate_step_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  CxStep *step = selected_step (self);
  CxStep *copy;

  if (step == NULL)
    return;

  copy = cx_edit_duplicate_step (history_of (self), step, &error);
  if (copy == NULL)
    report_refusal (self, error);
  else
    cx_map_view_set_selected_step (self->map_view, copy);
}

/* "with 2 failures and 3 references to it", or "" */
static char *
describe_what_goes (guint n_failures,
                    guint n_references)
{
  g_autofree char *failures = NULL;
  g_autofree char *references = NULL;

  failures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failure", "%u failures",
                                           n_failures), n_failures);
  references = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reference to it",
                                             "%u references to it", n_references),
                                n_references);
  if (n_failures > 0 && n_references > 0)
    /* Translators: what goes with a deleted step: "2 failures", "1 reference to it" */
    return g_strdup_printf (_(", with %s and %s"), failures, references);
  if (n_failures > 0)
    return g_strdup_printf (_(", with %s"), failures);
  if (n_references > 0)
    return g_strdup_printf (_(", with %s"), references);

  return g_strdup ("");
}

static void
delete_step_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *goes = NULL;
  g_autofree char *message = NULL;
  CxStep *step = selected_step (self);
  CxMapLayout *layout;
  CxPlan *plan;
  int index;

  if (step == NULL)
    return;

  plan = cx_document_get_plan (self->document);
  layout = cx_map_view_get_layout (self->map_view);
  index = cx_map_layout_get_step_index (layout, step);
  name = g_strdup (step_name (step));
  goes = describe_what_goes (cx_step_get_n_failures (step),
                             cx_edit_count_step_references (plan, step));

  if (!cx_edit_delete_step (history_of (self), step, &error))
    {
      report_refusal (self, error);
      return;
    }

  /* The neighbour takes the selection, as a list's does */
  layout = cx_map_view_get_layout (self->map_view);
  if (cx_map_layout_get_n_steps (layout) > 0)
    cx_map_view_set_selected_step (self->map_view,
                                   cx_map_layout_get_step (layout,
                                                           MIN ((guint) index,
                                                                cx_map_layout_get_n_steps (layout) - 1)));
  /* Translators: "“Call the store” deleted, with 1 failure" */
  message = g_strdup_printf (_("“%s” deleted%s"), name, goes);
  toast_with_undo (self, message);
}

static void
move_step (CxWindow *self,
           int       delta)
{
  g_autoptr(GError) error = NULL;
  CxStep *step = selected_step (self);

  if (step == NULL)
    return;

  if (!cx_edit_move_step_by (history_of (self), step, delta, &error))
    report_refusal (self, error);
  else
    cx_map_view_set_selected_step (self->map_view, step);
}

static void
move_step_left_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  move_step (CX_WINDOW (user_data), -1);
}

static void
move_step_right_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  move_step (CX_WINDOW (user_data), +1);
}

/* ------------------------------------------------------------------ */
/* Failures                                                            */

static void
add_failure_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  CxStep *step = selected_step (self);
  CxFailure *failure;

  if (step == NULL)
    return;

  failure = cx_edit_add_failure (history_of (self), step, NULL, &error);
  if (failure == NULL)
    {
      report_refusal (self, error);
      return;
    }
  _cx_window_show_step (self, TRUE);
  cx_step_panel_focus (self->step_panel, CX_STEP_PANEL_FIELD_FAILURE, failure);
}

static void
delete_failure_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *goes = NULL;
  g_autofree char *name = NULL;
  CxPlan *plan;
  GObject *object;
  const char *mode;

  if (self->document == NULL)
    return;

  plan = cx_document_get_plan (self->document);
  object = cx_plan_lookup_id (plan, g_variant_get_string (parameter, NULL));
  if (!CX_IS_FAILURE (object))
    return;

  mode = cx_failure_get_mode (CX_FAILURE (object));
  name = g_strdup (mode != NULL ? mode : _("Untitled failure"));
  goes = describe_what_goes (0, cx_edit_count_recovers_of (plan, CX_FAILURE (object)));
  if (!cx_edit_delete_failure (history_of (self), CX_FAILURE (object), &error))
    {
      report_refusal (self, error);
      return;
    }
  /* Translators: "Failure “Calls go to voicemail” deleted, with 1 reference to it" */
  message = g_strdup_printf (_("Failure “%s” deleted%s"), name, goes);
  toast_with_undo (self, message);
}

/* ------------------------------------------------------------------ */

static const GActionEntry edit_actions[] = {
  { "undo", undo_action },
  { "redo", redo_action },
  { "insert-step", insert_step_action },
  { "insert-step-in-phase", insert_step_in_phase_action, "s" },
  { "duplicate-step", duplicate_step_action },
  { "delete-step", delete_step_action },
  { "move-step-left", move_step_left_action },
  { "move-step-right", move_step_right_action },
  { "add-failure", add_failure_action },
  { "delete-failure", delete_failure_action, "s" },
};

void
_cx_window_edit_actions_init (CxWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_actions,
                                   G_N_ELEMENTS (edit_actions), self);
}

/**
 * _cx_window_edit_actions_update:
 * @self: a #CxWindow
 *
 * Enables the edits that make sense now: undo when there is something to
 * undo, the step's edits when a step is selected.
 */
void
_cx_window_edit_actions_update (CxWindow *self)
{
  CxHistory *history = history_of (self);
  gboolean have_plan = history != NULL;
  gboolean have_step = selected_step (self) != NULL;

  _cx_window_set_action_enabled (self, "undo",
                                 have_plan && cx_history_get_can_undo (history));
  _cx_window_set_action_enabled (self, "redo",
                                 have_plan && cx_history_get_can_redo (history));
  _cx_window_set_action_enabled (self, "insert-step", have_plan);
  _cx_window_set_action_enabled (self, "insert-step-in-phase", have_plan);
  _cx_window_set_action_enabled (self, "duplicate-step", have_step);
  _cx_window_set_action_enabled (self, "delete-step", have_step);
  _cx_window_set_action_enabled (self, "move-step-left", have_step);
  _cx_window_set_action_enabled (self, "move-step-right", have_step);
  _cx_window_set_action_enabled (self, "add-failure", have_step);
}

/* ------------------------------------------------------------------ */
/* Moving the keyboard between the window's regions (F6)               */

typedef enum
{
  REGION_MAP,
  REGION_SIDE_PANEL,
  REGION_HEADER,
  N_REGIONS
} Region;

static GtkWidget *
region_widget (CxWindow *self,
               Region    region)
{
  switch (region)
    {
    case REGION_MAP:
      return self->document != NULL ? GTK_WIDGET (self->map_view) : NULL;
    case REGION_SIDE_PANEL:
      if (self->document == NULL || !_cx_window_get_side_panel_revealed (self))
        return NULL;
      return gtk_stack_get_visible_child (self->side_stack);
    case REGION_HEADER:
      return self->header_bar;
    default:
      return NULL;
    }
}

static int
current_region (CxWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  for (Region region = 0; focus != NULL && region < N_REGIONS; region++)
    {
      GtkWidget *widget = region_widget (self, region);

      if (widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
        return region;
    }

  return -1;
}

static gboolean
focus_region (CxWindow *self,
              Region    region)
{
  GtkWidget *widget = region_widget (self, region);

  if (widget == NULL || !gtk_widget_get_mapped (widget))
    return FALSE;

  /* The map takes the keyboard itself; a panel or a bar, its first field */
  if (region == REGION_MAP)
    return gtk_widget_grab_focus (widget);
  return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
cycle_regions (CxWindow *self,
               int       delta)
{
  int region = current_region (self);

  for (int i = 1; i <= N_REGIONS; i++)
    {
      int next = ((region < 0 ? (delta > 0 ? -1 : 0) : region) + delta * i + N_REGIONS * 2) %
                 N_REGIONS;

      if (focus_region (self, next))
        return;
    }
}

static void
focus_next_region_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  cycle_regions (CX_WINDOW (user_data), +1);
}

static void
focus_previous_region_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  cycle_regions (CX_WINDOW (user_data), -1);
}

static void
focus_map_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  focus_region (CX_WINDOW (user_data), REGION_MAP);
}

static const GActionEntry region_actions[] = {
  { "focus-next-region", focus_next_region_action },
  { "focus-previous-region", focus_previous_region_action },
  { "focus-map", focus_map_action },
};

void
_cx_window_regions_init (CxWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), region_actions,
                                   G_N_ELEMENTS (region_actions), self);
}
