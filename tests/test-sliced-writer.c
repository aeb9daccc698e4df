/* test-sliced-writer.c — a plan's bytes, written a slice at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever happens between the slices, the bytes at the end are those
 * cx_plan_to_bytes() gives for the plan at that moment: for every plan of
 * the good corpus, foreign content included; for a plan edited between
 * slices (a step written already, a lane taken away with its cells); and
 * for long random sequences of edits, undos and redos between slices.
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>

#include "cx-edit.h"
#include "cx-plan-io.h"
#include "cx-sliced-writer.h"
#include "cx-test-edits.h"

static CxPlan *
read_good_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CxPlan *plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static guint
count_steps (CxPlan *plan)
{
  guint n = 0;

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    n += cx_plan_get_n_steps (plan, phase);

  return n;
}

/* Asserts that what the writer finishes with is the plan's bytes now,
 * in one block and in parts */
static void
assert_finishes_as_written (CxSlicedWriter *writer,
                            CxPlan         *plan)
{
  g_autoptr(GBytes) sliced = cx_sliced_writer_finish (writer);
  g_autoptr(GBytes) whole = cx_plan_to_bytes (plan);
  g_autoptr(GPtrArray) parts = cx_sliced_writer_finish_parts (writer);
  g_autoptr(GBytes) joined = cx_sliced_writer_join (parts);

  g_assert_true (g_bytes_equal (joined, whole));

  if (!g_bytes_equal (sliced, whole))
    g_error ("the sliced writer wrote\n%.*s\ninstead of\n%.*s",
             (int) g_bytes_get_size (sliced), (const char *) g_bytes_get_data (sliced, NULL),
             (int) g_bytes_get_size (whole), (const char *) g_bytes_get_data (whole, NULL));
}

/* A plan with @n more steps than the reference, to have many slices */
static CxPlan *
big_plan (guint n)
{
  CxPlan *plan = read_good_plan ("reference.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Step number %u", i);
      CxStep *step = cx_edit_insert_step (history, i % CX_N_PHASES, -1, title, &error);

      g_assert_no_error (error);
      cx_edit_set_cell (history, step, cx_plan_get_lane (plan, 0), "A cell & <its> text", 0,
                        &error);
      g_assert_no_error (error);
    }

  return plan;
}

/* ------------------------------------------------------------------ */

/* Every plan of the corpus: sliced, or finished at once */
static void
test_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_plans = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(CxPlan) plan = NULL;
      g_autoptr(CxSlicedWriter) at_once = NULL;
      g_autoptr(CxSlicedWriter) sliced = NULL;
      guint n_calls = 0;

      if (!g_str_has_suffix (name, ".cxplan"))
        continue;

      plan = read_good_plan (name);
      at_once = cx_sliced_writer_new (plan);
      assert_finishes_as_written (at_once, plan);
      g_assert_cmpuint (cx_sliced_writer_get_n_written (at_once), ==, 0);

      sliced = cx_sliced_writer_new (plan);
      while (!cx_sliced_writer_write_some (sliced, 0))
        n_calls++;
      g_assert_cmpuint (n_calls, <=, count_steps (plan) / 8 + 1);
      g_assert_cmpuint (cx_sliced_writer_get_n_written (sliced), ==, count_steps (plan));
      assert_finishes_as_written (sliced, plan);

      /* And again: the writer goes on */
      assert_finishes_as_written (sliced, plan);
      n_plans++;
    }

  g_assert_cmpuint (n_plans, >=, 10);
}

/* Slices are bounded: a budget of nothing writes a few steps a call */
static void
test_slices (void)
{
  g_autoptr(CxPlan) plan = big_plan (400);
  g_autoptr(CxSlicedWriter) writer = cx_sliced_writer_new (plan);
  guint n_steps = count_steps (plan);
  guint n_calls = 0;
  guint before = 0;

  while (!cx_sliced_writer_write_some (writer, 0))
    {
      guint now = cx_sliced_writer_get_n_written (writer);

      g_assert_cmpuint (now, >, before);
      g_assert_cmpuint (now - before, <=, 8);
      before = now;
      n_calls++;
    }
  g_assert_cmpuint (n_calls, >=, n_steps / 8 - 1);
  g_assert_cmpuint (cx_sliced_writer_get_n_written (writer), ==, n_steps);

  /* A generous budget writes everything in one call */
  {
    g_autoptr(CxSlicedWriter) fast = cx_sliced_writer_new (plan);

    g_assert_true (cx_sliced_writer_write_some (fast, G_USEC_PER_SEC * 60));
    g_assert_cmpuint (cx_sliced_writer_get_n_written (fast), ==, n_steps);
  }

  assert_finishes_as_written (writer, plan);
}

