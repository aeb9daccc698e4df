/* cx-document-draft.c — a document's draft, for after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan with changes that are nowhere on disk is written to a draft in
 * the user's store (cx-drafts.h) a few seconds after the last change:
 * CX_DRAFT_DELAY_MS after it, and never more than CX_DRAFT_MAX_DELAY_MS
 * after the first change of a burst, so that a long spell of typing is
 * still kept. Three seconds is past the pauses within typing a word or a
 * sentence, so a burst of keystrokes makes one draft, not one a key; and
 * a crash loses those few seconds at most. The delay can be set, for
 * tests, in $CXPLAN_DRAFT_DELAY_MS (the longest delay is five times it).
 *
 * Whether a draft is needed is kept apart from "modified" (as GNOME Text
 * Editor keeps needs_autosave apart): the plan needs none in the state
 * called clean — the state saved, for a file; the state it was opened in,
 * for a copy of a sample or a new plan, which differ from nothing on disk
 * yet; none at all for a recovered draft, which is the only copy of its
 * changes. Reaching the clean state again (saving, undoing back to it)
 * removes the draft, as letting the document go does (Discard, another
 * plan in the window, reloading it from disk).
 *
 * The bytes are made on the main thread, from the plan itself, in slices
 * between frames (CxSlicedWriter), since writing a big plan takes longer
 * than a frame; only the bytes go to the thread, in parts, which it joins
 * and writes. One
 * write or removal runs at a time; the application is held meanwhile, so
 * that quitting waits for it.
 */

#define G_LOG_DOMAIN "cx-document"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "cx-document-private.h"
#include "cx-sliced-writer.h"

/* How long after the last change, and at most after the first one of a
 * burst, the draft is written */
#define CX_DRAFT_DELAY_MS     3000
#define CX_DRAFT_MAX_DELAY_MS 15000

/* How long a slice of writing holds the main loop: a few milliseconds
 * beside a frame's own work keeps every frame well under 33 ms */
#define CX_DRAFT_SLICE_US 4000

/* Slices run when the main loop is idle, between frames. When frames
 * never leave it idle (a slow machine, a long animation), after this
 * long they run between frames all the same, one slice at a time, so
 * that the draft is still written */
#define CX_DRAFT_STARVED_MS 500

struct _CxDocumentDraft
{
  CxDocument     *document;      /* (not owned): owns this */
  CxDraftStore   *store;
  char           *id;            /* NULL until the first draft is written */
  gboolean        on_disk;       /* a draft of that id is in the store */
  CxHistoryState  clean;         /* the state that needs no draft */
  CxHistoryState  drafted;       /* the state the draft on disk holds */
  gboolean        discarded;     /* let go of: no more drafts */

  guint           delay_ms;
  guint           max_delay_ms;
  guint           timeout_id;
  gint64          first_change;  /* monotonic µs; 0: none waits */
  gint64          last_change;

  CxSlicedWriter *writer;        /* while the bytes are being made */
  guint           slice_id;
  guint           starved_id;
  CxDraftTimings  timings;
  gboolean        io_running;    /* a write or a removal, in a thread */
  gboolean        look_again;    /* changes came while it ran */
  gboolean        remove_after;  /* remove when it is over */
};

static void draft_look (CxDocumentDraft *draft);

static gboolean
draft_get_busy (CxDocumentDraft *draft)
{
  return draft->writer != NULL || draft->io_running;
}

/* Tells whether a draft is being made or written, on a change of it */
static void
draft_notify_busy (CxDocumentDraft *draft,
                   gboolean         was_busy)
{
  if (was_busy != draft_get_busy (draft))
    _cx_document_notify_saving_draft (draft->document);
}

static void
hold_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_hold (app);
}

static void
release_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_release (app);
}

static void
draft_stop_making (CxDocumentDraft *draft)
{
  g_clear_handle_id (&draft->slice_id, g_source_remove);
  g_clear_handle_id (&draft->starved_id, g_source_remove);
  g_clear_pointer (&draft->writer, cx_sliced_writer_free);
}

/* ------------------------------------------------------------------ */
/* Removing                                                            */

