/* cx-history.c — the undo history of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two stacks of groups of changes: what can be undone and what can be
 * redone. Each group carries a serial number that names the state of the
 * plan it leaves behind; the history's state is the serial of the group
 * on top of the undo stack (0: as the plan was given). Saving records the
 * state saved; the plan is modified whenever the current state is another.
 * A state whose group is dropped (redo stack cleared by a new edit) can
 * never come back, and a merge gives its group a new serial, so "not
 * modified" is never claimed for a plan that differs from its file.
 */

#define G_LOG_DOMAIN "cx-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-history-private.h"

typedef struct
{
  GPtrArray      *changes;  /* CxChange, in the order they were applied */
  const char     *label;    /* untranslated, static */
  CxHistoryState  serial;
} Group;

struct _CxHistory
{
  GObject         parent_instance;

  CxPlan         *plan;
  GPtrArray      *undo;     /* Group: the oldest first */
  GPtrArray      *redo;     /* Group: the next to redo last */
  Group          *open;     /* being built between begin and end */
  guint           depth;
  CxHistoryState  next_serial;
  CxHistoryState  saved;
  gboolean        merge_broken;
  gboolean        busy;     /* undoing or redoing: no edits meanwhile */
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CxHistory, cx_history, G_TYPE_OBJECT)

/* Changes */

gpointer
cx_change_alloc (const CxChangeClass *klass,
                 gsize                size)
{
  CxChange *change;

  g_assert (size >= sizeof (CxChange));

  change = g_malloc0 (size);
  change->klass = klass;

  return change;
}

void
cx_change_free (CxChange *change)
{
  if (change == NULL)
    return;

  if (change->klass->finalize != NULL)
    change->klass->finalize (change);
  g_free (change);
}

/* Groups */

static Group *
group_new (const char *label)
{
  Group *group = g_new0 (Group, 1);

  group->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_change_free);
  group->label = label;

  return group;
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->changes);
  g_free (group);
}

static Group *
top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

/* The object */

typedef struct
{
  gboolean        can_undo;
  gboolean        can_redo;
  const char     *undo_label;
  const char     *redo_label;
  gboolean        modified;
} Snapshot;

static void
snapshot (CxHistory *self,
          Snapshot  *s)
{
  s->can_undo = cx_history_get_can_undo (self);
  s->can_redo = cx_history_get_can_redo (self);
  s->undo_label = cx_history_get_undo_label (self);
  s->redo_label = cx_history_get_redo_label (self);
  s->modified = cx_history_get_modified (self);
}

/* Notifies what differs from @before */
static void
notify_since (CxHistory      *self,
              const Snapshot *before)
{
  Snapshot after;
  GObject *object = G_OBJECT (self);

  snapshot (self, &after);
  g_object_freeze_notify (object);
  if (after.can_undo != before->can_undo)
    g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
  if (after.can_redo != before->can_redo)
    g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
  if (after.undo_label != before->undo_label)
    g_object_notify_by_pspec (object, properties[PROP_UNDO_LABEL]);
  if (after.redo_label != before->redo_label)
    g_object_notify_by_pspec (object, properties[PROP_REDO_LABEL]);
  if (after.modified != before->modified)
    g_object_notify_by_pspec (object, properties[PROP_MODIFIED]);
  g_object_thaw_notify (object);
}

static void
cx_history_finalize (GObject *object)
{
  CxHistory *self = CX_HISTORY (object);

  g_clear_pointer (&self->open, group_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cx_history_parent_class)->finalize (object);
}

