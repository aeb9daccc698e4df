/* cx-step.c — a touchpoint of the journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include "cx-model-private.h"
#include "cx-validate.h"

G_DEFINE_FINAL_TYPE (CxStep, cx_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PHASE,
  PROP_TITLE,
  PROP_CHANNEL,
  PROP_OWNER,
  PROP_PERSONA,
  PROP_EVIDENCE,
  PROP_WOW,
  PROP_MOMENT_OF_TRUTH,
  PROP_RECOVERS,
  PROP_EXPECTED_LEVEL,
  PROP_EXPECTED_TEXT,
  PROP_DELIVERED_LEVEL,
  PROP_DELIVERED_TEXT,
  PROP_HAS_EMOTION,
  PROP_EMOTION,
  PROP_EMOTION_TEXT,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cx_step_finalize (GObject *object)
{
  CxStep *self = (CxStep *) object;

  /* A failure may outlive its step when someone else holds it */
  for (guint i = 0; i < self->failures->len; i++)
    ((CxFailure *) g_ptr_array_index (self->failures, i))->step = NULL;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->persona, g_free);
  g_clear_pointer (&self->recovers, g_free);
  g_clear_pointer (&self->expected_text, g_free);
  g_clear_pointer (&self->delivered_text, g_free);
  g_clear_pointer (&self->emotion_text, g_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->x_self, cx_extras_free);
  g_clear_pointer (&self->x_title, cx_extras_free);
  g_clear_pointer (&self->x_expected, cx_extras_free);
  g_clear_pointer (&self->x_delivered, cx_extras_free);
  g_clear_pointer (&self->x_emotion, cx_extras_free);

  G_OBJECT_CLASS (cx_step_parent_class)->finalize (object);
}

