/* cx-document.c — a plan open in a window: its file, its findings, its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading, saving and exporting run in a GTask thread, so the window never
 * waits on the disk. A thread never sees the live plan, which the user
 * goes on editing: saving and exporting write the plan's bytes on the
 * main thread and hand only those (and copies of the file, etag and
 * checksum) to the thread; the document is changed back on the main
 * thread, in the _finish functions.
 *
 * Every edit goes through the document's history (cx-edit.h), which also
 * says whether the plan is modified. The plan is checked again shortly
 * after a burst of changes, once, and ::findings-changed tells the views.
 *
 * This file holds the object, its state, reading and exporting; saving,
 * with its check for a file changed on disk, is in cx-document-save.c.
 */

#define G_LOG_DOMAIN "cx-document"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-document-private.h"
#include "cx-format.h"

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_DISK_STATE,
  PROP_SAVING_DRAFT,
  N_PROPS
};

enum {
  FINDINGS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CxDocument, cx_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (cx-document-error-quark, cx_document_error)

static void
cx_document_finalize (GObject *object)
{
  CxDocument *self = CX_DOCUMENT (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  _cx_document_draft_free (self);
  _cx_document_monitor_free (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->history);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->source);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->checksum, g_free);

  G_OBJECT_CLASS (cx_document_parent_class)->finalize (object);
}