static void
on_draft_removed (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CxDocument *self = CX_DOCUMENT (object);
  CxDocumentDraft *draft = self->draft;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("The draft of “%s” could not be removed: %s", draft->id, error->message);
  else
    draft->on_disk = FALSE;

  draft->io_running = FALSE;
  draft->remove_after = FALSE;
  draft_notify_busy (draft, TRUE);
  release_application ();

  if (draft->look_again && !draft->discarded)
    {
      draft->look_again = FALSE;
      draft_look (draft);
    }
}

/* What a thread is given: never the document */
typedef struct
{
  CxDraftStore   *store;
  char           *id;      /* of the draft to remove */
  CxDraft        *draft;   /* or to write, with the plan's bytes in parts */
  GPtrArray      *parts;   /* (element-type GBytes) */
  CxHistoryState  state;   /* of the plan the bytes were made from */
} IoData;

static void
io_data_free (IoData *data)
{
  g_clear_object (&data->store);
  g_free (data->id);
  g_clear_object (&data->draft);
  g_clear_pointer (&data->parts, g_ptr_array_unref);
  g_free (data);
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IoData *data = task_data;
  GError *error = NULL;

  if (cx_draft_store_remove (data->store, data->id, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The plan needs no draft (any more): the one on disk goes, once what
 * runs is over */
static void
draft_remove (CxDocumentDraft *draft)
{
  g_autoptr(GTask) task = NULL;
  gboolean was_busy = draft_get_busy (draft);
  IoData *data;

  g_clear_handle_id (&draft->timeout_id, g_source_remove);
  draft->first_change = 0;
  draft_stop_making (draft);
  draft->drafted = CX_HISTORY_STATE_NEVER;

  if (draft->io_running)
    {
      draft->remove_after = TRUE;
      draft->look_again = FALSE;
      return;
    }
  if (draft->id == NULL || !draft->on_disk)
    {
      draft_notify_busy (draft, was_busy);
      return;
    }

  data = g_new0 (IoData, 1);
  data->store = g_object_ref (draft->store);
  data->id = g_strdup (draft->id);

  draft->io_running = TRUE;
  hold_application ();
  task = g_task_new (draft->document, NULL, on_draft_removed, NULL);
  g_task_set_source_tag (task, draft_remove);
  g_task_set_task_data (task, data, (GDestroyNotify) io_data_free);
  g_task_run_in_thread (task, remove_thread);
  draft_notify_busy (draft, was_busy);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  IoData *data = task_data;
  g_autoptr(GBytes) bytes = cx_sliced_writer_join (data->parts);
  GError *error = NULL;

  if (cx_draft_store_write (data->store, data->draft, bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_draft_written (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CxDocument *self = CX_DOCUMENT (object);
  CxDocumentDraft *draft = self->draft;
  IoData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Even a failed write may have left the plan */
  draft->on_disk = TRUE;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    draft->drafted = data->state;
  else
    g_message ("The draft of “%s” could not be written: %s", draft->id, error->message);

  draft->io_running = FALSE;
  release_application ();

  if (draft->remove_after || draft->discarded)
    {
      draft->remove_after = FALSE;
      draft_remove (draft);
      draft_notify_busy (draft, TRUE);
      return;
    }

  draft_notify_busy (draft, TRUE);
  if (draft->look_again)
    {
      draft->look_again = FALSE;
      draft_look (draft);
    }
}

/* What the draft says beside the plan: what it belongs to, now */
static CxDraft *
describe (CxDocumentDraft *draft)
{
  CxDocument *self = draft->document;
  g_autoptr(CxDraft) description = cx_draft_new (draft->id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  cx_draft_set_file (description, self->file);
  cx_draft_set_source (description, self->source);
  cx_draft_set_title (description, cx_plan_get_title (self->plan));
  cx_draft_set_written (description, now);
  if (self->file != NULL)
    {
      CxFileStamp stamp = { self->etag, self->size, self->checksum };

      cx_draft_set_file_stamp (description, &stamp);
    }

  return g_steal_pointer (&description);
}

/* The bytes are made: to the thread with them, which joins their parts */
static void
draft_write (CxDocumentDraft *draft,
             GPtrArray       *parts)
{
  g_autoptr(GTask) task = NULL;
  IoData *data;

  g_assert (!draft->io_running);

  if (draft->id == NULL)
    draft->id = cx_draft_new_id ();

  data = g_new0 (IoData, 1);
  data->store = g_object_ref (draft->store);
  data->parts = g_ptr_array_ref (parts);
  data->state = cx_history_get_state (draft->document->history);
  data->draft = describe (draft);

  draft->io_running = TRUE;
  hold_application ();
  task = g_task_new (draft->document, NULL, on_draft_written, NULL);
  g_task_set_source_tag (task, draft_write);
  g_task_set_task_data (task, data, (GDestroyNotify) io_data_free);
  g_task_run_in_thread (task, write_thread);
}

/* The main thread's own time, which other processes do not lengthen */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* How long a part of making a draft held the main loop */
static void
time_since (gint64  wall_start,
            gint64  cpu_start,
            gint64 *longest_wall,
            gint64 *longest_cpu)
{
  *longest_wall = MAX (*longest_wall, g_get_monotonic_time () - wall_start);
  *longest_cpu = MAX (*longest_cpu, thread_cpu_time () - cpu_start);
}

static gboolean
make_slice (gpointer user_data)
{
  CxDocumentDraft *draft = user_data;
  g_autoptr(GPtrArray) parts = NULL;
  gint64 wall = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();
  gboolean done;

  done = cx_sliced_writer_write_some (draft->writer, CX_DRAFT_SLICE_US);
  draft->timings.n_slices++;
  time_since (wall, cpu, &draft->timings.longest_slice_us, &draft->timings.longest_slice_cpu_us);
  if (!done)
    return G_SOURCE_CONTINUE;

  /* Undone back to the clean state meanwhile: nothing to keep */
  draft->slice_id = 0;
  g_clear_handle_id (&draft->starved_id, g_source_remove);
  if (cx_history_get_state (draft->document->history) == draft->clean)
    {
      draft_remove (draft);
      return G_SOURCE_REMOVE;
    }

  wall = g_get_monotonic_time ();
  cpu = thread_cpu_time ();
  parts = cx_sliced_writer_finish_parts (draft->writer);
  g_clear_pointer (&draft->writer, cx_sliced_writer_free);
  time_since (wall, cpu, &draft->timings.longest_finish_us,
              &draft->timings.longest_finish_cpu_us);
  draft->timings.n_made++;
  draft_write (draft, parts);

  return G_SOURCE_REMOVE;
}

/* The main loop was never idle since the draft began: the slices go
 * before the frame clock's (GDK_PRIORITY_REDRAW, HIGH_IDLE + 20), still
 * one at a time between frames */
static gboolean
on_starved (gpointer user_data)
{
  CxDocumentDraft *draft = user_data;

  draft->starved_id = 0;
  g_clear_handle_id (&draft->slice_id, g_source_remove);
  draft->slice_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, make_slice, draft, NULL);

  return G_SOURCE_REMOVE;
}

/* The timer is over: does the plan need a draft, or none? */
static void
draft_look (CxDocumentDraft *draft)
{
  CxHistoryState state;
  gboolean was_busy = draft_get_busy (draft);

  if (draft->discarded || draft->writer != NULL)
    return;

  state = cx_history_get_state (draft->document->history);
  if (state == draft->clean)
    {
      draft_remove (draft);
      return;
    }
  if (state == draft->drafted)
    return;
  if (draft->io_running)
    {
      draft->look_again = TRUE;
      return;
    }

  /* Between frames, below input and drawing */
  draft->writer = cx_sliced_writer_new (draft->document->plan);
  draft->slice_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, make_slice, draft, NULL);
  draft->starved_id = g_timeout_add (CX_DRAFT_STARVED_MS, on_starved, draft);
  draft_notify_busy (draft, was_busy);
}

static gboolean
draft_timeout (gpointer user_data)
{
  CxDocumentDraft *draft = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 due;

  due = MIN (draft->last_change + draft->delay_ms * (gint64) 1000,
             draft->first_change + draft->max_delay_ms * (gint64) 1000);
  if (now < due)
    {
      /* Changes came since: wait for them to settle */
      draft->timeout_id = g_timeout_add (MAX (1, (due - now) / 1000), draft_timeout, draft);
      return G_SOURCE_REMOVE;
    }

  draft->timeout_id = 0;
  draft->first_change = 0;
  draft_look (draft);

  return G_SOURCE_REMOVE;
}

static void
draft_schedule (CxDocumentDraft *draft)
{
  gint64 now = g_get_monotonic_time ();

  if (draft->discarded)
    return;

  draft->last_change = now;
  if (draft->first_change == 0)
    draft->first_change = now;
  if (draft->timeout_id == 0)
    draft->timeout_id = g_timeout_add (draft->delay_ms, draft_timeout, draft);
}

static void
on_plan_changed (CxPlan          *plan,
                 CxPlanChange     what,
                 GObject         *object,
                 CxDocumentDraft *draft)
{
  draft_schedule (draft);
}

/* Undone back to the state saved: the draft is stale */
static void
on_modified_changed (CxHistory       *history,
                     GParamSpec      *pspec,
                     CxDocumentDraft *draft)
{
  if (cx_history_get_state (history) == draft->clean)
    draft_remove (draft);
}

/* ------------------------------------------------------------------ */
/* The document's side                                                 */

/* From _cx_document_attach(): the plan as it is now needs no draft */
void
_cx_document_draft_attach (CxDocument *self)
{
  CxDocumentDraft *draft;
  const char *delay = g_getenv ("CXPLAN_DRAFT_DELAY_MS");

  g_assert (CX_IS_DOCUMENT (self));
  g_assert (self->draft == NULL);

  draft = g_new0 (CxDocumentDraft, 1);
  draft->document = self;
  draft->store = cx_draft_store_new_default ();
  draft->clean = cx_history_get_state (self->history);
  draft->drafted = CX_HISTORY_STATE_NEVER;
  draft->delay_ms = CX_DRAFT_DELAY_MS;
  if (delay != NULL && g_ascii_strtoull (delay, NULL, 10) > 0)
    draft->delay_ms = MIN (g_ascii_strtoull (delay, NULL, 10), 600000);
  draft->max_delay_ms = delay != NULL ? draft->delay_ms * 5 : CX_DRAFT_MAX_DELAY_MS;
  self->draft = draft;

  g_signal_connect (self->plan, "changed", G_CALLBACK (on_plan_changed), draft);
  g_signal_connect (self->history, "notify::modified", G_CALLBACK (on_modified_changed), draft);
}

void
_cx_document_draft_free (CxDocument *self)
{
  CxDocumentDraft *draft = self->draft;

  if (draft == NULL)
    return;

  /* A write or removal holds the document: none runs now */
  g_assert (!draft->io_running);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, draft);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, draft);
  g_clear_handle_id (&draft->timeout_id, g_source_remove);
  draft_stop_making (draft);
  g_clear_object (&draft->store);
  g_free (draft->id);
  g_free (draft);
  self->draft = NULL;
}

/* After a save of the plan in @state: that is the clean state now. The
 * plan edited meanwhile keeps its draft, written again, since what it
 * says of the file is no longer true. */
void
_cx_document_draft_saved (CxDocument     *self,
                          CxHistoryState  state)
{
  CxDocumentDraft *draft = self->draft;

  draft->clean = state;
  if (cx_history_get_state (self->history) == state)
    {
      draft_remove (draft);
      return;
    }

  draft->drafted = CX_HISTORY_STATE_NEVER;
  draft_schedule (draft);
}

/* The plan no longer is what its file holds, and no state of it will be
 * again (the file changed on disk, and the user kept their version) */
void
_cx_document_draft_unclean (CxDocument *self)
{
  self->draft->clean = CX_HISTORY_STATE_NEVER;
  self->draft->drafted = CX_HISTORY_STATE_NEVER;
  draft_schedule (self->draft);
}

/* How long making the drafts held the main loop, for the benchmark */
void
_cx_document_draft_get_timings (CxDocument     *self,
                                CxDraftTimings *timings)
{
  *timings = self->draft->timings;
}

gboolean
_cx_document_draft_get_busy (CxDocument *self)
{
  return self->draft != NULL && draft_get_busy (self->draft);
}

/**
 * cx_document_get_saving_draft:
 * @self: a #CxDocument
 *
 * Returns: whether a draft is being made (in slices, on the main loop)
 *   or written (in a thread) now
 */
gboolean
cx_document_get_saving_draft (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), FALSE);

  return _cx_document_draft_get_busy (self);
}

/**
 * cx_document_get_draft_id:
 * @self: a #CxDocument
 *
 * Returns: (nullable): the id of the document's draft in the store, once
 *   one was written (or for a recovered draft)
 */
const char *
cx_document_get_draft_id (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->draft != NULL ? self->draft->id : NULL;
}

/**
 * cx_document_discard_draft:
 * @self: a #CxDocument
 *
 * The document is let go of, its changes saved or discarded: its draft
 * is removed, and no other is written.
 */
void
cx_document_discard_draft (CxDocument *self)
{
  g_return_if_fail (CX_IS_DOCUMENT (self));

  if (self->draft == NULL)
    return;

  self->draft->discarded = TRUE;
  draft_remove (self->draft);
}

/* ------------------------------------------------------------------ */
/* Recovering                                                          */

typedef struct
{
  CxDraftStore *store;
  CxDraft      *draft;
  CxPlan       *plan;
  GPtrArray    *findings;
} RecoverData;

static void
recover_data_free (RecoverData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->draft);
  g_clear_object (&data->plan);
  g_clear_pointer (&data->findings, g_ptr_array_unref);
  g_free (data);
}

