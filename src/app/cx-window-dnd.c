/* cx-window-dnd.c — dropping a plan onto a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-window-dnd"

#include "config.h"

#include "cx-format.h"
#include "cx-window-private.h"

/* The first .cxplan of what was dropped, else the first file: the loader
 * then says why it is not a plan */
static GFile *
pick_file (GSList *files)
{
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *basename = g_file_get_basename (l->data);

      if (basename != NULL && g_str_has_suffix (basename, CX_FILE_SUFFIX))
        return l->data;
    }

  return files != NULL ? files->data : NULL;
}

static gboolean
on_drop (CxWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GFile *file = NULL;

  g_assert (CX_IS_WINDOW (self));

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    file = pick_file (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;

  cx_window_open_file (self, file, CX_DOCUMENT_LOAD_DEFAULT);
  return TRUE;
}

void
_cx_window_dnd_init (CxWindow *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_assert (CX_IS_WINDOW (self));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_swapped (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->main_stack), GTK_EVENT_CONTROLLER (target));
}
