/* cx-edit.c — editing a plan: values, texts, cells and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits that change what things say; those that add, remove and move
 * them are in cx-edit-structure.c.
 */

#define G_LOG_DOMAIN "cx-edit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-edit.h"
#include "cx-format.h"
#include "cx-history-private.h"
#include "cx-plan-io.h"
#include "cx-validate.h"

gboolean
cx_edit_refuse (GError     **error,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CX_PLAN_ERROR, CX_PLAN_ERROR_INVALID, message);

  return FALSE;
}

/* A property set to a text, as one step of a compound edit */
void
cx_edit_push_text (CxHistory  *history,
                   gpointer    object,
                   const char *property,
                   const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  cx_history_push (history, cx_change_property_new (object, property, &value, FALSE),
                   N_("Edit"));
}

static CxPlan *
plan_of (CxHistory *history)
{
  return cx_history_get_plan (history);
}

/* Whether @object is the plan or in it */
static gboolean
belongs (CxHistory *history,
         gpointer   object)
{
  CxPlan *plan = plan_of (history);

  if (CX_IS_PLAN (object))
    return object == plan;
  if (CX_IS_STEP (object))
    return CX_STEP (object)->plan == plan;
  if (CX_IS_FAILURE (object))
    return CX_FAILURE (object)->step != NULL && CX_FAILURE (object)->step->plan == plan;
  if (CX_IS_LANE (object))
    return CX_LANE (object)->plan == plan;
  if (CX_IS_PERSONA (object))
    return CX_PERSONA (object)->plan == plan;

  return FALSE;
}

/* What the undo menu says for a property */
static const char *
property_label (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "title",           N_("Edit Title") },
    { "description",     N_("Edit Description") },
    { "author",          N_("Edit Author") },
    { "created",         N_("Edit Date") },
    { "modified",        N_("Edit Date") },
    { "owner",           N_("Edit Owner") },
    { "channel",         N_("Change Channel") },
    { "persona",         N_("Change Persona") },
    { "evidence",        N_("Change Evidence") },
    { "wow",             N_("Change Wow Moment") },
    { "moment-of-truth", N_("Change Moment of Truth") },
    { "recovers",        N_("Change Failures Answered") },
    { "severity",        N_("Change Severity") },
    { "occurrence",      N_("Change Occurrence") },
    { "detection",       N_("Change Detection") },
    { "leads-to",        N_("Change Follow-up Step") },
    { "mode",            N_("Edit Failure") },
    { "effect",          N_("Edit Effect") },
    { "name",            N_("Rename") },
    { "kind",            N_("Change Lane Kind") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].property, property) == 0)
      return labels[i].label;

  return N_("Edit");
}

static GParamSpec *
find_writable (gpointer     object,
               const char  *property,
               GError     **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE))
    {
      cx_edit_refuse (error, _("%s has no property '%s' to edit"),
              G_OBJECT_TYPE_NAME (object), property);
      return NULL;
    }

  return pspec;
}

/* Records @value unless it is the property's value already */
static gboolean
push_property (CxHistory    *history,
               gpointer      object,
               GParamSpec   *pspec,
               const GValue *value,
               gboolean      merge)
{
  g_auto(GValue) current = G_VALUE_INIT;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, pspec->name, &current);
  if (g_param_values_cmp (pspec, &current, value) == 0)
    return TRUE;

  cx_history_push (history, cx_change_property_new (object, pspec->name, value, merge),
                   property_label (pspec->name));
  return TRUE;
}

/* A reference written in an attribute: empty, or the id of an object of
 * @type in the plan */
static gboolean
check_reference (CxPlan      *plan,
                 const char  *id,
                 GType        type,
                 const char  *what,
                 GError     **error)
{
  GObject *object;

  if (id == NULL || *id == '\0')
    return TRUE;

  object = cx_plan_lookup_id (plan, id);
  if (object == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (object, type))
    /* Translators: %s is "persona" or "step" (translated apart), then its id */
    return cx_edit_refuse (error, _("there is no %s '%s' in the plan"), what, id);

  return TRUE;
}

/**
 * cx_edit_set_text:
 * @history: the plan's history
 * @object: the plan, or a persona, lane, step or failure in it
 * @property: a string property of @object
 * @text: (nullable): the new text; %NULL or "" for none
 * @flags: %CX_EDIT_MERGE while the user types
 * @error: a #GError
 *
 * Returns: %TRUE if the text is set, %FALSE if it cannot be held
 */
