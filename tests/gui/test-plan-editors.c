/* test-plan-editors.c — the plan's own editors, through their widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plan Properties: the plan's title, author and description typed and
 * undone; every threshold and a check turned off, saved and read back; a
 * check of a newer version turned on again; lanes added, renamed, moved,
 * deleted and changed in kind, with undo bringing their cells back;
 * personas added, edited and deleted. The persona switcher is in
 * test-persona-switcher.c, New Plan in test-new-plan.c.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cx-check.h"
#include "cx-edit.h"
#include "cx-format.h"
#include "cx-gui-test.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef struct
{
  char *dir;
  char *path;
} TempPlan;

/* A copy of @contents in a folder of its own, to open and save */
static void
temp_plan_set_up (TempPlan   *temp,
                  const char *contents)
{
  g_autoptr(GError) error = NULL;

  temp->dir = g_dir_make_tmp ("cx-plan-editors-XXXXXX", &error);
  g_assert_no_error (error);
  temp->path = g_build_filename (temp->dir, "plan.cxplan", NULL);
  g_assert_true (g_file_set_contents (temp->path, contents, -1, &error));
}

static void
temp_plan_tear_down (TempPlan *temp)
{
  g_unlink (temp->path);
  g_rmdir (temp->dir);
  g_free (temp->path);
  g_free (temp->dir);
}

static char *
sample_contents (const char *name)
{
  g_autofree char *path = cx_gui_test_sample_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

static CxPlanProperties *
open_properties (CxWindow *window)
{
  CxPlanProperties *dialog;

  cx_gui_test_activate (window, "win.plan-properties", NULL);
  dialog = _cx_window_get_plan_properties (window, FALSE);
  g_assert_nonnull (dialog);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (dialog));
  cx_gui_test_settle ();

  return dialog;
}

static GtkWidget *
dialog_row (GtkWidget  *root,
            GType       type,
            const char *title)
{
  GtkWidget *row = cx_gui_test_find_row (root, type, title);

  if (row == NULL)
    g_error ("no row “%s”", title);

  return row;
}

/* Typing over what the field holds, as after choosing it all */
static void
retype (GtkWidget  *field,
        const char *text)
{
  gtk_editable_select_region (GTK_EDITABLE (field), 0, -1);
  gtk_editable_delete_selection (GTK_EDITABLE (field));
  cx_gui_test_type (GTK_EDITABLE (field), text);
  cx_gui_test_settle ();
}

static gboolean
focus_within (GtkWindow *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GBytes *
bytes_of (CxDocument *document)
{
  return cx_plan_to_bytes (cx_document_get_plan (document));
}

static void
assert_same_plan_at (GBytes     *expected,
                     CxPlan     *plan,
                     const char *where)
{
  g_autoptr(GBytes) now = cx_plan_to_bytes (plan);

  if (!g_bytes_equal (expected, now))
    {
      g_file_set_contents ("/tmp/cx-expected.cxplan", g_bytes_get_data (expected, NULL),
                           g_bytes_get_size (expected), NULL);
      g_file_set_contents ("/tmp/cx-now.cxplan", g_bytes_get_data (now, NULL),
                           g_bytes_get_size (now), NULL);
      g_error ("%s: the plan is not as expected", where);
    }
}

#define assert_same_plan(expected, plan) \
  assert_same_plan_at ((expected), (plan), G_STRLOC)

static guint
count_cells (CxPlan     *plan,
             const char *lane_id)
{
  guint n = 0;

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < cx_plan_get_n_steps (plan, phase); i++)
      n += cx_step_lookup_cell (cx_plan_get_step (plan, phase, i), lane_id) != NULL;

  return n;
}

static void
on_saved (CxWindow *window,
          gboolean  success,
          gpointer  user_data)
{
  *(int *) user_data = success ? 1 : 0;
}

static void
save_and_wait (CxWindow *window)
{
  int result = -1;

  _cx_window_save_document (window, NULL, CX_DOCUMENT_SAVE_DEFAULT, on_saved, &result);
  WAIT_FOR (result >= 0);
  g_assert_cmpint (result, ==, 1);
}

