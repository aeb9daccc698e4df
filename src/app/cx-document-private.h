/* cx-document-private.h — what cx-document*.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CxDocument is split by concern: cx-document.c the object, its state,
 * reading and exporting; cx-document-save.c saving.
 */

#pragma once

#include "cx-document.h"

G_BEGIN_DECLS

struct _CxDocument
{
  GObject    parent_instance;

  CxPlan    *plan;
  GPtrArray *findings;   /* (element-type CxFinding) */
  GFile     *file;       /* where it is saved; NULL for an unsaved copy */
  GFile     *source;     /* what it was read from: the file, or the sample copied */
  char      *etag;       /* of the file when last read or saved */
  char      *checksum;   /* SHA-256 of its bytes then */
  goffset    size;       /* and their number */
  guint      busy;       /* saves running */
  gboolean   modified;
};

GBytes *_cx_document_read_bounded (GFile         *file,
                                   char         **etag,
                                   GCancellable  *cancellable,
                                   GError       **error);
void    _cx_document_hold_busy    (CxDocument    *self);
void    _cx_document_release_busy (CxDocument    *self);
void    _cx_document_set_saved    (CxDocument    *self,
                                   GFile         *file,
                                   char          *etag,
                                   char          *checksum,
                                   goffset        size);

G_END_DECLS
