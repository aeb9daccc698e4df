/* cx-test-check-util.c — small plans for the check engine's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-checks"

#include "config.h"

#include <string.h>

#include "cx-test-check-util.h"

static char *
plan_document (const char        *version,
               const char        *settings,
               const char        *personas,
               const char        *lanes,
               const char * const phases[CX_N_PHASES])
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append_printf (xml, "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"%s\">"
                          "<title>Checks</title>", version);
  g_string_append (xml, settings != NULL ? settings : "");
  g_string_append (xml, personas != NULL ? personas : PERSONAS);
  g_string_append (xml, lanes != NULL ? lanes : LANES);
  g_string_append (xml, "\n<phases>");
  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    {
      g_string_append_printf (xml, "%s<phase kind=\"%s\">\n", phase > 0 ? "</phase>" : "",
                              cx_enum_to_nick (CX_TYPE_PHASE, phase));
      g_string_append (xml, phases[phase] != NULL ? phases[phase] : "");
    }
  g_string_append (xml, "</phase></phases></cxplan>\n");

  return g_string_free (xml, FALSE);
}

/* A whole document of format 1.0 around the steps of each phase (NULL: none) */
char *
make_plan (const char        *settings,
           const char * const phases[CX_N_PHASES])
{
  return plan_document ("1.0", settings, NULL, NULL, phases);
}

/* Format 1.1, with personas and lanes of the caller's */
char *
make_plan_full (const char        *settings,
                const char        *personas,
                const char        *lanes,
                const char * const phases[CX_N_PHASES])
{
  return plan_document ("1.1", settings, personas, lanes, phases);
}

CxPlan *
read_plan (const char *xml)
{
  g_autoptr(GError) error = NULL;
  CxPlan *plan;

  plan = cx_plan_read_from_data (xml, strlen (xml), "test.cxplan", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

void
dump_findings (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *f = g_ptr_array_index (findings, i);

      g_test_message ("  %s line %u step %s failure %s severity %d: %s",
                      cx_check_info (f->check)->id, f->line, f->step_id, f->failure_id,
                      f->severity, f->message);
    }
}

/* Every result is in document order, then in check order */
void
assert_ordered (GPtrArray *findings)
{
  for (guint i = 1; i < findings->len; i++)
    {
      CxFinding *a = g_ptr_array_index (findings, i - 1);
      CxFinding *b = g_ptr_array_index (findings, i);

      g_assert_true (a->position < b->position
                     || (a->position == b->position && a->check <= b->check));
    }
}

void
cx_test_check_case (gconstpointer data)
{
  const CheckCase *tc = data;
  g_autofree char *xml = make_plan_full (tc->settings, tc->personas, tc->lanes, tc->phases);
  g_autoptr(CxPlan) plan = read_plan (xml);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(GPtrArray) compared = g_ptr_array_new ();
  guint n_expected = 0;

  assert_ordered (findings);

  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *f = g_ptr_array_index (findings, i);

      if (tc->only == NULL || strcmp (cx_check_info (f->check)->id, tc->only) == 0)
        g_ptr_array_add (compared, f);
    }
  while (tc->expected[n_expected].check != NULL)
    n_expected++;

  dump_findings (compared);
  g_assert_cmpuint (compared->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const Expected *e = &tc->expected[i];
      CxFinding *f = g_ptr_array_index (compared, i);

      g_assert_cmpstr (cx_check_info (f->check)->id, ==, e->check);
      g_assert_cmpuint (f->line, ==, e->line);
      g_assert_cmpstr (f->step_id, ==, e->step);
      g_assert_cmpstr (f->failure_id, ==, e->failure);
      g_assert_cmpint (f->severity, ==, e->severity);
      g_assert_nonnull (f->message);
      g_assert_null (strstr (f->message, "[CX"));
      if (e->message != NULL)
        g_assert_cmpstr (f->message, ==, e->message);
      g_assert_cmpint (f->accepted, ==, e->reason != NULL);
      g_assert_cmpstr (f->reason, ==, e->reason);
    }
}