static void
cx_step_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CxStep *self = CX_STEP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_PERSONA:
      g_value_set_string (value, self->persona);
      break;
    case PROP_EVIDENCE:
      g_value_set_enum (value, self->evidence);
      break;
    case PROP_WOW:
      g_value_set_boolean (value, self->wow);
      break;
    case PROP_MOMENT_OF_TRUTH:
      g_value_set_boolean (value, self->moment_of_truth);
      break;
    case PROP_RECOVERS:
      g_value_set_string (value, self->recovers);
      break;
    case PROP_EXPECTED_LEVEL:
      g_value_set_int (value, self->expected_level);
      break;
    case PROP_EXPECTED_TEXT:
      g_value_set_string (value, self->expected_text);
      break;
    case PROP_DELIVERED_LEVEL:
      g_value_set_int (value, self->delivered_level);
      break;
    case PROP_DELIVERED_TEXT:
      g_value_set_string (value, self->delivered_text);
      break;
    case PROP_HAS_EMOTION:
      g_value_set_boolean (value, self->has_emotion);
      break;
    case PROP_EMOTION:
      g_value_set_int (value, self->emotion);
      break;
    case PROP_EMOTION_TEXT:
      g_value_set_string (value, self->emotion_text);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_step_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CxStep *self = CX_STEP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cx_step_set_title (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL:
      cx_step_set_channel (self, g_value_get_enum (value));
      break;
    case PROP_OWNER:
      cx_step_set_owner (self, g_value_get_string (value));
      break;
    case PROP_PERSONA:
      cx_step_set_persona (self, g_value_get_string (value));
      break;
    case PROP_EVIDENCE:
      cx_step_set_evidence (self, g_value_get_enum (value));
      break;
    case PROP_WOW:
      cx_step_set_wow (self, g_value_get_boolean (value));
      break;
    case PROP_MOMENT_OF_TRUTH:
      cx_step_set_moment_of_truth (self, g_value_get_boolean (value));
      break;
    case PROP_RECOVERS:
      cx_step_set_recovers (self, g_value_get_string (value));
      break;
    case PROP_EXPECTED_LEVEL:
      cx_step_set_expected_level (self, g_value_get_int (value));
      break;
    case PROP_EXPECTED_TEXT:
      cx_step_set_expected_text (self, g_value_get_string (value));
      break;
    case PROP_DELIVERED_LEVEL:
      cx_step_set_delivered_level (self, g_value_get_int (value));
      break;
    case PROP_DELIVERED_TEXT:
      cx_step_set_delivered_text (self, g_value_get_string (value));
      break;
    case PROP_HAS_EMOTION:
      if (g_value_get_boolean (value))
        cx_step_set_emotion (self, self->emotion);
      else
        cx_step_unset_emotion (self);
      break;
    case PROP_EMOTION:
      cx_step_set_emotion (self, g_value_get_int (value));
      break;
    case PROP_EMOTION_TEXT:
      cx_step_set_emotion_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Every change of a step in a plan is a change of the plan: what a view
 * must redo depends on the property */
static void
cx_step_notify (GObject    *object,
                GParamSpec *pspec)
{
  CxStep *self = CX_STEP (object);
  CxPlanChange what = CX_PLAN_CHANGE_CONTENT;

  if (self->plan == NULL || pspec == properties[PROP_PHASE] || pspec == properties[PROP_LINE])
    return;

  if (pspec == properties[PROP_PERSONA] || pspec == properties[PROP_RECOVERS])
    what = CX_PLAN_CHANGE_GEOMETRY;

  cx_plan_emit_changed (self->plan, what, self);
}

static void
cx_step_class_init (CxStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cx_step_finalize;
  object_class->get_property = cx_step_get_property;
  object_class->set_property = cx_step_set_property;
  object_class->notify = cx_step_notify;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  /* Notified when the step is inserted in a phase other than its last one */
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, CX_TYPE_PHASE, CX_PHASE_BEFORE, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL, CX_TYPE_CHANNEL, CX_CHANNEL_NONE, rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, rw);
  properties[PROP_PERSONA] = g_param_spec_string ("persona", NULL, NULL, NULL, rw);
  properties[PROP_EVIDENCE] =
    g_param_spec_enum ("evidence", NULL, NULL, CX_TYPE_EVIDENCE, CX_EVIDENCE_NONE, rw);
  properties[PROP_WOW] = g_param_spec_boolean ("wow", NULL, NULL, FALSE, rw);
  properties[PROP_MOMENT_OF_TRUTH] =
    g_param_spec_boolean ("moment-of-truth", NULL, NULL, FALSE, rw);
  properties[PROP_RECOVERS] = g_param_spec_string ("recovers", NULL, NULL, NULL, rw);
  properties[PROP_EXPECTED_LEVEL] =
    g_param_spec_int ("expected-level", NULL, NULL, 0, CX_LEVEL_MAX, 0, rw);
  properties[PROP_EXPECTED_TEXT] = g_param_spec_string ("expected-text", NULL, NULL, NULL, rw);
  properties[PROP_DELIVERED_LEVEL] =
    g_param_spec_int ("delivered-level", NULL, NULL, 0, CX_LEVEL_MAX, 0, rw);
  properties[PROP_DELIVERED_TEXT] =
    g_param_spec_string ("delivered-text", NULL, NULL, NULL, rw);
  /* Setting has-emotion to TRUE keeps the current value (0 if there was none) */
  properties[PROP_HAS_EMOTION] = g_param_spec_boolean ("has-emotion", NULL, NULL, FALSE, rw);
  properties[PROP_EMOTION] =
    g_param_spec_int ("emotion", NULL, NULL, CX_EMOTION_MIN, CX_EMOTION_MAX, 0, rw);
  properties[PROP_EMOTION_TEXT] = g_param_spec_string ("emotion-text", NULL, NULL, NULL, rw);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cx_step_init (CxStep *self)
{
  self->cells = g_ptr_array_new_with_free_func (cx_cell_free);
  self->failures = g_ptr_array_new_with_free_func (g_object_unref);
  self->links = g_ptr_array_new_with_free_func (cx_link_free);
}

static void
notify_text (CxStep     *self,
             char      **field,
             const char *text,
             guint       prop_id)
{
  if (cx_text_set (field, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
notify_int (CxStep *self,
            int    *field,
            int     value,
            guint   prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
is_level (int level)
{
  return level == 0 || (level >= CX_LEVEL_MIN && level <= CX_LEVEL_MAX);
}

/**
 * cx_step_new:
 * @id: the step's id, an NCName unique in the plan
 *
 * Returns: (transfer full): an empty step in no plan
 */
CxStep *
cx_step_new (const char *id)
{
  CxStep *self;

  g_return_val_if_fail (cx_validate_id (id, NULL), NULL);

  self = g_object_new (CX_TYPE_STEP, NULL);
  self->id = g_strdup (id);

  return self;
}

const char *
cx_step_get_id (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->id;
}

/**
 * cx_step_get_plan:
 * @self: a #CxStep
 *
 * Returns: (transfer none) (nullable): the plan the step is in
 */
CxPlan *
cx_step_get_plan (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->plan;
}

/**
 * cx_step_get_phase:
 * @self: a #CxStep
 *
 * Returns: the phase the step was last inserted in
 */
CxPhase
cx_step_get_phase (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), CX_PHASE_BEFORE);

  return self->phase;
}

const char *
cx_step_get_title (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->title;
}

void
cx_step_set_title (CxStep     *self,
                   const char *title)
{
  g_return_if_fail (CX_IS_STEP (self));

  notify_text (self, &self->title, title, PROP_TITLE);
}

CxChannel
cx_step_get_channel (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), CX_CHANNEL_NONE);

  return self->channel;
}

/**
 * cx_step_set_channel:
 * @self: a #CxStep
 * @channel: where the touchpoint happens; %CX_CHANNEL_NONE for unsaid
 */
void
cx_step_set_channel (CxStep    *self,
                     CxChannel  channel)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail ((guint) channel <= CX_CHANNEL_OTHER);

  if (self->channel == channel)
    return;

  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

const char *
cx_step_get_owner (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->owner;
}

void
cx_step_set_owner (CxStep     *self,
                   const char *owner)
{
  g_return_if_fail (CX_IS_STEP (self));

  notify_text (self, &self->owner, owner, PROP_OWNER);
}

/**
 * cx_step_get_persona:
 * @self: a #CxStep
 *
 * Returns: (nullable): the id of the persona whose step this is, as
 *   written; %NULL for every persona
 */
const char *
cx_step_get_persona (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->persona;
}

void
cx_step_set_persona (CxStep     *self,
                     const char *persona_id)
{
  g_return_if_fail (CX_IS_STEP (self));

  if (cx_reference_set (&self->persona, persona_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
}

CxEvidence
cx_step_get_evidence (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), CX_EVIDENCE_NONE);

  return self->evidence;
}

/**
 * cx_step_set_evidence:
 * @self: a #CxStep
 * @evidence: how the team knows the step; %CX_EVIDENCE_NONE for unsaid
 */
void
cx_step_set_evidence (CxStep     *self,
                      CxEvidence  evidence)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail ((guint) evidence <= CX_EVIDENCE_PROPOSED);

  if (self->evidence == evidence)
    return;

  self->evidence = evidence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
}

