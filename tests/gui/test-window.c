/* test-window.c — the window, driven as a user would, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens a real CxWindow of a registered CxApplication, works it
 * through its actions and the internal calls its file choosers make (a
 * native chooser cannot be driven), iterates the main loop until what it
 * waits for holds, and ends by checking that the window is finalized.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cx-finding-row.h"
#include "cx-gui-test.h"
#include "cx-print-operation.h"

/* ------------------------------------------------------------------ */

static void
test_welcome (void)
{
  CxWindow *window = cx_gui_test_new_window ();

  g_assert_null (cx_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_true (cx_window_is_empty (window));
  g_assert_false (gtk_widget_get_visible (window->findings_button));

  /* Three samples, each a row naming its plan */
  g_assert_nonnull (gtk_list_box_get_row_at_index (window->samples_list, 2));

  cx_gui_test_destroy_window (window);
}

static void
test_open_sample (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autoptr(CxPlan) plan = cx_gui_test_read_plan (path);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  guint counts[3] = { 0, 0, 0 };
  char text[16];

  document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "plan");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   cx_plan_get_title (plan));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   "team-gear-store.cxplan");
  g_assert_false (cx_document_get_modified (document));
  g_assert_nonnull (cx_document_get_checksum (document));

  /* The findings: the same as the checks', in the list and in the counts
   * (which leave out the findings the plan accepts) */
  g_assert_cmpuint (findings->len, >, 0);
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, findings->len);
  for (guint i = 0; i < findings->len; i++)
    if (!((CxFinding *) g_ptr_array_index (findings, i))->accepted)
      counts[((CxFinding *) g_ptr_array_index (findings, i))->severity]++;
  g_snprintf (text, sizeof text, "%u", counts[CX_SEVERITY_ERROR]);
  g_assert_cmpstr (gtk_label_get_text (window->error_count_label), ==, text);
  g_snprintf (text, sizeof text, "%u", counts[CX_SEVERITY_WARNING]);
  g_assert_cmpstr (gtk_label_get_text (window->warning_count_label), ==, text);
  g_snprintf (text, sizeof text, "%u", counts[CX_SEVERITY_INFO]);
  g_assert_cmpstr (gtk_label_get_text (window->info_count_label), ==, text);
  g_assert_true (gtk_widget_get_visible (window->findings_button));

  /* Opening it again from elsewhere brings this window, not a new one */
  g_assert_true (cx_application_find_window_for_file (cx_gui_test_get_application (),
                                                     cx_document_get_file (document)) == window);

  /* Show Findings (Ctrl+I) opens the side panel and takes the keyboard
   * there, whether the panel was open or not */
  for (guint i = 0; i < 2; i++)
    {
      g_object_set (window, "show-side-panel", i == 0, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (window->map_view));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL));
      g_assert_true (adw_flap_get_reveal_flap (window->flap));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             GTK_WIDGET (window->findings_panel)));
    }
  gtk_widget_grab_focus (GTK_WIDGET (window->map_view));

  /* Zoom through the map's actions */
  g_assert_cmpfloat (cx_map_view_get_zoom (window->map_view), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->map_view), "map.zoom-in", NULL));
  g_assert_cmpfloat (cx_map_view_get_zoom (window->map_view), >, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->map_view), "map.zoom-reset",
                                             NULL));
  g_assert_cmpfloat_with_epsilon (cx_map_view_get_zoom (window->map_view), 1.0, 1e-9);

  cx_gui_test_destroy_window (window);
}

static void
test_open_sample_copy (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("online-order-return.cxplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  CxWindow *window = cx_gui_test_new_window ();
  const char *subtitle;

  /* As the welcome page's row does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", "s", uri));
  WAIT_FOR (window->document != NULL);

  g_assert_null (cx_document_get_file (window->document));
  g_assert_true (cx_document_get_modified (window->document));
  subtitle = adw_window_title_get_subtitle (window->window_title);
  g_assert_nonnull (strstr (subtitle, "online-order-return.cxplan"));
  g_assert_nonnull (strstr (subtitle, "unsaved"));

  /* Closing asks; Cancel keeps the window, Discard closes it */
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR (cx_gui_test_find_message_dialog (window) != NULL);
  cx_gui_test_respond (cx_gui_test_find_message_dialog (window), "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR (cx_gui_test_find_message_dialog (window) != NULL);
  cx_gui_test_respond (cx_gui_test_find_message_dialog (window), "discard");
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (window)));

  cx_gui_test_destroy_window (window);
}

static gboolean save_done;
static gboolean save_success;

static void
on_save_done (CxWindow *window,
              gboolean  success,
              gpointer  user_data)
{
  save_done = TRUE;
  save_success = success;
}

static void
save_and_wait (CxWindow *window,
               GFile    *file)
{
  save_done = save_success = FALSE;
  _cx_window_save_document (window, file, CX_DOCUMENT_SAVE_DEFAULT, on_save_done, NULL);
  WAIT_FOR (save_done || cx_gui_test_find_message_dialog (window) != NULL);
}

