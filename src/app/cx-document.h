/* cx-document.h — a plan open in a window: its file, its findings, its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cx-check.h"
#include "cx-drafts.h"
#include "cx-history.h"
#include "cx-map.h"
#include "cx-model.h"
#include "cx-plan-io.h"

G_BEGIN_DECLS

#define CX_DOCUMENT_ERROR (cx_document_error_quark ())

typedef enum
{
  CX_DOCUMENT_ERROR_CHANGED_ON_DISK, /* the file changed since it was read or saved */
  CX_DOCUMENT_ERROR_NO_FILE,         /* the document has no file yet: save it as */
  CX_DOCUMENT_ERROR_NOT_LOCAL,       /* export needs a local path */
} CxDocumentError;

GQuark cx_document_error_quark (void);

typedef enum
{
  CX_DOCUMENT_LOAD_DEFAULT = 0,
  /* Open a copy: the document has no file and counts as unsaved, so that
   * saving asks where and the original (a bundled sample) is never
   * overwritten. */
  CX_DOCUMENT_LOAD_AS_COPY = 1 << 0,
} CxDocumentLoadFlags;

typedef enum
{
  CX_DOCUMENT_SAVE_DEFAULT = 0,
  /* Overwrite the file even though it changed on disk */
  CX_DOCUMENT_SAVE_OVERWRITE = 1 << 0,
} CxDocumentSaveFlags;

/* The document's file on disk, as the file monitor last saw it */
typedef enum
{
  CX_DOCUMENT_DISK_SAME,     /* what the document read or saved (or no file) */
  CX_DOCUMENT_DISK_CHANGED,  /* someone else changed it */
  CX_DOCUMENT_DISK_GONE,     /* someone else removed or moved it */
} CxDocumentDiskState;

GType cx_document_disk_state_get_type (void);
#define CX_TYPE_DOCUMENT_DISK_STATE (cx_document_disk_state_get_type ())

#define CX_TYPE_DOCUMENT (cx_document_get_type ())
G_DECLARE_FINAL_TYPE (CxDocument, cx_document, CX, DOCUMENT, GObject)

CxDocument *cx_document_new_for_plan   (CxPlan               *plan);

void        cx_document_load_async     (GFile                *file,
                                        CxDocumentLoadFlags   flags,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
CxDocument *cx_document_load_finish    (GAsyncResult         *result,
                                        CxDiagnostic        **refusal,
                                        GError              **error);

CxPlan     *cx_document_get_plan       (CxDocument           *self);
CxHistory  *cx_document_get_history    (CxDocument           *self);
void        cx_document_check_now      (CxDocument           *self);
GPtrArray  *cx_document_get_findings   (CxDocument           *self);
void        cx_document_count_findings (CxDocument           *self,
                                        guint                 counts[3]);
GFile      *cx_document_get_file       (CxDocument           *self);
GFile      *cx_document_get_source     (CxDocument           *self);
char       *cx_document_dup_name       (CxDocument           *self);
const char *cx_document_get_title      (CxDocument           *self);
const char *cx_document_get_etag       (CxDocument           *self);
const char *cx_document_get_checksum   (CxDocument           *self);
gboolean    cx_document_get_modified   (CxDocument           *self);
gboolean    cx_document_get_busy       (CxDocument           *self);

void        cx_document_save_async     (CxDocument           *self,
                                        GFile                *file,
                                        CxDocumentSaveFlags   flags,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean    cx_document_save_finish    (CxDocument           *self,
                                        GAsyncResult         *result,
                                        GError              **error);

void        cx_document_export_async   (CxDocument           *self,
                                        GFile                *file,
                                        CxExportFormat        format,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean    cx_document_export_finish  (CxDocument           *self,
                                        GAsyncResult         *result,
                                        GError              **error);

/* Drafts (cx-document-draft.c) */
const char *cx_document_get_draft_id     (CxDocument           *self);
gboolean    cx_document_get_saving_draft (CxDocument           *self);
void        cx_document_discard_draft    (CxDocument           *self);
void        cx_document_load_draft_async (CxDraftStore         *store,
                                          CxDraft              *draft,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
CxDocument *cx_document_load_draft_finish (GAsyncResult        *result,
                                          GError              **error);

/* The file on disk (cx-document-monitor.c) */
CxDocumentDiskState cx_document_get_disk_state   (CxDocument   *self);
void                cx_document_keep_own_version (CxDocument   *self);

G_END_DECLS
