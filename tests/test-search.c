/* test-search.c — finding steps, cells and failures by their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cx-edit.h"
#include "cx-plan-io.h"
#include "cx-search.h"

static CxPlan *
read_test_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CxPlan *plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

#define MATCH(m, i) (&g_array_index ((m), CxSearchMatch, (i)))

static void
test_search_kinds (void)
{
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(GArray) matches = NULL;

  /* A failure, by its description */
  matches = cx_plan_search (plan, "voicemail");
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpint (MATCH (matches, 0)->kind, ==, CX_SEARCH_FAILURE);
  g_assert_cmpstr (cx_failure_get_id (MATCH (matches, 0)->failure), ==, "voicemail");
  g_assert_cmpstr (cx_step_get_id (MATCH (matches, 0)->step), ==, "call");
  g_clear_pointer (&matches, g_array_unref);

  /* Any case; in the map's order: a step's title, its cell, its failure,
   * then the recovery step last */
  matches = cx_plan_search (plan, "CALL");
  g_assert_cmpuint (matches->len, ==, 4);
  g_assert_cmpint (MATCH (matches, 0)->kind, ==, CX_SEARCH_STEP);
  g_assert_cmpstr (cx_step_get_id (MATCH (matches, 0)->step), ==, "call");
  g_assert_cmpint (MATCH (matches, 1)->kind, ==, CX_SEARCH_CELL);
  g_assert_cmpstr (cx_lane_get_id (MATCH (matches, 1)->lane), ==, "actions");
  g_assert_cmpint (MATCH (matches, 2)->kind, ==, CX_SEARCH_FAILURE);
  g_assert_cmpstr (cx_step_get_id (MATCH (matches, 3)->step), ==, "callback");
  g_clear_pointer (&matches, g_array_unref);

  /* An owner; a level's words */
  matches = cx_plan_search (plan, "cashier");
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (cx_step_get_id (MATCH (matches, 0)->step), ==, "pay");
  g_clear_pointer (&matches, g_array_unref);
  matches = cx_plan_search (plan, "recorded message");
  g_assert_cmpuint (matches->len, ==, 1);
  g_clear_pointer (&matches, g_array_unref);

  /* Nothing, and the empty search */
  matches = cx_plan_search (plan, "zebra");
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_array_unref);
  matches = cx_plan_search (plan, "");
  g_assert_cmpuint (matches->len, ==, 0);
}

static void
test_search_accents (void)
{
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GArray) plain = NULL;
  g_autoptr(GArray) accented = NULL;
  CxStep *pay = CX_STEP (cx_plan_lookup_id (plan, "pay"));

  g_assert_true (cx_edit_set_text (history, pay, "title", "Pay at the café's till", 0, NULL));

  /* Accents and case fold away on both sides */
  plain = cx_plan_search (plan, "CAFE");
  g_assert_cmpuint (plain->len, ==, 1);
  accented = cx_plan_search (plan, "Café");
  g_assert_cmpuint (accented->len, ==, 1);
  g_assert_true (MATCH (plain, 0)->step == pay);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/kinds", test_search_kinds);
  g_test_add_func ("/search/accents", test_search_accents);

  return g_test_run ();
}