static void
recover_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RecoverData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = cx_draft_store_read (data->store, cx_draft_get_id (data->draft), cancellable, &error);
  if (bytes != NULL)
    data->plan = cx_plan_read_from_data (g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes), NULL, NULL, NULL, cancellable,
                                         &error);
  if (data->plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->findings = cx_check_plan (data->plan);
  g_task_return_boolean (task, TRUE);
}

/**
 * cx_document_load_draft_async:
 * @store: the store of @draft
 * @draft: a draft of the store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the draft is read, or could not be
 * @user_data: for @callback
 *
 * Reads the plan of @draft and checks it in a thread.
 */
void
cx_document_load_draft_async (CxDraftStore        *store,
                              CxDraft             *draft,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RecoverData *data;

  g_return_if_fail (CX_IS_DRAFT_STORE (store));
  g_return_if_fail (CX_IS_DRAFT (draft));

  data = g_new0 (RecoverData, 1);
  data->store = g_object_ref (store);
  data->draft = g_object_ref (draft);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cx_document_load_draft_async);
  g_task_set_task_data (task, data, (GDestroyNotify) recover_data_free);
  g_task_run_in_thread (task, recover_thread);
}

/**
 * cx_document_load_draft_finish:
 * @result: the result given to the callback
 * @error: a #GError
 *
 * The document of a recovered draft: the draft's plan, modified, whose
 * file is the draft's (or none), known as the file was when the draft's
 * editor last read or saved it, so that saving asks before overwriting
 * what changed on disk since. It goes on with the same draft, until it is
 * saved or discarded.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 */
