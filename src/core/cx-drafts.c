/* cx-drafts.c — drafts of plans being edited, kept for after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan of a draft is what holds the user's work, so it is what a
 * store lists: ID.cxplan, with ID.cxdraft beside it when it can be read
 * (a plan whose key file is missing or broken is still offered, as a plan
 * that was never saved). Writing puts the plan first, then the key file,
 * each atomically; removing takes the plan first. So a crash at any point
 * leaves either the old draft, the new one, or a plan with the key file of
 * its previous write, which describes the same file.
 */

#define G_LOG_DOMAIN "cx-drafts"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cx-drafts.h"
#include "cx-format.h"
#include "cx-plan-io.h"

#define PLAN_SUFFIX CX_FILE_SUFFIX
#define GROUP       "Draft"
#define FORMAT      1

G_DEFINE_QUARK (cx-draft-error-quark, cx_draft_error)

/* ------------------------------------------------------------------ */
/* A draft's description                                               */

struct _CxDraft
{
  GObject      parent_instance;

  char        *id;
  GFile       *file;       /* where the plan is saved; NULL: never saved */
  GFile       *source;     /* what it was read or copied from */
  char        *title;
  GDateTime   *written;
  CxFileStamp  stamp;      /* of the file, when the editor last read or saved it */
  CxFileCheck  check;      /* of the file now, once cx_draft_check_file() said */
};

G_DEFINE_FINAL_TYPE (CxDraft, cx_draft, G_TYPE_OBJECT)

static void
cx_draft_finalize (GObject *object)
{
  CxDraft *self = CX_DRAFT (object);

  g_free (self->id);
  g_clear_object (&self->file);
  g_clear_object (&self->source);
  g_free (self->title);
  g_clear_pointer (&self->written, g_date_time_unref);
  cx_file_stamp_clear (&self->stamp);

  G_OBJECT_CLASS (cx_draft_parent_class)->finalize (object);
}

static void
cx_draft_class_init (CxDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cx_draft_finalize;
}

static void
cx_draft_init (CxDraft *self)
{
  self->stamp.size = -1;
  self->check = CX_FILE_CHECK_UNKNOWN;
}

/**
 * cx_draft_new_id:
 *
 * Returns: (transfer full): an id no other draft has (a random UUID)
 */
char *
cx_draft_new_id (void)
{
  return g_uuid_string_random ();
}

/**
 * cx_draft_id_is_valid:
 * @id: (nullable): what may be an id, as a script gives it
 *
 * Ids name files in the store's folder: only what cx_draft_new_id()
 * makes is taken, so that no id reaches outside it.
 *
 * Returns: whether @id is the id of a draft
 */
