/* test-editing.c — building a plan in the window, through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A user starts from a blank plan, adds a step and types its title, sets
 * what is expected and delivered, adds a failure and a recovery step that
 * answers it; undo takes it all back, redo brings it again, and the file
 * saved is the plan the same edits make through the core API. Then the
 * map's own editor, deleting and moving, and the editor's place.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cx-edit.h"
#include "cx-gui-test.h"
#include "cx-search.h"

static char *
blank_copy (char **dir)
{
  g_autofree char *blank = g_build_filename (CX_SOURCE_DATADIR, "templates", "blank.cxplan",
                                             NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  *dir = g_dir_make_tmp ("cx-editing-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "plan.cxplan", NULL);
  g_assert_true (g_file_get_contents (blank, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (path, contents, -1, &error));

  return path;
}

static void
remove_dir (const char *dir,
            const char *path)
{
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
panel_row (CxWindow   *window,
           GType       type,
           const char *title)
{
  GtkWidget *row = cx_gui_test_find_row (GTK_WIDGET (window->step_panel), type, title);

  if (row == NULL)
    g_error ("no row “%s” in the step panel", title);

  return row;
}

static GtkEditable *
focused_editable (CxWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_EDITABLE (focus));

  return GTK_EDITABLE (focus);
}

static void
activate (CxWindow   *window,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  cx_gui_test_settle ();
}

/* The edits the test makes in the window, made through the core API */
static CxPlan *
expected_plan (const char *path)
{
  CxPlan *plan = cx_gui_test_read_plan (path);
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GError) error = NULL;
  const char *answers[] = { "failure", NULL };
  CxStep *step, *recovery;
  CxFailure *failure;

  step = cx_edit_insert_step (history, CX_PHASE_DURING, -1, "Call the store", &error);
  cx_edit_set_expected (history, step, 4, "Someone answers", 0, &error);
  cx_edit_set_delivered (history, step, 2, NULL, 0, &error);
  cx_edit_set_emotion (history, step, TRUE, -2, NULL, 0, &error);
  failure = cx_edit_add_failure (history, step, "Calls go to voicemail", &error);
  cx_edit_set_int (history, failure, "severity", 8, &error);
  recovery = cx_edit_insert_step (history, CX_PHASE_RECOVERY, -1, "Call back within the hour",
                                  &error);
  cx_edit_set_recovers (history, recovery, answers, &error);
  g_assert_no_error (error);

  return plan;
}