static void
cx_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CxDocument *self = CX_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, cx_document_get_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_DISK_STATE:
      g_value_set_enum (value, cx_document_get_disk_state (self));
      break;
    case PROP_SAVING_DRAFT:
      g_value_set_boolean (value, _cx_document_draft_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_document_class_init (CxDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cx_document_finalize;
  object_class->get_property = cx_document_get_property;
  object_class->set_property = cx_document_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CX_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CxDocument:modified:
   *
   * Whether the plan differs from its file, or has none: from the
   * history, which knows the state last saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CxDocument:disk-state:
   *
   * Whether someone else changed the file since it was read or saved
   * (see cx-document-monitor.c).
   */
  properties[PROP_DISK_STATE] =
    g_param_spec_enum ("disk-state", NULL, NULL, CX_TYPE_DOCUMENT_DISK_STATE,
                       CX_DOCUMENT_DISK_SAME,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CxDocument:saving-draft:
   *
   * Whether a draft is being made or written (see cx-document-draft.c).
   */
  properties[PROP_SAVING_DRAFT] =
    g_param_spec_boolean ("saving-draft", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CxDocument::findings-changed:
   *
   * The plan was checked again after edits: cx_document_get_findings()
   * is a new array.
   */
  signals[FINDINGS_CHANGED] = g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
}

static void
update_modified (CxDocument *self)
{
  gboolean modified = self->file == NULL || cx_history_get_modified (self->history);

  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static gboolean
check_timeout (gpointer user_data)
{
  CxDocument *self = user_data;

  self->check_source = 0;
  cx_document_check_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (CxPlan       *plan,
                 CxPlanChange  what,
                 GObject      *object,
                 CxDocument   *self)
{
  /* The plan's own title shows in the window's title */
  if (what & CX_PLAN_CHANGE_PROPERTIES)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  if (self->pending == 0)
    self->changed_at = g_get_monotonic_time ();
  self->pending |= what;
  if (self->check_source == 0)
    self->check_source = g_timeout_add (CX_DOCUMENT_CHECK_DELAY_MS, check_timeout, self);
}

/* The document takes its plan: the history, and watching it */
void
_cx_document_attach (CxDocument *self)
{
  g_assert (CX_IS_PLAN (self->plan));
  g_assert (self->history == NULL);

  self->history = cx_history_new (self->plan);
  /* A plan without a file of its own is unsaved whatever its history */
  if (self->file == NULL)
    cx_history_set_saved_state (self->history, CX_HISTORY_STATE_NEVER);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (update_modified), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->plan, "changed", G_CALLBACK (on_plan_changed), self);
  self->modified = self->file == NULL || cx_history_get_modified (self->history);
  _cx_document_draft_attach (self);
  _cx_document_monitor_attach (self);
}

void
_cx_document_notify_disk_state (CxDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
}

void
_cx_document_notify_saving_draft (CxDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING_DRAFT]);
}

/**
 * cx_document_check_now:
 * @self: a #CxDocument
 *
 * Checks the plan at once if it changed since it was last checked (the
 * document does it by itself shortly after a change), and emits
 * ::findings-changed.
 */
void
cx_document_check_now (CxDocument *self)
{
  g_return_if_fail (CX_IS_DOCUMENT (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->pending == 0)
    return;

  self->pending = 0;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = cx_check_plan (self->plan);
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}

static void
cx_document_init (CxDocument *self)
{
}

/**
 * cx_document_new_for_plan:
 * @plan: a plan
 *
 * A document for a plan that has no file yet: it counts as unsaved.
 *
 * Returns: (transfer full): a new #CxDocument
 */
CxDocument *
cx_document_new_for_plan (CxPlan *plan)
{
  CxDocument *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  self = g_object_new (CX_TYPE_DOCUMENT, NULL);
  self->plan = g_object_ref (plan);
  self->findings = cx_check_plan (plan);
  _cx_document_attach (self);

  return self;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

typedef struct
{
  GFile               *file;
  CxDocumentLoadFlags  flags;
  CxPlan              *plan;
  GPtrArray           *findings;
  char                *etag;
  char                *checksum;
  goffset              size;
  CxDiagnostic        *refusal;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->plan);
  g_clear_pointer (&data->findings, g_ptr_array_unref);
  g_clear_pointer (&data->etag, g_free);
  g_clear_pointer (&data->checksum, g_free);
  g_clear_pointer (&data->refusal, cx_diagnostic_free);
  g_free (data);
}

/* What went wrong with a file, in words a user understands */
static char *
describe_io_error (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          return g_strdup (_("the file does not exist"));
        case G_IO_ERROR_PERMISSION_DENIED:
          return g_strdup (_("you are not allowed to read it"));
        case G_IO_ERROR_IS_DIRECTORY:
          return g_strdup (_("it is a folder"));
        default:
          break;
        }
    }

  return g_strdup (error->message);
}

/* The bytes of @file, and its etag into @etag when not %NULL */
GBytes *
_cx_document_read_bounded (GFile         *file,
                           char         **etag,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  guint8 buffer[65536];
  gssize n_read;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
  if (etag != NULL && info != NULL)
    *etag = g_strdup (g_file_info_get_etag (info));

  /* Stop past the reader's limit, as it does: it refuses the rest */
  bytes = g_byte_array_new ();
  while ((n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                        cancellable, error)) > 0)
    {
      g_byte_array_append (bytes, buffer, n_read);
      if (bytes->len > CX_MAX_FILE_SIZE)
        break;
    }
  if (n_read < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  const char *contents;
  gsize length;

  bytes = _cx_document_read_bounded (data->file, &data->etag, cancellable, &error);
  if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* the window went: nothing to say */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (bytes == NULL)
    {
      g_autofree char *what = describe_io_error (error);

      data->refusal = g_new0 (CxDiagnostic, 1);
      data->refusal->message = g_strdup (what);
      g_task_return_new_error (task, CX_PLAN_ERROR, CX_PLAN_ERROR_IO, "%s:0: %s", name, what);
      return;
    }

  contents = g_bytes_get_data (bytes, &length);
  data->size = length;
  data->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                                length);
  /* Closing the window cancels the read (G_IO_ERROR_CANCELLED) */
  data->plan = cx_plan_read_from_data (contents, length, name, NULL, &data->refusal,
                                       cancellable, &error);
  if (data->plan == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->findings = cx_check_plan (data->plan);
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_boolean (task, TRUE);
}

/**
 * cx_document_load_async:
 * @file: a .cxplan file
 * @flags: how to open it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is read and checked, or refused
 * @user_data: for @callback
 *
 * Reads @file and checks the plan in a thread. The new document is only
 * made when the file is accepted, so the caller's current one stays as it
 * is when it is refused.
 */
void
cx_document_load_async (GFile               *file,
                        CxDocumentLoadFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cx_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cx_document_load_finish:
 * @result: the result given to the callback
 * @refusal: (out) (optional) (nullable): where a refused file fails: the
 *   line (0 when the file could not be read at all) and what is wrong
 * @error: a #GError, %CX_PLAN_ERROR domain, or %G_IO_ERROR_CANCELLED when
 *   @cancellable given to cx_document_load_async() was cancelled
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
CxDocument *
cx_document_load_finish (GAsyncResult  *result,
                         CxDiagnostic **refusal,
                         GError       **error)
{
  LoadData *data;
  CxDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cx_document_load_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (refusal != NULL)
        *refusal = g_steal_pointer (&data->refusal);
      return NULL;
    }

  self = g_object_new (CX_TYPE_DOCUMENT, NULL);
  self->plan = g_steal_pointer (&data->plan);
  self->findings = g_steal_pointer (&data->findings);
  self->source = g_object_ref (data->file);

  if (!(data->flags & CX_DOCUMENT_LOAD_AS_COPY))
    {
      self->file = g_object_ref (data->file);
      self->etag = g_steal_pointer (&data->etag);
      self->checksum = g_steal_pointer (&data->checksum);
      self->size = data->size;
    }
  _cx_document_attach (self);

  return self;
}

/* ------------------------------------------------------------------ */
/* State                                                               */

CxPlan *
cx_document_get_plan (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->plan;
}

/**
 * cx_document_get_history:
 * @self: a #CxDocument
 *
 * Returns: (transfer none): the history every edit of the plan goes
 *   through (see cx-edit.h)
 */
CxHistory *
cx_document_get_history (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * cx_document_get_findings:
 * @self: a #CxDocument
 *
 * Returns: (transfer none) (element-type CxFinding): the findings of the
 *   checks, in document order
 */
GPtrArray *
cx_document_get_findings (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->findings;
}

/**
 * cx_document_count_findings:
 * @self: a #CxDocument
 * @counts: (out caller-allocates) (array fixed-size=3): the number of
 *   findings by #CxSeverity
 */
void
cx_document_count_findings (CxDocument *self,
                            guint       counts[3])
{
  g_return_if_fail (CX_IS_DOCUMENT (self));

  cx_findings_count (self->findings, counts);
}

/**
 * cx_document_get_file:
 * @self: a #CxDocument
 *
 * Returns: (transfer none) (nullable): where the plan is saved, or %NULL
 *   when it has never been (a copy of a sample)
 */
GFile *
cx_document_get_file (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * cx_document_get_source:
 * @self: a #CxDocument
 *
 * Returns: (transfer none) (nullable): the file the plan was read from,
 *   which for a copy is not where it will be saved
 */
GFile *
cx_document_get_source (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->source;
}

/**
 * cx_document_dup_name:
 * @self: a #CxDocument
 *
 * Returns: (transfer full): the file's name for display, or the name to
 *   suggest for saving a plan that has none
 */
char *
cx_document_dup_name (CxDocument *self)
{
  GFile *file;

  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  file = self->file != NULL ? self->file : self->source;
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      if (basename != NULL)
        return g_filename_display_name (basename);
    }

  /* Translators: the file name suggested for a new plan */
  return g_strdup (_("Untitled.cxplan"));
}

const char *
cx_document_get_title (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->plan != NULL ? cx_plan_get_title (self->plan) : NULL;
}

const char *
cx_document_get_etag (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->etag;
}

const char *
cx_document_get_checksum (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), NULL);

  return self->checksum;
}

