/* cx-document-private.h — what cx-document*.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CxDocument is split by concern: cx-document.c the object, its state,
 * reading and exporting; cx-document-save.c saving; cx-document-draft.c
 * its draft, and recovering one; cx-document-monitor.c noticing that its
 * file changed on disk.
 */

#pragma once

#include "cx-document.h"

G_BEGIN_DECLS

typedef struct _CxDocumentDraft   CxDocumentDraft;
typedef struct _CxDocumentMonitor CxDocumentMonitor;

struct _CxDocument
{
  GObject       parent_instance;

  CxPlan       *plan;
  CxHistory    *history;
  GPtrArray    *findings;     /* (element-type CxFinding) */
  GFile        *file;         /* where it is saved; NULL for an unsaved copy */
  GFile        *source;       /* what it was read from: the file, or the sample copied */
  char         *etag;         /* of the file when last read or saved */
  char         *checksum;     /* SHA-256 of its bytes then */
  goffset       size;         /* and their number */
  guint         busy;         /* saves running */
  gboolean      modified;     /* as last notified: the history's, or no file */

  CxPlanChange  pending;      /* changes the findings do not know of yet */
  guint         check_source; /* the timeout that checks the plan again */
  gint64        changed_at;   /* monotonic time of the first pending change */

  CxDocumentDraft   *draft;
  CxDocumentMonitor *monitor;
};

/* How long after the first change of a burst the plan is checked again:
 * short enough that findings follow the typing, long enough to check a
 * burst of keystrokes once */
#define CX_DOCUMENT_CHECK_DELAY_MS 40

void    _cx_document_attach       (CxDocument    *self);

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
                                   goffset        size,
                                   CxHistoryState state);

void    _cx_document_notify_disk_state   (CxDocument    *self);
void    _cx_document_notify_saving_draft (CxDocument    *self);

/* How long making drafts held the main loop, wall clock and the main
 * thread's own time (tests/bench/cxplan-draft-bench.c) */
typedef struct
{
  guint  n_made;                 /* drafts made */
  guint  n_slices;
  gint64 longest_slice_us;
  gint64 longest_slice_cpu_us;
  gint64 longest_finish_us;      /* the last part, which writes the rest */
  gint64 longest_finish_cpu_us;
} CxDraftTimings;

void     _cx_document_draft_attach   (CxDocument     *self);
void     _cx_document_draft_free     (CxDocument     *self);
void     _cx_document_draft_saved    (CxDocument     *self,
                                      CxHistoryState  state);
void     _cx_document_draft_unclean  (CxDocument     *self);
gboolean _cx_document_draft_get_busy (CxDocument     *self);
void     _cx_document_draft_get_timings (CxDocument  *self,
                                         CxDraftTimings *timings);

void    _cx_document_monitor_attach (CxDocument    *self);
void    _cx_document_monitor_free   (CxDocument    *self);
void    _cx_document_monitor_saved  (CxDocument    *self);
void    _cx_document_monitor_resume (CxDocument    *self);

G_END_DECLS