static void
test_build_plan (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = blank_copy (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CxPlan) expected = expected_plan (path);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) now = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  CxHistory *history = cx_document_get_history (document);
  CxPlan *plan = cx_document_get_plan (document);
  CxStep *step;
  GtkWidget *row, *button, *list, *search;

  original = cx_plan_to_bytes (plan);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));

  /* Insert a step: it is selected, and its title takes the keyboard */
  activate (window, "win.insert-step", NULL);
  step = cx_map_view_get_selected_step (window->map_view);
  g_assert_nonnull (step);
  g_assert_cmpint (cx_step_get_phase (step), ==, CX_PHASE_DURING);
  g_assert_true (cx_gui_test_has_focus_within (window, panel_row (window, ADW_TYPE_ENTRY_ROW,
                                                                  "Title")));
  cx_gui_test_type (focused_editable (window), "Call the store");
  g_assert_cmpstr (cx_step_get_title (step), ==, "Call the store");
  /* The step inserted, and its title typed: two steps of undo */
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 2);

  /* Levels by name, and the text beside one */
  row = panel_row (window, ADW_TYPE_COMBO_ROW, "Expected");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 4);
  row = panel_row (window, ADW_TYPE_ENTRY_ROW, "What they expect, in words");
  g_assert_true (gtk_widget_get_sensitive (row));
  cx_gui_test_type (GTK_EDITABLE (row), "Someone answers");
  adw_combo_row_set_selected (ADW_COMBO_ROW (panel_row (window, ADW_TYPE_COMBO_ROW, "Delivered")),
                              2);
  /* −2, frustrated: the third choice after "not set" and −3 */
  adw_combo_row_set_selected (ADW_COMBO_ROW (panel_row (window, ADW_TYPE_COMBO_ROW, "Emotion")),
                              2);
  g_assert_cmpint (cx_step_get_expected_level (step), ==, 4);
  g_assert_cmpstr (cx_step_get_expected_text (step), ==, "Someone answers");
  g_assert_cmpint (cx_step_get_delivered_level (step), ==, 2);
  g_assert_cmpint (cx_step_get_emotion (step), ==, -2);

  /* A failure: its description takes the keyboard */
  activate (window, "win.add-failure", NULL);
  g_assert_cmpuint (cx_step_get_n_failures (step), ==, 1);
  cx_gui_test_type (focused_editable (window), "Calls go to voicemail");
  row = panel_row (window, ADW_TYPE_ACTION_ROW, "Severity");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cx_gui_test_find_child (row, GTK_TYPE_SPIN_BUTTON)),
                             8);
  g_assert_cmpint (cx_failure_get_rpn (cx_step_get_failure (step, 0)), ==, 8 * 5 * 5);

  /* A recovery step that answers it, chosen by name */
  activate (window, "win.insert-step-in-phase", g_variant_new_string ("recovery"));
  cx_gui_test_type (focused_editable (window), "Call back within the hour");
  button = cx_gui_test_find_child (GTK_WIDGET (window->step_panel), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  /* The search in the button's popover finds it by what it says (the
   * popover itself is not shown: Xvfb without a window manager places no
   * popup in the tests' windows) */
  search = cx_gui_test_find_child (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                   GTK_TYPE_SEARCH_ENTRY);
  list = cx_gui_test_find_child (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                 GTK_TYPE_LIST_BOX);
  gtk_editable_set_text (GTK_EDITABLE (search), "voicemail");
  WAIT_FOR (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) != NULL);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list),
                                                                                0));
  cx_gui_test_settle ();
  g_assert_true (cx_plan_equal (plan, expected));

  /* The checks follow the edits: the failure is answered, no CX003 */
  cx_document_check_now (document);
  for (guint i = 0; i < cx_document_get_findings (document)->len; i++)
    g_assert_cmpint (((CxFinding *) g_ptr_array_index (cx_document_get_findings (document), i))->check,
                     !=, CX_CHECK_UNRECOVERED_FAILURE);

  /* Everything undone is the blank plan again, byte for byte */
  while (cx_history_get_can_undo (history))
    activate (window, "win.undo", NULL);
  now = cx_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (now, original));
  g_assert_false (cx_document_get_modified (document));

  /* Redone, it is the plan made again */
  while (cx_history_get_can_redo (history))
    activate (window, "win.redo", NULL);
  g_assert_true (cx_plan_equal (plan, expected));
  g_assert_true (cx_document_get_modified (document));

  /* Saved, the file holds it */
  activate (window, "win.save", NULL);
  WAIT_FOR (!cx_document_get_modified (document));
  cx_gui_test_assert_file_holds (file, expected);

  cx_gui_test_destroy_window (window);
  remove_dir (dir, path);
}

/* The map's own editor: Enter commits, leaving commits, a title too */
static void
test_edit_in_place (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxPlan *plan = cx_document_get_plan (document);
  CxStep *step = cx_plan_get_step (plan, CX_PHASE_DURING, 0);
  CxLane *lane = cx_plan_get_lane (plan, 0);
  CxLane *emotion = cx_plan_lookup_lane_kind (plan, CX_LANE_KIND_EMOTION);
  GtkWidget *editor;

  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));
  cx_map_view_set_selected_step (window->map_view, step);
  cx_map_view_set_cursor_lane (window->map_view, lane);

  /* Enter on the cell: an editor in its place, with its text */
  g_assert_true (cx_map_view_edit_cursor (window->map_view));
  editor = cx_map_view_get_editor (window->map_view);
  g_assert_nonnull (editor);
  g_assert_true (cx_gui_test_has_focus_within (window, editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==,
                   cx_step_lookup_cell (step, cx_lane_get_id (lane)));
  /* Shown over its cell once the map is laid out again */
  WAIT_FOR (gtk_widget_get_mapped (editor) && gtk_widget_get_width (editor) >= 160);

  gtk_editable_set_text (GTK_EDITABLE (editor), "Walks in and asks for the kit");
  g_signal_emit_by_name (editor, "activate");
  g_assert_null (cx_map_view_get_editor (window->map_view));
  g_assert_cmpstr (cx_step_lookup_cell (step, cx_lane_get_id (lane)), ==,
                   "Walks in and asks for the kit");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->map_view)));

  /* Leaving the editor keeps what was typed; an empty cell goes */
  g_assert_true (cx_map_view_edit_cursor (window->map_view));
  editor = cx_map_view_get_editor (window->map_view);
  gtk_editable_set_text (GTK_EDITABLE (editor), "");
  gtk_widget_grab_focus (GTK_WIDGET (window->findings_button));
  cx_gui_test_settle ();
  g_assert_null (cx_map_view_get_editor (window->map_view));
  g_assert_null (cx_step_lookup_cell (step, cx_lane_get_id (lane)));

  /* Undo brings the text back */
  activate (window, "win.undo", NULL);
  g_assert_cmpstr (cx_step_lookup_cell (step, cx_lane_get_id (lane)), ==,
                   "Walks in and asks for the kit");

  /* The step's header is its title */
  cx_map_view_set_cursor_lane (window->map_view, NULL);
  g_assert_true (cx_map_view_edit_cursor (window->map_view));
  editor = cx_map_view_get_editor (window->map_view);
  gtk_editable_set_text (GTK_EDITABLE (editor), "Greeted at the door");
  g_signal_emit_by_name (editor, "activate");
  g_assert_cmpstr (cx_step_get_title (step), ==, "Greeted at the door");
  /* The panel shows it too */
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_step_panel_get_shown_title (window->step_panel), ==, "Greeted at the door");

  /* The emotion lane holds no text: no editor there */
  cx_map_view_set_cursor_lane (window->map_view, emotion);
  g_assert_false (cx_map_view_edit_cursor (window->map_view));

  while (cx_history_get_can_undo (cx_document_get_history (document)))
    activate (window, "win.undo", NULL);
  cx_gui_test_destroy_window (window);
}

