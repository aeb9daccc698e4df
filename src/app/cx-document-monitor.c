/* cx-document-monitor.c — noticing that someone else changed the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GFileMonitor watches the document's file. Whatever it reports (a
 * write, an atomic replace, a touch, a deletion), once the file has been
 * quiet for a moment, a thread compares it with what the document knows
 * of it: the etag, size and checksum of the bytes it last read or wrote
 * (cx_file_check()). The document's own saves change the file too, and
 * are told apart that way: what they wrote is what the document knows
 * once they are over, so a look is put off while a save runs, and the
 * answer of a look that began before a save ended is not taken.
 *
 * The user then chooses: reload the file (the window does), or keep
 * their own version — which takes the file as it is now for the one known,
 * so that the next save overwrites it without asking again, and leaves
 * the plan modified, since it is not what the file holds.
 */

#define G_LOG_DOMAIN "cx-document"

#include "config.h"

#include "cx-document-private.h"

/* How long the file must be quiet before it is looked at: an editor's
 * save comes as several events */
#define CX_MONITOR_SETTLE_MS 150

struct _CxDocumentMonitor
{
  CxDocument          *document;    /* (not owned): owns this */
  GFile               *file;        /* watched */
  GFileMonitor        *monitor;
  guint                settle_id;
  gboolean             looking;     /* a look runs in a thread */
  gboolean             look_again;  /* the file changed meanwhile, or a save ran */
  guint                generation;  /* of what the document knows of its file */
  CxDocumentDiskState  state;
  CxFileStamp          disk;        /* of the file changed on disk */
};