gboolean
cx_draft_id_is_valid (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

/**
 * cx_draft_new:
 * @id: a valid id (see cx_draft_new_id())
 *
 * Returns: (transfer full): a description of a draft, to fill in
 */
CxDraft *
cx_draft_new (const char *id)
{
  CxDraft *self;

  g_return_val_if_fail (cx_draft_id_is_valid (id), NULL);

  self = g_object_new (CX_TYPE_DRAFT, NULL);
  self->id = g_strdup (id);

  return self;
}

const char *
cx_draft_get_id (CxDraft *self)
{
  g_return_val_if_fail (CX_IS_DRAFT (self), NULL);

  return self->id;
}

/**
 * cx_draft_get_file:
 * @self: a #CxDraft
 *
 * Returns: (transfer none) (nullable): the file the plan belongs to, or
 *   %NULL for a plan that was never saved
 */
GFile *
cx_draft_get_file (CxDraft *self)
{
  g_return_val_if_fail (CX_IS_DRAFT (self), NULL);

  return self->file;
}

void
cx_draft_set_file (CxDraft *self,
                   GFile   *file)
{
  g_return_if_fail (CX_IS_DRAFT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
}

/**
 * cx_draft_get_source:
 * @self: a #CxDraft
 *
 * Returns: (transfer none) (nullable): what the plan was read from: its
 *   file, or the sample or template it is a copy of
 */
GFile *
cx_draft_get_source (CxDraft *self)
{
  g_return_val_if_fail (CX_IS_DRAFT (self), NULL);

  return self->source;
}

void
cx_draft_set_source (CxDraft *self,
                     GFile   *source)
{
  g_return_if_fail (CX_IS_DRAFT (self));
  g_return_if_fail (source == NULL || G_IS_FILE (source));

  g_set_object (&self->source, source);
}

const char *
cx_draft_get_title (CxDraft *self)
{
  g_return_val_if_fail (CX_IS_DRAFT (self), NULL);

  return self->title;
}

void
cx_draft_set_title (CxDraft    *self,
                    const char *title)
{
  g_return_if_fail (CX_IS_DRAFT (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * cx_draft_get_written:
 * @self: a #CxDraft
 *
 * Returns: (transfer none) (nullable): when the draft was written
 */
GDateTime *
cx_draft_get_written (CxDraft *self)
{
  g_return_val_if_fail (CX_IS_DRAFT (self), NULL);

  return self->written;
}

void
cx_draft_set_written (CxDraft   *self,
                      GDateTime *written)
{
  g_return_if_fail (CX_IS_DRAFT (self));

  if (written != NULL)
    g_date_time_ref (written);
  g_clear_pointer (&self->written, g_date_time_unref);
  self->written = written;
}

/**
 * cx_draft_get_file_stamp:
 * @self: a #CxDraft
 *
 * Returns: (transfer none): the etag, size and checksum of the draft's
 *   file when the editor last read or saved it (none for a plan never
 *   saved)
 */
const CxFileStamp *
cx_draft_get_file_stamp (CxDraft *self)
{
  g_return_val_if_fail (CX_IS_DRAFT (self), NULL);

  return &self->stamp;
}

void
cx_draft_set_file_stamp (CxDraft           *self,
                         const CxFileStamp *stamp)
{
  g_return_if_fail (CX_IS_DRAFT (self));
  g_return_if_fail (stamp != NULL);

  cx_file_stamp_copy (&self->stamp, stamp);
}

/**
 * cx_draft_check_file:
 * @self: a #CxDraft
 * @cancellable: (nullable): a #GCancellable
 *
 * Looks whether the draft's file changed on disk since the editor last
 * read or saved it, and keeps the answer (cx_draft_get_file_check()).
 * Blocking.
 *
 * Returns: the answer; %CX_FILE_CHECK_UNKNOWN for a plan never saved
 */
CxFileCheck
cx_draft_check_file (CxDraft      *self,
                     GCancellable *cancellable)
{
  g_return_val_if_fail (CX_IS_DRAFT (self), CX_FILE_CHECK_UNKNOWN);

  if (self->file == NULL)
    self->check = CX_FILE_CHECK_UNKNOWN;
  else
    self->check = cx_file_check (self->file, &self->stamp, NULL, cancellable);

  return self->check;
}

/**
 * cx_draft_get_file_check:
 * @self: a #CxDraft
 *
 * Returns: what cx_draft_check_file() last said, %CX_FILE_CHECK_UNKNOWN
 *   before
 */
CxFileCheck
cx_draft_get_file_check (CxDraft *self)
{
  g_return_val_if_fail (CX_IS_DRAFT (self), CX_FILE_CHECK_UNKNOWN);

  return self->check;
}

/* ------------------------------------------------------------------ */
/* The key file                                                        */

static char *
dup_uri (GFile *file)
{
  return file != NULL ? g_file_get_uri (file) : NULL;
}

static GKeyFile *
draft_to_key_file (CxDraft *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *file = dup_uri (self->file);
  g_autofree char *source = dup_uri (self->source);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *written = NULL;

  if (self->written == NULL)
    now = g_date_time_new_now_utc ();
  written = g_date_time_format_iso8601 (self->written != NULL ? self->written : now);

  g_key_file_set_integer (keys, GROUP, "Format", FORMAT);
  if (file != NULL)
    g_key_file_set_string (keys, GROUP, "File", file);
  if (source != NULL)
    g_key_file_set_string (keys, GROUP, "Source", source);
  if (self->title != NULL)
    g_key_file_set_string (keys, GROUP, "Title", self->title);
  g_key_file_set_string (keys, GROUP, "Written", written);
  if (self->stamp.etag != NULL)
    g_key_file_set_string (keys, GROUP, "FileEtag", self->stamp.etag);
  if (self->stamp.size >= 0)
    g_key_file_set_int64 (keys, GROUP, "FileSize", self->stamp.size);
  if (self->stamp.checksum != NULL)
    g_key_file_set_string (keys, GROUP, "FileChecksum", self->stamp.checksum);

  return g_steal_pointer (&keys);
}

static GFile *
file_for_key (GKeyFile   *keys,
              const char *key)
{
  g_autofree char *uri = g_key_file_get_string (keys, GROUP, key, NULL);

  /* A URI, as written: a bare path or anything else is not taken */
  if (uri == NULL || !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    return NULL;

  return g_file_new_for_uri (uri);
}

/* Fills @self from the key file's data. Keys that are missing or wrong
 * are left out: the plan is still the user's work. */
static void
draft_read_key_file (CxDraft  *self,
                     GKeyFile *keys)
{
  g_autofree char *written = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr(GError) error = NULL;
  gint64 size;

  self->file = file_for_key (keys, "File");
  self->source = file_for_key (keys, "Source");
  self->title = g_key_file_get_string (keys, GROUP, "Title", NULL);

  written = g_key_file_get_string (keys, GROUP, "Written", NULL);
  if (written != NULL)
    self->written = g_date_time_new_from_iso8601 (written, NULL);

  self->stamp.etag = g_key_file_get_string (keys, GROUP, "FileEtag", NULL);
  size = g_key_file_get_int64 (keys, GROUP, "FileSize", &error);
  self->stamp.size = error == NULL && size >= 0 ? size : -1;
  checksum = g_key_file_get_string (keys, GROUP, "FileChecksum", NULL);
  if (checksum != NULL && strlen (checksum) == 64 &&
      strspn (checksum, "0123456789abcdef") == 64)
    self->stamp.checksum = g_steal_pointer (&checksum);
}

/* ------------------------------------------------------------------ */
/* The store                                                           */

struct _CxDraftStore
{
  GObject  parent_instance;

  GFile   *directory;
};

G_DEFINE_FINAL_TYPE (CxDraftStore, cx_draft_store, G_TYPE_OBJECT)

static void
cx_draft_store_finalize (GObject *object)
{
  CxDraftStore *self = CX_DRAFT_STORE (object);

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (cx_draft_store_parent_class)->finalize (object);
}

static void
cx_draft_store_class_init (CxDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cx_draft_store_finalize;
}

static void
cx_draft_store_init (CxDraftStore *self)
{
}

/**
 * cx_draft_store_new:
 * @directory: a local folder, made when the first draft is written
 *
 * Returns: (transfer full): a store of drafts in @directory
 */
CxDraftStore *
cx_draft_store_new (GFile *directory)
{
  CxDraftStore *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (g_file_peek_path (directory) != NULL, NULL);

  self = g_object_new (CX_TYPE_DRAFT_STORE, NULL);
  self->directory = g_object_ref (directory);

  return self;
}

/**
 * cx_draft_store_new_default:
 *
 * Returns: (transfer full): the store of the user's drafts, in
 *   g_get_user_data_dir()/cxplan/drafts
 */
CxDraftStore *
cx_draft_store_new_default (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "cxplan", "drafts", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);

  return cx_draft_store_new (directory);
}

/**
 * cx_draft_store_get_directory:
 * @self: a #CxDraftStore
 *
 * Returns: (transfer none): the folder of the drafts
 */
GFile *
cx_draft_store_get_directory (CxDraftStore *self)
{
  g_return_val_if_fail (CX_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (cx_draft_id_is_valid (id))
    return TRUE;

  g_set_error (error, CX_DRAFT_ERROR, CX_DRAFT_ERROR_INVALID, _("“%s” is not the id of a draft"),
               id != NULL ? id : "");
  return FALSE;
}

static GFile *
child_for (CxDraftStore *self,
           const char   *id,
           const char   *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (self->directory, name);
}

/**
 * cx_draft_store_write:
 * @self: a #CxDraftStore
 * @draft: what the draft belongs to; its id names it
 * @plan: the plan's bytes, as cx_plan_to_bytes() makes them
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Writes the draft, replacing the one of the same id: the plan, then the
 * key file, each atomically, readable by the user alone. Blocking.
 *
 * Returns: whether the draft was written
 */
gboolean
cx_draft_store_write (CxDraftStore  *self,
                      CxDraft       *draft,
                      GBytes        *plan,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) plan_file = NULL;
  g_autoptr(GFile) info_file = NULL;
  g_autoptr(GKeyFile) keys = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CX_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (CX_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  /* The plans may be private: the folder is the user's alone */
  if (g_mkdir_with_parents (g_file_peek_path (self->directory), 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (g_file_peek_path (self->directory));

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder of drafts “%s” cannot be made: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }

  plan_file = child_for (self, draft->id, PLAN_SUFFIX);
  if (!cx_save_bytes_to_file (plan, plan_file, cancellable, error))
    return FALSE;

  info_file = child_for (self, draft->id, CX_DRAFT_INFO_SUFFIX);
  keys = draft_to_key_file (draft);
  data = g_key_file_to_data (keys, &length, NULL);

  return g_file_set_contents_full (g_file_peek_path (info_file), data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* The draft @id, from its key file if there is one that can be read;
 * NULL with @error when its plan is not there */
static CxDraft *
lookup_draft (CxDraftStore  *self,
              const char    *id,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) plan_file = child_for (self, id, PLAN_SUFFIX);
  g_autoptr(GFile) info_file = child_for (self, id, CX_DRAFT_INFO_SUFFIX);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CxDraft) draft = NULL;

  info = g_file_query_info (plan_file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                            cancellable, &local_error);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CX_DRAFT_ERROR, CX_DRAFT_ERROR_NOT_FOUND, _("There is no draft “%s”"),
                     id);
      return NULL;
    }

  draft = cx_draft_new (id);
  if (g_key_file_load_from_file (keys, g_file_peek_path (info_file), G_KEY_FILE_NONE,
                                 &local_error))
    draft_read_key_file (draft, keys);
  else if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("The description of draft %s cannot be read: %s", id, local_error->message);

  /* When the key file does not say, the plan's own time */
  if (draft->written == NULL)
    draft->written = g_file_info_get_modification_date_time (info);

  return g_steal_pointer (&draft);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  CxDraft *x = *(CxDraft **) a, *y = *(CxDraft **) b;

  if (x->written == NULL || y->written == NULL)
    return (x->written == NULL) - (y->written == NULL);

  return -g_date_time_compare (x->written, y->written);
}

/**
 * cx_draft_store_list:
 * @self: a #CxDraftStore
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Every draft in the store, newest first. An empty or missing folder has
 * none. Blocking.
 *
 * Returns: (transfer container) (element-type CxDraft): the drafts, or
 *   %NULL with @error set when the folder cannot be read
 */
GPtrArray *
cx_draft_store_list (CxDraftStore  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CX_IS_DRAFT_STORE (self), NULL);

  children = g_file_enumerate_children (self->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable,
                                        &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      g_autofree char *id = NULL;
      const char *name;
      CxDraft *draft;

      if (!g_file_enumerator_iterate (children, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      /* ID.cxplan: the temporary files of a write begin with a dot */
      name = g_file_info_get_name (info);
      if (!g_str_has_suffix (name, PLAN_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (PLAN_SUFFIX));
      if (!cx_draft_id_is_valid (id))
        continue;

      draft = lookup_draft (self, id, cancellable, NULL);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}

/**
 * cx_draft_store_lookup:
 * @self: a #CxDraftStore
 * @id: the id of a draft
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError: %CX_DRAFT_ERROR_NOT_FOUND when there is none,
 *   %CX_DRAFT_ERROR_INVALID when @id is not an id
 *
 * Returns: (transfer full) (nullable): what the draft belongs to
 */
CxDraft *
cx_draft_store_lookup (CxDraftStore  *self,
                       const char    *id,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (CX_IS_DRAFT_STORE (self), NULL);

  if (!check_id (id, error))
    return NULL;

  return lookup_draft (self, id, cancellable, error);
}

/**
 * cx_draft_store_read:
 * @self: a #CxDraftStore
 * @id: the id of a draft
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the bytes of the draft's plan
 */
GBytes *
cx_draft_store_read (CxDraftStore  *self,
                     const char    *id,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFile) plan_file = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (CX_IS_DRAFT_STORE (self), NULL);

  if (!check_id (id, error))
    return NULL;

  plan_file = child_for (self, id, PLAN_SUFFIX);
  bytes = g_file_load_bytes (plan_file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, CX_DRAFT_ERROR, CX_DRAFT_ERROR_NOT_FOUND, _("There is no draft “%s”"),
                     id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return bytes;
}

static gboolean
delete_if_there (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_delete (file, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * cx_draft_store_remove:
 * @self: a #CxDraftStore
 * @id: the id of a draft
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Deletes the draft, its plan first. A draft that is not there is
 * removed already. Blocking.
 *
 * Returns: whether no draft @id is left
 */
gboolean
cx_draft_store_remove (CxDraftStore  *self,
                       const char    *id,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFile) plan_file = NULL;
  g_autoptr(GFile) info_file = NULL;

  g_return_val_if_fail (CX_IS_DRAFT_STORE (self), FALSE);

  if (!check_id (id, error))
    return FALSE;

  plan_file = child_for (self, id, PLAN_SUFFIX);
  info_file = child_for (self, id, CX_DRAFT_INFO_SUFFIX);

  return delete_if_there (plan_file, cancellable, error) &&
         delete_if_there (info_file, cancellable, error);
}
