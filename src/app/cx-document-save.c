/* cx-document-save.c — saving a plan, and not over someone else's changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's bytes are made on the main thread, as the plan is when the
 * user saves, and written atomically in a GTask thread, while the user
 * may go on editing; the document records which state of its history the
 * file holds, so an edit made meanwhile leaves it modified. Saving to the file
 * it was read from first checks that nobody changed that file since: the
 * etag and size, then the bytes' checksum, against what the document
 * kept when it last read or wrote it.
 */

#define G_LOG_DOMAIN "cx-document"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-document-private.h"
#include "cx-file-check.h"

typedef struct
{
  GBytes         *bytes;
  CxHistoryState  state;      /* of the plan the bytes were made from */
  GFile    *file;
  char     *etag;       /* in: as known; out: after the save */
  char     *checksum;   /* idem */
  goffset   size;       /* idem */
  gboolean  check_disk;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->file);
  g_clear_pointer (&data->etag, g_free);
  g_clear_pointer (&data->checksum, g_free);
  g_free (data);
}

/* Whether the file is no longer what was read or saved (see
 * cx-file-check.h). A file that is gone, or cannot be read, has nothing
 * to lose. */
static gboolean
changed_on_disk (SaveData     *data,
                 GCancellable *cancellable)
{
  CxFileStamp was = { data->etag, data->size, data->checksum };

  return cx_file_check (data->file, &was, NULL, cancellable) == CX_FILE_CHECK_CHANGED;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  if (data->check_disk && data->checksum != NULL && changed_on_disk (data, cancellable))
    {
      g_autofree char *name = g_file_get_basename (data->file);

      g_task_return_new_error (task, CX_DOCUMENT_ERROR, CX_DOCUMENT_ERROR_CHANGED_ON_DISK,
                               _("“%s” has changed on disk since it was opened"), name);
      return;
    }

  if (!cx_save_bytes_to_file (data->bytes, data->file, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* What was written, for the next check */
  g_free (data->checksum);
  data->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data->bytes);
  data->size = g_bytes_get_size (data->bytes);

  info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  g_free (data->etag);
  data->etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;

  g_task_return_boolean (task, TRUE);
}

/**
 * cx_document_save_async:
 * @self: a #CxDocument
 * @file: (nullable): where to save, or %NULL for the document's own file
 * @flags: %CX_DOCUMENT_SAVE_OVERWRITE to write over a file that changed
 *   on disk
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is saved, or could not be
 * @user_data: for @callback
 *
 * Saves the plan atomically in a thread. Saving to the document's own
 * file fails with %CX_DOCUMENT_ERROR_CHANGED_ON_DISK when someone else
 * changed it since it was read or saved (and @flags do not overwrite);
 * a document without a file fails with %CX_DOCUMENT_ERROR_NO_FILE.
 */
void
cx_document_save_async (CxDocument          *self,
                        GFile               *file,
                        CxDocumentSaveFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (CX_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cx_document_save_async);

  if (file == NULL)
    file = self->file;
  if (file == NULL)
    {
      g_task_return_new_error (task, CX_DOCUMENT_ERROR, CX_DOCUMENT_ERROR_NO_FILE,
                               _("The plan has no file yet"));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->bytes = cx_plan_to_bytes (self->plan);
  data->state = cx_history_get_state (self->history);
  data->file = g_object_ref (file);
  data->check_disk = !(flags & CX_DOCUMENT_SAVE_OVERWRITE) &&
                     self->file != NULL && g_file_equal (file, self->file);
  if (data->check_disk)
    {
      data->etag = g_strdup (self->etag);
      data->checksum = g_strdup (self->checksum);
      data->size = self->size;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  _cx_document_hold_busy (self);
  g_task_run_in_thread (task, save_thread);
}

/**
 * cx_document_save_finish:
 * @self: a #CxDocument
 * @result: the result given to the callback
 * @error: a #GError
 *
 * On success the document's file is the one saved to, and it is no
 * longer modified.
 *
 * Returns: whether the plan was saved
 */
gboolean
cx_document_save_finish (CxDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (CX_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cx_document_save_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (data == NULL)
    return g_task_propagate_boolean (G_TASK (result), error);

  _cx_document_release_busy (self);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      _cx_document_monitor_resume (self);
      return FALSE;
    }

  _cx_document_set_saved (self, data->file, g_steal_pointer (&data->etag),
                          g_steal_pointer (&data->checksum), data->size, data->state);

  return TRUE;
}