gboolean
cx_step_get_wow (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), FALSE);

  return self->wow;
}

void
cx_step_set_wow (CxStep   *self,
                 gboolean  wow)
{
  g_return_if_fail (CX_IS_STEP (self));

  wow = !!wow;
  if (self->wow == (guint) wow)
    return;

  self->wow = wow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WOW]);
}

gboolean
cx_step_get_moment_of_truth (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), FALSE);

  return self->moment_of_truth;
}

void
cx_step_set_moment_of_truth (CxStep   *self,
                             gboolean  moment_of_truth)
{
  g_return_if_fail (CX_IS_STEP (self));

  moment_of_truth = !!moment_of_truth;
  if (self->moment_of_truth == (guint) moment_of_truth)
    return;

  self->moment_of_truth = moment_of_truth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENT_OF_TRUTH]);
}

/**
 * cx_step_get_recovers:
 * @self: a #CxStep
 *
 * Returns: (nullable): the failures this recovery step answers, as
 *   written: ids separated by spaces
 */
const char *
cx_step_get_recovers (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->recovers;
}

void
cx_step_set_recovers (CxStep     *self,
                      const char *failure_ids)
{
  g_return_if_fail (CX_IS_STEP (self));

  if (cx_reference_set (&self->recovers, failure_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERS]);
}

