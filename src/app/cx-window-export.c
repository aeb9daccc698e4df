/* cx-window-export.c — the export chooser's type list and file name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Export chooser lists PDF, SVG and PNG, and the file's name ends in
 * one of them; the two must agree. The rule, as a person expects it:
 *
 *  - a type chosen in the list wins, and the name's ending is made to
 *    match it: "map.pdf" exported as "PNG image" is written as map.png;
 *  - a name typed with a known ending while the list was left as it
 *    opened keeps its ending, and the type follows it: "map.svg" is an
 *    SVG file;
 *  - any other name gets the listed type's ending: "map" or "map.v2" as
 *    PDF is map.pdf or map.v2.pdf.
 *
 * Where the chooser is GTK's own dialog (not a portal's, out of reach),
 * choosing a type renames the file there and then, so the two agree on
 * screen too. GtkFileChooserNative does not say when its type changes,
 * so the dialog is followed directly.
 */

#define G_LOG_DOMAIN "cx-window"

#include "config.h"

#include <string.h>

#include "cx-window-private.h"

#define FORMAT_KEY "cx-export-format"

static const char *
format_suffix (CxExportFormat format)
{
  switch (format)
    {
    case CX_EXPORT_PNG:
      return ".png";
    case CX_EXPORT_SVG:
      return ".svg";
    case CX_EXPORT_PDF:
    default:
      return ".pdf";
    }
}

/**
 * _cx_window_export_name:
 * @name: a file name, without its folder
 * @format: the format it is to hold
 *
 * Returns: (transfer full): @name ending in @format's ending: an export
 *   format's ending replaced, any other kept and the ending added
 */
char *
_cx_window_export_name (const char     *name,
                        CxExportFormat  format)
{
  gsize length;

  g_return_val_if_fail (name != NULL, NULL);

  length = strlen (name);
  /* ".png" alone is a hidden file's name, not an ending */
  if (length > 4 && cx_export_format_from_path (name, NULL))
    length -= 4;

  return g_strdup_printf ("%.*s%s", (int) length, name, format_suffix (format));
}

/**
 * _cx_window_export_target:
 * @chosen: the file the chooser returned
 * @listed: the type chosen in its list
 * @listed_by_user: whether that type was chosen, or the list left as it
 *   opened
 * @format: (out): the format to write
 *
 * Returns: (transfer full): the file to write @format to
 */
GFile *
_cx_window_export_target (GFile          *chosen,
                          CxExportFormat  listed,
                          gboolean        listed_by_user,
                          CxExportFormat *format)
{
  g_autofree char *name = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (chosen), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  name = g_file_get_basename (chosen);
  if (!listed_by_user && cx_export_format_from_path (name, format))
    return g_object_ref (chosen);

  *format = listed;
  renamed = _cx_window_export_name (name, listed);
  if (strcmp (renamed, name) == 0)
    return g_object_ref (chosen);

  parent = g_file_get_parent (chosen);
  return parent != NULL ? g_file_get_child (parent, renamed) : g_file_new_for_path (renamed);
}

/**
 * _cx_window_set_export_filter_format:
 * @filter: a filter of the export chooser's type list
 * @format: the format it stands for
 */
void
_cx_window_set_export_filter_format (GtkFileFilter  *filter,
                                     CxExportFormat  format)
{
  g_object_set_data (G_OBJECT (filter), FORMAT_KEY, GINT_TO_POINTER (format + 1));
}

/* The format @filter stands for; FALSE if it stands for none */
static gboolean
filter_format (GtkFileFilter  *filter,
               CxExportFormat *format)
{
  int value = filter != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter),
                                                                   FORMAT_KEY)) : 0;

  if (value == 0)
    return FALSE;
  *format = value - 1;
  return TRUE;
}

/**
 * _cx_window_export_chosen:
 * @chooser: the export chooser, accepted
 * @format: (out): the format to write
 *
 * Returns: (transfer full) (nullable): the file to write, by the rule
 *   above, or %NULL if the chooser chose none
 */
GFile *
_cx_window_export_chosen (GtkFileChooser *chooser,
                          CxExportFormat *format)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  GtkFileFilter *opened_with = g_object_get_data (G_OBJECT (chooser), CX_EXPORT_OPENED_FILTER);
  CxExportFormat listed = CX_EXPORT_PDF;
  gboolean known;

  if (chosen == NULL)
    return NULL;

  /* A list with no type chosen (some portals return none) is as it opened */
  known = filter_format (filter, &listed);
  return _cx_window_export_target (chosen, listed, known && filter != opened_with, format);
}

static void
on_dialog_filter_changed (GtkFileChooser *dialog,
                          GParamSpec     *pspec,
                          gpointer        user_data)
{
  g_autofree char *name = gtk_file_chooser_get_current_name (dialog);
  g_autofree char *renamed = NULL;
  CxExportFormat format;

  if (name == NULL || *name == '\0' || !filter_format (gtk_file_chooser_get_filter (dialog),
                                                       &format))
    return;

  renamed = _cx_window_export_name (name, format);
  if (strcmp (renamed, name) != 0)
    gtk_file_chooser_set_current_name (dialog, renamed);
}

/**
 * _cx_window_follow_export_filter:
 * @self: a #CxWindow
 * @chooser: its export chooser, just shown
 *
 * Where @chooser shows GTK's own dialog, renames the file there each time
 * a type is chosen in the list. A portal's dialog is out of reach: there
 * the rule applies when the chooser is accepted.
 */
void
_cx_window_follow_export_filter (CxWindow       *self,
                                 GtkFileChooser *chooser)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  const char *title = gtk_native_dialog_get_title (GTK_NATIVE_DIALOG (chooser));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!GTK_IS_FILE_CHOOSER_DIALOG (window)
          || gtk_window_get_transient_for (window) != GTK_WINDOW (self)
          || g_strcmp0 (gtk_window_get_title (window), title) != 0
          || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;

      /* the dialog is the chooser's, and goes with it */
      g_signal_connect (window, "notify::filter", G_CALLBACK (on_dialog_filter_changed), NULL);
      return;
    }
}
