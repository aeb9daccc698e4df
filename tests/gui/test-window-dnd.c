/* test-window-dnd.c — dropping files onto a window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests find the window's GtkDropTarget as GTK would, among the
 * controllers of its widgets, and emit its ::drop with the value GTK
 * would have read from the drag (a GdkFileList, or a GFile), so what runs
 * is the window's own handler and then its usual way of opening a file.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cx-gui-test.h"

/* tests/data/bad/README.md: refused at line 6 */
#define BAD_FILE "bad-date.cxplan"
#define BAD_FILE_LINE 6

/* ------------------------------------------------------------------ */
/* Dropping                                                            */

static void
collect_file_drop_targets (GtkWidget *widget,
                           GPtrArray *targets)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GdkContentFormats *formats;

      if (!GTK_IS_DROP_TARGET (controller))
        continue;

      formats = gtk_drop_target_get_formats (GTK_DROP_TARGET (controller));
      if (formats != NULL &&
          (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST) ||
           gdk_content_formats_contain_gtype (formats, G_TYPE_FILE)))
        g_ptr_array_add (targets, controller);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_file_drop_targets (child, targets);
}

/* The one drop target of @window that takes files */
static GtkDropTarget *
find_file_drop_target (CxWindow *window)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();

  collect_file_drop_targets (GTK_WIDGET (window), targets);
  g_assert_cmpuint (targets->len, ==, 1);

  return g_ptr_array_index (targets, 0);
}

/* Lets go of what @value holds over the middle of the drop area, and
 * returns whether the window took it */
static gboolean
drop_value (CxWindow     *window,
            const GValue *value)
{
  GtkDropTarget *target = find_file_drop_target (window);
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gboolean accepted = FALSE;

  g_assert_true (gtk_widget_get_mapped (area));
  g_signal_emit_by_name (target, "drop", value,
                         gtk_widget_get_width (area) / 2.0, gtk_widget_get_height (area) / 2.0,
                         &accepted);

  return accepted;
}

static gboolean
drop_file (CxWindow   *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);

  return drop_value (window, &value);
}

/* Drops the files of @paths at once, as a file manager does */
static gboolean
drop_file_list (CxWindow           *window,
                const char * const *paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GValue) value = G_VALUE_INIT;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile **) files->pdata,
                                                            files->len));

  return drop_value (window, &value);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cxplan-dnd-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

/* Removes @dir and what it holds, one level deep */
static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (entries);
  while ((name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_assert_cmpint (g_rmdir (path), ==, 0);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A copy of a sample in @dir, to save over */
static char *
copy_sample (const char *sample,
             const char *dir,
             const char *name)
{
  g_autofree char *source = cx_gui_test_sample_path (sample);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* ------------------------------------------------------------------ */
/* What the window shows                                               */

typedef struct
{
  CxDocument *document;
  CxPlan     *plan;
  char       *title;
  char       *subtitle;
  char       *page;
  gboolean    modified;
} Shown;

static void
shown_take (Shown    *shown,
            CxWindow *window)
{
  shown->document = window->document;
  shown->plan = window->document != NULL ? cx_document_get_plan (window->document) : NULL;
  shown->title = g_strdup (adw_window_title_get_title (window->window_title));
  shown->subtitle = g_strdup (adw_window_title_get_subtitle (window->window_title));
  shown->page = g_strdup (gtk_stack_get_visible_child_name (window->main_stack));
  shown->modified = window->document != NULL && cx_document_get_modified (window->document);
}

static void
shown_clear (Shown *shown)
{
  g_clear_pointer (&shown->title, g_free);
  g_clear_pointer (&shown->subtitle, g_free);
  g_clear_pointer (&shown->page, g_free);
}

/* Asserts that @window shows what it showed when @shown was taken */
static void
assert_shows (CxWindow    *window,
              const Shown *shown)
{
  g_assert_true (window->document == shown->document);
  if (shown->document != NULL)
    {
      g_assert_true (cx_document_get_plan (window->document) == shown->plan);
      g_assert_cmpint (cx_document_get_modified (window->document), ==, shown->modified);
    }
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, shown->title);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, shown->subtitle);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, shown->page);
}

/* Asserts that @window shows the plan of the file @path, unchanged */
static void
assert_shows_file (CxWindow   *window,
                   const char *path)
{
  g_autoptr(CxPlan) plan = cx_gui_test_read_plan (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_nonnull (window->document);
  g_assert_true (g_file_equal (cx_document_get_file (window->document), file));
  g_assert_false (cx_document_get_modified (window->document));
  g_assert_true (cx_plan_equal (cx_document_get_plan (window->document), plan));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   cx_plan_get_title (plan));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, basename);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "plan");
}

