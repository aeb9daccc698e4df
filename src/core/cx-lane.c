/* cx-lane.c — a swimlane of the map, the plan's list of them, and the
 * cells: the text a step holds in a lane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include "cx-model-private.h"
#include "cx-validate.h"

G_DEFINE_FINAL_TYPE (CxLane, cx_lane, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cx_lane_finalize (GObject *object)
{
  CxLane *self = (CxLane *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->x_self, cx_extras_free);
  g_clear_pointer (&self->x_name, cx_extras_free);

  G_OBJECT_CLASS (cx_lane_parent_class)->finalize (object);
}

static void
cx_lane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CxLane *self = CX_LANE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_lane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CxLane *self = CX_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      cx_lane_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_NAME:
      cx_lane_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_lane_notify (GObject    *object,
                GParamSpec *pspec)
{
  CxLane *self = CX_LANE (object);

  if (self->plan == NULL || pspec == properties[PROP_LINE])
    return;

  /* A lane's kind sets its row's height and the blueprint lines */
  cx_plan_emit_changed (self->plan,
                        pspec == properties[PROP_KIND] ? CX_PLAN_CHANGE_STRUCTURE
                                                       : CX_PLAN_CHANGE_CONTENT,
                        self);
}

static void
cx_lane_class_init (CxLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cx_lane_finalize;
  object_class->get_property = cx_lane_get_property;
  object_class->set_property = cx_lane_set_property;
  object_class->notify = cx_lane_notify;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CX_TYPE_LANE_KIND, CX_LANE_KIND_ACTIONS, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cx_lane_init (CxLane *self)
{
  self->kind = CX_LANE_KIND_ACTIONS;
}

static gboolean
lane_kind_is_valid (CxLaneKind kind)
{
  return (guint) kind <= CX_LANE_KIND_EXPECTATION;
}

/**
 * cx_lane_new:
 * @id: the lane's id, an NCName unique in the plan
 * @kind: what the lane shows
 *
 * Returns: (transfer full): a lane without a name
 */
CxLane *
cx_lane_new (const char *id,
             CxLaneKind  kind)
{
  CxLane *self;

  g_return_val_if_fail (cx_validate_id (id, NULL), NULL);
  g_return_val_if_fail (lane_kind_is_valid (kind), NULL);

  self = g_object_new (CX_TYPE_LANE, NULL);
  self->id = g_strdup (id);
  self->kind = kind;

  return self;
}

const char *
cx_lane_get_id (CxLane *self)
{
  g_return_val_if_fail (CX_IS_LANE (self), NULL);

  return self->id;
}

/**
 * cx_lane_get_plan:
 * @self: a #CxLane
 *
 * Returns: (transfer none) (nullable): the plan the lane is in
 */
CxPlan *
cx_lane_get_plan (CxLane *self)
{
  g_return_val_if_fail (CX_IS_LANE (self), NULL);

  return self->plan;
}

/* A plan has at most one lane each of the kinds drawn from the steps'
 * values: whether @plan has room for a lane of @kind besides @lane */
static gboolean
kind_is_free (CxPlan     *plan,
              CxLaneKind  kind,
              CxLane     *lane)
{
  CxLane *other;

  if (plan == NULL || cx_lane_kind_holds_text (kind))
    return TRUE;

  other = cx_plan_lookup_lane_kind (plan, kind);
  return other == NULL || other == lane;
}

CxLaneKind
cx_lane_get_kind (CxLane *self)
{
  g_return_val_if_fail (CX_IS_LANE (self), CX_LANE_KIND_ACTIONS);

  return self->kind;
}

void
cx_lane_set_kind (CxLane     *self,
                  CxLaneKind  kind)
{
  g_return_if_fail (CX_IS_LANE (self));
  g_return_if_fail (lane_kind_is_valid (kind));
  g_return_if_fail (kind_is_free (self->plan, kind, self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
cx_lane_get_name (CxLane *self)
{
  g_return_val_if_fail (CX_IS_LANE (self), NULL);

  return self->name;
}

void
cx_lane_set_name (CxLane     *self,
                  const char *name)
{
  g_return_if_fail (CX_IS_LANE (self));

  if (cx_text_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * cx_lane_kind_holds_text:
 * @kind: a lane kind
 *
 * Emotion and expectation lanes are drawn from the steps' values; every
 * other kind holds the steps' cell text.
 *
 * Returns: %TRUE if a step's `cell` may name a lane of @kind
 */
gboolean
cx_lane_kind_holds_text (CxLaneKind kind)
{
  return kind != CX_LANE_KIND_EMOTION && kind != CX_LANE_KIND_EXPECTATION;
}

/**
 * cx_lane_get_line:
 * @self: a #CxLane
 *
 * Returns: the line of the file the lane was read from, 0 if made anew
 */
guint
cx_lane_get_line (CxLane *self)
{
  g_return_val_if_fail (CX_IS_LANE (self), 0);

  return self->line;
}

gboolean
cx_lane_equal (gconstpointer pa,
               gconstpointer pb)
{
  const CxLane *a = pa, *b = pb;

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         a->kind == b->kind &&
         cx_extras_equal (a->x_self, b->x_self) &&
         cx_extras_equal (a->x_name, b->x_name);
}

/* The plan's lanes */

guint
cx_plan_get_n_lanes (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), 0);

  return self->lanes->len;
}

/**
 * cx_plan_get_lane:
 * @self: a #CxPlan
 * @index: below cx_plan_get_n_lanes()
 *
 * Returns: (transfer none): the lane at @index, top to bottom
 */
CxLane *
cx_plan_get_lane (CxPlan *self,
                  guint   index)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);

  return g_ptr_array_index (self->lanes, index);
}

/**
 * cx_plan_lookup_lane_kind:
 * @self: a #CxPlan
 * @kind: a lane kind
 *
 * Returns: (transfer none) (nullable): the first lane of @kind
 */
CxLane *
cx_plan_lookup_lane_kind (CxPlan     *self,
                          CxLaneKind  kind)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      CxLane *lane = g_ptr_array_index (self->lanes, i);

      if (lane->kind == kind)
        return lane;
    }

  return NULL;
}

