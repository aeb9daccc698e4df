/* cx-persona.c — a customer whose journey the plan follows, and the
 * plan's list of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include "cx-model-private.h"
#include "cx-validate.h"

G_DEFINE_FINAL_TYPE (CxPersona, cx_persona, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_HAS_MOOD,
  PROP_MOOD,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cx_persona_finalize (GObject *object)
{
  CxPersona *self = (CxPersona *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->x_self, cx_extras_free);
  g_clear_pointer (&self->x_name, cx_extras_free);
  g_clear_pointer (&self->x_description, cx_extras_free);

  G_OBJECT_CLASS (cx_persona_parent_class)->finalize (object);
}

static void
cx_persona_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CxPersona *self = CX_PERSONA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_HAS_MOOD:
      g_value_set_boolean (value, self->has_mood);
      break;
    case PROP_MOOD:
      g_value_set_int (value, self->mood);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_persona_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CxPersona *self = CX_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cx_persona_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      cx_persona_set_description (self, g_value_get_string (value));
      break;
    case PROP_HAS_MOOD:
      if (g_value_get_boolean (value))
        cx_persona_set_mood (self, self->mood);
      else
        cx_persona_unset_mood (self);
      break;
    case PROP_MOOD:
      cx_persona_set_mood (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_persona_notify (GObject    *object,
                   GParamSpec *pspec)
{
  CxPersona *self = CX_PERSONA (object);

  if (self->plan == NULL || pspec == properties[PROP_LINE])
    return;

  cx_plan_emit_changed (self->plan, CX_PLAN_CHANGE_CONTENT, self);
}

static void
cx_persona_class_init (CxPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cx_persona_finalize;
  object_class->get_property = cx_persona_get_property;
  object_class->set_property = cx_persona_set_property;
  object_class->notify = cx_persona_notify;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  /* Setting has-mood to TRUE keeps the current mood (0 if there was none) */
  properties[PROP_HAS_MOOD] = g_param_spec_boolean ("has-mood", NULL, NULL, FALSE, rw);
  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, CX_EMOTION_MIN, CX_EMOTION_MAX, 0, rw);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cx_persona_init (CxPersona *self)
{
}

/**
 * cx_persona_new:
 * @id: the persona's id, an NCName unique in the plan
 *
 * Returns: (transfer full): a persona without name, description or mood
 */
CxPersona *
cx_persona_new (const char *id)
{
  CxPersona *self;

  g_return_val_if_fail (cx_validate_id (id, NULL), NULL);

  self = g_object_new (CX_TYPE_PERSONA, NULL);
  self->id = g_strdup (id);

  return self;
}

const char *
cx_persona_get_id (CxPersona *self)
{
  g_return_val_if_fail (CX_IS_PERSONA (self), NULL);

  return self->id;
}

const char *
cx_persona_get_name (CxPersona *self)
{
  g_return_val_if_fail (CX_IS_PERSONA (self), NULL);

  return self->name;
}