/**
 * cx_step_get_expected_level:
 * @self: a #CxStep
 *
 * Returns: what the customer expects, 1..5; 0 when the step has no
 *   `expected` element
 */
int
cx_step_get_expected_level (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), 0);

  return self->expected_level;
}

void
cx_step_set_expected_level (CxStep *self,
                            int     level)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (is_level (level));

  /* The text is written inside the element the level makes: no level,
   * no text */
  g_object_freeze_notify (G_OBJECT (self));
  if (level == 0)
    notify_text (self, &self->expected_text, NULL, PROP_EXPECTED_TEXT);
  notify_int (self, &self->expected_level, level, PROP_EXPECTED_LEVEL);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
cx_step_get_expected_text (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->expected_text;
}

void
cx_step_set_expected_text (CxStep     *self,
                           const char *text)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (text == NULL || *text == '\0' || self->expected_level != 0);

  notify_text (self, &self->expected_text, text, PROP_EXPECTED_TEXT);
}

/**
 * cx_step_get_delivered_level:
 * @self: a #CxStep
 *
 * Returns: what the service delivers, 1..5; 0 when the step has no
 *   `delivered` element
 */
int
cx_step_get_delivered_level (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), 0);

  return self->delivered_level;
}

void
cx_step_set_delivered_level (CxStep *self,
                             int     level)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (is_level (level));

  g_object_freeze_notify (G_OBJECT (self));
  if (level == 0)
    notify_text (self, &self->delivered_text, NULL, PROP_DELIVERED_TEXT);
  notify_int (self, &self->delivered_level, level, PROP_DELIVERED_LEVEL);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
cx_step_get_delivered_text (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->delivered_text;
}

void
cx_step_set_delivered_text (CxStep     *self,
                            const char *text)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (text == NULL || *text == '\0' || self->delivered_level != 0);

  notify_text (self, &self->delivered_text, text, PROP_DELIVERED_TEXT);
}

/**
 * cx_step_get_has_emotion:
 * @self: a #CxStep
 *
 * Returns: %TRUE if the step says how the customer feels (`emotion`)
 */
gboolean
cx_step_get_has_emotion (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), FALSE);

  return self->has_emotion;
}

/**
 * cx_step_get_emotion:
 * @self: a #CxStep
 *
 * Returns: how the customer feels, -3..3; 0 when the step has no emotion
 */
int
cx_step_get_emotion (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), 0);

  return self->emotion;
}

/**
 * cx_step_set_emotion:
 * @self: a #CxStep
 * @emotion: -3 (furious) .. 3 (delighted)
 *
 * Sets how the customer feels; the step then has an emotion.
 */
void
cx_step_set_emotion (CxStep *self,
                     int     emotion)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (emotion >= CX_EMOTION_MIN && emotion <= CX_EMOTION_MAX);

  g_object_freeze_notify (G_OBJECT (self));
  notify_int (self, &self->emotion, emotion, PROP_EMOTION);
  if (!self->has_emotion)
    {
      self->has_emotion = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_EMOTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cx_step_unset_emotion:
 * @self: a #CxStep
 *
 * Removes the emotion value, and its text (a file holds no text without
 * a value); the emotion reads 0.
 */
void
cx_step_unset_emotion (CxStep *self)
{
  g_return_if_fail (CX_IS_STEP (self));

  g_object_freeze_notify (G_OBJECT (self));
  notify_text (self, &self->emotion_text, NULL, PROP_EMOTION_TEXT);
  notify_int (self, &self->emotion, 0, PROP_EMOTION);
  if (self->has_emotion)
    {
      self->has_emotion = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_EMOTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
cx_step_get_emotion_text (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);

  return self->emotion_text;
}

void
cx_step_set_emotion_text (CxStep     *self,
                          const char *text)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (text == NULL || *text == '\0' || self->has_emotion);

  notify_text (self, &self->emotion_text, text, PROP_EMOTION_TEXT);
}

guint
cx_step_get_n_links (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), 0);

  return self->links->len;
}

