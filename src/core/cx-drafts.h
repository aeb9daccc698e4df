/* cx-drafts.h — drafts of plans being edited, kept for after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is a plan as it was being edited, written a few seconds after
 * the user's last change, so that a crash or a killed session loses no
 * more than those seconds. A store is a folder holding, for each draft,
 * ID.cxplan (the plan, as the writer writes it) and ID.cxdraft beside it
 * (a key file: which file the plan belongs to, or none for a plan never
 * saved, what it was copied from, its title, when the draft was written,
 * and the etag, size and checksum of the file as the editor last read or
 * saved it, so that recovery can tell whether the file changed since).
 *
 * Every function of the store blocks on the disk and may run in any
 * thread: the application calls them from GTask threads. A CxDraft is
 * filled on one thread and then only read; give a new one to each write.
 */

#pragma once

#include <gio/gio.h>

#include "cx-file-check.h"

G_BEGIN_DECLS

#define CX_DRAFT_ERROR (cx_draft_error_quark ())

typedef enum
{
  CX_DRAFT_ERROR_NOT_FOUND, /* no draft of that id */
  CX_DRAFT_ERROR_INVALID,   /* not an id, or a draft's key file that cannot be read */
} CxDraftError;

GQuark cx_draft_error_quark (void);

/* The draft's key file beside its plan */
#define CX_DRAFT_INFO_SUFFIX ".cxdraft"

#define CX_TYPE_DRAFT (cx_draft_get_type ())
G_DECLARE_FINAL_TYPE (CxDraft, cx_draft, CX, DRAFT, GObject)

#define CX_TYPE_DRAFT_STORE (cx_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (CxDraftStore, cx_draft_store, CX, DRAFT_STORE, GObject)

char              *cx_draft_new_id            (void);
gboolean           cx_draft_id_is_valid       (const char        *id);

CxDraft           *cx_draft_new               (const char        *id);
const char        *cx_draft_get_id            (CxDraft           *self);
GFile             *cx_draft_get_file          (CxDraft           *self);
void               cx_draft_set_file          (CxDraft           *self,
                                               GFile             *file);
GFile             *cx_draft_get_source        (CxDraft           *self);
void               cx_draft_set_source        (CxDraft           *self,
                                               GFile             *source);
const char        *cx_draft_get_title         (CxDraft           *self);
void               cx_draft_set_title         (CxDraft           *self,
                                               const char        *title);
GDateTime         *cx_draft_get_written       (CxDraft           *self);
void               cx_draft_set_written       (CxDraft           *self,
                                               GDateTime         *written);
const CxFileStamp *cx_draft_get_file_stamp    (CxDraft           *self);
void               cx_draft_set_file_stamp    (CxDraft           *self,
                                               const CxFileStamp *stamp);
CxFileCheck        cx_draft_get_file_check    (CxDraft           *self);
CxFileCheck        cx_draft_check_file        (CxDraft           *self,
                                               GCancellable      *cancellable);

CxDraftStore      *cx_draft_store_new         (GFile             *directory);
CxDraftStore      *cx_draft_store_new_default (void);
GFile             *cx_draft_store_get_directory (CxDraftStore    *self);

gboolean           cx_draft_store_write       (CxDraftStore      *self,
                                               CxDraft           *draft,
                                               GBytes            *plan,
                                               GCancellable      *cancellable,
                                               GError           **error);
GPtrArray         *cx_draft_store_list        (CxDraftStore      *self,
                                               GCancellable      *cancellable,
                                               GError           **error);
CxDraft           *cx_draft_store_lookup      (CxDraftStore      *self,
                                               const char        *id,
                                               GCancellable      *cancellable,
                                               GError           **error);
GBytes            *cx_draft_store_read        (CxDraftStore      *self,
                                               const char        *id,
                                               GCancellable      *cancellable,
                                               GError           **error);
gboolean           cx_draft_store_remove      (CxDraftStore      *self,
                                               const char        *id,
                                               GCancellable      *cancellable,
                                               GError           **error);

G_END_DECLS
