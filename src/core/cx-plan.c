/* cx-plan.c — a customer-experience plan: the root of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object, its own properties, its steps and deep equality. The plan's
 * settings are in cx-plan-settings.c, its id registry in cx-plan-ids.c.
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include <string.h>

#include "cx-format.h"
#include "cx-model-private.h"
#include "cx-validate.h"

G_DEFINE_FINAL_TYPE (CxPlan, cx_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_LINE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Text and the plan's value types (cells are in cx-lane.c, links in
 * cx-step.c, thresholds and disables in cx-plan-settings.c) */

char *
cx_text_dup (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_strdup (text);
}

gboolean
cx_text_set (char      **field,
             const char *text)
{
  g_return_val_if_fail (field != NULL, FALSE);
  /* The model never holds what a plan file cannot */
  g_return_val_if_fail (cx_validate_text (text, NULL), FALSE);

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (*field, text) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (text);

  return TRUE;
}

/**
 * cx_plan_equal_as_written:
 * @a: a #CxPlan
 * @b: another #CxPlan
 *
 * Like cx_plan_equal(), but foreign children are compared by their order
 * among the foreign children only, not by how many known elements precede
 * them. Once an edit removes the known elements after a foreign child
 * (the last step of a phase, a plan's description), its count is beyond
 * what the element now has and the file puts it last: a plan read from
 * that file counts fewer. With equal written bytes, which say where each
 * foreign child stands, this is the equality of two plans as files.
 *
 * Returns: %TRUE if @a and @b hold the same plan
 */
gboolean
cx_plan_equal_as_written (CxPlan *a,
                          CxPlan *b)
{
  gboolean equal;

  /* A plan read as 1.0 that now holds 1.1 content is written, and read
   * back, as 1.1 */
  if (g_strcmp0 (cx_plan_get_written_version (a), cx_plan_get_written_version (b)) != 0)
    return FALSE;
  if (g_strcmp0 (a->version, b->version) != 0)
    {
      char *saved = a->version;

      a->version = b->version;
      cx_extras_set_ignore_positions (TRUE);
      equal = cx_plan_equal (a, b);
      cx_extras_set_ignore_positions (FALSE);
      a->version = saved;
      return equal;
    }

  cx_extras_set_ignore_positions (TRUE);
  equal = cx_plan_equal (a, b);
  cx_extras_set_ignore_positions (FALSE);

  return equal;
}

gboolean
cx_reference_set (char      **field,
                  const char *text)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (cx_validate_text (text, NULL), FALSE);

  if (g_strcmp0 (*field, text) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (text);

  return TRUE;
}

void
cx_ns_decl_free (gpointer data)
{
  CxNsDecl *decl = data;

  g_free (decl->prefix);
  g_free (decl->uri);
  g_free (decl);
}

/* The object */

static void
cx_plan_finalize (GObject *object)
{
  CxPlan *self = (CxPlan *) object;

  /* A step may outlive its plan when someone else holds it */
  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    {
      for (guint i = 0; i < self->steps[phase]->len; i++)
        ((CxStep *) g_ptr_array_index (self->steps[phase], i))->plan = NULL;
      g_clear_pointer (&self->steps[phase], g_ptr_array_unref);
    }
  for (guint i = 0; i < self->lanes->len; i++)
    ((CxLane *) g_ptr_array_index (self->lanes, i))->plan = NULL;
  for (guint i = 0; i < self->personas->len; i++)
    ((CxPersona *) g_ptr_array_index (self->personas, i))->plan = NULL;

  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->thresholds, g_ptr_array_unref);
  g_clear_pointer (&self->disables, g_ptr_array_unref);
  g_clear_pointer (&self->accepts, g_ptr_array_unref);
  g_clear_pointer (&self->personas, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->ns_decls, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  for (guint slot = 0; slot < CX_PLAN_N_SLOTS; slot++)
    g_clear_pointer (&self->extras[slot], cx_extras_free);

  G_OBJECT_CLASS (cx_plan_parent_class)->finalize (object);
}