CxLinkKind
cx_step_get_link_kind (CxStep *self,
                       guint   index)
{
  g_return_val_if_fail (CX_IS_STEP (self), CX_LINK_KIND_LEADS_TO);
  g_return_val_if_fail (index < self->links->len, CX_LINK_KIND_LEADS_TO);

  return ((CxLink *) g_ptr_array_index (self->links, index))->kind;
}

/**
 * cx_step_get_link_step:
 * @self: a #CxStep
 * @index: below cx_step_get_n_links()
 *
 * Returns: the id of the step the link points to, as written
 */
const char *
cx_step_get_link_step (CxStep *self,
                       guint   index)
{
  g_return_val_if_fail (CX_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);

  return ((CxLink *) g_ptr_array_index (self->links, index))->step;
}

/**
 * cx_step_get_line:
 * @self: a #CxStep
 *
 * Returns: the line of the file the step was read from, 0 if made anew
 */
guint
cx_step_get_line (CxStep *self)
{
  g_return_val_if_fail (CX_IS_STEP (self), 0);

  return self->line;
}

/* Links and equality */

/* For the history: a link taken out whole and put back at its place */
CxLink *
cx_step_steal_link (CxStep *self,
                    guint   index)
{
  CxLink *link;

  g_return_val_if_fail (CX_IS_STEP (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);

  link = g_ptr_array_steal_index (self->links, index);
  if (self->plan != NULL)
    cx_plan_emit_changed (self->plan, CX_PLAN_CHANGE_GEOMETRY, self);

  return link;
}

void
cx_step_insert_link (CxStep *self,
                     guint   index,
                     CxLink *link)
{
  g_return_if_fail (CX_IS_STEP (self));
  g_return_if_fail (index <= self->links->len);
  g_return_if_fail (link != NULL);

  g_ptr_array_insert (self->links, index, link);
  if (self->plan != NULL)
    cx_plan_emit_changed (self->plan, CX_PLAN_CHANGE_GEOMETRY, self);
}

void
cx_link_free (gpointer data)
{
  CxLink *link = data;

  g_free (link->step);
  cx_extras_free (link->extras);
  g_free (link);
}

static gboolean
link_equal (gconstpointer pa,
            gconstpointer pb)
{
  const CxLink *a = pa, *b = pb;

  return a->kind == b->kind &&
         g_strcmp0 (a->step, b->step) == 0 &&
         cx_extras_equal (a->extras, b->extras);
}

gboolean
cx_step_equal (gconstpointer pa,
               gconstpointer pb)
{
  const CxStep *a = pa, *b = pb;

  return g_strcmp0 (a->id, b->id) == 0 &&
         a->phase == b->phase &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->owner, b->owner) == 0 &&
         g_strcmp0 (a->persona, b->persona) == 0 &&
         g_strcmp0 (a->recovers, b->recovers) == 0 &&
         a->channel == b->channel &&
         a->evidence == b->evidence &&
         a->wow == b->wow &&
         a->moment_of_truth == b->moment_of_truth &&
         a->expected_level == b->expected_level &&
         g_strcmp0 (a->expected_text, b->expected_text) == 0 &&
         a->delivered_level == b->delivered_level &&
         g_strcmp0 (a->delivered_text, b->delivered_text) == 0 &&
         a->has_emotion == b->has_emotion &&
         a->emotion == b->emotion &&
         g_strcmp0 (a->emotion_text, b->emotion_text) == 0 &&
         cx_ptr_array_equal (a->cells, b->cells, cx_cell_equal) &&
         cx_ptr_array_equal (a->failures, b->failures, cx_failure_equal) &&
         cx_ptr_array_equal (a->links, b->links, link_equal) &&
         cx_extras_equal (a->x_self, b->x_self) &&
         cx_extras_equal (a->x_title, b->x_title) &&
         cx_extras_equal (a->x_expected, b->x_expected) &&
         cx_extras_equal (a->x_delivered, b->x_delivered) &&
         cx_extras_equal (a->x_emotion, b->x_emotion);
}
