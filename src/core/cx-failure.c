/* cx-failure.c — a failure mode of a step, scored as in a service FMEA,
 * and a step's list of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include "cx-model-private.h"
#include "cx-validate.h"

G_DEFINE_FINAL_TYPE (CxFailure, cx_failure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SEVERITY,
  PROP_OCCURRENCE,
  PROP_DETECTION,
  PROP_RPN,
  PROP_LEADS_TO,
  PROP_MODE,
  PROP_EFFECT,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cx_failure_finalize (GObject *object)
{
  CxFailure *self = (CxFailure *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->leads_to, g_free);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->effect, g_free);
  g_clear_pointer (&self->x_self, cx_extras_free);
  g_clear_pointer (&self->x_mode, cx_extras_free);
  g_clear_pointer (&self->x_effect, cx_extras_free);

  G_OBJECT_CLASS (cx_failure_parent_class)->finalize (object);
}

static void
cx_failure_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CxFailure *self = CX_FAILURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SEVERITY:
      g_value_set_int (value, self->severity);
      break;
    case PROP_OCCURRENCE:
      g_value_set_int (value, self->occurrence);
      break;
    case PROP_DETECTION:
      g_value_set_int (value, self->detection);
      break;
    case PROP_RPN:
      g_value_set_int (value, cx_failure_get_rpn (self));
      break;
    case PROP_LEADS_TO:
      g_value_set_string (value, self->leads_to);
      break;
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    case PROP_EFFECT:
      g_value_set_string (value, self->effect);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_failure_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CxFailure *self = CX_FAILURE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      cx_failure_set_severity (self, g_value_get_int (value));
      break;
    case PROP_OCCURRENCE:
      cx_failure_set_occurrence (self, g_value_get_int (value));
      break;
    case PROP_DETECTION:
      cx_failure_set_detection (self, g_value_get_int (value));
      break;
    case PROP_LEADS_TO:
      cx_failure_set_leads_to (self, g_value_get_string (value));
      break;
    case PROP_MODE:
      cx_failure_set_mode (self, g_value_get_string (value));
      break;
    case PROP_EFFECT:
      cx_failure_set_effect (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_failure_notify (GObject    *object,
                   GParamSpec *pspec)
{
  CxFailure *self = CX_FAILURE (object);

  if (self->step == NULL || self->step->plan == NULL ||
      pspec == properties[PROP_LINE] || pspec == properties[PROP_RPN])
    return;

  cx_plan_emit_changed (self->step->plan,
                        pspec == properties[PROP_LEADS_TO] ? CX_PLAN_CHANGE_GEOMETRY
                                                           : CX_PLAN_CHANGE_CONTENT,
                        self);
}

static void
cx_failure_class_init (CxFailureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cx_failure_finalize;
  object_class->get_property = cx_failure_get_property;
  object_class->set_property = cx_failure_set_property;
  object_class->notify = cx_failure_notify;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_SEVERITY] =
    g_param_spec_int ("severity", NULL, NULL, CX_SCORE_MIN, CX_SCORE_MAX, CX_SCORE_MIN, rw);
  properties[PROP_OCCURRENCE] =
    g_param_spec_int ("occurrence", NULL, NULL, CX_SCORE_MIN, CX_SCORE_MAX, CX_SCORE_MIN, rw);
  properties[PROP_DETECTION] =
    g_param_spec_int ("detection", NULL, NULL, CX_SCORE_MIN, CX_SCORE_MAX, CX_SCORE_MIN, rw);
  /* Derived: notified whenever one of the three scores changes */
  properties[PROP_RPN] =
    g_param_spec_int ("rpn", NULL, NULL,
                      CX_SCORE_MIN * CX_SCORE_MIN * CX_SCORE_MIN,
                      CX_SCORE_MAX * CX_SCORE_MAX * CX_SCORE_MAX,
                      CX_SCORE_MIN * CX_SCORE_MIN * CX_SCORE_MIN,
                      ro);
  properties[PROP_LEADS_TO] = g_param_spec_string ("leads-to", NULL, NULL, NULL, rw);
  properties[PROP_MODE] = g_param_spec_string ("mode", NULL, NULL, NULL, rw);
  properties[PROP_EFFECT] = g_param_spec_string ("effect", NULL, NULL, NULL, rw);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cx_failure_init (CxFailure *self)
{
  self->severity = CX_SCORE_MIN;
  self->occurrence = CX_SCORE_MIN;
  self->detection = CX_SCORE_MIN;
}