static void
cx_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CxPlan *self = CX_PLAN (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CxPlan *self = CX_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cx_plan_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      cx_plan_set_description (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      cx_plan_set_author (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      cx_plan_set_created (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      cx_plan_set_modified (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The plan's own properties are changes of it as a whole, too */
static void
cx_plan_notify (GObject    *object,
                GParamSpec *pspec)
{
  if (pspec != properties[PROP_VERSION] && pspec != properties[PROP_LINE])
    cx_plan_emit_changed (CX_PLAN (object), CX_PLAN_CHANGE_PROPERTIES, object);
}

static void
cx_plan_class_init (CxPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cx_plan_finalize;
  object_class->get_property = cx_plan_get_property;
  object_class->set_property = cx_plan_set_property;
  object_class->notify = cx_plan_notify;

  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, rw);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, rw);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CxPlan::changed:
   * @plan: the plan
   * @what: a #CxPlanChange: what kind of change it was, so that a view
   *   redraws a text without laying the map out again
   * @object: (nullable): the step, failure, lane or persona changed (for
   *   a cell, its step; for the plan's own properties, the plan), or
   *   %NULL for settings
   *
   * Emitted after every change of the plan or of anything in it: a
   * property of the plan, a persona, lane, step or failure; a cell; a
   * persona, lane, step or failure added, removed or moved; a setting.
   * One edit may emit it several times: views gather what changed and
   * update once a frame.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2,
                                   CX_TYPE_PLAN_CHANGE,
                                   G_TYPE_OBJECT);
}

static void
cx_plan_init (CxPlan *self)
{
  self->version = g_strdup (CX_FORMAT_VERSION);
  self->thresholds = g_ptr_array_new_with_free_func (cx_threshold_free);
  self->disables = g_ptr_array_new_with_free_func (cx_disable_free);
  self->accepts = g_ptr_array_new_with_free_func (cx_accept_free);
  self->personas = g_ptr_array_new_with_free_func (g_object_unref);
  self->lanes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    self->steps[phase] = g_ptr_array_new_with_free_func (g_object_unref);
  self->ns_decls = g_ptr_array_new_with_free_func (cx_ns_decl_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
cx_plan_emit_changed (CxPlan       *self,
                      CxPlanChange  what,
                      gpointer      object)
{
  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  g_signal_emit (self, signals[CHANGED], 0, what, object);
}

/**
 * cx_plan_new:
 *
 * Returns: (transfer full): an empty plan of the current format version
 */
CxPlan *
cx_plan_new (void)
{
  return g_object_new (CX_TYPE_PLAN, NULL);
}

/**
 * cx_plan_get_version:
 * @self: a #CxPlan
 *
 * Returns: the format version the plan was read as, that of this version
 *   (CX_FORMAT_VERSION, "1.1") for a new plan. A writer raises a 1.0 plan
 *   to 1.1 when it holds what 1.1 adds (see cx_plan_to_bytes())
 */
const char *
cx_plan_get_version (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);

  return self->version;
}

/* The minor number of a version the reader took, "1.0" → 0 */
static guint64
version_minor (const char *version)
{
  const char *dot = strchr (version, '.');

  return dot != NULL ? g_ascii_strtoull (dot + 1, NULL, 10) : 0;
}

/**
 * cx_plan_get_written_version:
 * @self: a #CxPlan
 *
 * Returns: the version the plan is written as: the one it was read as,
 *   raised from 1.0 to 1.1 when it holds anything that 1.1 adds (an
 *   accept, a threshold of 1.1)
 */
const char *
cx_plan_get_written_version (CxPlan *self)
{
  const char *version;

  g_return_val_if_fail (CX_IS_PLAN (self), NULL);

  version = self->version != NULL ? self->version : CX_FORMAT_VERSION;
  if (version_minor (version) < 1 && cx_plan_uses_format_1_1 (self))
    return "1.1";

  return version;
}

/* Like all text of the model, the plan's is %NULL when empty */
const char *
cx_plan_get_title (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);

  return self->title;
}

void
cx_plan_set_title (CxPlan     *self,
                   const char *title)
{
  g_return_if_fail (CX_IS_PLAN (self));

  if (cx_text_set (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cx_plan_get_description (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);

  return self->description;
}

void
cx_plan_set_description (CxPlan     *self,
                         const char *description)
{
  g_return_if_fail (CX_IS_PLAN (self));

  if (cx_text_set (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
cx_plan_get_author (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);

  return self->author;
}

void
cx_plan_set_author (CxPlan     *self,
                    const char *author)
{
  g_return_if_fail (CX_IS_PLAN (self));

  if (cx_text_set (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

/* Dates are ISO 8601 in UTC (2026-11-22T10:00:00Z), kept as written */
const char *
cx_plan_get_created (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);

  return self->created;
}

void
cx_plan_set_created (CxPlan     *self,
                     const char *created)
{
  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (created == NULL || *created == '\0' || cx_validate_date_time (created, NULL));

  if (cx_text_set (&self->created, created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

const char *
cx_plan_get_modified (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);

  return self->modified;
}

void
cx_plan_set_modified (CxPlan     *self,
                      const char *modified)
{
  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (modified == NULL || *modified == '\0' ||
                    cx_validate_date_time (modified, NULL));

  if (cx_text_set (&self->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Steps (personas are in cx-persona.c, lanes in cx-lane.c, a step's
 * failures in cx-failure.c) */

guint
cx_plan_get_n_steps (CxPlan  *self,
                     CxPhase  phase)
{
  g_return_val_if_fail (CX_IS_PLAN (self), 0);
  g_return_val_if_fail ((guint) phase < CX_N_PHASES, 0);

  return self->steps[phase]->len;
}

/**
 * cx_plan_get_step:
 * @self: a #CxPlan
 * @phase: a phase
 * @index: below cx_plan_get_n_steps()
 *
 * Returns: (transfer none): the step at @index of @phase, in journey order
 */
CxStep *
cx_plan_get_step (CxPlan  *self,
                  CxPhase  phase,
                  guint    index)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);
  g_return_val_if_fail ((guint) phase < CX_N_PHASES, NULL);
  g_return_val_if_fail (index < self->steps[phase]->len, NULL);

  return g_ptr_array_index (self->steps[phase], index);
}

/**
 * cx_plan_insert_step:
 * @self: a #CxPlan
 * @phase: the phase to insert into
 * @position: the index the step will have, or -1 to append
 * @step: a step in no plan, whose id and failures' ids are free in the plan
 *
 * Inserts @step, taking a reference, and registers its id and those of
 * its failures. To move a step, remove it and insert it again.
 */
void
cx_plan_insert_step (CxPlan  *self,
                     CxPhase  phase,
                     int      position,
                     CxStep  *step)
{
  GPtrArray *steps;
  gboolean phase_changed;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail ((guint) phase < CX_N_PHASES);
  g_return_if_fail (CX_IS_STEP (step));
  g_return_if_fail (step->plan == NULL);
  steps = self->steps[phase];
  g_return_if_fail (position < 0 || (guint) position <= steps->len);
  g_return_if_fail (cx_plan_step_ids_are_free (self, step));

  g_ptr_array_insert (steps, position < 0 ? -1 : position, g_object_ref (step));
  step->plan = self;
  phase_changed = step->phase != phase;
  step->phase = phase;

  for (guint i = 0; i < step->failures->len; i++)
    ((CxFailure *) g_ptr_array_index (step->failures, i))->step = step;
  cx_plan_claim_step_ids (self, step);

  /* The property lives in cx-step.c; the step is the only one to notify it */
  if (phase_changed)
    g_object_notify (G_OBJECT (step), "phase");
  cx_plan_emit_changed (self, CX_PLAN_CHANGE_STRUCTURE, step);
}

/**
 * cx_plan_remove_step:
 * @self: a #CxPlan
 * @step: a step of the plan
 *
 * Removes @step with its failures and frees their ids. The step keeps its
 * phase, so it can be put back where it was.
 */
void
cx_plan_remove_step (CxPlan *self,
                     CxStep *step)
{
  guint index;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (CX_IS_STEP (step));
  g_return_if_fail (step->plan == self);
  g_return_if_fail (g_ptr_array_find (self->steps[step->phase], step, &index));

  cx_plan_release_step_ids (self, step);
  step->plan = NULL;
  /* Alive for the signal's handlers */
  g_object_ref (step);
  g_ptr_array_remove_index (self->steps[step->phase], index);

  cx_plan_emit_changed (self, CX_PLAN_CHANGE_STRUCTURE, step);
  g_object_unref (step);
}

/**
 * cx_plan_get_step_index:
 * @self: a #CxPlan
 * @step: a step
 *
 * Returns: the step's place in its phase, or -1 if it is not in @self
 */
int
cx_plan_get_step_index (CxPlan *self,
                        CxStep *step)
{
  guint index;

  g_return_val_if_fail (CX_IS_PLAN (self), -1);
  g_return_val_if_fail (CX_IS_STEP (step), -1);

  if (step->plan != self)
    return -1;

  return g_ptr_array_find (self->steps[step->phase], step, &index) ? (int) index : -1;
}

/**
 * cx_plan_get_phase_line:
 * @self: a #CxPlan
 * @phase: a phase
 *
 * Returns: the line of the file the phase was read from, 0 if made anew
 */
guint
cx_plan_get_phase_line (CxPlan  *self,
                        CxPhase  phase)
{
  g_return_val_if_fail (CX_IS_PLAN (self), 0);
  g_return_val_if_fail ((guint) phase < CX_N_PHASES, 0);

  return self->phase_line[phase];
}

/* Equality, for round-trip tests: every field but the lines */

static gboolean
str_equal (const char *a,
           const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

gboolean
cx_ptr_array_equal (GPtrArray  *a,
                    GPtrArray  *b,
                    GEqualFunc  equal)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

static gboolean
ns_decl_equal (gconstpointer pa,
               gconstpointer pb)
{
  const CxNsDecl *a = pa, *b = pb;

  return str_equal (a->prefix, b->prefix) &&
         str_equal (a->uri, b->uri);
}

/**
 * cx_plan_equal:
 * @a: a #CxPlan
 * @b: another #CxPlan
 *
 * Compares two plans deeply: every field of the plan and of everything in
 * it, foreign content included, but not the lines they were read from.
 *
 * Returns: %TRUE if @a and @b hold the same plan
 */
gboolean
cx_plan_equal (CxPlan *a,
               CxPlan *b)
{
  g_return_val_if_fail (CX_IS_PLAN (a), FALSE);
  g_return_val_if_fail (CX_IS_PLAN (b), FALSE);

  if (a == b)
    return TRUE;

  if (!str_equal (a->version, b->version) ||
      !str_equal (a->title, b->title) ||
      !str_equal (a->description, b->description) ||
      !str_equal (a->author, b->author) ||
      !str_equal (a->created, b->created) ||
      !str_equal (a->modified, b->modified))
    return FALSE;

  if (!cx_ptr_array_equal (a->thresholds, b->thresholds, cx_threshold_equal) ||
      !cx_ptr_array_equal (a->disables, b->disables, cx_disable_equal) ||
      !cx_ptr_array_equal (a->accepts, b->accepts, cx_accept_equal) ||
      !cx_ptr_array_equal (a->personas, b->personas, cx_persona_equal) ||
      !cx_ptr_array_equal (a->lanes, b->lanes, cx_lane_equal) ||
      !cx_ptr_array_equal (a->ns_decls, b->ns_decls, ns_decl_equal))
    return FALSE;

  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    if (!cx_ptr_array_equal (a->steps[phase], b->steps[phase], cx_step_equal))
      return FALSE;

  for (guint slot = 0; slot < CX_PLAN_N_SLOTS; slot++)
    if (!cx_extras_equal (a->extras[slot], b->extras[slot]))
      return FALSE;

  return TRUE;
}
