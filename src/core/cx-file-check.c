/* cx-file-check.c — whether a file is still what was read or written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The etag and the size are the cheap test. The etag alone is the
 * modification time, which the kernel keeps to a few milliseconds, so two
 * writes in a row can share it: the size must agree too. When the etag
 * differs but the size does not (a touch, a copy back, a sync tool), the
 * bytes decide. A file whose size differs has other bytes: it is only
 * read if the caller wants the new checksum.
 */

#define G_LOG_DOMAIN "cx-file-check"

#include "config.h"

#include <string.h>

#include "cx-file-check.h"
#include "cx-format.h"

void
cx_file_stamp_clear (CxFileStamp *stamp)
{
  g_return_if_fail (stamp != NULL);

  g_clear_pointer (&stamp->etag, g_free);
  g_clear_pointer (&stamp->checksum, g_free);
  stamp->size = -1;
}

void
cx_file_stamp_copy (CxFileStamp       *dest,
                    const CxFileStamp *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  if (dest == src)
    return;

  cx_file_stamp_clear (dest);
  dest->etag = g_strdup (src->etag);
  dest->size = src->size;
  dest->checksum = g_strdup (src->checksum);
}

/**
 * cx_file_stamp_equal:
 * @a: a stamp
 * @b: another
 *
 * Returns: whether both say the same bytes: the same checksum and size
 *   (the etags may differ, as a touch does)
 */
gboolean
cx_file_stamp_equal (const CxFileStamp *a,
                     const CxFileStamp *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->checksum != NULL && g_strcmp0 (a->checksum, b->checksum) == 0 && a->size == b->size;
}

/* The SHA-256 of the file's bytes, or NULL when it cannot be read or is
 * past what the reader would accept (then it is not a plan one has) */
static char *
checksum_file (GFile        *file,
               GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 buffer[65536];
  gsize total = 0;
  gssize n_read;

  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  while ((n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                        cancellable, NULL)) > 0)
    {
      total += n_read;
      if (total > CX_MAX_FILE_SIZE)
        return NULL;
      g_checksum_update (checksum, buffer, n_read);
    }
  if (n_read < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * cx_file_check:
 * @file: a file
 * @was: what was known of it: its etag, size and checksum when last read
 *   or written
 * @now: (out caller-allocates) (optional): where to put the same of the
 *   file now (clear it with cx_file_stamp_clear()); asking for it reads
 *   the file whenever its etag or size changed
 * @cancellable: (nullable): a #GCancellable
 *
 * Whether someone else changed @file since @was. Blocking: call it in a
 * thread.
 *
 * Returns: %CX_FILE_CHECK_UNCHANGED when the file holds the same bytes;
 *   %CX_FILE_CHECK_UNKNOWN when it cannot be read, or @was has no
 *   checksum to compare with
 */
CxFileCheck
cx_file_check (GFile             *file,
               const CxFileStamp *was,
               CxFileStamp       *now,
               GCancellable      *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  const char *etag;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), CX_FILE_CHECK_UNKNOWN);
  g_return_val_if_fail (was != NULL, CX_FILE_CHECK_UNKNOWN);

  if (now != NULL)
    *now = (CxFileStamp) { NULL, -1, NULL };

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? CX_FILE_CHECK_GONE
                                                                       : CX_FILE_CHECK_UNKNOWN;

  etag = g_file_info_get_etag (info);
  size = g_file_info_get_size (info);
  if (now != NULL)
    {
      now->etag = g_strdup (etag);
      now->size = size;
    }

  if (was->checksum == NULL)
    return CX_FILE_CHECK_UNKNOWN;

  if (etag != NULL && g_strcmp0 (etag, was->etag) == 0 && size == was->size)
    {
      if (now != NULL)
        now->checksum = g_strdup (was->checksum);
      return CX_FILE_CHECK_UNCHANGED;
    }

  /* Other bytes for certain: a plan one had is never past the limit */
  if ((now == NULL && was->size >= 0 && size != was->size) || size > (goffset) CX_MAX_FILE_SIZE)
    return CX_FILE_CHECK_CHANGED;

  checksum = checksum_file (file, cancellable);
  if (checksum == NULL)
    return CX_FILE_CHECK_UNKNOWN;
  if (now != NULL)
    now->checksum = g_strdup (checksum);

  return strcmp (checksum, was->checksum) == 0 ? CX_FILE_CHECK_UNCHANGED : CX_FILE_CHECK_CHANGED;
}