/* ------------------------------------------------------------------ */
/* General                                                             */

static void
test_general (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxHistory *history = cx_document_get_history (document);
  CxPlan *plan = cx_document_get_plan (document);
  g_autofree char *title = g_strdup (cx_plan_get_title (plan));
  g_autofree char *author = g_strdup (cx_plan_get_author (plan));
  g_autofree char *description = g_strdup (cx_plan_get_description (plan));
  g_autofree char *expected_title = g_strconcat (title, " (draft)", NULL);
  GtkTextBuffer *buffer;
  GtkWidget *title_row, *author_row, *view;
  CxPlanProperties *dialog;
  guint n_undo;

  dialog = open_properties (window);
  title_row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  author_row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Author");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (author_row)), ==, author);

  /* Typing is one step of undo, the field's */
  n_undo = cx_history_get_n_undo (history);
  gtk_widget_grab_focus (title_row);
  cx_gui_test_type (GTK_EDITABLE (title_row), " (draft)");
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_plan_get_title (plan), ==, expected_title);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, n_undo + 1);
  /* The window's title follows */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, expected_title);

  gtk_widget_grab_focus (author_row);
  retype (author_row, "Retail CX team");
  g_assert_cmpstr (cx_plan_get_author (plan), ==, "Retail CX team");
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, n_undo + 2);

  /* A control character is refused, the field says why, the plan keeps its text */
  cx_gui_test_type (GTK_EDITABLE (author_row), "\x01");
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_plan_get_author (plan), ==, "Retail CX team");
  g_assert_true (gtk_widget_has_css_class (author_row, "error"));
  retype (author_row, "Retail CX team");
  g_assert_false (gtk_widget_has_css_class (author_row, "error"));

  view = cx_gui_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Description");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (buffer, "Fourteen shirts by Sunday.", -1);
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_plan_get_description (plan), ==, "Fourteen shirts by Sunday.");

  /* Undo, from the dialog's own Ctrl+Z or the window's: the fields follow */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.undo", NULL));
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_plan_get_description (plan), ==, description);
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, description);
  }
  cx_gui_test_activate (window, "win.undo", NULL);
  g_assert_cmpstr (cx_plan_get_author (plan), ==, author);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (author_row)), ==, author);
  cx_gui_test_activate (window, "win.undo", NULL);
  g_assert_cmpstr (cx_plan_get_title (plan), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, n_undo);

  /* And redo */
  cx_gui_test_activate (window, "win.redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, expected_title);

  cx_gui_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */

static GtkWidget *
suffix_of (GtkWidget *row,
           GType      type)
{
  GtkWidget *widget = cx_gui_test_find_child (row, type);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_checks (void)
{
  g_autofree char *contents = sample_contents ("team-gear-store.cxplan");
  TempPlan temp;
  CxWindow *window;
  CxDocument *document;
  CxPlan *plan;
  CxPlanProperties *dialog;
  g_autoptr(CxPlan) reread = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  int values[CX_N_THRESHOLDS];

  temp_plan_set_up (&temp, contents);
  window = cx_gui_test_new_window ();
  document = cx_gui_test_open_and_wait (window, temp.path, CX_DOCUMENT_LOAD_DEFAULT);
  plan = cx_document_get_plan (document);
  dialog = open_properties (window);

  /* Every threshold, with what it controls and its default, set to a value
   * other than the plan's within its range */
  for (CxThresholdId id = 0; id < CX_N_THRESHOLDS; id++)
    {
      const CxThresholdInfo *info = cx_threshold_info (id);
      g_autofree char *default_text = g_strdup_printf ("Default: %d", info->default_value);
      GtkWidget *spin;
      GtkWidget *row = NULL;
      double min, max;

      /* The rows of the thresholds' group, in the order of the format's table */
      {
        GtkWidget *group = gtk_widget_get_ancestor (
          cx_gui_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON),
          ADW_TYPE_PREFERENCES_GROUP);
        guint index = 0;

        for (GtkWidget *r = cx_gui_test_find_child (group, ADW_TYPE_ACTION_ROW); r != NULL;
             r = gtk_widget_get_next_sibling (r))
          if (ADW_IS_ACTION_ROW (r) && index++ == (guint) id)
            row = r;
      }
      g_assert_nonnull (row);
      spin = suffix_of (row, GTK_TYPE_SPIN_BUTTON);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), default_text));
      gtk_spin_button_get_range (GTK_SPIN_BUTTON (spin), &min, &max);
      g_assert_cmpint ((int) min, ==, info->min);
      g_assert_cmpint ((int) max, ==, info->max);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==,
                       cx_plan_get_threshold (plan, info->name));

      values[id] = cx_plan_get_threshold (plan, info->name) == info->max ? info->min : info->max;
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), values[id]);
      cx_gui_test_settle ();
      g_assert_cmpint (cx_plan_get_threshold (plan, info->name), ==, values[id]);
    }

  /* Every check has a row and a switch; CX005 turned off is not run */
  for (CxCheckId check = 0; check < CX_N_CHECKS; check++)
    {
      const CxCheckInfo *info = cx_check_info (check);
      g_autofree char *title = g_strdup_printf ("%s %s", info->id, info->name);
      GtkWidget *row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, title);
      GtkWidget *widget = suffix_of (row, GTK_TYPE_SWITCH);
      g_autofree char *label = g_strdup_printf ("Run %s", title);
      CxCheckExplanation explanation;

      g_assert_true (gtk_switch_get_active (GTK_SWITCH (widget)));
      gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      /* Its severity, and the one sentence `cxplan-tool explain` says too */
      cx_check_explain (check, &explanation);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                explanation.summary));
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                       info->severity == CX_SEVERITY_ERROR ? "Error"
                                       : info->severity == CX_SEVERITY_WARNING ? "Warning"
                                       : "Info"));
      if (check == CX_CHECK_UNOWNED_STEP)
        {
          gtk_switch_set_active (GTK_SWITCH (widget), FALSE);
          cx_gui_test_settle ();
        }
    }
  g_assert_true (cx_plan_is_check_disabled (plan, "CX005"));
  findings = cx_check_plan (plan);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpint (((CxFinding *) g_ptr_array_index (findings, i))->check, !=,
                     CX_CHECK_UNOWNED_STEP);

  /* Saved, and read back as set */
  save_and_wait (window);
  reread = cx_gui_test_read_plan (temp.path);
  for (CxThresholdId id = 0; id < CX_N_THRESHOLDS; id++)
    g_assert_cmpint (cx_plan_get_threshold (reread, cx_threshold_info (id)->name), ==,
                     values[id]);
  g_assert_true (cx_plan_is_check_disabled (reread, "CX005"));
  g_assert_cmpuint (cx_plan_get_n_disabled_checks (reread), ==, 1);
  g_assert_true (cx_plan_equal (plan, reread));

  cx_gui_test_destroy_window (window);
  temp_plan_tear_down (&temp);
}