/**
 * cx_failure_new:
 * @id: the failure's id, an NCName unique in the plan
 *
 * Returns: (transfer full): a failure scored 1 on each scale, in no step
 */
CxFailure *
cx_failure_new (const char *id)
{
  CxFailure *self;

  g_return_val_if_fail (cx_validate_id (id, NULL), NULL);

  self = g_object_new (CX_TYPE_FAILURE, NULL);
  self->id = g_strdup (id);

  return self;
}

const char *
cx_failure_get_id (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), NULL);

  return self->id;
}

/**
 * cx_failure_get_step:
 * @self: a #CxFailure
 *
 * Returns: (transfer none) (nullable): the step the failure belongs to
 */
CxStep *
cx_failure_get_step (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), NULL);

  return self->step;
}

static void
set_score (CxFailure *self,
           int       *field,
           int        value,
           guint      prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RPN]);
  g_object_thaw_notify (G_OBJECT (self));
}

int
cx_failure_get_severity (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), 0);

  return self->severity;
}

/**
 * cx_failure_set_severity:
 * @self: a #CxFailure
 * @severity: 1..10, how badly the failure hurts the customer
 */
void
cx_failure_set_severity (CxFailure *self,
                         int        severity)
{
  g_return_if_fail (CX_IS_FAILURE (self));
  g_return_if_fail (severity >= CX_SCORE_MIN && severity <= CX_SCORE_MAX);

  set_score (self, &self->severity, severity, PROP_SEVERITY);
}

int
cx_failure_get_occurrence (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), 0);

  return self->occurrence;
}

/**
 * cx_failure_set_occurrence:
 * @self: a #CxFailure
 * @occurrence: 1..10, how often the failure happens
 */
void
cx_failure_set_occurrence (CxFailure *self,
                           int        occurrence)
{
  g_return_if_fail (CX_IS_FAILURE (self));
  g_return_if_fail (occurrence >= CX_SCORE_MIN && occurrence <= CX_SCORE_MAX);

  set_score (self, &self->occurrence, occurrence, PROP_OCCURRENCE);
}

int
cx_failure_get_detection (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), 0);

  return self->detection;
}

/**
 * cx_failure_set_detection:
 * @self: a #CxFailure
 * @detection: 1..10; 10 means the provider does not notice the failure
 */
void
cx_failure_set_detection (CxFailure *self,
                          int        detection)
{
  g_return_if_fail (CX_IS_FAILURE (self));
  g_return_if_fail (detection >= CX_SCORE_MIN && detection <= CX_SCORE_MAX);

  set_score (self, &self->detection, detection, PROP_DETECTION);
}

/**
 * cx_failure_get_rpn:
 * @self: a #CxFailure
 *
 * Returns: the risk priority number, severity × occurrence × detection
 */
int
cx_failure_get_rpn (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), 0);

  return self->severity * self->occurrence * self->detection;
}

/**
 * cx_failure_get_leads_to:
 * @self: a #CxFailure
 *
 * Returns: (nullable): the id of the step the failure causes, as written
 */
const char *
cx_failure_get_leads_to (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), NULL);

  return self->leads_to;
}

void
cx_failure_set_leads_to (CxFailure  *self,
                         const char *step_id)
{
  g_return_if_fail (CX_IS_FAILURE (self));

  if (cx_reference_set (&self->leads_to, step_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADS_TO]);
}

const char *
cx_failure_get_mode (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), NULL);

  return self->mode;
}

void
cx_failure_set_mode (CxFailure  *self,
                     const char *mode)
{
  g_return_if_fail (CX_IS_FAILURE (self));

  if (cx_text_set (&self->mode, mode))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

const char *
cx_failure_get_effect (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), NULL);

  return self->effect;
}

void
cx_failure_set_effect (CxFailure  *self,
                       const char *effect)
{
  g_return_if_fail (CX_IS_FAILURE (self));

  if (cx_text_set (&self->effect, effect))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECT]);
}