gboolean
cx_edit_set_text (CxHistory    *history,
                  gpointer      object,
                  const char   *property,
                  const char   *text,
                  CxEditFlags   flags,
                  GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  CxPlan *plan;
  GParamSpec *pspec;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object) && belongs (history, object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  plan = plan_of (history);
  if (!cx_validate_text (text, error))
    return FALSE;

  if (CX_IS_STEP (object))
    {
      CxStep *step = CX_STEP (object);

      if (g_str_equal (property, "expected-text"))
        return cx_edit_set_expected (history, step, step->expected_level, text, flags, error);
      if (g_str_equal (property, "delivered-text"))
        return cx_edit_set_delivered (history, step, step->delivered_level, text, flags, error);
      if (g_str_equal (property, "emotion-text"))
        return cx_edit_set_emotion (history, step, step->has_emotion, step->emotion, text,
                                    flags, error);
      if (g_str_equal (property, "persona") &&
          /* Translators: in "there is no %s '%s' in the plan" */
          !check_reference (plan, text, CX_TYPE_PERSONA, _("persona"), error))
        return FALSE;
      if (g_str_equal (property, "recovers"))
        {
          g_auto(GStrv) ids = g_strsplit_set (text != NULL ? text : "", " \t\n\r", -1);

          return cx_edit_set_recovers (history, step, (const char *const *) ids, error);
        }
    }
  else if (CX_IS_FAILURE (object))
    {
      if (g_str_equal (property, "leads-to") &&
          /* Translators: in "there is no %s '%s' in the plan" */
          !check_reference (plan, text, CX_TYPE_STEP, _("step"), error))
        return FALSE;
    }
  else if (CX_IS_PLAN (object))
    {
      if ((g_str_equal (property, "created") || g_str_equal (property, "modified")) &&
          !cx_validate_date_time (text != NULL && *text != '\0' ? text : NULL, error))
        return FALSE;
    }

  pspec = find_writable (object, property, error);
  if (pspec == NULL)
    return FALSE;
  if (pspec->value_type != G_TYPE_STRING)
    return cx_edit_refuse (error, _("'%s' is not a text"), property);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text != NULL && *text != '\0' ? text : NULL);
  return push_property (history, object, pspec, &value, flags & CX_EDIT_MERGE);
}

/**
 * cx_edit_set_int:
 * @history: the plan's history
 * @object: a persona, step or failure of the plan
 * @property: an integer property: a failure's scores, a step's levels or
 *   emotion, a persona's mood
 * @value: in the property's range
 * @error: a #GError
 *
 * Returns: %TRUE if the value is set
 */
gboolean
cx_edit_set_int (CxHistory   *history,
                 gpointer     object,
                 const char  *property,
                 int          value,
                 GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object) && belongs (history, object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  if (CX_IS_STEP (object))
    {
      CxStep *step = CX_STEP (object);

      if (g_str_equal (property, "expected-level"))
        return cx_edit_set_expected (history, step, value, step->expected_text, 0, error);
      if (g_str_equal (property, "delivered-level"))
        return cx_edit_set_delivered (history, step, value, step->delivered_text, 0, error);
      if (g_str_equal (property, "emotion"))
        return cx_edit_set_emotion (history, step, TRUE, value, step->emotion_text, 0, error);
    }
  else if (CX_IS_PERSONA (object) && g_str_equal (property, "mood"))
    {
      return cx_edit_set_mood (history, CX_PERSONA (object), TRUE, value, error);
    }
  else if (CX_IS_FAILURE (object) && !cx_validate_score (value, error))
    {
      return FALSE;
    }

  pspec = find_writable (object, property, error);
  if (pspec == NULL)
    return FALSE;
  if (!G_IS_PARAM_SPEC_INT (pspec))
    return cx_edit_refuse (error, _("'%s' is not a number"), property);
  if (value < G_PARAM_SPEC_INT (pspec)->minimum || value > G_PARAM_SPEC_INT (pspec)->maximum)
    return cx_edit_refuse (error, _("%d is out of range for '%s'"), value, property);

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  return push_property (history, object, pspec, &gvalue, FALSE);
}

