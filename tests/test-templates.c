/* test-templates.c — new plans, blank or from a bundled template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cx-check.h"
#include "cx-format.h"
#include "cx-plan-io.h"
#include "cx-templates.h"

static void
test_list (void)
{
  g_autoptr(GPtrArray) templates = cx_templates_list ();
  gboolean seen_retail = FALSE, seen_subscription = FALSE;
  const CxTemplate *blank;

  g_assert_cmpuint (templates->len, >=, 3);

  blank = g_ptr_array_index (templates, 0);
  g_assert_cmpstr (blank->name, ==, CX_TEMPLATE_BLANK);
  g_assert_null (blank->title);
  g_assert_cmpuint (blank->n_steps, ==, 0);

  for (guint i = 1; i < templates->len; i++)
    {
      const CxTemplate *template_ = g_ptr_array_index (templates, i);
      const CxTemplate *previous = g_ptr_array_index (templates, i - 1);

      /* By name after the blank plan, each with its title and steps */
      if (i > 1)
        g_assert_cmpstr (previous->name, <, template_->name);
      g_assert_nonnull (template_->title);
      g_assert_nonnull (template_->description);
      g_assert_cmpuint (template_->n_steps, >, 0);
      if (g_str_equal (template_->name, "retail-visit"))
        {
          seen_retail = TRUE;
          g_assert_cmpstr (template_->title, ==, "A visit to our store");
        }
      seen_subscription |= g_str_equal (template_->name, "subscription-service");
    }

  g_assert_true (seen_retail);
  g_assert_true (seen_subscription);
}

/* Which kinds the blank plan has, top to bottom: a service blueprint
 * with the emotion and the expectation lanes */
static void
test_blank_lanes (void)
{
  static const CxLaneKind kinds[] = {
    CX_LANE_KIND_ACTIONS, CX_LANE_KIND_TOUCHPOINTS, CX_LANE_KIND_FRONTSTAGE,
    CX_LANE_KIND_BACKSTAGE, CX_LANE_KIND_SUPPORT, CX_LANE_KIND_EMOTION,
    CX_LANE_KIND_EXPECTATION,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = cx_template_new_plan (CX_TEMPLATE_BLANK, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_null (cx_plan_get_title (plan));
  g_assert_cmpuint (cx_plan_get_n_lanes (plan), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      CxLane *lane = cx_plan_get_lane (plan, i);

      g_assert_cmpint (cx_lane_get_kind (lane), ==, kinds[i]);
      /* The default name of its kind (untranslated here: the C locale) */
      g_assert_cmpstr (cx_lane_get_name (lane), ==, cx_lane_kind_default_name (kinds[i]));
    }
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    g_assert_cmpuint (cx_plan_get_n_steps (plan, phase), ==, 0);
  g_assert_cmpuint (cx_plan_get_n_personas (plan), ==, 0);
}

/* Every template makes a plan that is new: created when asked, of the
 * version written now, with no line of the template file in its findings,
 * and that a file holds exactly */
static void
test_new_plan (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 14, 15, 9, 26);
  g_autoptr(CxPlan) plan = cx_template_new_plan (name, when, &error);
  g_autoptr(CxPlan) again = NULL;
  g_autoptr(CxDiagnostic) refusal = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpstr (cx_plan_get_created (plan), ==, "2026-03-14T15:09:26Z");
  g_assert_cmpstr (cx_plan_get_modified (plan), ==, "2026-03-14T15:09:26Z");
  g_assert_cmpstr (cx_plan_get_version (plan), ==, CX_FORMAT_VERSION);

  findings = cx_check_plan (plan);
  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpuint (((CxFinding *) g_ptr_array_index (findings, i))->line, ==, 0);

  bytes = cx_plan_to_bytes (plan);
  again = cx_plan_read_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "new.cxplan", NULL, &refusal, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cx_plan_equal (plan, again));
}

static void
test_new_plan_now (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(CxPlan) plan = cx_template_new_plan ("retail-visit", NULL, &error);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) created = NULL;

  g_assert_no_error (error);
  created = g_date_time_new_from_iso8601 (cx_plan_get_created (plan), utc);
  g_assert_nonnull (created);
  g_assert_true (g_str_has_suffix (cx_plan_get_created (plan), "Z"));
  /* The stamp has whole seconds */
  g_assert_cmpint (g_date_time_difference (created, before), >, -G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_difference (created, before), <, 60 * G_USEC_PER_SEC);
}

static void
test_unknown (void)
{
  static const char *const names[] = { "no-such-template", "../samples/team-gear-store", "" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CxPlan) plan = cx_template_new_plan (names[i], NULL, &error);

      g_assert_null (plan);
      g_assert_error (error, CX_TEMPLATE_ERROR, CX_TEMPLATE_ERROR_NOT_FOUND);
    }
}

static void
test_default_names (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CX_TYPE_LANE_KIND);

  /* Every kind has one, and no two share it */
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *name = cx_lane_kind_default_name (klass->values[i].value);

      g_assert_nonnull (name);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (name, !=, cx_lane_kind_default_name (klass->values[j].value));
    }
  g_assert_cmpstr (cx_lane_kind_default_name (CX_LANE_KIND_NOTES), ==, "Notes");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) templates = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/list", test_list);
  g_test_add_func ("/templates/blank-lanes", test_blank_lanes);
  g_test_add_func ("/templates/new-plan-now", test_new_plan_now);
  g_test_add_func ("/templates/unknown", test_unknown);
  g_test_add_func ("/templates/default-names", test_default_names);

  templates = cx_templates_list ();
  for (guint i = 0; i < templates->len; i++)
    {
      const CxTemplate *template_ = g_ptr_array_index (templates, i);
      g_autofree char *path = g_strdup_printf ("/templates/new-plan/%s", template_->name);

      g_test_add_data_func_full (path, g_strdup (template_->name), test_new_plan, g_free);
    }

  return g_test_run ();
}