/**
 * cx_failure_get_line:
 * @self: a #CxFailure
 *
 * Returns: the line of the file the failure was read from, 0 if made anew
 */
guint
cx_failure_get_line (CxFailure *self)
{
  g_return_val_if_fail (CX_IS_FAILURE (self), 0);

  return self->line;
}

gboolean
cx_failure_equal (gconstpointer pa,
                  gconstpointer pb)
{
  const CxFailure *a = pa, *b = pb;

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->leads_to, b->leads_to) == 0 &&
         g_strcmp0 (a->mode, b->mode) == 0 &&
         g_strcmp0 (a->effect, b->effect) == 0 &&
         a->severity == b->severity &&
         a->occurrence == b->occurrence &&
         a->detection == b->detection &&
         cx_extras_equal (a->x_self, b->x_self) &&
         cx_extras_equal (a->x_mode, b->x_mode) &&
         cx_extras_equal (a->x_effect, b->x_effect);
}

/* A step's failures */

guint
cx_step_get_n_failures (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), 0);

  return self->failures->len;
}

/**
 * cx_step_get_failure:
 * @self: a #CxStep
 * @index: below cx_step_get_n_failures()
 *
 * Returns: (transfer none): the failure at @index
 */
CxFailure *
cx_step_get_failure (CxStep *self,
                     guint   index)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->failures->len, NULL);

  return g_ptr_array_index (self->failures, index);
}

/**
 * cx_step_add_failure:
 * @self: a #CxStep
 * @failure: a failure in no step, whose id is free
 *
 * Appends @failure, taking a reference; in a plan, registers its id.
 */
void
cx_step_add_failure (CxStep    *self,
                     CxFailure *failure)
{
  cx_step_insert_failure (self, -1, failure);
}

/**
 * cx_step_insert_failure:
 * @self: a #CxStep
 * @position: the index the failure will have, or -1 to append
 * @failure: a failure in no step, whose id is free
 *
 * Inserts @failure, taking a reference; in a plan, registers its id.
 */
void
cx_step_insert_failure (CxStep    *self,
                        int        position,
                        CxFailure *failure)
{
  GObject *owner = NULL;

  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (position < 0 || (guint) position <= self->failures->len);
  g_return_if_fail (CX_IS_FAILURE (failure));
  g_return_if_fail (failure->step == NULL);
  g_return_if_fail (g_strcmp0 (failure->id, self->id) != 0);
  for (guint i = 0; i < self->failures->len; i++)
    {
      CxFailure *other = g_ptr_array_index (self->failures, i);

      g_return_if_fail (g_strcmp0 (failure->id, other->id) != 0);
    }
  if (self->plan != NULL)
    owner = cx_plan_lookup_id (self->plan, failure->id);
  g_return_if_fail (owner == NULL || owner == G_OBJECT (failure));

  g_ptr_array_insert (self->failures, position, g_object_ref (failure));
  failure->step = self;
  if (self->plan != NULL)
    {
      if (owner == NULL)
        cx_plan_register_id (self->plan, failure->id, G_OBJECT (failure));
      cx_plan_emit_changed (self->plan, CX_PLAN_CHANGE_GEOMETRY, self);
    }
}

/**
 * cx_step_remove_failure:
 * @self: a #CxStep
 * @failure: a failure of the step
 *
 * Removes @failure; in a plan, frees its id.
 */
void
cx_step_remove_failure (CxStep    *self,
                        CxFailure *failure)
{
  CxPlan *plan;
  guint index;

  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (CX_IS_FAILURE (failure));
  g_return_if_fail (failure->step == self);
  g_return_if_fail (g_ptr_array_find (self->failures, failure, &index));

  plan = self->plan;
  if (plan != NULL && cx_plan_lookup_id (plan, failure->id) == G_OBJECT (failure))
    cx_plan_unregister_id (plan, failure->id);
  failure->step = NULL;
  g_ptr_array_remove_index (self->failures, index);
  /* The step is what the signal names: the failure may be gone */
  if (plan != NULL)
    cx_plan_emit_changed (plan, CX_PLAN_CHANGE_GEOMETRY, self);
}
