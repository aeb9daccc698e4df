/* test-fix.c — a finding's remedy in one click, and its undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cx-edit.h"
#include "cx-fix.h"
#include "cx-plan-io.h"

static CxPlan *
read_plan (const char *dir,
           const char *name)
{
  g_autofree char *path = g_str_equal (dir, "samples")
                          ? g_build_filename (g_getenv ("CX_SOURCE_ROOT"), "data", "samples",
                                              name, NULL)
                          : g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CxPlan *plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static GBytes *
bytes_of (CxPlan *plan)
{
  return cx_plan_to_bytes (plan);
}

/* The first finding of @check, copied */
static CxFinding *
find (CxPlan    *plan,
      CxCheckId  check)
{
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);

  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *finding = g_ptr_array_index (findings, i);

      if (finding->check == check)
        return cx_finding_copy (finding);
    }

  return NULL;
}

static guint
count (CxPlan    *plan,
       CxCheckId  check)
{
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += ((CxFinding *) g_ptr_array_index (findings, i))->check == check;

  return n;
}

static void
assert_undone (CxHistory *history,
               CxPlan    *plan,
               GBytes    *before)
{
  g_autoptr(GBytes) after = NULL;

  while (cx_history_undo (history))
    ;
  after = bytes_of (plan);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_unrecovered_failure (void)
{
  g_autoptr(CxPlan) plan = read_plan ("samples", "team-gear-store.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GBytes) before = bytes_of (plan);
  g_autoptr(CxFinding) finding = find (plan, CX_CHECK_UNRECOVERED_FAILURE);
  g_autoptr(GError) error = NULL;
  guint n = count (plan, CX_CHECK_UNRECOVERED_FAILURE);
  GObject *object = NULL;
  CxFailure *failure;

  g_assert_nonnull (finding);
  g_assert_cmpint (cx_finding_get_fix (plan, finding), ==, CX_FIX_ADD_RECOVERY_STEP);
  g_assert_true (cx_fix_edits_plan (CX_FIX_ADD_RECOVERY_STEP));
  g_assert_nonnull (cx_fix_get_label (CX_FIX_ADD_RECOVERY_STEP));

  g_assert_true (cx_edit_apply_fix (history, finding, &object, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (plan, CX_CHECK_UNRECOVERED_FAILURE), ==, n - 1);

  /* A recovery step, answering the failure, which leads to it */
  g_assert_true (CX_IS_STEP (object));
  g_assert_cmpint (cx_step_get_phase (CX_STEP (object)), ==, CX_PHASE_RECOVERY);
  g_assert_cmpstr (cx_step_get_recovers (CX_STEP (object)), ==, finding->failure_id);
  failure = CX_FAILURE (cx_plan_lookup_id (plan, finding->failure_id));
  g_assert_nonnull (cx_failure_get_leads_to (failure));
  /* One step of undo */
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 1);
  assert_undone (history, plan, before);
}

static void
test_unanswered_leads_to (void)
{
  g_autoptr(CxPlan) plan = read_plan ("good", "foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GBytes) before = bytes_of (plan);
  g_autoptr(CxFinding) finding = NULL;
  g_autoptr(GError) error = NULL;
  const char *none[] = { NULL };
  CxStep *callback = CX_STEP (cx_plan_lookup_id (plan, "callback"));

  /* The recovery the failure leads to stops answering it */
  g_assert_true (cx_edit_set_recovers (history, callback, none, &error));
  finding = find (plan, CX_CHECK_UNANSWERED_LEADS_TO);
  g_assert_nonnull (finding);
  g_assert_cmpint (cx_finding_get_fix (plan, finding), ==, CX_FIX_ADD_TO_RECOVERY);

  g_assert_true (cx_edit_apply_fix (history, finding, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cx_step_get_recovers (callback), ==, "voicemail");
  g_assert_cmpuint (count (plan, CX_CHECK_UNANSWERED_LEADS_TO), ==, 0);
  assert_undone (history, plan, before);
}

static void
test_empty_phase (void)
{
  g_autoptr(CxPlan) plan = read_plan ("good", "empty-plan.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GBytes) before = bytes_of (plan);
  g_autoptr(GError) error = NULL;
  guint n = count (plan, CX_CHECK_EMPTY_PHASE);

  g_assert_cmpuint (n, >, 0);
  while (count (plan, CX_CHECK_EMPTY_PHASE) > 0)
    {
      g_autoptr(CxFinding) finding = find (plan, CX_CHECK_EMPTY_PHASE);
      GObject *object = NULL;

      g_assert_cmpint (cx_finding_get_fix (plan, finding), ==, CX_FIX_ADD_STEP_TO_PHASE);
      g_assert_true (cx_edit_apply_fix (history, finding, &object, &error));
      g_assert_true (CX_IS_STEP (object));
      g_assert_cmpint (cx_step_get_phase (CX_STEP (object)), ==, finding->phase);
    }
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, n);
  assert_undone (history, plan, before);
}

/* Every broken reference removed, one fix at a time */
static void
test_broken_references (void)
{
  g_autoptr(CxPlan) plan = read_plan ("good", "dangling-references.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GBytes) before = bytes_of (plan);
  guint n = count (plan, CX_CHECK_BROKEN_REFERENCE);
  guint rounds = 0;

  g_assert_cmpuint (n, >=, 5);
  while (count (plan, CX_CHECK_BROKEN_REFERENCE) > 0)
    {
      g_autoptr(CxFinding) finding = find (plan, CX_CHECK_BROKEN_REFERENCE);
      g_autoptr(GError) error = NULL;
      guint left = count (plan, CX_CHECK_BROKEN_REFERENCE);

      g_assert_cmpint (cx_finding_get_fix (plan, finding), ==, CX_FIX_REMOVE_REFERENCE);
      g_assert_true (cx_edit_apply_fix (history, finding, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count (plan, CX_CHECK_BROKEN_REFERENCE), <, left);
      g_assert_cmpuint (++rounds, <=, n);
    }

  /* What was not broken stays: the first cell of the lane, the link */
  g_assert_cmpstr (cx_step_lookup_cell (CX_STEP (cx_plan_lookup_id (plan, "call")), "actions"),
                   ==, "Calls the number on the website");
  assert_undone (history, plan, before);
}

static void
test_stale_accept (void)
{
  g_autoptr(CxPlan) plan = read_plan ("good", "foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GBytes) before = bytes_of (plan);
  g_autoptr(CxFinding) finding = find (plan, CX_CHECK_MOMENT_OF_TRUTH_SHORTFALL);
  g_autoptr(CxFinding) stale = NULL;
  g_autoptr(GError) error = NULL;
  CxStep *call = CX_STEP (cx_plan_lookup_id (plan, "call"));

  /* Accepted, then mended: the accept matches nothing any more */
  g_assert_nonnull (finding);
  g_assert_true (cx_edit_accept_finding (history, finding, "The phone line is being replaced",
                                         &error));
  g_assert_true (cx_edit_set_delivered (history, call, 5, NULL, 0, &error));
  stale = find (plan, CX_CHECK_STALE_ACCEPT);
  g_assert_nonnull (stale);
  g_assert_cmpint (cx_finding_get_fix (plan, stale), ==, CX_FIX_REMOVE_ACCEPT);
  g_assert_true (cx_edit_apply_fix (history, stale, NULL, &error));
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 0);
  g_assert_null (find (plan, CX_CHECK_STALE_ACCEPT));
  assert_undone (history, plan, before);
}

/* The fixes that put the user in a field change nothing themselves */
static void
test_focus_fixes (void)
{
  g_autoptr(CxPlan) plan = read_plan ("samples", "team-gear-store.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(CxFinding) unowned = find (plan, CX_CHECK_UNOWNED_STEP);
  g_autoptr(CxFinding) unassessed = find (plan, CX_CHECK_UNASSESSED_STEP);
  g_autoptr(CxFinding) wow = find (plan, CX_CHECK_UNSUSTAINABLE_WOW);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (unowned);
  g_assert_cmpint (cx_finding_get_fix (plan, unowned), ==, CX_FIX_FOCUS_OWNER);
  g_assert_false (cx_fix_edits_plan (CX_FIX_FOCUS_OWNER));
  g_assert_nonnull (unassessed);
  g_assert_cmpint (cx_finding_get_fix (plan, unassessed), ==, CX_FIX_FOCUS_LEVEL);
  /* A wow the journey cannot hold takes judgement, not a click */
  g_assert_nonnull (wow);
  g_assert_cmpint (cx_finding_get_fix (plan, wow), ==, CX_FIX_NONE);
  g_assert_false (cx_edit_apply_fix (history, wow, NULL, &error));
  g_assert_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_INVALID);
  g_assert_false (cx_history_get_can_undo (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fix/unrecovered-failure", test_unrecovered_failure);
  g_test_add_func ("/fix/unanswered-leads-to", test_unanswered_leads_to);
  g_test_add_func ("/fix/empty-phase", test_empty_phase);
  g_test_add_func ("/fix/broken-references", test_broken_references);
  g_test_add_func ("/fix/stale-accept", test_stale_accept);
  g_test_add_func ("/fix/focus-fixes", test_focus_fixes);

  return g_test_run ();
}
