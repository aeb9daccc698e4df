/* cx-changes-structure.c — changes that insert, remove and move things
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps, failures, lanes, personas and links: each change keeps the
 * object itself and its places before and after, so undo puts back the
 * very object, with its id and foreign content, where it was.
 */

#define G_LOG_DOMAIN "cx-history"

#include "config.h"

#include "cx-history-private.h"

/* ------------------------------------------------------------------ */
/* Steps in, out and across the phases                                 */

typedef struct
{
  CxChange  parent;
  CxStep   *step;
  CxPhase   from_phase, to_phase;
  int       from, to;  /* -1: not in the plan */
} StepChange;

static void
step_place (CxPlan  *plan,
            CxStep  *step,
            CxPhase  phase,
            int      position)
{
  if (step->plan != NULL)
    cx_plan_remove_step (plan, step);
  if (position >= 0)
    cx_plan_insert_step (plan, phase, position, step);
}

static void
step_apply (CxChange *change,
            CxPlan   *plan)
{
  StepChange *self = (StepChange *) change;

  step_place (plan, self->step, self->to_phase, self->to);
}

static void
step_revert (CxChange *change,
             CxPlan   *plan)
{
  StepChange *self = (StepChange *) change;

  step_place (plan, self->step, self->from_phase, self->from);
}

static void
step_finalize (CxChange *change)
{
  g_object_unref (((StepChange *) change)->step);
}

static const CxChangeClass step_class = { step_apply, step_revert, NULL, step_finalize };

static StepChange *
step_change_new (CxStep *step)
{
  StepChange *self = cx_change_alloc (&step_class, sizeof (StepChange));

  self->step = g_object_ref (step);
  self->from_phase = self->to_phase = step->phase;
  self->from = self->to = -1;
  if (step->plan != NULL)
    self->from = cx_plan_get_step_index (step->plan, step);

  return self;
}

/* @step is in no plan; it goes to @position of @phase */
CxChange *
cx_change_step_insert_new (CxStep  *step,
                           CxPhase  phase,
                           guint    position)
{
  StepChange *self;

  g_return_val_if_fail (CX_IS_STEP (step) && step->plan == NULL, NULL);

  self = step_change_new (step);
  self->to_phase = phase;
  self->to = position;

  return &self->parent;
}

CxChange *
cx_change_step_remove_new (CxStep *step)
{
  g_return_val_if_fail (CX_IS_STEP (step) && step->plan != NULL, NULL);

  return &step_change_new (step)->parent;
}

/* @position: in @phase once the step has left its place */
CxChange *
cx_change_step_move_new (CxStep  *step,
                         CxPhase  phase,
                         guint    position)
{
  StepChange *self;

  g_return_val_if_fail (CX_IS_STEP (step) && step->plan != NULL, NULL);

  self = step_change_new (step);
  self->to_phase = phase;
  self->to = position;

  return &self->parent;
}

/* ------------------------------------------------------------------ */
/* A step's failures                                                   */

typedef struct
{
  CxChange   parent;
  CxStep    *step;
  CxFailure *failure;
  guint      position;
  gboolean   insert;
} FailureChange;

static void
failure_set (FailureChange *self,
             gboolean       in)
{
  if (in)
    cx_step_insert_failure (self->step, self->position, self->failure);
  else
    cx_step_remove_failure (self->step, self->failure);
}

static void
failure_apply (CxChange *change,
               CxPlan   *plan)
{
  FailureChange *self = (FailureChange *) change;

  failure_set (self, self->insert);
}

static void
failure_revert (CxChange *change,
                CxPlan   *plan)
{
  FailureChange *self = (FailureChange *) change;

  failure_set (self, !self->insert);
}

static void
failure_finalize (CxChange *change)
{
  FailureChange *self = (FailureChange *) change;

  g_object_unref (self->failure);
  g_object_unref (self->step);
}

static const CxChangeClass failure_class = {
  failure_apply, failure_revert, NULL, failure_finalize,
};

CxChange *
cx_change_failure_insert_new (CxStep    *step,
                              CxFailure *failure,
                              guint      position)
{
  FailureChange *self;

  g_return_val_if_fail (CX_IS_STEP (step), NULL);
  g_return_val_if_fail (CX_IS_FAILURE (failure) && failure->step == NULL, NULL);

  self = cx_change_alloc (&failure_class, sizeof (FailureChange));
  self->step = g_object_ref (step);
  self->failure = g_object_ref (failure);
  self->position = position;
  self->insert = TRUE;

  return &self->parent;
}

CxChange *
cx_change_failure_remove_new (CxFailure *failure)
{
  FailureChange *self;
  guint index;

  g_return_val_if_fail (CX_IS_FAILURE (failure) && failure->step != NULL, NULL);
  g_return_val_if_fail (g_ptr_array_find (failure->step->failures, failure, &index), NULL);

  self = cx_change_alloc (&failure_class, sizeof (FailureChange));
  self->step = g_object_ref (failure->step);
  self->failure = g_object_ref (failure);
  self->position = index;
  self->insert = FALSE;

  return &self->parent;
}