gboolean
cx_edit_set_boolean (CxHistory   *history,
                     gpointer     object,
                     const char  *property,
                     gboolean     value,
                     GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object) && belongs (history, object), FALSE);

  if (CX_IS_STEP (object) && g_str_equal (property, "has-emotion"))
    {
      CxStep *step = CX_STEP (object);

      return cx_edit_set_emotion (history, step, value, step->emotion,
                                  value ? step->emotion_text : NULL, 0, error);
    }
  if (CX_IS_PERSONA (object) && g_str_equal (property, "has-mood"))
    return cx_edit_set_mood (history, CX_PERSONA (object), value,
                             CX_PERSONA (object)->mood, error);

  pspec = find_writable (object, property, error);
  if (pspec == NULL)
    return FALSE;
  if (!G_IS_PARAM_SPEC_BOOLEAN (pspec))
    return cx_edit_refuse (error, _("'%s' is not a yes-or-no value"), property);

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, !!value);
  return push_property (history, object, pspec, &gvalue, FALSE);
}

gboolean
cx_edit_set_enum (CxHistory   *history,
                  gpointer     object,
                  const char  *property,
                  int          value,
                  GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  g_autoptr(GEnumClass) klass = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object) && belongs (history, object), FALSE);

  if (CX_IS_LANE (object) && g_str_equal (property, "kind"))
    return cx_edit_set_lane_kind (history, CX_LANE (object), value, error);

  pspec = find_writable (object, property, error);
  if (pspec == NULL)
    return FALSE;
  if (!G_IS_PARAM_SPEC_ENUM (pspec))
    return cx_edit_refuse (error, _("'%s' is not a choice"), property);
  klass = g_type_class_ref (pspec->value_type);
  if (g_enum_get_value (klass, value) == NULL)
    return cx_edit_refuse (error, _("%d is not a choice for '%s'"), value, property);

  g_value_init (&gvalue, pspec->value_type);
  g_value_set_enum (&gvalue, value);
  return push_property (history, object, pspec, &gvalue, FALSE);
}

/* Levels and emotion */

static gboolean
set_measure (CxHistory    *history,
             CxStep       *step,
             CxMeasure     measure,
             gboolean      has,
             int           value,
             const char   *text,
             CxEditFlags   flags,
             const char   *label)
{
  gboolean old_has;
  int old_value;
  const char *old_text;

  if (text != NULL && *text == '\0')
    text = NULL;
  if (!has)
    text = NULL, value = 0;

  switch (measure)
    {
    case CX_MEASURE_EXPECTED:
      old_has = step->expected_level != 0, old_value = step->expected_level;
      old_text = step->expected_text;
      break;
    case CX_MEASURE_DELIVERED:
      old_has = step->delivered_level != 0, old_value = step->delivered_level;
      old_text = step->delivered_text;
      break;
    default:
      old_has = step->has_emotion, old_value = step->emotion, old_text = step->emotion_text;
      break;
    }
  if (old_has == has && old_value == value && g_strcmp0 (old_text, text) == 0)
    return TRUE;

  /* Only typing merges: a new level is a step of its own */
  cx_history_push (history,
                   cx_change_measure_new (step, measure, has, value, text,
                                          (flags & CX_EDIT_MERGE) && old_has == has &&
                                          old_value == value),
                   label);
  return TRUE;
}

static gboolean
set_level (CxHistory    *history,
           CxStep       *step,
           CxMeasure     measure,
           int           level,
           const char   *text,
           CxEditFlags   flags,
           GError      **error)
{
  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CX_IS_STEP (step) && belongs (history, step), FALSE);

  if (!cx_validate_level (level, error) || !cx_validate_text (text, error))
    return FALSE;
  if (level == 0 && text != NULL && *text != '\0')
    return cx_edit_refuse (error, _("choose a level before describing it"));

  return set_measure (history, step, measure, level != 0, level, text, flags,
                      measure == CX_MEASURE_EXPECTED ? N_("Change Expected Level")
                                                     : N_("Change Delivered Level"));
}

/**
 * cx_edit_set_expected:
 * @history: the plan's history
 * @step: a step of the plan
 * @level: what the customer expects, 1..5, or 0 for not assessed
 * @text: (nullable): what they expect, in words; needs a level
 * @flags: %CX_EDIT_MERGE while the user types the text
 * @error: a #GError
 *
 * Returns: %TRUE if set
 */
gboolean
cx_edit_set_expected (CxHistory    *history,
                      CxStep       *step,
                      int           level,
                      const char   *text,
                      CxEditFlags   flags,
                      GError      **error)
{
  return set_level (history, step, CX_MEASURE_EXPECTED, level, text, flags, error);
}

gboolean
cx_edit_set_delivered (CxHistory    *history,
                       CxStep       *step,
                       int           level,
                       const char   *text,
                       CxEditFlags   flags,
                       GError      **error)
{
  return set_level (history, step, CX_MEASURE_DELIVERED, level, text, flags, error);
}