CxDocument *
cx_document_load_draft_finish (GAsyncResult  *result,
                               GError       **error)
{
  RecoverData *data;
  CxDocument *self;
  const CxFileStamp *stamp;
  GFile *source;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cx_document_load_draft_async,
                        NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  self = g_object_new (CX_TYPE_DOCUMENT, NULL);
  self->plan = g_steal_pointer (&data->plan);
  self->findings = g_steal_pointer (&data->findings);
  source = cx_draft_get_source (data->draft);
  if (source == NULL)
    source = cx_draft_get_file (data->draft);
  g_set_object (&self->source, source);
  g_set_object (&self->file, cx_draft_get_file (data->draft));
  if (self->file != NULL)
    {
      stamp = cx_draft_get_file_stamp (data->draft);
      self->etag = g_strdup (stamp->etag);
      self->size = stamp->size;
      self->checksum = g_strdup (stamp->checksum);
    }
  _cx_document_attach (self);

  /* Its changes are in no file, and the draft is their only copy */
  self->draft->id = g_strdup (cx_draft_get_id (data->draft));
  self->draft->on_disk = TRUE;
  self->draft->clean = CX_HISTORY_STATE_NEVER;
  self->draft->drafted = cx_history_get_state (self->history);
  cx_history_set_saved_state (self->history, CX_HISTORY_STATE_NEVER);

  return self;
}