/* Delete, duplicate and move, with their undo */
static void
test_delete_move (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxPlan *plan = cx_document_get_plan (document);
  CxHistory *history = cx_document_get_history (document);
  g_autoptr(GBytes) before = cx_plan_to_bytes (plan);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CxStep) first = g_object_ref (cx_plan_get_step (plan, CX_PHASE_DURING, 0));
  guint n_during = cx_plan_get_n_steps (plan, CX_PHASE_DURING);
  guint n_before = cx_plan_get_n_steps (plan, CX_PHASE_BEFORE);
  CxStep *copy;

  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));
  cx_map_view_set_selected_step (window->map_view, first);

  /* Duplicate: the copy follows it and is selected */
  activate (window, "win.duplicate-step", NULL);
  copy = cx_map_view_get_selected_step (window->map_view);
  g_assert_true (copy != first);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_DURING, 1) == copy);
  g_assert_cmpstr (cx_step_get_title (copy), ==, cx_step_get_title (first));

  /* Move left: the first step of a phase goes to the end of the one before */
  cx_map_view_set_selected_step (window->map_view, first);
  activate (window, "win.move-step-left", NULL);
  g_assert_cmpint (cx_step_get_phase (first), ==, CX_PHASE_BEFORE);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_BEFORE, n_before) == first);
  g_assert_true (cx_map_view_get_selected_step (window->map_view) == first);
  activate (window, "win.move-step-right", NULL);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_DURING, 0) == first);

  /* Delete: the neighbour is selected, undo brings the step back */
  activate (window, "win.delete-step", NULL);
  g_assert_null (cx_step_get_plan (first));
  g_assert_true (cx_map_view_get_selected_step (window->map_view) == copy);
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_DURING), ==, n_during);

  while (cx_history_get_can_undo (history))
    activate (window, "win.undo", NULL);
  after = cx_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (cx_step_get_plan (first) == plan);

  cx_gui_test_destroy_window (window);
}

/* The editor starts at its top for every step; its fields follow undo */
static void
test_panel_follows (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxPlan *plan = cx_document_get_plan (document);
  CxStep *a = cx_plan_get_step (plan, CX_PHASE_DURING, 0);
  CxStep *b = cx_plan_get_step (plan, CX_PHASE_DURING, 1);
  g_autofree char *title = g_strdup (cx_step_get_title (a));
  GtkScrolledWindow *scrolled;
  GtkAdjustment *vadjustment;
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 500);
  cx_map_view_set_selected_step (window->map_view, a);
  _cx_window_show_step (window, TRUE);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->step_panel));
  scrolled = GTK_SCROLLED_WINDOW (cx_gui_test_find_child (GTK_WIDGET (window->step_panel),
                                                          GTK_TYPE_SCROLLED_WINDOW));
  vadjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  WAIT_FOR (gtk_adjustment_get_upper (vadjustment) > gtk_adjustment_get_page_size (vadjustment));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  cx_map_view_set_selected_step (window->map_view, b);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  /* Typed in the panel, undone: the field shows the title again */
  cx_map_view_set_selected_step (window->map_view, a);
  row = panel_row (window, ADW_TYPE_ENTRY_ROW, "Title");
  cx_gui_test_type (GTK_EDITABLE (row), " today");
  activate (window, "win.undo", NULL);
  g_assert_cmpstr (cx_step_get_title (a), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, title);

  cx_gui_test_destroy_window (window);
}

