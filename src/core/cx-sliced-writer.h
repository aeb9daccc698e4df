/* cx-sliced-writer.h — a plan's bytes, written a slice at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a plan of 10,000 steps takes some 20 ms or more: longer than a
 * frame. A draft is written while the user edits, so its bytes are made
 * in slices between frames instead: each slice writes the elements of a
 * few steps and keeps them; an edit of a step drops what was written of
 * it (the writer follows the plan's ::changed); the last call writes the
 * rest of the plan as it is then, with the steps kept. The bytes are
 * always those cx_plan_to_bytes() would give at that moment.
 *
 * Runs on the thread that owns the plan (the main thread): the plan is
 * never seen from another.
 */

#pragma once

#include <glib.h>

#include "cx-model.h"

G_BEGIN_DECLS

typedef struct _CxSlicedWriter CxSlicedWriter;

CxSlicedWriter *cx_sliced_writer_new           (CxPlan         *plan);
void            cx_sliced_writer_free          (CxSlicedWriter *self);
gboolean        cx_sliced_writer_write_some    (CxSlicedWriter *self,
                                                gint64          budget_us);
GBytes         *cx_sliced_writer_finish        (CxSlicedWriter *self);
GPtrArray      *cx_sliced_writer_finish_parts  (CxSlicedWriter *self);
GBytes         *cx_sliced_writer_join          (GPtrArray      *parts);
guint           cx_sliced_writer_get_n_written (CxSlicedWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxSlicedWriter, cx_sliced_writer_free)

G_END_DECLS
