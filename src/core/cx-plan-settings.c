/* cx-plan-settings.c — a plan's settings: thresholds and disabled checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan keeps only what differs from the defaults: setting a threshold
 * to its default, or enabling a check again, removes the plan's entry
 * rather than recording the default.
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include "cx-format.h"
#include "cx-model-private.h"
#include "cx-validate.h"

/* Memory and equality of the settings' value types */

void
cx_threshold_free (gpointer data)
{
  CxThreshold *threshold = data;

  g_free (threshold->name);
  cx_extras_free (threshold->extras);
  g_free (threshold);
}

void
cx_disable_free (gpointer data)
{
  CxDisable *disable = data;

  g_free (disable->check);
  cx_extras_free (disable->extras);
  g_free (disable);
}

gboolean
cx_threshold_equal (gconstpointer pa,
                    gconstpointer pb)
{
  const CxThreshold *a = pa, *b = pb;

  return g_strcmp0 (a->name, b->name) == 0 &&
         a->value == b->value &&
         cx_extras_equal (a->extras, b->extras);
}

gboolean
cx_disable_equal (gconstpointer pa,
                  gconstpointer pb)
{
  const CxDisable *a = pa, *b = pb;

  return g_strcmp0 (a->check, b->check) == 0 &&
         cx_extras_equal (a->extras, b->extras);
}

/* Thresholds */

static CxThreshold *
find_threshold (CxPlan     *self,
                const char *name)
{
  for (guint i = 0; i < self->thresholds->len; i++)
    {
      CxThreshold *threshold = g_ptr_array_index (self->thresholds, i);

      if (g_strcmp0 (threshold->name, name) == 0)
        return threshold;
    }

  return NULL;
}

/**
 * cx_plan_get_threshold:
 * @self: a #CxPlan
 * @name: a threshold's name, such as "rpn"
 *
 * Returns: the plan's value of the threshold, or its default
 */
int
cx_plan_get_threshold (CxPlan     *self,
                       const char *name)
{
  const CxThresholdInfo *info;
  CxThreshold *threshold;

  g_return_val_if_fail (CX_IS_PLAN (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  threshold = find_threshold (self, name);
  if (threshold != NULL)
    return threshold->value;

  info = cx_threshold_info_lookup (name, NULL);
  g_return_val_if_fail (info != NULL, 0);

  return info->default_value;
}

/**
 * cx_plan_set_threshold:
 * @self: a #CxPlan
 * @name: a threshold's name, such as "rpn"
 * @value: in the threshold's range
 *
 * Sets the threshold for this plan. Setting the default removes the
 * plan's own value, so the file no longer says it.
 */
void
cx_plan_set_threshold (CxPlan     *self,
                       const char *name,
                       int         value)
{
  const CxThresholdInfo *info;
  CxThreshold *threshold;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (name != NULL);
  info = cx_threshold_info_lookup (name, NULL);
  g_return_if_fail (info != NULL);
  g_return_if_fail (value >= info->min && value <= info->max);

  threshold = find_threshold (self, name);
  if (value == info->default_value)
    {
      if (threshold == NULL)
        return;
      while ((threshold = find_threshold (self, name)) != NULL)
        g_ptr_array_remove (self->thresholds, threshold);
    }
  else if (threshold != NULL)
    {
      if (threshold->value == value)
        return;
      threshold->value = value;
    }
  else
    {
      threshold = g_new0 (CxThreshold, 1);
      threshold->name = g_strdup (name);
      threshold->value = value;
      g_ptr_array_add (self->thresholds, threshold);
    }

  cx_plan_emit_changed (self, CX_PLAN_CHANGE_SETTINGS, NULL);
}

/* Disabled checks */

static int
find_disable (CxPlan     *self,
              const char *check_id)
{
  for (guint i = 0; i < self->disables->len; i++)
    {
      CxDisable *disable = g_ptr_array_index (self->disables, i);

      if (g_strcmp0 (disable->check, check_id) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * cx_plan_is_check_disabled:
 * @self: a #CxPlan
 * @check_id: a check's id, such as "CX005"
 *
 * Returns: %TRUE if the plan says not to run the check
 */
gboolean
cx_plan_is_check_disabled (CxPlan     *self,
                           const char *check_id)
{
  g_return_val_if_fail (CX_IS_PLAN (self), FALSE);
  g_return_val_if_fail (check_id != NULL, FALSE);

  return find_disable (self, check_id) >= 0;
}

/**
 * cx_plan_set_check_disabled:
 * @self: a #CxPlan
 * @check_id: a check's id, such as "CX005"
 * @disabled: whether the check is not to run on this plan
 */
void
cx_plan_set_check_disabled (CxPlan     *self,
                            const char *check_id,
                            gboolean    disabled)
{
  int i;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (cx_validate_check_id_shape (check_id));

  i = find_disable (self, check_id);
  if (disabled)
    {
      CxDisable *disable;

      if (i >= 0)
        return;
      disable = g_new0 (CxDisable, 1);
      disable->check = g_strdup (check_id);
      g_ptr_array_add (self->disables, disable);
    }
  else
    {
      if (i < 0)
        return;
      for (; i >= 0; i = find_disable (self, check_id))
        g_ptr_array_remove_index (self->disables, i);
    }

  cx_plan_emit_changed (self, CX_PLAN_CHANGE_SETTINGS, NULL);
}