static guint n_findings_changes;

static void
on_findings_changed (CxDocument *document)
{
  n_findings_changes++;
}

/* Findings follow every edit; the list keeps the finding chosen */
static void
test_findings_follow (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxPlan *plan = cx_document_get_plan (document);
  GtkListView *list_view;
  GtkSingleSelection *selection;
  g_autoptr(GObject) chosen = NULL;
  CxStep *unowned = NULL;
  guint n_before, position = 0;

  _cx_window_show_findings (window);
  cx_gui_test_settle ();
  list_view = cx_gui_test_findings_list (window);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view));
  n_before = cx_document_get_findings (document)->len;
  g_assert_cmpuint (n_before, >, 4);

  /* The last step with no owner: its CX005 is late in the list */
  for (guint i = 0; i < cx_plan_get_n_steps (plan, CX_PHASE_AFTER); i++)
    if (cx_step_get_owner (cx_plan_get_step (plan, CX_PHASE_AFTER, i)) == NULL)
      unowned = cx_plan_get_step (plan, CX_PHASE_AFTER, i);
  g_assert_nonnull (unowned);

  /* Choose the second finding */
  gtk_single_selection_set_selected (selection, 1);
  chosen = g_object_ref (gtk_single_selection_get_selected_item (selection));
  position = gtk_single_selection_get_selected (selection);

  g_signal_connect (document, "findings-changed", G_CALLBACK (on_findings_changed), NULL);
  n_findings_changes = 0;
  g_assert_true (cx_edit_set_text (cx_document_get_history (document), unowned, "owner",
                                   "Customer service", 0, NULL));
  WAIT_FOR (n_findings_changes > 0);
  cx_gui_test_settle ();

  /* One finding fewer, and the one chosen is still chosen, where it was */
  g_assert_cmpuint (cx_document_get_findings (document)->len, ==, n_before - 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) chosen);

  g_signal_handlers_disconnect_by_func (document, on_findings_changed, NULL);
  cx_gui_test_destroy_window (window);
}

/* Ctrl+F: the map goes to what is found, match after match */
static void
test_find (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  g_autoptr(GArray) expected = cx_plan_search (cx_document_get_plan (document), "till");
  GtkWidget *entry;
  CxStep *first;

  g_assert_cmpuint (expected->len, >=, 2);
  activate (window, "win.find", NULL);
  entry = GTK_WIDGET (window->find_entry);
  g_assert_true (gtk_search_bar_get_search_mode (window->find_bar));
  g_assert_true (cx_gui_test_has_focus_within (window, entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "till");
  first = g_array_index (expected, CxSearchMatch, 0).step;
  WAIT_FOR (cx_map_view_get_selected_step (window->map_view) == first);
  activate (window, "win.find-next", NULL);
  g_assert_true (cx_map_view_get_selected_step (window->map_view) ==
                 g_array_index (expected, CxSearchMatch, 1).step);
  g_assert_true (cx_map_view_get_cursor_lane (window->map_view) ==
                 g_array_index (expected, CxSearchMatch, 1).lane);
  activate (window, "win.find-previous", NULL);
  g_assert_true (cx_map_view_get_selected_step (window->map_view) == first);

  /* Nothing found says so */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zebra crossing");
  WAIT_FOR (gtk_widget_has_css_class (entry, "error"));

  cx_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/editing/build-plan", test_build_plan);
  g_test_add_func ("/cxplan/editing/in-place", test_edit_in_place);
  g_test_add_func ("/cxplan/editing/delete-move", test_delete_move);
  g_test_add_func ("/cxplan/editing/panel-follows", test_panel_follows);
  g_test_add_func ("/cxplan/editing/findings-follow", test_findings_follow);
  g_test_add_func ("/cxplan/editing/find", test_find);

  return cx_gui_test_run ();
}