/**
 * cx_plan_get_lane_index:
 * @self: a #CxPlan
 * @lane: a lane
 *
 * Returns: the lane's place from the top, or -1 if it is not in @self
 */
int
cx_plan_get_lane_index (CxPlan *self,
                        CxLane *lane)
{
  guint index;

  g_return_val_if_fail (CX_IS_PLAN (self), -1);

  return g_ptr_array_find (self->lanes, lane, &index) ? (int) index : -1;
}

/**
 * cx_plan_add_lane:
 * @self: a #CxPlan
 * @lane: a lane whose id is free in the plan
 *
 * Appends @lane, taking a reference, and registers its id.
 */
void
cx_plan_add_lane (CxPlan *self,
                  CxLane *lane)
{
  cx_plan_insert_lane (self, -1, lane);
}

/**
 * cx_plan_insert_lane:
 * @self: a #CxPlan
 * @position: the index the lane will have, or -1 to append
 * @lane: a lane in no plan, whose id is free in the plan and whose kind
 *   the plan has room for (at most one emotion and one expectation lane)
 *
 * Inserts @lane, taking a reference, and registers its id.
 */
void
cx_plan_insert_lane (CxPlan *self,
                     int     position,
                     CxLane *lane)
{
  GObject *owner;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (CX_IS_LANE (lane));
  g_return_if_fail (lane->plan == NULL);
  g_return_if_fail (position < 0 || (guint) position <= self->lanes->len);
  g_return_if_fail (kind_is_free (self, lane->kind, NULL));
  owner = cx_plan_lookup_id (self, lane->id);
  g_return_if_fail (owner == NULL || owner == G_OBJECT (lane));

  g_ptr_array_insert (self->lanes, position, g_object_ref (lane));
  lane->plan = self;
  if (owner == NULL)
    cx_plan_register_id (self, lane->id, G_OBJECT (lane));
  cx_plan_emit_changed (self, CX_PLAN_CHANGE_STRUCTURE, lane);
}

/**
 * cx_plan_remove_lane:
 * @self: a #CxPlan
 * @lane: a lane of the plan
 *
 * Removes @lane and frees its id; cells naming it are kept.
 */
void
cx_plan_remove_lane (CxPlan *self,
                     CxLane *lane)
{
  guint index;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (CX_IS_LANE (lane));
  g_return_if_fail (g_ptr_array_find (self->lanes, lane, &index));

  if (cx_plan_lookup_id (self, lane->id) == G_OBJECT (lane))
    cx_plan_unregister_id (self, lane->id);
  lane->plan = NULL;
  /* Keep the lane alive for the signal's handlers */
  g_object_ref (lane);
  g_ptr_array_remove_index (self->lanes, index);
  cx_plan_emit_changed (self, CX_PLAN_CHANGE_STRUCTURE, lane);
  g_object_unref (lane);
}

