/* cx-history.h — the undo history of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of a plan (cx-edit.h) is recorded here as a group of change
 * objects that apply and revert on the model's own structures, so undo
 * gives back exactly the plan there was: the places of cells, failures,
 * lanes and personas, ids, foreign content. A marker says which state of
 * the history was last saved; "modified" is derived from it, never kept
 * by hand (as Dia's undo stack does).
 */

#pragma once

#include <glib-object.h>

#include "cx-model.h"

G_BEGIN_DECLS

#define CX_TYPE_HISTORY (cx_history_get_type ())
G_DECLARE_FINAL_TYPE (CxHistory, cx_history, CX, HISTORY, GObject)

/* A state of the plan that the history can name: what the plan was when
 * it was saved. Two different plans never share one. */
typedef guint64 CxHistoryState;

/* A state no plan is ever in: a plan that has never been saved */
#define CX_HISTORY_STATE_NEVER G_MAXUINT64

CxHistory      *cx_history_new             (CxPlan         *plan);
CxPlan         *cx_history_get_plan        (CxHistory      *self);

gboolean        cx_history_get_can_undo    (CxHistory      *self);
gboolean        cx_history_get_can_redo    (CxHistory      *self);
const char     *cx_history_get_undo_label  (CxHistory      *self);
const char     *cx_history_get_redo_label  (CxHistory      *self);
gboolean        cx_history_undo            (CxHistory      *self);
gboolean        cx_history_redo            (CxHistory      *self);

/* Several edits as one step of undo (nestable; the outermost label wins) */
void            cx_history_begin_group     (CxHistory      *self,
                                            const char     *label);
void            cx_history_end_group       (CxHistory      *self);
/* The next edit does not merge into the last one (a field lost focus) */
void            cx_history_break_merge     (CxHistory      *self);

CxHistoryState  cx_history_get_state       (CxHistory      *self);
void            cx_history_set_saved_state (CxHistory      *self,
                                            CxHistoryState  state);
gboolean        cx_history_get_modified    (CxHistory      *self);

guint           cx_history_get_n_undo      (CxHistory      *self);
void            cx_history_clear           (CxHistory      *self);

G_END_DECLS