static void
cx_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CxHistory *self = CX_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cx_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cx_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, cx_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, cx_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cx_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_history_class_init (CxHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cx_history_finalize;
  object_class->get_property = cx_history_get_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CX_TYPE_PLAN, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  /**
   * CxHistory:modified:
   *
   * Whether the plan is in another state than the one last saved.
   */
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cx_history_init (CxHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (group_free);
  self->redo = g_ptr_array_new_with_free_func (group_free);
  self->next_serial = 1;
  self->saved = 0;
}

/**
 * cx_history_new:
 * @plan: the plan edited
 *
 * A history with nothing to undo, whose state (0) counts as saved: call
 * cx_history_set_saved_state() with %CX_HISTORY_STATE_NEVER for a plan
 * that has no file yet.
 *
 * Returns: (transfer full): a new #CxHistory
 */
CxHistory *
cx_history_new (CxPlan *plan)
{
  CxHistory *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  self = g_object_new (CX_TYPE_HISTORY, NULL);
  self->plan = g_object_ref (plan);

  return self;
}

/**
 * cx_history_get_plan:
 * @self: a #CxHistory
 *
 * Returns: (transfer none): the plan edited
 */
CxPlan *
cx_history_get_plan (CxHistory *self)
{
  g_return_val_if_fail (CX_IS_HISTORY (self), NULL);

  return self->plan;
}

gboolean
cx_history_get_can_undo (CxHistory *self)
{
  g_return_val_if_fail (CX_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
cx_history_get_can_redo (CxHistory *self)
{
  g_return_val_if_fail (CX_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * cx_history_get_undo_label:
 * @self: a #CxHistory
 *
 * Returns: (nullable): what undo would undo, translated ("Insert Step"),
 *   or %NULL when there is nothing to undo
 */
const char *
cx_history_get_undo_label (CxHistory *self)
{
  Group *group;

  g_return_val_if_fail (CX_IS_HISTORY (self), NULL);

  group = top (self->undo);
  return group != NULL ? g_dgettext (GETTEXT_PACKAGE, group->label) : NULL;
}

const char *
cx_history_get_redo_label (CxHistory *self)
{
  Group *group;

  g_return_val_if_fail (CX_IS_HISTORY (self), NULL);

  group = top (self->redo);
  return group != NULL ? g_dgettext (GETTEXT_PACKAGE, group->label) : NULL;
}

/* Undoing and redoing */

/**
 * cx_history_undo:
 * @self: a #CxHistory
 *
 * Reverts the last step of editing, whatever it holds, in the reverse of
 * the order it was made.
 *
 * Returns: %TRUE if there was something to undo
 */
gboolean
cx_history_undo (CxHistory *self)
{
  Snapshot before;
  Group *group;

  g_return_val_if_fail (CX_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0 && !self->busy, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  snapshot (self, &before);
  group = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  self->busy = TRUE;
  for (guint i = group->changes->len; i > 0; i--)
    {
      CxChange *change = g_ptr_array_index (group->changes, i - 1);

      change->klass->revert (change, self->plan);
    }
  self->busy = FALSE;
  g_ptr_array_add (self->redo, group);
  self->merge_broken = TRUE;
  notify_since (self, &before);

  return TRUE;
}

/**
 * cx_history_redo:
 * @self: a #CxHistory
 *
 * Makes again the last step undone.
 *
 * Returns: %TRUE if there was something to redo
 */
gboolean
cx_history_redo (CxHistory *self)
{
  Snapshot before;
  Group *group;

  g_return_val_if_fail (CX_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0 && !self->busy, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  snapshot (self, &before);
  group = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  self->busy = TRUE;
  for (guint i = 0; i < group->changes->len; i++)
    {
      CxChange *change = g_ptr_array_index (group->changes, i);

      change->klass->apply (change, self->plan);
    }
  self->busy = FALSE;
  g_ptr_array_add (self->undo, group);
  self->merge_broken = TRUE;
  notify_since (self, &before);

  return TRUE;
}

/* Recording */

static gboolean
same_key (const CxChange *a,
          const CxChange *b)
{
  return a->merge_object != NULL && a->klass == b->klass &&
         a->merge_object == b->merge_object && a->merge_field == b->merge_field;
}

/* The new group on top of the undo stack, which the redo stack cannot
 * follow any more */
static void
record (CxHistory *self,
        Group     *group)
{
  group->serial = self->next_serial++;
  g_ptr_array_add (self->undo, group);
  g_ptr_array_set_size (self->redo, 0);
}

void
cx_history_push (CxHistory  *self,
                 CxChange   *change,
                 const char *label)
{
  Snapshot before;
  Group *last;

  g_return_if_fail (CX_IS_HISTORY (self));
  g_return_if_fail (change != NULL);
  g_return_if_fail (!self->busy);

  change->klass->apply (change, self->plan);

  if (self->open != NULL)
    {
      g_ptr_array_add (self->open->changes, change);
      return;
    }

  snapshot (self, &before);
  last = top (self->undo);
  if (change->merge_object != NULL && !self->merge_broken && self->redo->len == 0 &&
      last != NULL && last->changes->len == 1 && last->serial != self->saved &&
      same_key (g_ptr_array_index (last->changes, 0), change))
    {
      CxChange *into = g_ptr_array_index (last->changes, 0);

      into->klass->merge (into, change);
      cx_change_free (change);
      /* Another plan: another state, in case a save took the last one */
      last->serial = self->next_serial++;
    }
  else
    {
      Group *group = group_new (label);

      g_ptr_array_add (group->changes, change);
      record (self, group);
      self->merge_broken = change->merge_object == NULL;
    }
  notify_since (self, &before);
}

/**
 * cx_history_begin_group:
 * @self: a #CxHistory
 * @label: what the group does, untranslated and static (N_() it)
 *
 * Until the matching cx_history_end_group(), edits are gathered into one
 * step of undo: a compound edit such as deleting a failure and the
 * references to it. Groups nest; the outermost one is recorded.
 */
void
cx_history_begin_group (CxHistory  *self,
                        const char *label)
{
  g_return_if_fail (CX_IS_HISTORY (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (!self->busy);

  if (self->depth++ == 0)
    self->open = group_new (label);
}

void
cx_history_end_group (CxHistory *self)
{
  Snapshot before;
  Group *group;

  g_return_if_fail (CX_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  snapshot (self, &before);
  group = g_steal_pointer (&self->open);

  if (group->changes->len == 0)
    {
      group_free (group);
    }
  else
    {
      record (self, group);
      self->merge_broken = TRUE;
    }
  notify_since (self, &before);
}

/**
 * cx_history_break_merge:
 * @self: a #CxHistory
 *
 * The next edit starts a step of its own even if it changes the same
 * field as the last one: call it when a field loses the focus, or the
 * user presses Enter.
 */
void
cx_history_break_merge (CxHistory *self)
{
  g_return_if_fail (CX_IS_HISTORY (self));

  self->merge_broken = TRUE;
}

/* Saving */

/**
 * cx_history_get_state:
 * @self: a #CxHistory
 *
 * Returns: the state the plan is in now: give it to
 *   cx_history_set_saved_state() once the bytes written from the plan
 *   now are saved, even if edits were made meanwhile
 */
CxHistoryState
cx_history_get_state (CxHistory *self)
{
  Group *group;

  g_return_val_if_fail (CX_IS_HISTORY (self), 0);

  group = top (self->undo);
  return group != NULL ? group->serial : 0;
}

void
cx_history_set_saved_state (CxHistory      *self,
                            CxHistoryState  state)
{
  Snapshot before;

  g_return_if_fail (CX_IS_HISTORY (self));

  snapshot (self, &before);
  self->saved = state;
  self->merge_broken = TRUE;
  notify_since (self, &before);
}

/**
 * cx_history_get_modified:
 * @self: a #CxHistory
 *
 * Returns: %TRUE if the plan is not in the state last saved
 */
gboolean
cx_history_get_modified (CxHistory *self)
{
  g_return_val_if_fail (CX_IS_HISTORY (self), FALSE);

  return cx_history_get_state (self) != self->saved;
}

guint
cx_history_get_n_undo (CxHistory *self)
{
  g_return_val_if_fail (CX_IS_HISTORY (self), 0);

  return self->undo->len;
}

/**
 * cx_history_clear:
 * @self: a #CxHistory
 *
 * Forgets what can be undone and redone (the plan stays as it is). The
 * plan is still modified if it was.
 */
void
cx_history_clear (CxHistory *self)
{
  Snapshot before;
  gboolean modified;

  g_return_if_fail (CX_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);

  snapshot (self, &before);
  modified = cx_history_get_modified (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved = modified ? CX_HISTORY_STATE_NEVER : 0;
  notify_since (self, &before);
}
