/* cx-file-check.h — whether a file is still what was read or written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document keeps, of its file as it last read or wrote it, the etag
 * (the modification time), the size and the SHA-256 of the bytes. Saving
 * over it, the file monitor and the recovery of drafts all ask the same
 * question of the file on disk with these: has someone else changed it?
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CX_FILE_CHECK_UNCHANGED, /* the same bytes (perhaps touched, or copied back) */
  CX_FILE_CHECK_CHANGED,   /* other bytes */
  CX_FILE_CHECK_GONE,      /* no file there any more */
  CX_FILE_CHECK_UNKNOWN,   /* it cannot be read: nothing can be said */
} CxFileCheck;

/* What is known of a file's bytes: give the etag and size of a file as
 * it was, and its checksum; get those of the file now */
typedef struct
{
  char    *etag;      /* nullable */
  goffset  size;      /* -1: not known */
  char    *checksum;  /* SHA-256, lower-case hex; nullable */
} CxFileStamp;

void         cx_file_stamp_clear      (CxFileStamp       *stamp);
void         cx_file_stamp_copy       (CxFileStamp       *dest,
                                       const CxFileStamp *src);
gboolean     cx_file_stamp_equal      (const CxFileStamp *a,
                                       const CxFileStamp *b);

CxFileCheck  cx_file_check            (GFile             *file,
                                       const CxFileStamp *was,
                                       CxFileStamp       *now,
                                       GCancellable      *cancellable);

G_END_DECLS
