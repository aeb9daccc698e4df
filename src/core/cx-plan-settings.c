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
cx_accept_free (gpointer data)
{
  CxAccept *accept = data;

  g_free (accept->check);
  g_free (accept->ref);
  g_free (accept->reason);
  cx_extras_free (accept->extras);
  g_free (accept);
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

gboolean
cx_accept_equal (gconstpointer pa,
                 gconstpointer pb)
{
  const CxAccept *a = pa, *b = pb;

  return g_strcmp0 (a->check, b->check) == 0 &&
         g_strcmp0 (a->ref, b->ref) == 0 &&
         a->phase == b->phase &&
         g_strcmp0 (a->reason, b->reason) == 0 &&
         cx_extras_equal (a->extras, b->extras);
}

/* Copies, for the history's record of the settings before and after */

gpointer
cx_threshold_copy (gconstpointer data,
                   gpointer      unused)
{
  const CxThreshold *threshold = data;
  CxThreshold *copy = g_new0 (CxThreshold, 1);

  copy->name = g_strdup (threshold->name);
  copy->value = threshold->value;
  copy->line = threshold->line;
  copy->extras = cx_extras_copy (threshold->extras);

  return copy;
}

gpointer
cx_disable_copy (gconstpointer data,
                 gpointer      unused)
{
  const CxDisable *disable = data;
  CxDisable *copy = g_new0 (CxDisable, 1);

  copy->check = g_strdup (disable->check);
  copy->line = disable->line;
  copy->extras = cx_extras_copy (disable->extras);

  return copy;
}

gpointer
cx_accept_copy (gconstpointer data,
                gpointer      unused)
{
  const CxAccept *accept = data;
  CxAccept *copy = g_new0 (CxAccept, 1);

  copy->check = g_strdup (accept->check);
  copy->ref = g_strdup (accept->ref);
  copy->phase = accept->phase;
  copy->reason = g_strdup (accept->reason);
  copy->line = accept->line;
  copy->extras = cx_extras_copy (accept->extras);

  return copy;
}

gboolean
cx_plan_uses_format_1_1 (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), FALSE);

  if (self->accepts->len > 0)
    return TRUE;

  for (guint i = 0; i < self->thresholds->len; i++)
    {
      const CxThreshold *threshold = g_ptr_array_index (self->thresholds, i);
      const CxThresholdInfo *info = cx_threshold_info_lookup (threshold->name, NULL);

      if (info != NULL && info->since_minor >= 1)
        return TRUE;
    }

  return FALSE;
}

/* Thresholds */

static CxThreshold *
find_threshold (GPtrArray  *thresholds,
                const char *name)
{
  for (guint i = 0; i < thresholds->len; i++)
    {
      CxThreshold *threshold = g_ptr_array_index (thresholds, i);

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

  threshold = find_threshold (self->thresholds, name);
  if (threshold != NULL)
    return threshold->value;

  info = cx_threshold_info_lookup (name, NULL);
  g_return_val_if_fail (info != NULL, 0);

  return info->default_value;
}

gboolean
cx_thresholds_set (GPtrArray  *thresholds,
                   const char *name,
                   int         value)
{
  const CxThresholdInfo *info = cx_threshold_info_lookup (name, NULL);
  CxThreshold *threshold;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (value >= info->min && value <= info->max, FALSE);

  threshold = find_threshold (thresholds, name);
  if (value == info->default_value)
    {
      if (threshold == NULL)
        return FALSE;
      while ((threshold = find_threshold (thresholds, name)) != NULL)
        g_ptr_array_remove (thresholds, threshold);
    }
  else if (threshold != NULL)
    {
      if (threshold->value == value)
        return FALSE;
      threshold->value = value;
    }
  else
    {
      threshold = g_new0 (CxThreshold, 1);
      threshold->name = g_strdup (name);
      threshold->value = value;
      g_ptr_array_add (thresholds, threshold);
    }

  return TRUE;
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
  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (cx_validate_threshold (name, value, NULL));

  if (cx_thresholds_set (self->thresholds, name, value))
    cx_plan_emit_changed (self, CX_PLAN_CHANGE_SETTINGS, NULL);
}

/* Disabled checks */

static int
find_disable (GPtrArray  *disables,
              const char *check_id)
{
  for (guint i = 0; i < disables->len; i++)
    {
      CxDisable *disable = g_ptr_array_index (disables, i);

      if (g_strcmp0 (disable->check, check_id) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * cx_plan_get_n_disabled_checks:
 * @self: a #CxPlan
 *
 * Returns: how many checks the plan's settings disable, including checks
 *   of a newer version that this one does not know
 */
guint
cx_plan_get_n_disabled_checks (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), 0);

  return self->disables->len;
}

/**
 * cx_plan_get_disabled_check:
 * @self: a #CxPlan
 * @index: below cx_plan_get_n_disabled_checks()
 *
 * Returns: the id of the @index-th check the plan disables, in file order
 */
const char *
cx_plan_get_disabled_check (CxPlan *self,
                            guint   index)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->disables->len, NULL);

  return ((CxDisable *) g_ptr_array_index (self->disables, index))->check;
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

  return find_disable (self->disables, check_id) >= 0;
}