/**
 * cx_edit_set_emotion:
 * @history: the plan's history
 * @step: a step of the plan
 * @has: whether the step says how the customer feels
 * @value: -3 (furious) .. +3 (delighted), when @has
 * @text: (nullable): the feeling in words, when @has
 * @flags: %CX_EDIT_MERGE while the user types the text
 * @error: a #GError
 *
 * Returns: %TRUE if set
 */
gboolean
cx_edit_set_emotion (CxHistory    *history,
                     CxStep       *step,
                     gboolean      has,
                     int           value,
                     const char   *text,
                     CxEditFlags   flags,
                     GError      **error)
{
  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CX_IS_STEP (step) && belongs (history, step), FALSE);

  if ((has && !cx_validate_emotion (value, error)) || !cx_validate_text (text, error))
    return FALSE;
  if (!has && text != NULL && *text != '\0')
    return cx_edit_refuse (error, _("choose how the customer feels before describing it"));

  return set_measure (history, step, CX_MEASURE_EMOTION, has, value, text, flags,
                      N_("Change Emotion"));
}

gboolean
cx_edit_set_mood (CxHistory  *history,
                  CxPersona  *persona,
                  gboolean    has,
                  int         mood,
                  GError    **error)
{
  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CX_IS_PERSONA (persona) && belongs (history, persona), FALSE);

  if (has && !cx_validate_emotion (mood, error))
    return FALSE;
  if (persona->has_mood == !!has && (!has || persona->mood == mood))
    return TRUE;

  cx_history_push (history, cx_change_mood_new (persona, has, mood), N_("Change Mood"));
  return TRUE;
}

/**
 * cx_edit_set_cell:
 * @history: the plan's history
 * @step: a step of the plan
 * @lane: a lane of the plan that holds text
 * @text: (nullable): the step's text in the lane; empty removes the cell
 * @flags: %CX_EDIT_MERGE while the user types
 * @error: a #GError
 *
 * Returns: %TRUE if set
 */
gboolean
cx_edit_set_cell (CxHistory    *history,
                  CxStep       *step,
                  CxLane       *lane,
                  const char   *text,
                  CxEditFlags   flags,
                  GError      **error)
{
  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CX_IS_STEP (step) && belongs (history, step), FALSE);
  g_return_val_if_fail (CX_IS_LANE (lane) && belongs (history, lane), FALSE);

  if (!cx_validate_text (text, error))
    return FALSE;
  if (!cx_lane_kind_holds_text (lane->kind))
    return cx_edit_refuse (error, _("the lane “%s” is drawn from the steps’ values and holds no text"),
                   lane->name != NULL ? lane->name : lane->id);
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (cx_step_lookup_cell (step, lane->id), text) == 0)
    return TRUE;

  cx_history_push (history,
                   cx_change_cell_new (step, lane->id, text, flags & CX_EDIT_MERGE),
                   N_("Edit Cell"));
  return TRUE;
}

/* Settings */

gboolean
cx_edit_set_threshold (CxHistory   *history,
                       const char  *name,
                       int          value,
                       GError     **error)
{
  CxChange *change;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);

  if (!cx_validate_threshold (name, value, error))
    return FALSE;

  change = cx_change_threshold_new (plan_of (history), name, value);
  if (change != NULL)
    cx_history_push (history, change, N_("Change Threshold"));
  return TRUE;
}

/**
 * cx_edit_set_check_disabled:
 * @history: the plan's history
 * @check_id: a check id such as "CX005"
 * @disabled: %TRUE for the check not to run on this plan
 * @error: a #GError
 *
 * Only a check this version knows can be disabled; a check of a newer
 * version that a file disables can be enabled again.
 *
 * Returns: %TRUE if set
 */
gboolean
cx_edit_set_check_disabled (CxHistory   *history,
                            const char  *check_id,
                            gboolean     disabled,
                            GError     **error)
{
  CxChange *change;

  g_return_val_if_fail (CX_IS_HISTORY (history), FALSE);

  if (disabled ? !cx_validate_known_check (check_id, error)
               : !cx_validate_check_id_shape (check_id))
    return disabled ? FALSE : cx_edit_refuse (error, _("'%s' is not a check id"),
                                      check_id != NULL ? check_id : "");

  change = cx_change_disable_new (plan_of (history), check_id, disabled);
  if (change != NULL)
    cx_history_push (history, change, disabled ? N_("Turn Check Off") : N_("Turn Check On"));
  return TRUE;
}