void
cx_persona_set_name (CxPersona  *self,
                     const char *name)
{
  g_return_if_fail (CX_IS_PERSONA (self));

  if (cx_text_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cx_persona_get_description (CxPersona *self)
{
  g_return_val_if_fail (CX_IS_PERSONA (self), NULL);

  return self->description;
}

void
cx_persona_set_description (CxPersona  *self,
                            const char *description)
{
  g_return_if_fail (CX_IS_PERSONA (self));

  if (cx_text_set (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * cx_persona_get_has_mood:
 * @self: a #CxPersona
 *
 * Returns: %TRUE if the persona arrives with a mood (`persona/@mood`)
 */
gboolean
cx_persona_get_has_mood (CxPersona *self)
{
  g_return_val_if_fail (CX_IS_PERSONA (self), FALSE);

  return self->has_mood;
}

/**
 * cx_persona_get_mood:
 * @self: a #CxPersona
 *
 * Returns: the mood, -3..3; 0 when the persona has none
 */
int
cx_persona_get_mood (CxPersona *self)
{
  g_return_val_if_fail (CX_IS_PERSONA (self), 0);

  return self->mood;
}

/**
 * cx_persona_set_mood:
 * @self: a #CxPersona
 * @mood: -3..3
 *
 * Sets the mood the persona arrives with; the persona then has a mood.
 */
void
cx_persona_set_mood (CxPersona *self,
                     int        mood)
{
  g_return_if_fail (CX_IS_PERSONA (self));
  g_return_if_fail (mood >= CX_EMOTION_MIN && mood <= CX_EMOTION_MAX);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->mood != mood)
    {
      self->mood = mood;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
    }
  if (!self->has_mood)
    {
      self->has_mood = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MOOD]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cx_persona_unset_mood:
 * @self: a #CxPersona
 *
 * Removes the mood (the file then has no `@mood`); the mood reads 0.
 */
void
cx_persona_unset_mood (CxPersona *self)
{
  g_return_if_fail (CX_IS_PERSONA (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->mood != 0)
    {
      self->mood = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
    }
  if (self->has_mood)
    {
      self->has_mood = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MOOD]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cx_persona_get_line:
 * @self: a #CxPersona
 *
 * Returns: the line of the file the persona was read from, 0 if made anew
 */
guint
cx_persona_get_line (CxPersona *self)
{
  g_return_val_if_fail (CX_IS_PERSONA (self), 0);

  return self->line;
}

gboolean
cx_persona_equal (gconstpointer pa,
                  gconstpointer pb)
{
  const CxPersona *a = pa, *b = pb;

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         a->has_mood == b->has_mood &&
         a->mood == b->mood &&
         cx_extras_equal (a->x_self, b->x_self) &&
         cx_extras_equal (a->x_name, b->x_name) &&
         cx_extras_equal (a->x_description, b->x_description);
}

/* The plan's personas */

guint
cx_plan_get_n_personas (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), 0);

  return self->personas->len;
}

/**
 * cx_plan_get_persona:
 * @self: a #CxPlan
 * @index: below cx_plan_get_n_personas()
 *
 * Returns: (transfer none): the persona at @index
 */
CxPersona *
cx_plan_get_persona (CxPlan *self,
                     guint   index)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->personas->len, NULL);

  return g_ptr_array_index (self->personas, index);
}

/**
 * cx_persona_get_plan:
 * @self: a #CxPersona
 *
 * Returns: (transfer none) (nullable): the plan the persona is in
 */
CxPlan *
cx_persona_get_plan (CxPersona *self)
{
  g_return_val_if_fail (CX_IS_PERSONA (self), NULL);

  return self->plan;
}

/**
 * cx_plan_get_persona_index:
 * @self: a #CxPlan
 * @persona: a persona
 *
 * Returns: the persona's place in the plan's list, or -1 if not in it
 */
int
cx_plan_get_persona_index (CxPlan    *self,
                           CxPersona *persona)
{
  guint index;

  g_return_val_if_fail (CX_IS_PLAN (self), -1);

  return g_ptr_array_find (self->personas, persona, &index) ? (int) index : -1;
}

/**
 * cx_plan_add_persona:
 * @self: a #CxPlan
 * @persona: a persona whose id is free in the plan
 *
 * Appends @persona, taking a reference, and registers its id.
 */
void
cx_plan_add_persona (CxPlan    *self,
                     CxPersona *persona)
{
  cx_plan_insert_persona (self, -1, persona);
}

/**
 * cx_plan_insert_persona:
 * @self: a #CxPlan
 * @position: the index the persona will have, or -1 to append
 * @persona: a persona in no plan, whose id is free in the plan
 *
 * Inserts @persona, taking a reference, and registers its id.
 */
void
cx_plan_insert_persona (CxPlan    *self,
                        int        position,
                        CxPersona *persona)
{
  GObject *owner;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (CX_IS_PERSONA (persona));
  g_return_if_fail (persona->plan == NULL);
  g_return_if_fail (position < 0 || (guint) position <= self->personas->len);
  owner = cx_plan_lookup_id (self, persona->id);
  g_return_if_fail (owner == NULL || owner == G_OBJECT (persona));

  g_ptr_array_insert (self->personas, position, g_object_ref (persona));
  persona->plan = self;
  if (owner == NULL)
    cx_plan_register_id (self, persona->id, G_OBJECT (persona));
  cx_plan_emit_changed (self, CX_PLAN_CHANGE_STRUCTURE, persona);
}

/**
 * cx_plan_remove_persona:
 * @self: a #CxPlan
 * @persona: a persona of the plan
 *
 * Removes @persona and frees its id; steps naming it keep the name.
 */
void
cx_plan_remove_persona (CxPlan    *self,
                        CxPersona *persona)
{
  guint index;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (CX_IS_PERSONA (persona));
  g_return_if_fail (g_ptr_array_find (self->personas, persona, &index));

  if (cx_plan_lookup_id (self, persona->id) == G_OBJECT (persona))
    cx_plan_unregister_id (self, persona->id);
  persona->plan = NULL;
  g_object_ref (persona);
  g_ptr_array_remove_index (self->personas, index);
  cx_plan_emit_changed (self, CX_PLAN_CHANGE_STRUCTURE, persona);
  g_object_unref (persona);
}