static void
test_save_as (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autofree char *dir = g_dir_make_tmp ("cxplan-gui-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "upgrade.cxplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  const char *other = "<!-- someone else's -->\n";
  g_autofree char *contents = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  CxPlan *plan;

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  plan = cx_document_get_plan (window->document);

  /* What the Save As chooser calls with the file chosen */
  save_and_wait (window, file);
  g_assert_true (save_success);
  cx_gui_test_assert_file_holds (file, plan);
  g_assert_false (cx_document_get_modified (window->document));
  g_assert_true (g_file_equal (cx_document_get_file (window->document), file));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "upgrade.cxplan");

  /* Saved again when nothing changed on disk: no question */
  cx_gui_test_edit_title (window, "Edited");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "• upgrade.cxplan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR (!cx_document_get_modified (window->document));
  cx_gui_test_assert_file_holds (file, plan);

  /* Someone else writes it: Save asks; Cancel keeps their version */
  g_assert_true (g_file_set_contents (target, other, -1, NULL));
  save_and_wait (window, NULL);
  g_assert_nonnull (cx_gui_test_find_message_dialog (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (cx_gui_test_find_message_dialog (window)), ==,
                   "The file has changed on disk");
  cx_gui_test_respond (cx_gui_test_find_message_dialog (window), "cancel");
  WAIT_FOR (save_done);
  g_assert_false (save_success);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, other);

  /* ... and Overwrite writes the plan */
  save_and_wait (window, NULL);
  cx_gui_test_respond (cx_gui_test_find_message_dialog (window), "overwrite");
  WAIT_FOR (save_done);
  g_assert_true (save_success);
  cx_gui_test_assert_file_holds (file, plan);

  /* Written again with the same bytes (a sync tool, a copy back): the
   * etag differs, the checksum does not, so no question */
  {
    g_autoptr(GBytes) same = cx_plan_to_bytes (plan);

    g_usleep (20000);
    g_assert_true (g_file_set_contents (target, g_bytes_get_data (same, NULL),
                                        g_bytes_get_size (same), NULL));
    save_and_wait (window, NULL);
    g_assert_true (save_success);
    g_assert_null (cx_gui_test_find_message_dialog (window));
  }

  cx_gui_test_destroy_window (window);

  g_unlink (target);
  g_rmdir (dir);
}

static void
test_refused (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *dir = g_dir_make_tmp ("cxplan-gui-XXXXXX", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "broken.cxplan", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autofree char *text = NULL;
  g_autofree char *expected_line = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *bad_text = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  AdwMessageDialog *dialog;
  guint line = 0;

  document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);

  /* The sample with one level out of range, on a line we know */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *level = strstr (lines[i], "level=\"4\"");

      if (level != NULL)
        {
          level[7] = '9';
          line = i + 1;
          break;
        }
    }
  g_assert_cmpuint (line, >, 0);
  bad_text = g_strjoinv ("\n", lines);
  g_assert_true (g_file_set_contents (bad_path, bad_text, -1, NULL));

  cx_window_open_file (window, bad_file, CX_DOCUMENT_LOAD_DEFAULT);
  WAIT_FOR ((dialog = cx_gui_test_find_message_dialog (window)) != NULL);

  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.cxplan"));
  expected_line = g_strdup_printf ("Line %u: ", line);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), expected_line));

  /* The plan open stays as it was */
  g_assert_true (window->document == document);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "plan");

  cx_gui_test_respond (dialog, "close");
  cx_gui_test_destroy_window (window);

  g_unlink (bad_path);
  g_rmdir (dir);
}

static void
test_select_step (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxMapLayout *layout;
  CxStep *first, *second;
  GPtrArray *findings;

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  layout = cx_map_view_get_layout (window->map_view);
  g_assert_nonnull (layout);
  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), >, 2);
  first = cx_map_layout_get_step (layout, 0);
  second = cx_map_layout_get_step (layout, 1);

  g_assert_null (cx_step_panel_get_shown_title (window->step_panel));
  cx_map_view_set_selected_step (window->map_view, first);
  g_assert_cmpstr (cx_step_panel_get_shown_title (window->step_panel), ==,
                   cx_step_get_title (first));

  /* The Right key, through the action it stands for */
  gtk_widget_grab_focus (GTK_WIDGET (window->map_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->map_view),
                                             "map.select-next", NULL));
  g_assert_true (cx_map_view_get_selected_step (window->map_view) == second);
  g_assert_cmpstr (cx_step_panel_get_shown_title (window->step_panel), ==,
                   cx_step_get_title (second));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->map_view),
                                             "map.select-last", NULL));
  g_assert_true (cx_map_view_get_selected_step (window->map_view) ==
                 cx_map_layout_get_step (layout, cx_map_layout_get_n_steps (layout) - 1));

  /* Choosing a finding about a step selects that step */
  findings = cx_document_get_findings (window->document);
  for (guint i = 0; i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);

      if (finding->step_id == NULL)
        continue;

      g_assert_true (cx_findings_panel_activate_index (window->findings_panel, i));
      g_assert_cmpstr (cx_step_get_id (cx_map_view_get_selected_step (window->map_view)), ==,
                       finding->step_id);
      break;
    }

  cx_gui_test_destroy_window (window);
}