/* A check this version does not know, that the file turns off: listed, so
 * that it can be turned on again, and back with undo */
static void
test_unknown_check (void)
{
  g_autofree char *contents = sample_contents ("team-gear-store.cxplan");
  g_autofree char *with_settings = NULL;
  const char *after_settings;
  TempPlan temp;
  CxWindow *window;
  CxDocument *document;
  CxPlan *plan;
  CxPlanProperties *dialog;
  GtkWidget *row, *widget, *group;

  /* A disable goes before the accepts of the plan's settings, which the
   * sample has */
  after_settings = strstr (contents, "<settings>");
  g_assert_nonnull (after_settings);
  after_settings += strlen ("<settings>");
  with_settings = g_strdup_printf ("%.*s\n    <disable check=\"CX099\"/>%s",
                                   (int) (after_settings - contents), contents, after_settings);
  temp_plan_set_up (&temp, with_settings);
  window = cx_gui_test_new_window ();
  document = cx_gui_test_open_and_wait (window, temp.path, CX_DOCUMENT_LOAD_DEFAULT);
  plan = cx_document_get_plan (document);
  g_assert_true (cx_plan_is_check_disabled (plan, "CX099"));
  dialog = open_properties (window);

  row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "CX099");
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_get_visible (group));
  widget = suffix_of (row, GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget)));

  gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
  cx_gui_test_settle ();
  g_assert_false (cx_plan_is_check_disabled (plan, "CX099"));
  g_assert_null (cx_gui_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "CX099"));
  g_assert_false (gtk_widget_get_visible (group));

  cx_gui_test_activate (window, "win.undo", NULL);
  g_assert_true (cx_plan_is_check_disabled (plan, "CX099"));
  row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "CX099");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (suffix_of (row, GTK_TYPE_SWITCH))));

  cx_gui_test_destroy_window (window);
  temp_plan_tear_down (&temp);
}