gboolean
cx_disables_set (GPtrArray  *disables,
                 const char *check_id,
                 gboolean    disabled)
{
  int i = find_disable (disables, check_id);

  if (disabled)
    {
      CxDisable *disable;

      if (i >= 0)
        return FALSE;
      disable = g_new0 (CxDisable, 1);
      disable->check = g_strdup (check_id);
      g_ptr_array_add (disables, disable);
    }
  else
    {
      if (i < 0)
        return FALSE;
      for (; i >= 0; i = find_disable (disables, check_id))
        g_ptr_array_remove_index (disables, i);
    }

  return TRUE;
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
  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (cx_validate_check_id_shape (check_id));

  if (cx_disables_set (self->disables, check_id, disabled))
    cx_plan_emit_changed (self, CX_PLAN_CHANGE_SETTINGS, NULL);
}

/* Accepted findings */

/**
 * cx_plan_get_n_accepts:
 * @self: a #CxPlan
 *
 * Returns: how many findings the plan accepts (settings/accept, 1.1)
 */
guint
cx_plan_get_n_accepts (CxPlan *self)
{
  g_return_val_if_fail (CX_IS_PLAN (self), 0);

  return self->accepts->len;
}

static CxAccept *
get_accept (CxPlan *self,
            guint   index)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->accepts->len, NULL);

  return g_ptr_array_index (self->accepts, index);
}

/**
 * cx_plan_get_accept_check:
 * @self: a #CxPlan
 * @index: an accept's index, in file order
 *
 * Returns: the id of the check whose finding is accepted, such as "CX005"
 */
const char *
cx_plan_get_accept_check (CxPlan *self,
                          guint   index)
{
  CxAccept *accept = get_accept (self, index);

  return accept != NULL ? accept->check : NULL;
}

/**
 * cx_plan_get_accept_ref:
 * @self: a #CxPlan
 * @index: an accept's index
 *
 * Returns: (nullable): the id of the step, failure or persona whose
 *   finding is accepted, as written, or %NULL for an accept of a phase
 */
const char *
cx_plan_get_accept_ref (CxPlan *self,
                        guint   index)
{
  CxAccept *accept = get_accept (self, index);

  return accept != NULL ? accept->ref : NULL;
}

/**
 * cx_plan_get_accept_phase:
 * @self: a #CxPlan
 * @index: an accept's index
 *
 * Returns: the #CxPhase whose finding is accepted, or
 *   %CX_ACCEPT_NO_PHASE for an accept that names an element
 */
int
cx_plan_get_accept_phase (CxPlan *self,
                          guint   index)
{
  CxAccept *accept = get_accept (self, index);

  return accept != NULL ? accept->phase : CX_ACCEPT_NO_PHASE;
}

/**
 * cx_plan_get_accept_reason:
 * @self: a #CxPlan
 * @index: an accept's index
 *
 * Returns: why the team accepts the finding, never empty
 */
const char *
cx_plan_get_accept_reason (CxPlan *self,
                           guint   index)
{
  CxAccept *accept = get_accept (self, index);

  return accept != NULL ? accept->reason : NULL;
}

/**
 * cx_plan_get_accept_line:
 * @self: a #CxPlan
 * @index: an accept's index
 *
 * Returns: the line of the accept in the file read, 0 for one made since
 */
guint
cx_plan_get_accept_line (CxPlan *self,
                         guint   index)
{
  CxAccept *accept = get_accept (self, index);

  return accept != NULL ? accept->line : 0;
}

/**
 * cx_plan_insert_accept:
 * @self: a #CxPlan
 * @index: where among the accepts, -1 (or past the end) for last
 * @check_id: the check whose finding is accepted, such as "CX005"
 * @ref: (nullable): the id of the step, failure or persona flagged
 * @phase: the #CxPhase flagged, or %CX_ACCEPT_NO_PHASE when @ref is given
 * @reason: why the finding is accepted, not empty
 *
 * Accepts a finding: exactly one of @ref and @phase says where it is
 * flagged (see cx_validate_accept(), which a caller asks first for a
 * readable refusal). Nothing checks that the finding exists: an accept
 * that matches none is what check CX022 reports.
 */
void
cx_plan_insert_accept (CxPlan     *self,
                       int         index,
                       const char *check_id,
                       const char *ref,
                       int         phase,
                       const char *reason)
{
  CxAccept *accept;

  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (cx_validate_accept (check_id, ref, phase, reason, NULL));

  accept = g_new0 (CxAccept, 1);
  accept->check = g_strdup (check_id);
  accept->ref = g_strdup (ref);
  accept->phase = phase;
  accept->reason = g_strdup (reason);

  if (index < 0 || (guint) index > self->accepts->len)
    index = self->accepts->len;
  g_ptr_array_insert (self->accepts, index, accept);

  cx_plan_emit_changed (self, CX_PLAN_CHANGE_SETTINGS, NULL);
}

/**
 * cx_plan_remove_accept:
 * @self: a #CxPlan
 * @index: an accept's index
 *
 * Stops accepting a finding.
 */
void
cx_plan_remove_accept (CxPlan *self,
                       guint   index)
{
  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (index < self->accepts->len);

  g_ptr_array_remove_index (self->accepts, index);

  cx_plan_emit_changed (self, CX_PLAN_CHANGE_SETTINGS, NULL);
}