/* Edits of what was written already: the step's element is dropped and
 * written again at the end; a lane taken away drops every element */
static void
test_edits_between_slices (void)
{
  g_autoptr(CxPlan) plan = big_plan (60);
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(CxSlicedWriter) writer = cx_sliced_writer_new (plan);
  g_autoptr(GError) error = NULL;
  CxStep *first = cx_plan_get_step (plan, CX_PHASE_BEFORE, 0);
  CxStep *inserted;
  guint n_steps = count_steps (plan);

  g_assert_false (cx_sliced_writer_write_some (writer, 0));
  g_assert_false (cx_sliced_writer_write_some (writer, 0));

  /* A step written already: its title */
  g_assert_true (cx_edit_set_text (history, first, "title", "A title typed meanwhile",
                                   CX_EDIT_MERGE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cx_sliced_writer_get_n_written (writer), ==, 15);
  assert_finishes_as_written (writer, plan);

  /* One of its failures */
  if (cx_step_get_n_failures (first) == 0)
    cx_edit_add_failure (history, first, "It breaks", &error);
  g_assert_no_error (error);
  g_assert_true (cx_edit_set_int (history, cx_step_get_failure (first, 0), "severity", 9,
                                  &error));
  g_assert_no_error (error);
  assert_finishes_as_written (writer, plan);

  /* A new step before the ones written, and one taken away */
  inserted = cx_edit_insert_step (history, CX_PHASE_BEFORE, 0, "New first step", &error);
  g_assert_nonnull (inserted);
  g_assert_true (cx_edit_delete_step (history, cx_plan_get_step (plan, CX_PHASE_BEFORE, 2),
                                      &error));
  g_assert_no_error (error);
  while (!cx_sliced_writer_write_some (writer, 0))
    ;
  assert_finishes_as_written (writer, plan);

  /* A lane taken away takes its cells from every step. (The steps
   * edited behind the slices are written at the end.) */
  g_assert_cmpuint (cx_sliced_writer_get_n_written (writer), >=, n_steps - 2);
  g_assert_true (cx_edit_delete_lane (history, cx_plan_get_lane (plan, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cx_sliced_writer_get_n_written (writer), ==, 0);
  assert_finishes_as_written (writer, plan);

  /* Undo all: the plan as it was, and so its bytes */
  while (cx_history_undo (history))
    ;
  assert_finishes_as_written (writer, plan);
}

/* The property: random edits, undos and redos between random slices */
static void
test_random_edits (gconstpointer data)
{
  const char *name = data;
  guint n_sequences = g_getenv ("CX_UNDER_VALGRIND") != NULL ? 1 : 6;
  guint n_rounds = g_test_thorough () ? 1500 : 200;

  for (guint seq = 0; seq < n_sequences; seq++)
    {
      g_autoptr(CxPlan) plan = read_good_plan (name);
      g_autoptr(CxHistory) history = cx_history_new (plan);
      g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int () ^ (seq * 7919));
      CxSlicedWriter *writer = cx_sliced_writer_new (plan);
      guint n_finished = 0;

      for (guint i = 0; i < n_rounds; i++)
        {
          guint n_edits = g_rand_int_range (rand, 0, 4);

          for (guint e = 0; e < n_edits; e++)
            cx_test_random_edit (rand, history, plan);

          switch (g_rand_int_range (rand, 0, 8))
            {
            case 0:
              /* The plan's bytes as they are now */
              assert_finishes_as_written (writer, plan);
              n_finished++;
              break;
            case 1:
              /* A new write, as the next draft starts one */
              cx_sliced_writer_free (writer);
              writer = cx_sliced_writer_new (plan);
              break;
            default:
              cx_sliced_writer_write_some (writer, 0);
              break;
            }
        }
      assert_finishes_as_written (writer, plan);
      g_assert_cmpuint (n_finished, >, 0);

      /* The writer holds the plan's steps, not the other way round */
      cx_sliced_writer_free (writer);
      g_clear_object (&history);
      g_assert_finalize_object (g_steal_pointer (&plan));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sliced-writer/corpus", test_corpus);
  g_test_add_func ("/sliced-writer/slices", test_slices);
  g_test_add_func ("/sliced-writer/edits-between-slices", test_edits_between_slices);
  g_test_add_data_func ("/sliced-writer/random/foreign-extensions", "foreign-extensions.cxplan",
                        test_random_edits);
  g_test_add_data_func ("/sliced-writer/random/all-values", "all-values.cxplan",
                        test_random_edits);
  g_test_add_data_func ("/sliced-writer/random/reference", "reference.cxplan",
                        test_random_edits);
  g_test_add_data_func ("/sliced-writer/random/empty-plan", "empty-plan.cxplan",
                        test_random_edits);

  return g_test_run ();
}