/* Waits for the error over @window about @name, checks it and closes it */
static void
expect_open_error (CxWindow   *window,
                   const char *name,
                   const char *body_prefix)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = g_strdup_printf ("“%s” could not be opened", name);

  WAIT_FOR ((dialog = cx_gui_test_find_message_dialog (window)) != NULL &&
            window->loading == 0);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  if (body_prefix != NULL)
    g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), body_prefix));
  cx_gui_test_respond (dialog, "close");
  g_assert_null (cx_gui_test_find_message_dialog (window));
}

/* ------------------------------------------------------------------ */

static void
test_target (void)
{
  CxWindow *window = cx_gui_test_new_window ();
  GtkDropTarget *target = find_file_drop_target (window);
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const GType *types;
  gsize n_types = 0;

  /* What a file manager gives, a list or one file, copied */
  types = gdk_content_formats_get_gtypes (gtk_drop_target_get_formats (target), &n_types);
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST);
  g_assert_true (types[1] == G_TYPE_FILE);
  g_assert_cmpint (gtk_drop_target_get_actions (target), ==, GDK_ACTION_COPY);

  /* Over the welcome page and over the map alike */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (window->samples_list), area));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (window->map_view), area));

  cx_gui_test_destroy_window (window);
}

static void
test_drop_on_welcome (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();

  g_assert_true (drop_file (window, path));
  WAIT_FOR (window->document != NULL);

  assert_shows_file (window, path);
  g_assert_true (cx_application_find_window_for_file (cx_gui_test_get_application (),
                                                      cx_document_get_file (window->document))
                 == window);

  cx_gui_test_destroy_window (window);
}

static void
test_drop_file_list (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *first = copy_sample ("telecom-upgrade.cxplan", dir, "first.cxplan");
  g_autofree char *second = copy_sample ("team-gear-store.cxplan", dir, "second.cxplan");
  const char *paths[] = { notes, first, second, NULL };
  CxWindow *window = cx_gui_test_new_window ();

  g_assert_true (g_file_set_contents (notes, "Not a plan\n", -1, NULL));

  /* Of several, the first plan: what is not one is passed over */
  g_assert_true (drop_file_list (window, paths));
  WAIT_FOR (window->document != NULL);
  assert_shows_file (window, first);
  g_assert_null (cx_gui_test_find_message_dialog (window));

  cx_gui_test_destroy_window (window);
  remove_temp_dir (dir);
}

static void
test_drop_twice (void)
{
  g_autofree char *first = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autofree char *second = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();

  /* A second drop before the first is read: the last one wins, and the
   * first is let go of without a word */
  g_assert_true (drop_file (window, first));
  g_assert_true (drop_file (window, second));
  WAIT_FOR (window->document != NULL && window->loading == 0);
  cx_gui_test_settle ();
  assert_shows_file (window, second);
  g_assert_null (cx_gui_test_find_message_dialog (window));

  cx_gui_test_destroy_window (window);
}

static void
test_drop_bad_file (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *bad = cx_gui_test_bad_file_path (BAD_FILE);
  g_autofree char *line = g_strdup_printf ("Line %u: ", BAD_FILE_LINE);
  CxWindow *window = cx_gui_test_new_window ();
  Shown shown = { 0 };

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);

  /* Refused: the plan open stays as it was, and the error says where */
  shown_take (&shown, window);
  g_assert_true (drop_file (window, bad));
  expect_open_error (window, BAD_FILE, line);
  assert_shows (window, &shown);
  shown_clear (&shown);

  /* With unsaved changes: no question about them, as nothing replaces them */
  cx_gui_test_edit_title (window, "Edited");
  shown_take (&shown, window);
  g_assert_true (g_str_has_prefix (shown.subtitle, "• "));
  g_assert_true (drop_file (window, bad));
  expect_open_error (window, BAD_FILE, line);
  assert_shows (window, &shown);
  g_assert_true (cx_document_get_modified (window->document));
  shown_clear (&shown);

  /* Let go of the changes, so the window closes without asking */
  g_assert_true (cx_history_undo (cx_document_get_history (window->document)));
  g_assert_false (cx_document_get_modified (window->document));
  cx_gui_test_destroy_window (window);
}

