/* cx-changes.c — the kinds of change the undo history records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Values, texts, cells and settings here; steps, failures, lanes,
 * personas and links in cx-changes-structure.c.
 *
 * Each change is made before it is applied, from the plan as it is, and
 * keeps what it needs to go both ways: the objects it inserts or removes
 * (themselves, so their ids and foreign content come back with them), the
 * old and new values of a property, or the whole state of a cell, a
 * measure or a list of settings before and after. The model's own
 * functions do the work, so every change is notified as any other.
 */

#define G_LOG_DOMAIN "cx-history"

#include "config.h"

#include "cx-history-private.h"

/* ------------------------------------------------------------------ */
/* A property of a plan, persona, lane, step or failure                */

typedef struct
{
  CxChange    parent;
  GObject    *object;
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
} PropertyChange;

static void
property_apply (CxChange *change,
                CxPlan   *plan)
{
  PropertyChange *self = (PropertyChange *) change;

  g_object_set_property (self->object, self->pspec->name, &self->new_value);
}

static void
property_revert (CxChange *change,
                 CxPlan   *plan)
{
  PropertyChange *self = (PropertyChange *) change;

  g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static void
property_merge (CxChange *change,
                CxChange *next)
{
  PropertyChange *self = (PropertyChange *) change;

  g_value_unset (&self->new_value);
  g_value_init (&self->new_value, self->pspec->value_type);
  g_value_copy (&((PropertyChange *) next)->new_value, &self->new_value);
}

static void
property_finalize (CxChange *change)
{
  PropertyChange *self = (PropertyChange *) change;

  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
  g_object_unref (self->object);
}

static const CxChangeClass property_class = {
  property_apply, property_revert, property_merge, property_finalize,
};

/* @value: of the property's type; @merge: typing, to merge with the next */
CxChange *
cx_change_property_new (gpointer      object,
                        const char   *property,
                        const GValue *value,
                        gboolean      merge)
{
  PropertyChange *self;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE), NULL);
  g_return_val_if_fail (G_VALUE_HOLDS (value, pspec->value_type), NULL);

  self = cx_change_alloc (&property_class, sizeof (PropertyChange));
  self->object = g_object_ref (object);
  self->pspec = pspec;
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &self->old_value);
  g_value_init (&self->new_value, pspec->value_type);
  g_value_copy (value, &self->new_value);
  if (merge)
    {
      self->parent.merge_object = object;
      self->parent.merge_field = pspec->name;
    }

  return &self->parent;
}

/* ------------------------------------------------------------------ */
/* A measure of a step: expected, delivered, emotion                   */

typedef struct
{
  gboolean  has;
  int       value;
  char     *text;
  CxExtras *extras;  /* the element's foreign content */
} MeasureState;

typedef struct
{
  CxChange      parent;
  CxStep       *step;
  CxMeasure     measure;
  MeasureState  old_state;
  MeasureState  new_state;
} MeasureChange;

static CxExtras **
measure_extras (CxStep    *step,
                CxMeasure  measure)
{
  switch (measure)
    {
    case CX_MEASURE_EXPECTED:
      return &step->x_expected;
    case CX_MEASURE_DELIVERED:
      return &step->x_delivered;
    case CX_MEASURE_EMOTION:
      return &step->x_emotion;
    default:
      g_assert_not_reached ();
    }
}

static void
measure_read (CxStep       *step,
              CxMeasure     measure,
              MeasureState *state)
{
  switch (measure)
    {
    case CX_MEASURE_EXPECTED:
      state->has = step->expected_level != 0;
      state->value = step->expected_level;
      state->text = g_strdup (step->expected_text);
      break;
    case CX_MEASURE_DELIVERED:
      state->has = step->delivered_level != 0;
      state->value = step->delivered_level;
      state->text = g_strdup (step->delivered_text);
      break;
    case CX_MEASURE_EMOTION:
      state->has = step->has_emotion;
      state->value = step->emotion;
      state->text = g_strdup (step->emotion_text);
      break;
    default:
      g_assert_not_reached ();
    }
  state->extras = cx_extras_copy (*measure_extras (step, measure));
}

/* The text lives inside the element the value makes: it goes first and
 * comes last */
