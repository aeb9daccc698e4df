/* cx-history-private.h — change objects, and how edits record them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by cx-history.c (the stack), cx-changes.c (the kinds of change)
 * and cx-edit*.c (the editing API that makes them). Not for use outside
 * src/core.
 */

#pragma once

#include "cx-history.h"
#include "cx-model-private.h"

G_BEGIN_DECLS

typedef struct _CxChange CxChange;

typedef struct
{
  /* Does (or redoes) and undoes the change on @plan, whose state is the
   * one the change was made in (apply) or left (revert) */
  void     (*apply)    (CxChange *change,
                        CxPlan   *plan);
  void     (*revert)   (CxChange *change,
                        CxPlan   *plan);
  /* Takes @next's new value into @change, which stays undoable as one;
   * both have the same merge key. NULL: never merges. */
  void     (*merge)    (CxChange *change,
                        CxChange *next);
  void     (*finalize) (CxChange *change);
} CxChangeClass;

struct _CxChange
{
  const CxChangeClass *klass;
  /* Typing in one field merges into one step: the key is the object and
   * the field. A NULL object: the change never merges. */
  gconstpointer        merge_object;
  const char          *merge_field;   /* interned */
};

/* Allocates a change of @size bytes (a struct that starts with CxChange) */
gpointer  cx_change_alloc  (const CxChangeClass *klass,
                            gsize                size);
void      cx_change_free   (CxChange            *change);

/* Applies @change to the plan and records it, taking it. Outside a group
 * it is one step of undo called @label; a change with a merge key merges
 * into the last step when that is the same field of the same object. */
void      cx_history_push  (CxHistory           *self,
                            CxChange            *change,
                            const char          *label);

/* For the editing functions (cx-edit*.c): a refusal in the plan error
 * domain, always %FALSE; and a text property set as part of an edit */
gboolean  cx_edit_refuse     (GError     **error,
                              const char  *format,
                              ...) G_GNUC_PRINTF (2, 3);
void      cx_edit_push_text  (CxHistory   *history,
                              gpointer     object,
                              const char  *property,
                              const char  *text);

/* The kinds of change, in cx-changes.c and cx-changes-structure.c. Each takes what it names. */
CxChange *cx_change_property_new  (gpointer      object,
                                   const char   *property,
                                   const GValue *value,
                                   gboolean      merge);

typedef enum
{
  CX_MEASURE_EXPECTED,
  CX_MEASURE_DELIVERED,
  CX_MEASURE_EMOTION,
} CxMeasure;

/* A step's expected, delivered or emotion element: its value (0 or
 * has = FALSE for none), its text, and its foreign content, which goes
 * with the element when the value is removed */
CxChange *cx_change_measure_new   (CxStep       *step,
                                   CxMeasure     measure,
                                   gboolean      has,
                                   int           value,
                                   const char   *text,
                                   gboolean      merge);
CxChange *cx_change_mood_new      (CxPersona    *persona,
                                   gboolean      has,
                                   int           mood);
/* The text of the step's first cell in @lane_id: a cell is made, changed
 * or taken out (with its foreign content) */
CxChange *cx_change_cell_new      (CxStep       *step,
                                   const char   *lane_id,
                                   const char   *text,
                                   gboolean      merge);
CxChange *cx_change_cell_remove_at_new (CxStep   *step,
                                        guint     index);
CxChange *cx_change_step_insert_new (CxStep     *step,
                                     CxPhase     phase,
                                     guint       position);
CxChange *cx_change_step_remove_new (CxStep     *step);
CxChange *cx_change_step_move_new   (CxStep     *step,
                                     CxPhase     phase,
                                     guint       position);
CxChange *cx_change_failure_insert_new (CxStep    *step,
                                        CxFailure *failure,
                                        guint      position);
CxChange *cx_change_failure_remove_new (CxFailure *failure);
CxChange *cx_change_lane_insert_new (CxLane     *lane,
                                     guint       position);
CxChange *cx_change_lane_remove_new (CxLane     *lane);
CxChange *cx_change_lane_move_new   (CxLane     *lane,
                                     guint       position);
CxChange *cx_change_persona_insert_new (CxPersona *persona,
                                        guint      position);
CxChange *cx_change_persona_remove_new (CxPersona *persona);
CxChange *cx_change_persona_move_new   (CxPersona *persona,
                                        guint      position);
CxChange *cx_change_link_remove_new (CxStep     *step,
                                     guint       index);
/* NULL when the plan has that value already */
CxChange *cx_change_threshold_new   (CxPlan     *plan,
                                     const char *name,
                                     int         value);
CxChange *cx_change_disable_new     (CxPlan     *plan,
                                     const char *check_id,
                                     gboolean    disabled);

/* The plan's accepted findings, whole: edit *@after_out, then push */
CxChange *cx_change_accepts_new     (CxPlan      *plan,
                                     GPtrArray  **after_out);

G_END_DECLS