/* Cells */

void
cx_cell_free (gpointer data)
{
  CxCell *cell = data;

  g_free (cell->lane);
  g_free (cell->text);
  cx_extras_free (cell->extras);
  g_free (cell);
}

gboolean
cx_cell_equal (gconstpointer pa,
               gconstpointer pb)
{
  const CxCell *a = pa, *b = pb;

  return g_strcmp0 (a->lane, b->lane) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         cx_extras_equal (a->extras, b->extras);
}

guint
cx_step_get_n_cells (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), 0);

  return self->cells->len;
}

/**
 * cx_step_get_cell_lane:
 * @self: a #CxStep
 * @index: a cell's position, below cx_step_get_n_cells()
 *
 * Returns: the id of the lane the cell names, as written
 */
const char *
cx_step_get_cell_lane (CxStep *self,
                       guint   index)
{
  CxCell *cell;

  g_return_val_if_fail (CX_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);

  cell = g_ptr_array_index (self->cells, index);

  return cell->lane;
}

/**
 * cx_step_get_cell_text:
 * @self: a #CxStep
 * @index: a cell's position, below cx_step_get_n_cells()
 *
 * Returns: (nullable): the cell's text
 */
const char *
cx_step_get_cell_text (CxStep *self,
                       guint   index)
{
  CxCell *cell;

  g_return_val_if_fail (CX_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);

  cell = g_ptr_array_index (self->cells, index);

  return cell->text;
}

static int
find_cell (CxStep     *self,
           const char *lane_id)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      CxCell *cell = g_ptr_array_index (self->cells, i);

      if (g_strcmp0 (cell->lane, lane_id) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * cx_step_lookup_cell:
 * @self: a #CxStep
 * @lane_id: a lane's id
 *
 * Returns: (nullable): the text of the step's first cell in that lane
 */
const char *
cx_step_lookup_cell (CxStep     *self,
                     const char *lane_id)
{
  int i;

  g_return_val_if_fail (CX_IS_STEP (self), NULL);
  g_return_val_if_fail (lane_id != NULL, NULL);

  i = find_cell (self, lane_id);
  if (i < 0)
    return NULL;

  return ((CxCell *) g_ptr_array_index (self->cells, i))->text;
}

/**
 * cx_step_set_cell:
 * @self: a #CxStep
 * @lane_id: a text lane's id
 * @text: (nullable): the new text; %NULL or "" removes the cell
 *
 * Sets the text of the step's first cell in the lane, or appends a cell.
 * A cell that stays keeps its foreign content. Emits #CxPlan::changed on
 * the step's plan when something changed.
 */
void
cx_step_set_cell (CxStep     *self,
                  const char *lane_id,
                  const char *text)
{
  CxCell *cell;
  int i;

  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (lane_id != NULL && *lane_id != '\0');
  g_return_if_fail (cx_validate_text (text, NULL));

  i = find_cell (self, lane_id);
  if (text == NULL || *text == '\0')
    {
      if (i < 0)
        return;
      g_ptr_array_remove_index (self->cells, i);
    }
  else if (i >= 0)
    {
      cell = g_ptr_array_index (self->cells, i);
      if (!cx_text_set (&cell->text, text))
        return;
    }
  else
    {
      cell = g_new0 (CxCell, 1);
      cell->lane = g_strdup (lane_id);
      cell->text = g_strdup (text);
      g_ptr_array_add (self->cells, cell);
    }

  if (self->plan != NULL)
    cx_plan_emit_changed (self->plan, CX_PLAN_CHANGE_CONTENT, self);
}

/* For the history: a cell taken out whole, and put back where it was */
CxCell *
cx_step_steal_cell (CxStep *self,
                    guint   index)
{
  CxCell *cell;

  g_return_val_if_fail (CX_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);

  cell = g_ptr_array_steal_index (self->cells, index);
  if (self->plan != NULL)
    cx_plan_emit_changed (self->plan, CX_PLAN_CHANGE_CONTENT, self);

  return cell;
}

void
cx_step_insert_cell (CxStep *self,
                     guint   index,
                     CxCell *cell)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (index <= self->cells->len);
  g_return_if_fail (cell != NULL && cell->lane != NULL);

  g_ptr_array_insert (self->cells, index, cell);
  if (self->plan != NULL)
    cx_plan_emit_changed (self->plan, CX_PLAN_CHANGE_CONTENT, self);
}
