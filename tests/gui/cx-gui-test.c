/* cx-gui-test.c — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "cx-gui-test.h"

#include "cx-edit.h"

static CxApplication *application;
static char *data_home;

/**
 * cx_gui_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and what it holds, without following links.
 */
void
cx_gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      cx_gui_test_remove_tree (child);
    }
  g_remove (path);
}

/**
 * cx_gui_test_init:
 * @argc: the program's
 * @argv: the program's
 *
 * Opens the display, initializes the test framework and registers the
 * application the windows belong to. Without a display, prints a TAP plan
 * of nothing, which meson counts as a skip.
 *
 * Returns: whether to go on and add the tests
 */
gboolean
cx_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  /* The user's data (drafts, recent files) in a folder of the program's
   * own, so that no test sees another's drafts or leaves any behind; a
   * test that made a whole desktop of its own (CX_TEST_DESKTOP, with its
   * handlers in its data home) keeps it */
  if (g_getenv ("CX_TEST_DESKTOP") == NULL)
    {
      data_home = g_dir_make_tmp ("cxplan-gui-test-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    }

  if (!gtk_init_check ())
    {
      /* where a display was made for the tests (build-aux/dev.sh), not
       * reaching it is a failure, not a test left out */
      if (g_getenv ("CX_GUI_TEST_NEED_DISPLAY") != NULL)
        {
          g_print ("Bail out! no display at DISPLAY=%s\n", g_getenv ("DISPLAY"));
          exit (1);
        }
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }

  g_test_init (argc, argv, NULL);

  application = cx_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return TRUE;
}

/* Runs the tests added, then lets the application go */
int
cx_gui_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&application);
  if (data_home != NULL)
    cx_gui_test_remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);

  return status;
}

CxApplication *
cx_gui_test_get_application (void)
{
  g_assert (CX_IS_APPLICATION (application));

  return application;
}

/* ------------------------------------------------------------------ */
/* Data                                                                */

char *
cx_gui_test_sample_path (const char *name)
{
  return g_build_filename (CX_SOURCE_DATADIR, "samples", name, NULL);
}

/* A file of tests/data/bad, which the reader refuses */
char *
cx_gui_test_bad_file_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "bad", name, NULL);
}

CxPlan *
cx_gui_test_read_plan (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CxPlan *plan;

  plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return plan;
}

/* Asserts that @file holds @plan, byte for byte as the writer writes it */
void
cx_gui_test_assert_file_holds (GFile  *file,
                               CxPlan *plan)
{
  g_autoptr(GBytes) expected = cx_plan_to_bytes (plan);
  g_autoptr(GBytes) actual = NULL;
  g_autoptr(GError) error = NULL;

  actual = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (expected, actual));
}

/* ------------------------------------------------------------------ */
/* Windows                                                             */

/**
 * cx_gui_test_new_window:
 *
 * Returns: (transfer full): a new window on the welcome page, shown, with
 *   a reference of the test's own for cx_gui_test_destroy_window()
 */
CxWindow *
cx_gui_test_new_window (void)
{
  return cx_gui_test_new_window_sized (-1, -1);
}

/* A new window that opens at @width × @height (-1: as the settings say) */
CxWindow *
cx_gui_test_new_window_sized (int width,
                              int height)
{
  CxWindow *window = cx_window_new (GTK_APPLICATION (cx_gui_test_get_application ()));

  g_object_ref (window);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  /* The samples are listed in a thread that holds the window */
  WAIT_FOR (gtk_widget_get_visible (window->samples_group));

  return window;
}

/* Lets GTK finish what it does until the next frame */
void
cx_gui_test_settle (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Destroys @window and checks that nothing else holds it */
void
cx_gui_test_destroy_window (CxWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cx_gui_test_settle ();
  g_assert_finalize_object (window);
}

/* Opens @path in @window, as the Open chooser does, until it is shown */
CxDocument *
cx_gui_test_open_and_wait (CxWindow            *window,
                           const char          *path,
                           CxDocumentLoadFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CxDocument *before = window->document;

  cx_window_open_file (window, file, flags);
  WAIT_FOR (window->document != before && window->document != NULL);

  return window->document;
}

/* Waits until @widget is on screen with a size */
void
cx_gui_test_wait_for_allocation (GtkWidget *widget)
{
  WAIT_FOR (gtk_widget_get_mapped (widget) &&
            gtk_widget_get_width (widget) > 0 &&
            gtk_widget_get_height (widget) > 0);
}

/* ------------------------------------------------------------------ */
/* Message dialogs                                                     */

/* The message dialog over @window, if one is shown */
AdwMessageDialog *
cx_gui_test_find_message_dialog (CxWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the button of @response, as a user would, until the dialog goes */
void
cx_gui_test_respond (AdwMessageDialog *dialog,
                     const char       *response)
{
  GtkWidget *button;

  button = find_button (GTK_WIDGET (dialog),
                        adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

void
cx_gui_test_edit_title (CxWindow   *window,
                        const char *title)
{
  g_autoptr(GError) error = NULL;
  CxDocument *document = cx_window_get_document (window);

  g_assert_nonnull (document);
  g_assert_true (cx_edit_set_text (cx_document_get_history (document),
                                   cx_document_get_plan (document), "title", title, 0, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* Finding and using widgets as a user sees them                       */

static gboolean
row_has_title (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/**
 * cx_gui_test_find_row:
 * @root: where to look, depth first
 * @type: the row's type (ADW_TYPE_ENTRY_ROW …), or G_TYPE_NONE for any
 * @title: its title, as shown
 *
 * Returns: (transfer none) (nullable): the first visible row of @type
 *   titled @title under @root
 */
GtkWidget *
cx_gui_test_find_row (GtkWidget  *root,
                      GType       type,
                      const char *title)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (row_has_title (root, title) && (type == G_TYPE_NONE || G_TYPE_CHECK_INSTANCE_TYPE (root, type)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cx_gui_test_find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget of @type under @root */
GtkWidget *
cx_gui_test_find_child (GtkWidget *root,
                        GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = cx_gui_test_find_child (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_list_view (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      /* A dropdown's popover has a list of its own */
      if (GTK_IS_DROP_DOWN (child))
        continue;
      if (GTK_IS_LIST_VIEW (child))
        return child;
      found = find_list_view (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkListView *
cx_gui_test_findings_list (CxWindow *window)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (window->findings_panel));

  g_assert_nonnull (list_view);
  return GTK_LIST_VIEW (list_view);
}

/* Whether the keyboard focus of @window is @widget or inside it */
gboolean
cx_gui_test_has_focus_within (CxWindow  *window,
                              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Types @text at the end of @editable, one character at a time, as keys do */
void
cx_gui_test_type (GtkEditable *editable,
                  const char  *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;
      int length = g_utf8_next_char (p) - p;

      position = g_utf8_strlen (gtk_editable_get_text (editable), -1);
      gtk_editable_insert_text (editable, p, length, &position);
    }
}

/* ------------------------------------------------------------------ */
/* Actions and buttons                                                 */

void
cx_gui_test_activate (CxWindow   *window,
                      const char *action,
                      GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  cx_gui_test_settle ();
}

GtkWidget *
cx_gui_test_find_button (GtkWidget  *root,
                         const char *label,
                         const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0) &&
          (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0))
        return child;
      found = cx_gui_test_find_button (child, label, tooltip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

void
cx_gui_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cx_gui_test_settle ();
}