/* ------------------------------------------------------------------ */
/* Lanes and personas: the plan's two other lists                       */

typedef struct
{
  CxChange  parent;
  GObject  *object;   /* a CxLane or a CxPersona */
  int       from, to; /* -1: not in the plan */
} ListChange;

static void
list_place (CxPlan  *plan,
            GObject *object,
            int      position)
{
  if (CX_IS_LANE (object))
    {
      CxLane *lane = CX_LANE (object);

      if (lane->plan != NULL)
        cx_plan_remove_lane (plan, lane);
      if (position >= 0)
        cx_plan_insert_lane (plan, position, lane);
    }
  else
    {
      CxPersona *persona = CX_PERSONA (object);

      if (persona->plan != NULL)
        cx_plan_remove_persona (plan, persona);
      if (position >= 0)
        cx_plan_insert_persona (plan, position, persona);
    }
}

static void
list_apply (CxChange *change,
            CxPlan   *plan)
{
  ListChange *self = (ListChange *) change;

  list_place (plan, self->object, self->to);
}

static void
list_revert (CxChange *change,
             CxPlan   *plan)
{
  ListChange *self = (ListChange *) change;

  list_place (plan, self->object, self->from);
}

static void
list_finalize (CxChange *change)
{
  g_object_unref (((ListChange *) change)->object);
}

static const CxChangeClass list_class = { list_apply, list_revert, NULL, list_finalize };

static CxChange *
list_change_new (gpointer object,
                 int      from,
                 int      to)
{
  ListChange *self = cx_change_alloc (&list_class, sizeof (ListChange));

  self->object = g_object_ref (object);
  self->from = from;
  self->to = to;

  return &self->parent;
}

CxChange *
cx_change_lane_insert_new (CxLane *lane,
                           guint   position)
{
  g_return_val_if_fail (CX_IS_LANE (lane) && lane->plan == NULL, NULL);

  return list_change_new (lane, -1, position);
}

CxChange *
cx_change_lane_remove_new (CxLane *lane)
{
  g_return_val_if_fail (CX_IS_LANE (lane) && lane->plan != NULL, NULL);

  return list_change_new (lane, cx_plan_get_lane_index (lane->plan, lane), -1);
}

CxChange *
cx_change_lane_move_new (CxLane *lane,
                         guint   position)
{
  g_return_val_if_fail (CX_IS_LANE (lane) && lane->plan != NULL, NULL);

  return list_change_new (lane, cx_plan_get_lane_index (lane->plan, lane), position);
}

CxChange *
cx_change_persona_insert_new (CxPersona *persona,
                              guint      position)
{
  g_return_val_if_fail (CX_IS_PERSONA (persona) && persona->plan == NULL, NULL);

  return list_change_new (persona, -1, position);
}

CxChange *
cx_change_persona_remove_new (CxPersona *persona)
{
  g_return_val_if_fail (CX_IS_PERSONA (persona) && persona->plan != NULL, NULL);

  return list_change_new (persona, cx_plan_get_persona_index (persona->plan, persona), -1);
}

CxChange *
cx_change_persona_move_new (CxPersona *persona,
                            guint      position)
{
  g_return_val_if_fail (CX_IS_PERSONA (persona) && persona->plan != NULL, NULL);

  return list_change_new (persona, cx_plan_get_persona_index (persona->plan, persona),
                          position);
}

/* ------------------------------------------------------------------ */
/* A link taken out of a step (when the step it points to goes)        */

typedef struct
{
  CxChange  parent;
  CxStep   *step;
  guint     index;
  CxLink   *held;     /* the link while it is out */
} LinkChange;

static void
link_apply (CxChange *change,
            CxPlan   *plan)
{
  LinkChange *self = (LinkChange *) change;

  self->held = cx_step_steal_link (self->step, self->index);
}

static void
link_revert (CxChange *change,
             CxPlan   *plan)
{
  LinkChange *self = (LinkChange *) change;

  cx_step_insert_link (self->step, self->index, g_steal_pointer (&self->held));
}

static void
link_finalize (CxChange *change)
{
  LinkChange *self = (LinkChange *) change;

  g_clear_pointer (&self->held, cx_link_free);
  g_object_unref (self->step);
}

static const CxChangeClass link_class = { link_apply, link_revert, NULL, link_finalize };

CxChange *
cx_change_link_remove_new (CxStep *step,
                           guint   index)
{
  LinkChange *self;

  g_return_val_if_fail (CX_IS_STEP (step) && index < step->links->len, NULL);

  self = cx_change_alloc (&link_class, sizeof (LinkChange));
  self->step = g_object_ref (step);
  self->index = index;

  return &self->parent;
}