/* ------------------------------------------------------------------ */
/* Lanes                                                               */

static GtkWidget *
lane_row (CxPlanProperties *dialog,
          CxLane           *lane)
{
  return dialog_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, cx_lane_get_name (lane));
}

static GtkListBox *
lanes_list (CxPlanProperties *dialog,
            CxPlan           *plan)
{
  return GTK_LIST_BOX (gtk_widget_get_ancestor (lane_row (dialog, cx_plan_get_lane (plan, 0)),
                                                GTK_TYPE_LIST_BOX));
}

/* The list shows the plan's lanes in the plan's order */
static void
assert_lane_rows (CxPlanProperties *dialog,
                  CxPlan           *plan)
{
  GtkListBox *list = lanes_list (dialog, plan);

  for (guint i = 0; i < cx_plan_get_n_lanes (plan); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       cx_lane_get_name (cx_plan_get_lane (plan, i)));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, cx_plan_get_n_lanes (plan)));
}

static gboolean
menu_offers (GMenuModel *menu,
             const char *kind)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, "target",
                                                                          G_VARIANT_TYPE_STRING);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), kind))
        return TRUE;
    }

  return FALSE;
}

static gboolean
combo_offers (AdwComboRow *row,
              const char  *name,
              guint       *position)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

static void
test_lanes (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxPlan *plan = cx_document_get_plan (document);
  g_autoptr(GBytes) original = bytes_of (document);
  g_autoptr(GBytes) with_lane = NULL;
  GtkWidget *row, *name, *kind_row, *menu_button;
  CxPlanProperties *dialog;
  CxLane *lane, *actions;
  guint n_lanes = cx_plan_get_n_lanes (plan);
  guint n_cells, position;
  GValue value = G_VALUE_INIT;

  /* Shift+Ctrl+L: a Notes lane at the bottom, its name chosen to type over */
  cx_gui_test_activate (window, "win.add-lane", NULL);
  dialog = _cx_window_get_plan_properties (window, FALSE);
  g_assert_nonnull (dialog);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (dialog));
  g_assert_cmpuint (cx_plan_get_n_lanes (plan), ==, n_lanes + 1);
  lane = cx_plan_get_lane (plan, n_lanes);
  g_assert_cmpint (cx_lane_get_kind (lane), ==, CX_LANE_KIND_NOTES);
  g_assert_cmpstr (cx_lane_get_name (lane), ==, "Notes");
  g_assert_cmpstr (adw_preferences_page_get_name (
                     adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (dialog))),
                   ==, "lanes");
  row = lane_row (dialog, lane);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  name = dialog_row (row, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_true (focus_within (GTK_WINDOW (dialog), name));
  assert_lane_rows (dialog, plan);

  /* Renamed as the user types */
  retype (name, "Questions");
  g_assert_cmpstr (cx_lane_get_name (lane), ==, "Questions");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Questions");
  with_lane = bytes_of (document);

  /* Moved up by its arrow, and keeps the keyboard */
  gtk_widget_grab_focus (cx_gui_test_find_button (row, NULL, "Move Up (Alt+Up)"));
  cx_gui_test_click (cx_gui_test_find_button (row, NULL, "Move Up (Alt+Up)"));
  g_assert_cmpint (cx_plan_get_lane_index (plan, lane), ==, n_lanes - 1);
  assert_lane_rows (dialog, plan);
  g_assert_true (focus_within (GTK_WINDOW (dialog), row));
  g_assert_true (gtk_widget_is_sensitive (cx_gui_test_find_button (row, NULL, "Move Down (Alt+Down)")));

  /* Dropped on the first lane: in its place */
  actions = cx_plan_get_lane (plan, 0);
  g_value_init (&value, CX_TYPE_LANE);
  g_value_set_object (&value, lane);
  {
    GtkWidget *first = lane_row (dialog, actions);
    GListModel *controllers = gtk_widget_observe_controllers (first);
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
      }
    g_object_unref (controllers);
    g_assert_true (dropped);
  }
  g_value_unset (&value);
  cx_gui_test_settle ();
  g_assert_cmpint (cx_plan_get_lane_index (plan, lane), ==, 0);
  g_assert_cmpint (cx_plan_get_lane_index (plan, actions), ==, 1);
  assert_lane_rows (dialog, plan);
  g_assert_false (gtk_widget_is_sensitive (cx_gui_test_find_button (row, NULL, "Move Up (Alt+Up)")));

  /* Two undos: where it was */
  cx_gui_test_activate (window, "win.undo", NULL);
  cx_gui_test_activate (window, "win.undo", NULL);
  assert_same_plan (with_lane, plan);
  assert_lane_rows (dialog, plan);

  /* Deleting a lane with text takes its cells, and undo brings them back */
  n_cells = count_cells (plan, cx_lane_get_id (actions));
  g_assert_cmpuint (n_cells, >, 0);
  row = lane_row (dialog, actions);
  cx_gui_test_click (cx_gui_test_find_button (row, "_Delete", NULL));
  g_assert_cmpint (cx_plan_get_lane_index (plan, actions), ==, -1);
  g_assert_cmpuint (count_cells (plan, "actions"), ==, 0);
  assert_lane_rows (dialog, plan);
  cx_gui_test_activate (window, "win.undo", NULL);
  assert_same_plan (with_lane, plan);
  assert_lane_rows (dialog, plan);
  g_assert_cmpuint (count_cells (plan, "actions"), ==, n_cells);

  /* The same by the window's action, as a script would */
  cx_gui_test_activate (window, "win.delete-lane", g_variant_new_string ("actions"));
  g_assert_null (cx_plan_lookup_id (plan, "actions"));
  cx_gui_test_activate (window, "win.undo", NULL);
  assert_same_plan (with_lane, plan);

  /* The plan has its emotion and expectation lanes: no second is offered */
  menu_button = cx_gui_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  g_assert_false (menu_offers (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                               "emotion"));
  g_assert_false (menu_offers (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                               "expectation"));
  g_assert_true (menu_offers (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                              "ideas"));
  row = lane_row (dialog, cx_plan_get_lane (plan, 0));
  kind_row = dialog_row (row, ADW_TYPE_COMBO_ROW, "Kind");
  g_assert_false (combo_offers (ADW_COMBO_ROW (kind_row), "Emotion", NULL));
  g_assert_false (combo_offers (ADW_COMBO_ROW (kind_row), "Expected vs delivered", NULL));
  g_assert_true (combo_offers (ADW_COMBO_ROW (kind_row), "Ideas", NULL));

  /* Without its emotion lane, the plan is offered one, in the menu and as
   * a kind; a lane with text made the emotion lane asks first, then takes
   * its cells with it */
  cx_gui_test_activate (window, "win.delete-lane", g_variant_new_string ("emotion"));
  g_assert_true (menu_offers (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                              "emotion"));
  row = lane_row (dialog, actions);
  kind_row = dialog_row (row, ADW_TYPE_COMBO_ROW, "Kind");
  g_assert_true (combo_offers (ADW_COMBO_ROW (kind_row), "Emotion", &position));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), position);
  cx_gui_test_settle ();
  {
    AdwMessageDialog *question = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
            gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (dialog))
          question = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (question);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "cells"));
    /* Not yet changed */
    g_assert_cmpint (cx_lane_get_kind (actions), ==, CX_LANE_KIND_ACTIONS);
    cx_gui_test_respond (question, "change");
  }
  cx_gui_test_settle ();
  g_assert_cmpint (cx_lane_get_kind (actions), ==, CX_LANE_KIND_EMOTION);
  g_assert_cmpuint (count_cells (plan, "actions"), ==, 0);
  g_assert_false (menu_offers (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                               "emotion"));
  cx_gui_test_activate (window, "win.undo", NULL);
  g_assert_cmpint (cx_lane_get_kind (actions), ==, CX_LANE_KIND_ACTIONS);
  g_assert_cmpuint (count_cells (plan, "actions"), ==, n_cells);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), !=, position);
  cx_gui_test_activate (window, "win.undo", NULL);
  assert_same_plan (with_lane, plan);

  /* Back to the plan as opened: the name typed, then the lane added */
  cx_gui_test_activate (window, "win.undo", NULL);
  g_assert_cmpstr (cx_lane_get_name (lane), ==, "Notes");
  cx_gui_test_activate (window, "win.undo", NULL);
  assert_same_plan (original, plan);
  assert_lane_rows (dialog, plan);

  cx_gui_test_destroy_window (window);
}