gboolean
cx_document_get_modified (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), FALSE);

  return self->modified;
}


gboolean
cx_document_get_busy (CxDocument *self)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), FALSE);

  return self->busy > 0;
}

/* While a save runs */
void
_cx_document_hold_busy (CxDocument *self)
{
  g_assert (CX_IS_DOCUMENT (self));

  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_cx_document_release_busy (CxDocument *self)
{
  g_assert (CX_IS_DOCUMENT (self));
  g_assert (self->busy > 0);

  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* After a save to @file: the document is that file's now, as written
 * (@etag, and @checksum and @size of its bytes, which it takes), and the
 * plan as it was in @state is what the file holds: not modified, unless
 * it was edited while the save ran */
void
_cx_document_set_saved (CxDocument     *self,
                        GFile          *file,
                        char           *etag,
                        char           *checksum,
                        goffset         size,
                        CxHistoryState  state)
{
  gboolean file_changed;

  g_assert (CX_IS_DOCUMENT (self));
  g_assert (G_IS_FILE (file));

  file_changed = self->file == NULL || !g_file_equal (self->file, file);
  g_set_object (&self->file, file);
  g_set_object (&self->source, file);
  g_free (self->etag);
  self->etag = etag;
  g_free (self->checksum);
  self->checksum = checksum;
  self->size = size;

  if (file_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  cx_history_set_saved_state (self->history, state);
  update_modified (self);
  _cx_document_monitor_saved (self);
  _cx_document_draft_saved (self, state);
}

/* ------------------------------------------------------------------ */
/* Exporting                                                           */

typedef struct
{
  GBytes         *bytes;      /* the plan, as it was when the export began */
  char           *path;
  CxExportFormat  format;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->path, g_free);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CxExportOptions options = {
    /* A picture is pasted into slides: twice the pixels stay sharp there */
    .scale = data->format == CX_EXPORT_PNG ? 2.0 : 1.0,
    .phase = -1,
    .dark = FALSE,
  };

  /* The thread's own plan, from the bytes: the window's is being edited */
  plan = cx_plan_read_from_data (g_bytes_get_data (data->bytes, NULL),
                                 g_bytes_get_size (data->bytes), NULL, NULL, NULL, cancellable,
                                 &error);
  if (plan == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  findings = cx_check_plan (plan);

  if (!cx_map_export (plan, findings, data->path, data->format, &options, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cx_document_export_async:
 * @self: a #CxDocument
 * @file: a local file to write
 * @format: PNG, SVG or PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the map is written, or could not be
 * @user_data: for @callback
 *
 * Draws the whole map with its title block and legend into @file, in the
 * light style, in a thread.
 */
void
cx_document_export_async (CxDocument          *self,
                          GFile               *file,
                          CxExportFormat       format,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (CX_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cx_document_export_async);

  if (g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, CX_DOCUMENT_ERROR, CX_DOCUMENT_ERROR_NOT_LOCAL,
                               _("the map can only be exported to a file on this computer"));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->bytes = cx_plan_to_bytes (self->plan);
  data->path = g_strdup (g_file_peek_path (file));
  data->format = format;
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cx_document_export_finish (CxDocument    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CX_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
