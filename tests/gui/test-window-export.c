/* test-window-export.c — the Export chooser: its type list and file name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule (cx-window-export.c): a type chosen in the list wins and the
 * name's ending follows it; a known ending typed with the list left as it
 * opened wins, and the type follows it; any other name gets the type's
 * ending. Checked as a table, then through GTK's own file chooser dialog
 * (the native chooser's fallback, which the tests reach under Xvfb):
 * choosing "PNG image" renames the file, and the file written is a PNG.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cx-gui-test.h"

typedef struct
{
  const char     *name;
  CxExportFormat  format;
  const char     *expected;
} NameCase;

static void
test_export_name (void)
{
  static const NameCase cases[] = {
    { "map.pdf", CX_EXPORT_PNG, "map.png" },
    { "Map.PDF", CX_EXPORT_SVG, "Map.svg" },
    { "map.png", CX_EXPORT_PNG, "map.png" },
    { "map", CX_EXPORT_PDF, "map.pdf" },
    { "map.v2", CX_EXPORT_PNG, "map.v2.png" },
    { "report.tar.svg", CX_EXPORT_PDF, "report.tar.pdf" },
    { "plan.cxplan", CX_EXPORT_SVG, "plan.cxplan.svg" },
    { ".png", CX_EXPORT_PDF, ".png.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = _cx_window_export_name (cases[i].name, cases[i].format);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

typedef struct
{
  const char     *chosen;
  CxExportFormat  listed;
  gboolean        listed_by_user;
  const char     *written;
  CxExportFormat  format;
} TargetCase;

static void
test_export_target (void)
{
  static const TargetCase cases[] = {
    /* the bug: "PNG image" chosen, the name still map.pdf: a PNG */
    { "/tmp/map.pdf", CX_EXPORT_PNG, TRUE, "/tmp/map.png", CX_EXPORT_PNG },
    /* a type chosen wins over an ending typed */
    { "/tmp/map.svg", CX_EXPORT_PDF, TRUE, "/tmp/map.pdf", CX_EXPORT_PDF },
    /* the list left alone: a known ending typed wins */
    { "/tmp/map.svg", CX_EXPORT_PDF, FALSE, "/tmp/map.svg", CX_EXPORT_SVG },
    { "/tmp/map.PNG", CX_EXPORT_PDF, FALSE, "/tmp/map.PNG", CX_EXPORT_PNG },
    /* no known ending: the listed type's is added */
    { "/tmp/map", CX_EXPORT_PDF, FALSE, "/tmp/map.pdf", CX_EXPORT_PDF },
    { "/tmp/map.v2", CX_EXPORT_SVG, TRUE, "/tmp/map.v2.svg", CX_EXPORT_SVG },
    /* they agree already */
    { "/tmp/map.png", CX_EXPORT_PNG, TRUE, "/tmp/map.png", CX_EXPORT_PNG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) chosen = g_file_new_for_path (cases[i].chosen);
      g_autoptr(GFile) written = NULL;
      CxExportFormat format = -1;

      written = _cx_window_export_target (chosen, cases[i].listed, cases[i].listed_by_user,
                                          &format);
      g_assert_cmpstr (g_file_peek_path (written), ==, cases[i].written);
      g_assert_cmpint (format, ==, cases[i].format);
    }
}

static GtkFileChooserDialog *
find_export_dialog (CxWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_FILE_CHOOSER_DIALOG (toplevel);
    }

  return NULL;
}

/* Whether a label in @widget says @text: the toast an export ends with */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static guint
n_file_chooser_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += GTK_IS_FILE_CHOOSER_DIALOG (toplevel);
    }

  return n;
}

static GtkFileFilter *
find_filter (GtkFileChooser *chooser,
             const char     *name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_strcmp0 (gtk_file_filter_get_name (filter), name) == 0)
        return filter;   /* the chooser holds it */
    }

  return NULL;
}

/* As a click on the dialog's Export button */
static void
press_export (GtkFileChooserDialog *dialog)
{
  GtkWidget *button = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                          GTK_RESPONSE_ACCEPT);

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Export");
  g_assert_true (gtk_widget_activate (button));
}

static gboolean
file_starts_with (const char *path,
                  const char *magic,
                  gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  return g_file_get_contents (path, &contents, &size, NULL) && size > length
         && memcmp (contents, magic, length) == 0;
}

/* The folder the chooser would write into, as a path */
static char *
chosen_folder (GtkFileChooser *chooser)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
  g_autoptr(GFile) parent = chosen != NULL ? g_file_get_parent (chosen) : NULL;

  return parent != NULL ? g_file_get_path (parent) : NULL;
}

/* Through the chooser: the list says PNG, so the name says .png, and the
 * file is a PNG; left alone with a typed ending, that ending's type. The
 * plan is a copy in a folder of its own, where the chooser opens. */
static void
test_export_chooser (void)
{
  g_autofree char *sample = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *dir = g_dir_make_tmp ("cxplan-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kit.cxplan", NULL);
  g_autofree char *png = g_build_filename (dir, "kit.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "kit.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "kit.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  GtkFileChooserDialog *dialog;
  GtkFileChooser *chooser;
  gsize length;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  WAIT_FOR ((dialog = find_export_dialog (window)) != NULL);
  chooser = GTK_FILE_CHOOSER (dialog);
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (chooser)), ==,
                   "PDF document");
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "kit.pdf");
  g_clear_pointer (&name, g_free);

  /* "PNG image" in the list: the name follows */
  gtk_file_chooser_set_filter (chooser, find_filter (chooser, "PNG image"));
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "kit.png");
  g_clear_pointer (&name, g_free);

  /* and back to .pdf by hand: PNG it is all the same */
  gtk_file_chooser_set_current_name (chooser, "kit.pdf");
  WAIT_FOR ((folder = chosen_folder (chooser)) != NULL);
  g_assert_cmpstr (folder, ==, dir);
  press_export (dialog);
  WAIT_FOR (file_starts_with (png, "\x89PNG", 4));
  WAIT_FOR (shows_label (GTK_WIDGET (window), "Exported to kit.png"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Again, the list left as it opened and "kit.svg" typed: an SVG */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  WAIT_FOR ((dialog = find_export_dialog (window)) != NULL);
  chooser = GTK_FILE_CHOOSER (dialog);
  gtk_file_chooser_set_current_name (chooser, "kit.svg");
  press_export (dialog);
  WAIT_FOR (file_starts_with (svg, "<?xml", 5));
  WAIT_FOR (shows_label (GTK_WIDGET (window), "Exported to kit.svg"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* the choosers let go of, and the exports over, the window can go */
  WAIT_FOR (n_file_chooser_dialogs () == 0);
  cx_gui_test_settle ();

  g_assert_null (cx_gui_test_find_message_dialog (window));
  cx_gui_test_destroy_window (window);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/export/name", test_export_name);
  g_test_add_func ("/cxplan/export/target", test_export_target);
  g_test_add_func ("/cxplan/export/chooser", test_export_chooser);

  return cx_gui_test_run ();
}