static void
test_drop_unsaved (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = copy_sample ("telecom-upgrade.cxplan", dir, "plan.cxplan");
  g_autofree char *other = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *third = cx_gui_test_sample_path ("online-order-return.cxplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CxPlan) edited = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  Shown shown = { 0 };
  AdwMessageDialog *dialog;

  /* An edit, not saved yet */
  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  edited = g_object_ref (cx_document_get_plan (window->document));
  cx_gui_test_edit_title (window, "Edited in the window");
  shown_take (&shown, window);
  g_assert_cmpstr (shown.title, ==, "Edited in the window");

  /* As opening does: the drop asks first; Cancel keeps the plan and its edit */
  g_assert_true (drop_file (window, other));
  WAIT_FOR ((dialog = cx_gui_test_find_message_dialog (window)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "plan.cxplan"));
  cx_gui_test_respond (dialog, "cancel");
  cx_gui_test_settle ();
  assert_shows (window, &shown);
  shown_clear (&shown);

  /* Save writes the edit to its file, then the plan dropped is shown */
  g_assert_true (drop_file (window, other));
  WAIT_FOR ((dialog = cx_gui_test_find_message_dialog (window)) != NULL);
  cx_gui_test_respond (dialog, "save");
  WAIT_FOR (window->document != NULL && cx_document_get_plan (window->document) != edited);
  cx_gui_test_assert_file_holds (file, edited);
  assert_shows_file (window, other);

  /* Discard lets the edit go */
  cx_gui_test_edit_title (window, "Edited again");
  g_assert_true (drop_file (window, third));
  WAIT_FOR ((dialog = cx_gui_test_find_message_dialog (window)) != NULL);
  cx_gui_test_respond (dialog, "discard");
  WAIT_FOR (g_strcmp0 (adw_window_title_get_subtitle (window->window_title),
                       "online-order-return.cxplan") == 0);
  assert_shows_file (window, third);

  cx_gui_test_destroy_window (window);
  remove_temp_dir (dir);
}

static void
test_drop_not_a_plan (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.cxplan", NULL);
  g_autofree char *missing = g_build_filename (dir, "gone.cxplan", NULL);
  const char *only_notes[] = { notes, NULL };
  const char *nothing[] = { NULL };
  CxWindow *window = cx_gui_test_new_window ();
  Shown shown = { 0 };

  g_assert_true (g_file_set_contents (notes, "Not a plan\n", -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  shown_take (&shown, window);

  /* A file that is not a plan: the reader says why, the window stays */
  g_assert_true (drop_file_list (window, only_notes));
  expect_open_error (window, "notes.txt", NULL);
  assert_shows (window, &shown);

  /* A folder, even named like a plan, and a file that went away */
  g_assert_true (drop_file (window, folder));
  expect_open_error (window, "folder.cxplan", "it is a folder");
  assert_shows (window, &shown);

  g_assert_true (drop_file (window, missing));
  expect_open_error (window, "gone.cxplan", "the file does not exist");
  assert_shows (window, &shown);

  /* No file at all: refused, nothing to say */
  g_assert_false (drop_file_list (window, nothing));
  cx_gui_test_settle ();
  g_assert_null (cx_gui_test_find_message_dialog (window));
  g_assert_true (cx_window_is_empty (window));
  assert_shows (window, &shown);
  shown_clear (&shown);

  cx_gui_test_destroy_window (window);
  remove_temp_dir (dir);
}

static void
test_drop_open_file (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *other_path = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxWindow *other = cx_gui_test_new_window ();
  Shown shown = { 0 };

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_open_and_wait (other, other_path, CX_DOCUMENT_LOAD_DEFAULT);

  /* The plan this window shows: nothing read again */
  shown_take (&shown, window);
  g_assert_true (drop_file (window, path));
  g_assert_cmpuint (window->loading, ==, 0);
  cx_gui_test_settle ();
  assert_shows (window, &shown);

  /* A plan another window shows: that window's, not a second copy */
  g_assert_true (drop_file (window, other_path));
  g_assert_cmpuint (window->loading, ==, 0);
  cx_gui_test_settle ();
  assert_shows (window, &shown);
  assert_shows_file (other, other_path);
  shown_clear (&shown);

  cx_gui_test_destroy_window (other);
  cx_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/window-dnd/target", test_target);
  g_test_add_func ("/cxplan/window-dnd/welcome", test_drop_on_welcome);
  g_test_add_func ("/cxplan/window-dnd/file-list", test_drop_file_list);
  g_test_add_func ("/cxplan/window-dnd/twice", test_drop_twice);
  g_test_add_func ("/cxplan/window-dnd/bad-file", test_drop_bad_file);
  g_test_add_func ("/cxplan/window-dnd/unsaved", test_drop_unsaved);
  g_test_add_func ("/cxplan/window-dnd/not-a-plan", test_drop_not_a_plan);
  g_test_add_func ("/cxplan/window-dnd/open-file", test_drop_open_file);

  return cx_gui_test_run ();
}