/* A plan of @n_steps steps with neither owner nor levels: two findings each */
static char *
write_plan_with_many_findings (const char *dir,
                               guint       n_steps)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  char *path = g_build_filename (dir, "many-findings.cxplan", NULL);

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\">\n"
                   "  <title>Many findings</title>\n"
                   "  <lanes><lane id=\"actions\" kind=\"actions\"><name>Actions</name></lane></lanes>\n"
                   "  <phases>\n    <phase kind=\"before\"/>\n    <phase kind=\"during\">\n");
  for (guint i = 0; i < n_steps; i++)
    g_string_append_printf (xml, "      <step id=\"s%u\"><title>Step %u</title></step>\n", i, i);
  g_string_append (xml,
                   "    </phase>\n    <phase kind=\"after\"/>\n    <phase kind=\"recovery\"/>\n"
                   "  </phases>\n</cxplan>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  return path;
}

/* Thousands of findings are listed a slice at a time, the slice growing as
 * the list is scrolled or a finding further down is chosen */
static void
test_many_findings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cxplan-findings-XXXXXX", NULL);
  g_autofree char *path = write_plan_with_many_findings (dir, 300);
  CxWindow *window = cx_gui_test_new_window ();
  GtkWidget *list_view;
  GtkAdjustment *adjustment;
  GListModel *shown;
  GPtrArray *findings;
  const CxFinding *last = NULL;
  guint n, n_shown, index;

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  findings = cx_document_get_findings (window->document);
  n = findings->len;
  g_assert_cmpuint (n, >=, 600);
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, n);

  list_view = GTK_WIDGET (cx_gui_test_findings_list (window));
  g_assert_nonnull (list_view);
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  cx_gui_test_wait_for_allocation (list_view);
  cx_gui_test_settle ();

  /* A first slice only: a few screens, not all */
  n_shown = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_shown, <, n);

  /* Scrolled to its end, the list shows more, and in time all */
  for (gint64 end = g_get_monotonic_time () + CX_GUI_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;
       g_list_model_get_n_items (shown) < n;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      cx_gui_test_settle ();
    }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);

  /* Listed again (as after a new check), it starts from a slice */
  cx_findings_panel_set_findings (window->findings_panel, findings);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_shown);
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, n);

  /* A finding far down can be chosen all the same: it is shown, and chosen */
  for (index = n - 1; index > 0; index--)
    {
      last = g_ptr_array_index (findings, index);
      if (last->step_id != NULL)
        break;
    }
  g_assert_cmpuint (index, >=, n - 10);
  g_assert_true (cx_findings_panel_activate_index (window->findings_panel, index));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, index);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, index);
  g_assert_cmpstr (cx_step_get_id (cx_map_view_get_selected_step (window->map_view)), ==,
                   last->step_id);

  cx_gui_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
pdf_is_complete (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return length > 8 && g_str_has_prefix (contents, "%PDF") &&
         g_strrstr_len (contents + length - MIN (length, 32), -1, "%%EOF") != NULL;
}

static void
test_export (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *dir = g_dir_make_tmp ("cxplan-gui-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  CxWindow *window = cx_gui_test_new_window ();

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);

  /* What the Export chooser calls with the file chosen */
  _cx_window_export_to_file (window, file, CX_EXPORT_PDF);
  WAIT_FOR (pdf_is_complete (target));
  g_assert_null (cx_gui_test_find_message_dialog (window));

  cx_gui_test_destroy_window (window);

  g_unlink (target);
  g_rmdir (dir);
}

static void
test_print (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *dir = g_dir_make_tmp ("cxplan-gui-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(CxPlan) plan = cx_gui_test_read_plan (path);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(CxPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  int n_pages = 0;

  operation = cx_print_operation_new (plan, findings);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), target);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* Landscape by default; the journey is wider than one page */
  g_assert_cmpint (gtk_page_setup_get_orientation (
                     gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation))),
                   ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_object_get (operation, "n-pages-to-print", &n_pages, NULL);
  g_assert_cmpint (n_pages, >, 1);
  WAIT_FOR (pdf_is_complete (target));

  g_clear_object (&operation);
  g_unlink (target);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/window/welcome", test_welcome);
  g_test_add_func ("/cxplan/window/open-sample", test_open_sample);
  g_test_add_func ("/cxplan/window/open-sample-copy", test_open_sample_copy);
  g_test_add_func ("/cxplan/window/save-as", test_save_as);
  g_test_add_func ("/cxplan/window/refused", test_refused);
  g_test_add_func ("/cxplan/window/select-step", test_select_step);
  g_test_add_func ("/cxplan/window/many-findings", test_many_findings);
  g_test_add_func ("/cxplan/window/export", test_export);
  g_test_add_func ("/cxplan/print/pages", test_print);

  return cx_gui_test_run ();
}