/* What the toasts say of what goes with a deletion */
static void
test_deletion_words (void)
{
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(CxHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *said = NULL;
  g_autofree char *expected = NULL;
  guint n_cells, n_steps;
  CxLane *lane;
  CxPersona *persona;

  plan = cx_gui_test_read_plan (path);
  history = cx_history_new (plan);
  lane = CX_LANE (cx_plan_lookup_id (plan, "actions"));
  n_cells = cx_edit_count_lane_cells (plan, lane);
  expected = g_strdup_printf ("Lane “Customer actions” deleted, with %u cells", n_cells);
  said = cx_plan_delete_lane_and_say (history, lane, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (said, ==, expected);
  g_clear_pointer (&said, g_free);

  persona = CX_PERSONA (cx_plan_lookup_id (plan, "coach"));
  n_steps = cx_edit_count_persona_steps (plan, persona);
  g_assert_cmpuint (n_steps, >, 1);
  said = cx_plan_delete_persona_and_say (history, persona, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (said, "deleted: its "));
  g_assert_nonnull (strstr (said, " steps are now every persona’s"));
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 2);
}

/* ------------------------------------------------------------------ */
/* Personas                                                            */

static void
test_personas (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxPlan *plan = cx_document_get_plan (document);
  g_autoptr(GBytes) original = bytes_of (document);
  CxPlanProperties *dialog;
  CxPersona *persona, *coach;
  GtkWidget *row, *name, *mood;
  guint n = cx_plan_get_n_personas (plan);
  g_autoptr(GPtrArray) coach_steps = g_ptr_array_new ();

  cx_gui_test_activate (window, "win.add-persona", NULL);
  dialog = _cx_window_get_plan_properties (window, FALSE);
  g_assert_nonnull (dialog);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (dialog));
  g_assert_cmpuint (cx_plan_get_n_personas (plan), ==, n + 1);
  persona = cx_plan_get_persona (plan, n);
  g_assert_cmpstr (adw_preferences_page_get_name (
                     adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (dialog))),
                   ==, "personas");
  row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Untitled persona");
  name = dialog_row (row, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_true (focus_within (GTK_WINDOW (dialog), name));

  /* Name, description and the mood they arrive in */
  cx_gui_test_type (GTK_EDITABLE (name), "Fan in a hurry");
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_persona_get_name (persona), ==, "Fan in a hurry");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Fan in a hurry");
  cx_gui_test_type (GTK_EDITABLE (dialog_row (row, ADW_TYPE_ENTRY_ROW, "Description")),
                    "Needs gear before Sunday");
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_persona_get_description (persona), ==, "Needs gear before Sunday");
  mood = dialog_row (row, ADW_TYPE_COMBO_ROW, "Arriving Mood");
  g_assert_false (cx_persona_get_has_mood (persona));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (mood)), ==, 0);
  /* "Not set", then −3 … +3: the second is −3 */
  adw_combo_row_set_selected (ADW_COMBO_ROW (mood), 2);
  cx_gui_test_settle ();
  g_assert_true (cx_persona_get_has_mood (persona));
  g_assert_cmpint (cx_persona_get_mood (persona), ==, -2);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Arrives −2 · Frustrated");
  adw_combo_row_set_selected (ADW_COMBO_ROW (mood), 0);
  cx_gui_test_settle ();
  g_assert_false (cx_persona_get_has_mood (persona));

  /* Moved to the top */
  cx_gui_test_click (cx_gui_test_find_button (row, NULL, "Move Up (Alt+Up)"));
  cx_gui_test_click (cx_gui_test_find_button (row, NULL, "Move Up (Alt+Up)"));
  g_assert_cmpint (cx_plan_get_persona_index (plan, persona), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (cx_gui_test_find_button (row, NULL, "Move Up (Alt+Up)")));

  /* Deleting a persona in use: its steps become every persona's */
  coach = CX_PERSONA (cx_plan_lookup_id (plan, "coach"));
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < cx_plan_get_n_steps (plan, phase); i++)
      if (g_strcmp0 (cx_step_get_persona (cx_plan_get_step (plan, phase, i)), "coach") == 0)
        g_ptr_array_add (coach_steps, cx_plan_get_step (plan, phase, i));
  g_assert_cmpuint (coach_steps->len, >, 0);
  row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, cx_persona_get_name (coach));
  cx_gui_test_click (cx_gui_test_find_button (row, "_Delete", NULL));
  g_assert_null (cx_plan_lookup_id (plan, "coach"));
  for (guint i = 0; i < coach_steps->len; i++)
    g_assert_null (cx_step_get_persona (g_ptr_array_index (coach_steps, i)));

  /* Undo gives it back, its steps its own again */
  cx_gui_test_activate (window, "win.undo", NULL);
  g_assert_true (cx_plan_lookup_id (plan, "coach") == G_OBJECT (coach));
  for (guint i = 0; i < coach_steps->len; i++)
    g_assert_cmpstr (cx_step_get_persona (g_ptr_array_index (coach_steps, i)), ==, "coach");
  g_assert_nonnull (cx_gui_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                          cx_persona_get_name (coach)));

  /* Every edit undone: the plan as opened, the list without the new one */
  while (cx_history_get_can_undo (cx_document_get_history (document)))
    cx_gui_test_activate (window, "win.undo", NULL);
  assert_same_plan (original, plan);
  g_assert_null (cx_gui_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                       "Fan in a hurry"));

  cx_gui_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */

