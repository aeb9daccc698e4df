/* cx-edit.h — editing a plan, one undoable step at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way the application changes a plan. Every function checks its
 * arguments with the validation the reader uses (cx-validate.h), so no
 * edit can make a plan that would not open again once saved; refuses with
 * a %CX_PLAN_ERROR_INVALID error a user can read; and records what it did
 * in the history as one step of undo. An edit that would change nothing
 * records nothing and succeeds.
 *
 * Deleting something others point to takes the pointers with it in the
 * same step (a failure and the recovery steps' references to it, a lane
 * and its cells), so the plan never gains a broken reference by editing;
 * cx_edit_count_*() tell beforehand what would go.
 */

#pragma once

#include "cx-check.h"
#include "cx-history.h"
#include "cx-model.h"

G_BEGIN_DECLS

typedef enum
{
  CX_EDIT_DEFAULT = 0,
  /* Typing: merge into the last step of undo if it edited the same
   * field of the same object */
  CX_EDIT_MERGE = 1 << 0,
} CxEditFlags;

/* Properties: any writable property of the plan, a persona, lane, step
 * or failure by its name ("title", "owner", "severity", "wow", "channel",
 * "kind"…). A step's levels and emotion, with their texts, and a
 * persona's mood go through the functions after these. */
gboolean    cx_edit_set_text          (CxHistory    *history,
                                       gpointer      object,
                                       const char   *property,
                                       const char   *text,
                                       CxEditFlags   flags,
                                       GError      **error);
gboolean    cx_edit_set_int           (CxHistory    *history,
                                       gpointer      object,
                                       const char   *property,
                                       int           value,
                                       GError      **error);
gboolean    cx_edit_set_boolean       (CxHistory    *history,
                                       gpointer      object,
                                       const char   *property,
                                       gboolean      value,
                                       GError      **error);
gboolean    cx_edit_set_enum          (CxHistory    *history,
                                       gpointer      object,
                                       const char   *property,
                                       int           value,
                                       GError      **error);

/* A step's expected or delivered level, 1..5 or 0 for "not assessed"
 * (which removes its text too), and the text beside it (which needs a
 * level) */
gboolean    cx_edit_set_expected      (CxHistory    *history,
                                       CxStep       *step,
                                       int           level,
                                       const char   *text,
                                       CxEditFlags   flags,
                                       GError      **error);
gboolean    cx_edit_set_delivered     (CxHistory    *history,
                                       CxStep       *step,
                                       int           level,
                                       const char   *text,
                                       CxEditFlags   flags,
                                       GError      **error);
/* @has FALSE removes the emotion and its text */
gboolean    cx_edit_set_emotion       (CxHistory    *history,
                                       CxStep       *step,
                                       gboolean      has,
                                       int           value,
                                       const char   *text,
                                       CxEditFlags   flags,
                                       GError      **error);
gboolean    cx_edit_set_mood          (CxHistory    *history,
                                       CxPersona    *persona,
                                       gboolean      has,
                                       int           mood,
                                       GError      **error);
/* A step's text in a text lane of the plan; empty removes the cell */
gboolean    cx_edit_set_cell          (CxHistory    *history,
                                       CxStep       *step,
                                       CxLane       *lane,
                                       const char   *text,
                                       CxEditFlags   flags,
                                       GError      **error);
/* The failures a recovery step answers (NULL or empty: none) */
gboolean    cx_edit_set_recovers      (CxHistory    *history,
                                       CxStep       *step,
                                       const char *const *failure_ids,
                                       GError      **error);

/* Steps */
CxStep     *cx_edit_insert_step       (CxHistory    *history,
                                       CxPhase       phase,
                                       int           position,
                                       const char   *title,
                                       GError      **error);
CxStep     *cx_edit_duplicate_step    (CxHistory    *history,
                                       CxStep       *step,
                                       GError      **error);
gboolean    cx_edit_delete_step       (CxHistory    *history,
                                       CxStep       *step,
                                       GError      **error);
/* @position: the step's index in @phase once it is there (-1: last) */
gboolean    cx_edit_move_step         (CxHistory    *history,
                                       CxStep       *step,
                                       CxPhase       phase,
                                       int           position,
                                       GError      **error);
/* One place earlier or later in the journey, across phases of the main
 * journey (a recovery step moves within recovery) */
gboolean    cx_edit_move_step_by      (CxHistory    *history,
                                       CxStep       *step,
                                       int           delta,
                                       GError      **error);

/* Failures */
CxFailure  *cx_edit_add_failure       (CxHistory    *history,
                                       CxStep       *step,
                                       const char   *mode,
                                       GError      **error);
gboolean    cx_edit_delete_failure    (CxHistory    *history,
                                       CxFailure    *failure,
                                       GError      **error);

/* Lanes */
CxLane     *cx_edit_add_lane          (CxHistory    *history,
                                       int           position,
                                       CxLaneKind    kind,
                                       const char   *name,
                                       GError      **error);
gboolean    cx_edit_delete_lane       (CxHistory    *history,
                                       CxLane       *lane,
                                       GError      **error);
gboolean    cx_edit_move_lane         (CxHistory    *history,
                                       CxLane       *lane,
                                       int           position,
                                       GError      **error);
/* A kind that holds no text takes the lane's cells with it */
gboolean    cx_edit_set_lane_kind     (CxHistory    *history,
                                       CxLane       *lane,
                                       CxLaneKind    kind,
                                       GError      **error);
gboolean    cx_plan_can_add_lane_kind (CxPlan       *plan,
                                       CxLaneKind    kind);

/* Personas: a deleted persona's steps become every persona's */
CxPersona  *cx_edit_add_persona       (CxHistory    *history,
                                       const char   *name,
                                       GError      **error);
gboolean    cx_edit_delete_persona    (CxHistory    *history,
                                       CxPersona    *persona,
                                       GError      **error);
gboolean    cx_edit_move_persona      (CxHistory    *history,
                                       CxPersona    *persona,
                                       int           position,
                                       GError      **error);

/* Settings */
gboolean    cx_edit_set_threshold     (CxHistory    *history,
                                       const char   *name,
                                       int           value,
                                       GError      **error);
gboolean    cx_edit_set_check_disabled (CxHistory   *history,
                                       const char   *check_id,
                                       gboolean      disabled,
                                       GError      **error);

/* Accepting a finding (format 1.1): a warning or an info, with the
 * team's reason; errors and stale accepts cannot be accepted */
gboolean    cx_finding_can_be_accepted (const CxFinding *finding);
gboolean    cx_edit_accept_finding    (CxHistory    *history,
                                       const CxFinding *finding,
                                       const char   *reason,
                                       GError      **error);
gboolean    cx_edit_stop_accepting    (CxHistory    *history,
                                       const CxFinding *finding,
                                       GError      **error);
gboolean    cx_edit_remove_accept     (CxHistory    *history,
                                       guint         index,
                                       GError      **error);

/* What a deletion would take with it */
guint       cx_edit_count_recovers_of (CxPlan       *plan,
                                       CxFailure    *failure);
guint       cx_edit_count_lane_cells  (CxPlan       *plan,
                                       CxLane       *lane);
guint       cx_edit_count_persona_steps (CxPlan     *plan,
                                       CxPersona    *persona);
guint       cx_edit_count_step_references (CxPlan   *plan,
                                       CxStep       *step);

G_END_DECLS