G_DEFINE_ENUM_TYPE (CxDocumentDiskState, cx_document_disk_state,
                    G_DEFINE_ENUM_VALUE (CX_DOCUMENT_DISK_SAME, "same"),
                    G_DEFINE_ENUM_VALUE (CX_DOCUMENT_DISK_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (CX_DOCUMENT_DISK_GONE, "gone"))

static void monitor_look (CxDocumentMonitor *monitor);

static void
monitor_set_state (CxDocumentMonitor   *monitor,
                   CxDocumentDiskState  state)
{
  if (monitor->state == state)
    return;

  monitor->state = state;
  _cx_document_notify_disk_state (monitor->document);
}

typedef struct
{
  GFile       *file;
  CxFileStamp  was;
  CxFileStamp  now;
  guint        generation;
  CxFileCheck  check;
} LookData;

static void
look_data_free (LookData *data)
{
  g_clear_object (&data->file);
  cx_file_stamp_clear (&data->was);
  cx_file_stamp_clear (&data->now);
  g_free (data);
}

static void
look_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LookData *data = task_data;

  data->check = cx_file_check (data->file, &data->was, &data->now, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void
on_looked (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CxDocument *self = CX_DOCUMENT (object);
  CxDocumentMonitor *monitor = self->monitor;
  LookData *data = g_task_get_task_data (G_TASK (result));

  monitor->looking = FALSE;

  /* A save began or ended meanwhile: what the document knows is another */
  if (data->generation != monitor->generation || self->busy > 0 || monitor->look_again)
    {
      monitor->look_again = FALSE;
      if (self->busy > 0)
        monitor->look_again = TRUE;
      else
        monitor_look (monitor);
      return;
    }

  switch (data->check)
    {
    case CX_FILE_CHECK_UNCHANGED:
      monitor_set_state (monitor, CX_DOCUMENT_DISK_SAME);
      break;
    case CX_FILE_CHECK_CHANGED:
      cx_file_stamp_copy (&monitor->disk, &data->now);
      monitor_set_state (monitor, CX_DOCUMENT_DISK_CHANGED);
      break;
    case CX_FILE_CHECK_GONE:
      monitor_set_state (monitor, CX_DOCUMENT_DISK_GONE);
      break;
    case CX_FILE_CHECK_UNKNOWN:
    default:
      break;
    }
}

static void
monitor_look (CxDocumentMonitor *monitor)
{
  CxDocument *self = monitor->document;
  g_autoptr(GTask) task = NULL;
  LookData *data;

  if (monitor->looking || self->busy > 0)
    {
      monitor->look_again = TRUE;
      return;
    }
  if (self->file == NULL || self->checksum == NULL)
    return;

  data = g_new0 (LookData, 1);
  data->file = g_object_ref (self->file);
  data->was = (CxFileStamp) { g_strdup (self->etag), self->size, g_strdup (self->checksum) };
  data->generation = monitor->generation;

  monitor->looking = TRUE;
  task = g_task_new (self, NULL, on_looked, NULL);
  g_task_set_source_tag (task, monitor_look);
  g_task_set_task_data (task, data, (GDestroyNotify) look_data_free);
  g_task_run_in_thread (task, look_thread);
}

static gboolean
settle_timeout (gpointer user_data)
{
  CxDocumentMonitor *monitor = user_data;

  monitor->settle_id = 0;
  monitor_look (monitor);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed (GFileMonitor      *file_monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 CxDocumentMonitor *monitor)
{
  if (event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  /* Put off until the file is quiet, or the save that writes it is over */
  if (monitor->document->busy > 0)
    {
      monitor->look_again = TRUE;
      return;
    }
  g_clear_handle_id (&monitor->settle_id, g_source_remove);
  monitor->settle_id = g_timeout_add (CX_MONITOR_SETTLE_MS, settle_timeout, monitor);
}

/* Watches the document's file, if it has one and it is not watched yet */
static void
monitor_watch (CxDocumentMonitor *monitor)
{
  CxDocument *self = monitor->document;
  g_autoptr(GError) error = NULL;

  if (monitor->file != NULL && self->file != NULL && g_file_equal (monitor->file, self->file))
    return;

  if (monitor->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (monitor->monitor, monitor);
      g_file_monitor_cancel (monitor->monitor);
    }
  g_clear_object (&monitor->monitor);
  g_set_object (&monitor->file, self->file);
  if (self->file == NULL)
    return;

  monitor->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor->monitor == NULL)
    {
      g_debug ("The file cannot be watched: %s", error->message);
      return;
    }
  g_signal_connect (monitor->monitor, "changed", G_CALLBACK (on_file_changed), monitor);
}

/* From _cx_document_attach() */
void
_cx_document_monitor_attach (CxDocument *self)
{
  g_assert (CX_IS_DOCUMENT (self));
  g_assert (self->monitor == NULL);

  self->monitor = g_new0 (CxDocumentMonitor, 1);
  self->monitor->document = self;
  self->monitor->disk.size = -1;
  monitor_watch (self->monitor);
}

void
_cx_document_monitor_free (CxDocument *self)
{
  CxDocumentMonitor *monitor = self->monitor;

  if (monitor == NULL)
    return;

  /* A look holds the document: none runs now */
  g_assert (!monitor->looking);

  g_clear_handle_id (&monitor->settle_id, g_source_remove);
  if (monitor->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (monitor->monitor, monitor);
      g_file_monitor_cancel (monitor->monitor);
    }
  g_clear_object (&monitor->monitor);
  g_clear_object (&monitor->file);
  cx_file_stamp_clear (&monitor->disk);
  g_free (monitor);
  self->monitor = NULL;
}

/* After a save: the document knows the file as written, which is what is
 * on disk; events of the save that were put off are looked at now */
void
_cx_document_monitor_saved (CxDocument *self)
{
  CxDocumentMonitor *monitor = self->monitor;

  monitor->generation++;
  monitor_watch (monitor);
  monitor_set_state (monitor, CX_DOCUMENT_DISK_SAME);
  if (monitor->look_again && !monitor->looking)
    {
      monitor->look_again = FALSE;
      monitor_look (monitor);
    }
}

/* A save ended without writing (it failed, or asks to overwrite): events
 * put off meanwhile are looked at */
void
_cx_document_monitor_resume (CxDocument *self)
{
  CxDocumentMonitor *monitor = self->monitor;

  if (monitor->look_again && !monitor->looking && self->busy == 0)
    {
      monitor->look_again = FALSE;
      monitor_look (monitor);
    }
}

/**
 * cx_document_get_disk_state:
 * @self: a #CxDocument
 *
 * Returns: whether someone else changed or removed the document's file
 *   since it was read or saved, as far as the document noticed
 */
CxDocumentDiskState
cx_document_get_disk_state (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), CX_DOCUMENT_DISK_SAME);

  return self->monitor != NULL ? self->monitor->state : CX_DOCUMENT_DISK_SAME;
}

/**
 * cx_document_keep_own_version:
 * @self: a #CxDocument
 *
 * The user keeps their version of a plan whose file changed on disk (or
 * went): the next save overwrites the file without asking, and until then
 * the plan is modified, with a draft.
 */
void
cx_document_keep_own_version (CxDocument *self)
{
  CxDocumentMonitor *monitor;

  g_return_if_fail (CX_IS_DOCUMENT (self));

  monitor = self->monitor;
  if (monitor == NULL || monitor->state == CX_DOCUMENT_DISK_SAME)
    return;

  if (monitor->state == CX_DOCUMENT_DISK_CHANGED)
    {
      g_free (self->etag);
      self->etag = g_strdup (monitor->disk.etag);
      self->size = monitor->disk.size;
      g_free (self->checksum);
      self->checksum = g_strdup (monitor->disk.checksum);
    }
  monitor->generation++;
  cx_file_stamp_clear (&monitor->disk);

  cx_history_set_saved_state (self->history, CX_HISTORY_STATE_NEVER);
  _cx_document_draft_unclean (self);
  monitor_set_state (monitor, CX_DOCUMENT_DISK_SAME);
}