static void
measure_write (CxStep             *step,
               CxMeasure           measure,
               const MeasureState *state)
{
  CxExtras **extras = measure_extras (step, measure);

  g_object_freeze_notify (G_OBJECT (step));
  switch (measure)
    {
    case CX_MEASURE_EXPECTED:
      if (!state->has)
        cx_step_set_expected_text (step, NULL);
      cx_step_set_expected_level (step, state->has ? state->value : 0);
      cx_step_set_expected_text (step, state->text);
      break;
    case CX_MEASURE_DELIVERED:
      if (!state->has)
        cx_step_set_delivered_text (step, NULL);
      cx_step_set_delivered_level (step, state->has ? state->value : 0);
      cx_step_set_delivered_text (step, state->text);
      break;
    case CX_MEASURE_EMOTION:
      if (state->has)
        {
          cx_step_set_emotion (step, state->value);
          cx_step_set_emotion_text (step, state->text);
        }
      else
        {
          cx_step_set_emotion_text (step, NULL);
          cx_step_unset_emotion (step);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  cx_extras_free (*extras);
  *extras = cx_extras_copy (state->extras);
  g_object_thaw_notify (G_OBJECT (step));
}

static void
measure_state_clear (MeasureState *state)
{
  g_clear_pointer (&state->text, g_free);
  g_clear_pointer (&state->extras, cx_extras_free);
}

static void
measure_apply (CxChange *change,
               CxPlan   *plan)
{
  MeasureChange *self = (MeasureChange *) change;

  measure_write (self->step, self->measure, &self->new_state);
}

static void
measure_revert (CxChange *change,
                CxPlan   *plan)
{
  MeasureChange *self = (MeasureChange *) change;

  measure_write (self->step, self->measure, &self->old_state);
}

static void
measure_merge (CxChange *change,
               CxChange *next)
{
  MeasureChange *self = (MeasureChange *) change;
  MeasureChange *other = (MeasureChange *) next;

  measure_state_clear (&self->new_state);
  self->new_state = other->new_state;
  other->new_state.text = NULL;
  other->new_state.extras = NULL;
}

static void
measure_finalize (CxChange *change)
{
  MeasureChange *self = (MeasureChange *) change;

  measure_state_clear (&self->old_state);
  measure_state_clear (&self->new_state);
  g_object_unref (self->step);
}

static const CxChangeClass measure_class = {
  measure_apply, measure_revert, measure_merge, measure_finalize,
};

static const char *const measure_fields[] = { "expected", "delivered", "emotion" };

/* @has FALSE removes the element, its text and its foreign content */
CxChange *
cx_change_measure_new (CxStep     *step,
                       CxMeasure   measure,
                       gboolean    has,
                       int         value,
                       const char *text,
                       gboolean    merge)
{
  MeasureChange *self;

  g_return_val_if_fail (CX_IS_STEP (step), NULL);
  g_return_val_if_fail (measure <= CX_MEASURE_EMOTION, NULL);

  self = cx_change_alloc (&measure_class, sizeof (MeasureChange));
  self->step = g_object_ref (step);
  self->measure = measure;
  measure_read (step, measure, &self->old_state);
  self->new_state.has = has;
  self->new_state.value = has ? value : 0;
  self->new_state.text = has ? cx_text_dup (text) : NULL;
  self->new_state.extras = has ? cx_extras_copy (self->old_state.extras) : NULL;
  if (merge)
    {
      self->parent.merge_object = step;
      self->parent.merge_field = measure_fields[measure];
    }

  return &self->parent;
}

/* ------------------------------------------------------------------ */
/* A persona's mood                                                    */

typedef struct
{
  CxChange   parent;
  CxPersona *persona;
  gboolean   old_has, new_has;
  int        old_mood, new_mood;
} MoodChange;

static void
mood_write (CxPersona *persona,
            gboolean   has,
            int        mood)
{
  if (has)
    cx_persona_set_mood (persona, mood);
  else
    cx_persona_unset_mood (persona);
}

static void
mood_apply (CxChange *change,
            CxPlan   *plan)
{
  MoodChange *self = (MoodChange *) change;

  mood_write (self->persona, self->new_has, self->new_mood);
}

static void
mood_revert (CxChange *change,
             CxPlan   *plan)
{
  MoodChange *self = (MoodChange *) change;

  mood_write (self->persona, self->old_has, self->old_mood);
}

static void
mood_finalize (CxChange *change)
{
  g_object_unref (((MoodChange *) change)->persona);
}

static const CxChangeClass mood_class = { mood_apply, mood_revert, NULL, mood_finalize };

CxChange *
cx_change_mood_new (CxPersona *persona,
                    gboolean   has,
                    int        mood)
{
  MoodChange *self;

  g_return_val_if_fail (CX_IS_PERSONA (persona), NULL);

  self = cx_change_alloc (&mood_class, sizeof (MoodChange));
  self->persona = g_object_ref (persona);
  self->old_has = persona->has_mood;
  self->old_mood = persona->mood;
  self->new_has = has;
  self->new_mood = has ? mood : 0;

  return &self->parent;
}

/* ------------------------------------------------------------------ */
/* A cell: the text of a step in a lane                                */

typedef struct
{
  CxChange  parent;
  CxStep   *step;
  char     *lane;
  guint     position;  /* of the cell, or where a new one goes */
  CxCell   *old_cell;  /* copies; NULL: no cell */
  CxCell   *new_cell;
} CellChange;

static CxCell *
cell_copy (const CxCell *cell,
           const char   *text)
{
  CxCell *copy = g_new0 (CxCell, 1);

  copy->lane = g_strdup (cell->lane);
  copy->text = cx_text_dup (text);
  copy->line = cell->line;
  copy->extras = cx_extras_copy (cell->extras);

  return copy;
}

static int
first_cell (CxStep     *step,
            const char *lane)
{
  for (guint i = 0; i < step->cells->len; i++)
    if (g_strcmp0 (((CxCell *) g_ptr_array_index (step->cells, i))->lane, lane) == 0)
      return (int) i;

  return -1;
}

/* The change's place holds @from (a cell, or none) and is to hold @to */
static void
cell_write (CellChange   *self,
            const CxCell *from,
            const CxCell *to)
{
  if (from != NULL)
    cx_cell_free (cx_step_steal_cell (self->step, self->position));
  if (to != NULL)
    cx_step_insert_cell (self->step, self->position, cell_copy (to, to->text));
}

static void
cell_apply (CxChange *change,
            CxPlan   *plan)
{
  CellChange *self = (CellChange *) change;

  cell_write (self, self->old_cell, self->new_cell);
}

static void
cell_revert (CxChange *change,
             CxPlan   *plan)
{
  CellChange *self = (CellChange *) change;

  cell_write (self, self->new_cell, self->old_cell);
}

static void
cell_merge (CxChange *change,
            CxChange *next)
{
  CellChange *self = (CellChange *) change;
  CellChange *other = (CellChange *) next;

  g_clear_pointer (&self->new_cell, cx_cell_free);
  self->new_cell = g_steal_pointer (&other->new_cell);
}

static void
cell_finalize (CxChange *change)
{
  CellChange *self = (CellChange *) change;

  g_clear_pointer (&self->old_cell, cx_cell_free);
  g_clear_pointer (&self->new_cell, cx_cell_free);
  g_free (self->lane);
  g_object_unref (self->step);
}

static const CxChangeClass cell_class = { cell_apply, cell_revert, cell_merge, cell_finalize };

/* @text NULL or empty: the cell goes (with its foreign content) */
CxChange *
cx_change_cell_new (CxStep     *step,
                    const char *lane_id,
                    const char *text,
                    gboolean    merge)
{
  CellChange *self;
  int index;

  g_return_val_if_fail (CX_IS_STEP (step), NULL);
  g_return_val_if_fail (lane_id != NULL, NULL);

  self = cx_change_alloc (&cell_class, sizeof (CellChange));
  self->step = g_object_ref (step);
  self->lane = g_strdup (lane_id);
  index = first_cell (step, lane_id);
  if (index >= 0)
    {
      const CxCell *cell = g_ptr_array_index (step->cells, index);

      self->position = index;
      self->old_cell = cell_copy (cell, cell->text);
      if (text != NULL && *text != '\0')
        self->new_cell = cell_copy (cell, text);
    }
  else
    {
      self->position = step->cells->len;
      if (text != NULL && *text != '\0')
        {
          self->new_cell = g_new0 (CxCell, 1);
          self->new_cell->lane = g_strdup (lane_id);
          self->new_cell->text = g_strdup (text);
        }
    }
  if (merge)
    {
      self->parent.merge_object = step;
      self->parent.merge_field = g_intern_string (lane_id);
    }

  return &self->parent;
}

/* The cell at @index of @step goes, whatever lane it names (a second cell
 * of one lane, which the reader keeps for check CX008) */
CxChange *
cx_change_cell_remove_at_new (CxStep *step,
                              guint   index)
{
  CellChange *self;
  const CxCell *cell;

  g_return_val_if_fail (CX_IS_STEP (step) && index < step->cells->len, NULL);

  cell = g_ptr_array_index (step->cells, index);
  self = cx_change_alloc (&cell_class, sizeof (CellChange));
  self->step = g_object_ref (step);
  self->lane = g_strdup (cell->lane);
  self->position = index;
  self->old_cell = cell_copy (cell, cell->text);

  return &self->parent;
}

/* ------------------------------------------------------------------ */
/* Settings: a list of the plan's, whole, before and after             */

typedef struct
{
  CxChange       parent;
  GPtrArray    **list;      /* in the plan */
  GCopyFunc      copy;
  GDestroyNotify free_func;
  GPtrArray     *before;
  GPtrArray     *after;
} SettingsChange;

static void
settings_write (CxPlan         *plan,
                SettingsChange *self,
                GPtrArray      *state)
{
  g_ptr_array_unref (*self->list);
  *self->list = g_ptr_array_copy (state, self->copy, NULL);
  g_ptr_array_set_free_func (*self->list, self->free_func);
  cx_plan_emit_changed (plan, CX_PLAN_CHANGE_SETTINGS, NULL);
}

static void
settings_apply (CxChange *change,
                CxPlan   *plan)
{
  SettingsChange *self = (SettingsChange *) change;

  settings_write (plan, self, self->after);
}

static void
settings_revert (CxChange *change,
                 CxPlan   *plan)
{
  SettingsChange *self = (SettingsChange *) change;

  settings_write (plan, self, self->before);
}

static void
settings_finalize (CxChange *change)
{
  SettingsChange *self = (SettingsChange *) change;

  g_ptr_array_unref (self->before);
  g_ptr_array_unref (self->after);
}

static const CxChangeClass settings_class = {
  settings_apply, settings_revert, NULL, settings_finalize,
};

static SettingsChange *
settings_change_new (GPtrArray      **list,
                     GCopyFunc        copy,
                     GDestroyNotify   free_func)
{
  SettingsChange *self = cx_change_alloc (&settings_class, sizeof (SettingsChange));

  self->list = list;
  self->copy = copy;
  self->free_func = free_func;
  self->before = g_ptr_array_copy (*list, copy, NULL);
  g_ptr_array_set_free_func (self->before, free_func);
  self->after = g_ptr_array_copy (*list, copy, NULL);
  g_ptr_array_set_free_func (self->after, free_func);

  return self;
}

/* Returns NULL when the value is already the plan's */
CxChange *
cx_change_threshold_new (CxPlan     *plan,
                         const char *name,
                         int         value)
{
  SettingsChange *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  self = settings_change_new (&plan->thresholds, cx_threshold_copy, cx_threshold_free);
  if (!cx_thresholds_set (self->after, name, value))
    {
      cx_change_free (&self->parent);
      return NULL;
    }

  return &self->parent;
}

CxChange *
cx_change_disable_new (CxPlan     *plan,
                       const char *check_id,
                       gboolean    disabled)
{
  SettingsChange *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  self = settings_change_new (&plan->disables, cx_disable_copy, cx_disable_free);
  if (!cx_disables_set (self->after, check_id, disabled))
    {
      cx_change_free (&self->parent);
      return NULL;
    }

  return &self->parent;
}

/* The plan's accepted findings: @after_out is the list after the change,
 * for the caller to edit before the change is pushed */
CxChange *
cx_change_accepts_new (CxPlan     *plan,
                       GPtrArray **after_out)
{
  SettingsChange *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);
  g_return_val_if_fail (after_out != NULL, NULL);

  self = settings_change_new (&plan->accepts, cx_accept_copy, cx_accept_free);
  *after_out = self->after;

  return &self->parent;
}