static void
test_accessible_names (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxPlanProperties *dialog;
  GtkWidget *row, *spin;

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  dialog = open_properties (window);

  /* A threshold's spin button is named by its row, and says what it does */
  row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Risk priority number");
  spin = suffix_of (row, GTK_TYPE_SPIN_BUTTON);
  gtk_test_accessible_assert_property (spin, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Risk priority number");
  gtk_test_accessible_assert_property (spin, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  /* A lane's buttons say what they do */
  row = dialog_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Customer actions");
  gtk_test_accessible_assert_property (cx_gui_test_find_button (row, NULL, "Move Up (Alt+Up)"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Move Up");
  gtk_test_accessible_assert_property (cx_gui_test_find_button (row, "_Delete", NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Delete Lane");
  gtk_test_accessible_assert_property (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Lanes");

  cx_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/plan-editors/general", test_general);
  g_test_add_func ("/plan-editors/checks", test_checks);
  g_test_add_func ("/plan-editors/unknown-check", test_unknown_check);
  g_test_add_func ("/plan-editors/lanes", test_lanes);
  g_test_add_func ("/plan-editors/deletion-words", test_deletion_words);
  g_test_add_func ("/plan-editors/personas", test_personas);
  g_test_add_func ("/plan-editors/accessible-names", test_accessible_names);

  return cx_gui_test_run ();
}
