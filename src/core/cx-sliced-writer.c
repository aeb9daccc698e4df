/* cx-sliced-writer.c — a plan's bytes, written a slice at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The elements of steps are most of a file, and each depends on its step
 * alone (its texts, cells, failures and links; ids never change): they
 * are what is written ahead and kept, by step. Everything else — the
 * plan's head, settings, personas, lanes, where each step stands — is
 * written at the end, from the plan as it is then, by the writer itself
 * (_cx_plan_write()), so no second copy of the format's order exists. The
 * end can give the bytes in parts, the kept elements among them, not
 * copied: joining them is left to a thread. A change naming a step, or a failure of it, drops that step's
 * element; a change of structure naming something else (a lane, a
 * persona) drops them all, as a lane's removal takes cells from every
 * step.
 */

#define G_LOG_DOMAIN "cx-sliced-writer"

#include "config.h"

#include <string.h>

#include "cx-plan-writer-private.h"
#include "cx-sliced-writer.h"

struct _CxSlicedWriter
{
  CxPlan     *plan;
  GHashTable *written;   /* CxStep (a reference, so no other step takes its
                          * address) → GBytes of its element */
  gulong      changed_handler;
  CxPhase     phase;     /* the next step to write */
  guint       index;
  GString    *scratch;   /* where a step is written, before its bytes are kept */
};

/* How many steps are written between two looks at the clock */
#define STEPS_PER_LOOK 8

static void
on_plan_changed (CxPlan         *plan,
                 CxPlanChange    what,
                 GObject        *object,
                 CxSlicedWriter *self)
{
  CxStep *step = NULL;

  if (CX_IS_STEP (object))
    step = CX_STEP (object);
  else if (CX_IS_FAILURE (object))
    step = cx_failure_get_step (CX_FAILURE (object));

  if (step != NULL)
    g_hash_table_remove (self->written, step);
  else if (what & CX_PLAN_CHANGE_STRUCTURE)
    g_hash_table_remove_all (self->written);
}

/**
 * cx_sliced_writer_new:
 * @plan: the plan to write
 *
 * Returns: (transfer full): a writer of @plan's bytes, with nothing
 *   written yet
 */
CxSlicedWriter *
cx_sliced_writer_new (CxPlan *plan)
{
  CxSlicedWriter *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  self = g_new0 (CxSlicedWriter, 1);
  self->plan = g_object_ref (plan);
  self->scratch = g_string_sized_new (4096);
  self->written = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref,
                                         (GDestroyNotify) g_bytes_unref);
  self->changed_handler = g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);

  return self;
}

void
cx_sliced_writer_free (CxSlicedWriter *self)
{
  if (self == NULL)
    return;

  g_clear_signal_handler (&self->changed_handler, self->plan);
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_string_free (self->scratch, TRUE);
  g_clear_object (&self->plan);
  g_free (self);
}

/**
 * cx_sliced_writer_write_some:
 * @self: a #CxSlicedWriter
 * @budget_us: for about how long to write, in microseconds (at least one
 *   step is written)
 *
 * Writes the elements of the next steps that have none kept, until
 * @budget_us has gone by.
 *
 * Returns: %TRUE when every step of the plan went by once: then
 *   cx_sliced_writer_finish() has little left to do
 */
gboolean
cx_sliced_writer_write_some (CxSlicedWriter *self,
                             gint64          budget_us)
{
  gint64 deadline;
  guint n = 0;

  g_return_val_if_fail (self != NULL, TRUE);

  deadline = g_get_monotonic_time () + budget_us;
  while (self->phase < CX_N_PHASES)
    {
      CxStep *step;

      /* Steps come and go meanwhile: one may be passed over (the end
       * writes it) or written again, never lost */
      if (self->index >= cx_plan_get_n_steps (self->plan, self->phase))
        {
          self->phase++;
          self->index = 0;
          continue;
        }

      step = cx_plan_get_step (self->plan, self->phase, self->index++);
      if (!g_hash_table_contains (self->written, step))
        {
          g_string_truncate (self->scratch, 0);
          _cx_plan_append_step (self->scratch, step);
          g_hash_table_insert (self->written, g_object_ref (step),
                               g_bytes_new (self->scratch->str, self->scratch->len));
        }

      if (++n % STEPS_PER_LOOK == 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  return self->phase >= CX_N_PHASES;
}

static GBytes *
lookup_written (CxStep   *step,
                gpointer  user_data)
{
  CxSlicedWriter *self = user_data;

  return g_hash_table_lookup (self->written, step);
}

/**
 * cx_sliced_writer_finish:
 * @self: a #CxSlicedWriter
 *
 * Writes the plan as it is now, with the elements of steps kept from the
 * slices before: the bytes cx_plan_to_bytes() would give now. The writer
 * may go on and finish again later.
 *
 * Returns: (transfer full): the bytes of the plan
 */
GBytes *
cx_sliced_writer_finish (CxSlicedWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _cx_plan_write (self->plan, lookup_written, self, NULL);
}

/**
 * cx_sliced_writer_finish_parts:
 * @self: a #CxSlicedWriter
 *
 * As cx_sliced_writer_finish(), without making the bytes one block: the
 * parts share the elements kept, so this takes little more than walking
 * the plan. Join them with cx_sliced_writer_join() (in a thread).
 *
 * Returns: (transfer full) (element-type GBytes): the bytes of the plan,
 *   in order
 */
GPtrArray *
cx_sliced_writer_finish_parts (CxSlicedWriter *self)
{
  GPtrArray *parts;

  g_return_val_if_fail (self != NULL, NULL);

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  _cx_plan_write (self->plan, lookup_written, self, parts);

  return parts;
}

/**
 * cx_sliced_writer_join:
 * @parts: (element-type GBytes): what cx_sliced_writer_finish_parts()
 *   gave
 *
 * Needs no plan: call it from any thread.
 *
 * Returns: (transfer full): the bytes of @parts, one after the other
 */
GBytes *
cx_sliced_writer_join (GPtrArray *parts)
{
  gsize length = 0;
  guint8 *data, *p;

  g_return_val_if_fail (parts != NULL, NULL);

  for (guint i = 0; i < parts->len; i++)
    length += g_bytes_get_size (g_ptr_array_index (parts, i));

  p = data = g_malloc (length);
  for (guint i = 0; i < parts->len; i++)
    {
      gsize size;
      gconstpointer part = g_bytes_get_data (g_ptr_array_index (parts, i), &size);

      if (size > 0)
        memcpy (p, part, size);
      p += size;
    }

  return g_bytes_new_take (data, length);
}

/**
 * cx_sliced_writer_get_n_written:
 * @self: a #CxSlicedWriter
 *
 * Returns: how many steps have their element kept
 */
guint
cx_sliced_writer_get_n_written (CxSlicedWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->written);
}
