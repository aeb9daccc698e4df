/* cx-plan-ids.c — the plan's id registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The personas, lanes, steps and failures of a plan share one space of
 * ids: a table from id to object (not referenced), filled as objects come
 * into the plan and emptied as they leave, so a reference resolves in one
 * lookup. Also here: making a fresh id from a stem.
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include "cx-model-private.h"

/* @object is not referenced; %FALSE, changing nothing, if @id is taken */
gboolean
cx_plan_register_id (CxPlan     *self,
                     const char *id,
                     GObject    *object)
{
  g_return_val_if_fail (CX_IS_PLAN (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  if (g_hash_table_contains (self->ids, id))
    return FALSE;

  g_hash_table_insert (self->ids, g_strdup (id), object);

  return TRUE;
}

void
cx_plan_unregister_id (CxPlan     *self,
                       const char *id)
{
  g_return_if_fail (CX_IS_PLAN (self));
  g_return_if_fail (id != NULL);

  g_hash_table_remove (self->ids, id);
}

/**
 * cx_plan_lookup_id:
 * @self: a #CxPlan
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the persona, lane, step or failure
 *   of that id
 */
GObject *
cx_plan_lookup_id (CxPlan     *self,
                   const char *id)
{
  g_return_val_if_fail (CX_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->ids, id);
}

/* Ids are written as XML NCNames; ASCII keeps them safe for any reader. */
static gboolean
is_ncname_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';
}

static char *
ncname_from_stem (const char *stem)
{
  g_autofree char *ascii = g_str_to_ascii (stem, "C");
  GString *id = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = is_ncname_char (*p) ? *p : '-';

      /* An NCName starts with a letter or '_'; collapse runs of '-' */
      if (id->len == 0 && !g_ascii_isalpha (c) && c != '_')
        continue;
      if (c == '-' && id->str[id->len - 1] == '-')
        continue;
      g_string_append_c (id, c);
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "id");

  return g_string_free (id, FALSE);
}

/**
 * cx_plan_make_id:
 * @self: a #CxPlan
 * @stem: (nullable): what the id should read like, such as "step"
 *
 * Makes an id no persona, lane, step or failure of the plan has: @stem
 * itself, or "@stem-2", "@stem-3"… A @stem that is not an NCName is made
 * into one (letters folded to ASCII, other characters to '-'). The id is
 * not registered.
 *
 * Returns: (transfer full): a fresh id
 */
char *
cx_plan_make_id (CxPlan     *self,
                 const char *stem)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (CX_IS_PLAN (self), NULL);
  g_return_val_if_fail (stem == NULL || g_utf8_validate (stem, -1, NULL), NULL);

  base = ncname_from_stem (stem != NULL ? stem : "");
  if (!g_hash_table_contains (self->ids, base))
    return g_steal_pointer (&base);

  for (guint n = 2; ; n++)
    {
      char *id = g_strdup_printf ("%s-%u", base, n);

      if (!g_hash_table_contains (self->ids, id))
        return id;
      g_free (id);
    }
}

/* A step's ids, as cx_plan_insert_step() and cx_plan_remove_step() take
 * and give them back */

/* An object may take @id if it is free or already its own (a reader may
 * register ids before it adds the objects). */
static gboolean
id_is_free_for (CxPlan     *self,
                const char *id,
                gpointer    object)
{
  gpointer owner = g_hash_table_lookup (self->ids, id);

  return owner == NULL || owner == object;
}

static void
claim_id (CxPlan     *self,
          const char *id,
          gpointer    object)
{
  g_hash_table_replace (self->ids, g_strdup (id), object);
}

static void
release_id (CxPlan     *self,
            const char *id,
            gpointer    object)
{
  if (g_hash_table_lookup (self->ids, id) == object)
    g_hash_table_remove (self->ids, id);
}

/* For cx_plan_insert_step(): @step's id and those of its failures are
 * free in the plan and distinct among themselves */
gboolean
cx_plan_step_ids_are_free (CxPlan *self,
                           CxStep *step)
{
  g_assert (CX_IS_PLAN (self));
  g_assert (CX_IS_STEP (step));

  if (!id_is_free_for (self, step->id, step))
    return FALSE;

  for (guint i = 0; i < step->failures->len; i++)
    {
      CxFailure *failure = g_ptr_array_index (step->failures, i);

      if (!id_is_free_for (self, failure->id, failure) ||
          g_strcmp0 (failure->id, step->id) == 0)
        return FALSE;
      for (guint j = 0; j < i; j++)
        {
          CxFailure *other = g_ptr_array_index (step->failures, j);

          if (g_strcmp0 (failure->id, other->id) == 0)
            return FALSE;
        }
    }

  return TRUE;
}

/* The ids of @step and its failures, taken as it enters the plan and given
 * back as it leaves */
void
cx_plan_claim_step_ids (CxPlan *self,
                        CxStep *step)
{
  g_assert (CX_IS_PLAN (self));
  g_assert (CX_IS_STEP (step));

  claim_id (self, step->id, step);
  for (guint i = 0; i < step->failures->len; i++)
    {
      CxFailure *failure = g_ptr_array_index (step->failures, i);

      claim_id (self, failure->id, failure);
    }
}

void
cx_plan_release_step_ids (CxPlan *self,
                          CxStep *step)
{
  g_assert (CX_IS_PLAN (self));
  g_assert (CX_IS_STEP (step));

  release_id (self, step->id, step);
  for (guint i = 0; i < step->failures->len; i++)
    {
      CxFailure *failure = g_ptr_array_index (step->failures, i);

      release_id (self, failure->id, failure);
    }
}
