/* test-check-accept.c — accepted findings and CX022, the accepts in the
 * model, and the version a writer writes for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * checks.md, "Accepting a finding": an accept matches the finding of its
 * check at the step, failure or persona named by @ref, or at the phase of
 * @phase; errors cannot be accepted; CX022 flags the accepts that match
 * no finding of the checks that ran. cxplan-format.md: accepts are 1.1,
 * and a writer raises a 1.0 plan to 1.1 only when it holds one.
 */

#define G_LOG_DOMAIN "test-checks"

#include "config.h"

#include <string.h>

#include "cx-test-check-util.h"
#include "cx-validate.h"

#define ACCEPT(check, where, reason) \
  "<accept check=\"" check "\" " where ">" reason "</accept>"
#define REF(id) "ref=\"" id "\""
#define PHASE(kind) "phase=\"" kind "\""

static const CheckCase cases[] = {
  /* By step, by failure, by phase; the accepted findings keep their
   * place, severity and message */
  { "/accept/by-ref-and-phase", NULL,
    SETTINGS (DISABLE ("CX010")
              ACCEPT ("CX005", REF ("a"), "Run by a partner")
              ACCEPT ("CX003", REF ("f"), "Answered by the insurer")
              ACCEPT ("CX004", PHASE ("after"), "Mapped in the aftercare plan")), {
      BEFORE = STEP ("a", "", FAIL ("f", 9, 9, 9)),
      DURING = STEP ("b", " owner=\"o\"", ""),
      RECOVERY = STEP ("r", " owner=\"o\" recovers=\"g\"", "") },
    { { "CX005", 4, "a", NULL, INFO, "step 'Step a' has no owner", "Run by a partner" },
      { "CX003", 4, "a", "f", WARN, NULL, "Answered by the insurer" },
      { "CX018", 4, "a", "f", WARN },
      { "CX020", 4, "a", "f", INFO },
      { "CX004", 7, NULL, NULL, WARN, NULL, "Mapped in the aftercare plan" },
      { "CX008", 9, "r", NULL, ERROR } } },
  /* An accept matches its own check only, at its own element only */
  { "/accept/other-check-or-element", NULL,
    SETTINGS (DISABLE ("CX010")
              ACCEPT ("CX002", REF ("b"), "Wrong check")
              ACCEPT ("CX005", REF ("b"), "Wrong step")
              ACCEPT ("CX005", REF ("f"), "A failure has no owner")
              ACCEPT ("CX004", REF ("after"), "A ref is not a phase")
              ACCEPT ("CX004", PHASE ("recovery"), "The phase has no finding")), {
      BEFORE = STEP ("a", "", ""),
      DURING = STEP ("b", " owner=\"o\"", FAIL ("f", 1, 1, 1)),
      RECOVERY = STEP ("r", " owner=\"o\" recovers=\"f\"", "") },
    { { "CX022", 2, NULL, NULL, INFO,
        "the accept of CX002 at 'b' matches no finding: the plan has changed, or the accept "
        "names the wrong element" },
      { "CX022", 2, NULL, NULL, INFO },
      { "CX022", 2, NULL, NULL, INFO },
      { "CX022", 2, NULL, NULL, INFO },
      { "CX022", 2, NULL, NULL, INFO,
        "the accept of CX004 at phase 'recovery' matches no finding: the plan has changed, "
        "or the accept names the wrong phase" },
      { "CX005", 4, "a", NULL, INFO },
      { "CX004", 7, NULL, NULL, WARN } } },
  /* Errors cannot be accepted: the CX008 stays an error, and the accept
   * is stale (CX008 against CX022) */
  { "/accept/error-cannot-be-accepted", NULL,
    SETTINGS (DISABLE ("CX004") DISABLE ("CX010")
              ACCEPT ("CX008", REF ("a"), "Will mend it later")), {
      DURING = STEP ("a", " owner=\"o\" persona=\"ghost\"", "") },
    { { "CX022", 2, NULL, NULL, INFO,
        "the accept of CX008 at 'a' matches nothing: errors cannot be accepted, only "
        "mended" },
      { "CX008", 5, "a", NULL, ERROR } } },
  /* The accept of a disabled check, or of a check this version does not
   * know, is not looked at; with CX022 off, no accept is */
  { "/accept/disabled-check", NULL,
    SETTINGS (DISABLE ("CX004") DISABLE ("CX005") DISABLE ("CX010")
              ACCEPT ("CX005", REF ("a"), "Turned off anyway")
              ACCEPT ("CX099", REF ("a"), "A check of a newer version")), {
      DURING = STEP ("a", "", "") },
    { { NULL } } },
  { "/accept/stale-disabled", NULL,
    SETTINGS (DISABLE ("CX004") DISABLE ("CX010") DISABLE ("CX022")
              ACCEPT ("CX005", REF ("ghost"), "Nothing there")), {
      DURING = STEP ("a", " owner=\"o\"", "") },
    { { NULL } } },
  /* Two accepts of one finding both match; the first one's reason is
   * the finding's */
  { "/accept/duplicate", NULL,
    SETTINGS (DISABLE ("CX004") DISABLE ("CX010")
              ACCEPT ("CX005", REF ("a"), "First") ACCEPT ("CX005", REF ("a"), "Second")), {
      DURING = STEP ("a", "", "") },
    { { "CX005", 5, "a", NULL, INFO, NULL, "First" } } },
  /* A persona's finding (CX019), accepted by the persona's id */
  { "/accept/persona", "CX019",
    SETTINGS (ACCEPT ("CX019", REF ("p"), "A nurse meets them first")), {
      DURING = STEP ("a", "", LEVELS (4, 3)) },
    { { "CX019", 2, "a", NULL, WARN, NULL, "A nurse meets them first" } },
    "<personas><persona id=\"p\" mood=\"-2\"><name>P</name></persona></personas>" },
  /* The reason is kept as written, white space and all (its line break
   * moves the step to line 6) */
  { "/accept/reason-as-written", "CX005",
    SETTINGS (ACCEPT ("CX005", REF ("a"), "  Two &amp; more\nlines ")), {
      DURING = STEP ("a", "", "") },
    { { "CX005", 6, "a", NULL, INFO, NULL, "  Two & more\nlines " } } },
};

/* Counting: accepted findings apart, and the old count leaves them out */
static void
test_count (void)
{
  const char *phases[CX_N_PHASES] = {
    [CX_PHASE_DURING] = STEP ("a", "", LEVELS (4, 2)) STEP ("b", "", LEVELS (4, 2)),
  };
  g_autofree char *xml = make_plan_full (SETTINGS (DISABLE ("CX010")
                                                   ACCEPT ("CX005", REF ("a"), "Partner")
                                                   ACCEPT ("CX002", REF ("a"), "Known")
                                                   ACCEPT ("CX004", PHASE ("before"), "Else")),
                                         NULL, NULL, phases);
  g_autoptr(CxPlan) plan = read_plan (xml);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  guint counts[3], old[3], n_accepted = 99;

  dump_findings (findings);
  cx_findings_count_full (findings, counts, &n_accepted);
  /* before, after: CX004 warnings (one accepted); recovery: CX004 info;
   * a: CX002 and CX005 accepted; b: CX002 warning, CX005 info */
  g_assert_cmpuint (n_accepted, ==, 3);
  g_assert_cmpuint (counts[CX_SEVERITY_WARNING], ==, 2);
  g_assert_cmpuint (counts[CX_SEVERITY_INFO], ==, 2);
  g_assert_cmpuint (counts[CX_SEVERITY_ERROR], ==, 0);

  cx_findings_count (findings, old);
  g_assert_cmpmem (old, sizeof old, counts, sizeof counts);
  cx_findings_count_full (findings, counts, NULL);
  cx_findings_count_full (NULL, counts, &n_accepted);
  g_assert_cmpuint (n_accepted + counts[0] + counts[1] + counts[2], ==, 0);
}

/* CX022's finding points at the accept, by index, with its line; it
 * comes before everything else, as the settings do in the file */
static void
test_stale_target (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(CxPersona) persona = cx_persona_new ("p");
  g_autoptr(GPtrArray) findings = NULL;
  CxFinding *f;

  cx_persona_set_name (persona, "P");
  cx_persona_set_mood (persona, -1);
  cx_plan_add_persona (plan, persona);
  cx_plan_insert_accept (plan, -1, "CX004", NULL, CX_PHASE_BEFORE, "Mapped elsewhere");
  cx_plan_insert_accept (plan, -1, "CX009", "nothing", CX_ACCEPT_NO_PHASE, "Examined");

  findings = cx_check_plan (plan);
  dump_findings (findings);
  assert_ordered (findings);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->check, ==, CX_CHECK_STALE_ACCEPT);
  g_assert_cmpint (f->target, ==, CX_TARGET_ACCEPT);
  g_assert_cmpuint (f->index, ==, 1);
  g_assert_cmpuint (f->line, ==, 0);
  g_assert_null (f->step_id);
  g_assert_false (f->accepted);
  /* The accept of the empty before phase matches */
  f = g_ptr_array_index (findings, 1);
  g_assert_cmpint (f->check, ==, CX_CHECK_EMPTY_PHASE);
  g_assert_true (f->accepted);
  g_assert_cmpstr (f->reason, ==, "Mapped elsewhere");
}

/* Many accepts and many findings: one hash lookup each, so this takes
 * milliseconds (a list search would be quadratic) */
#define SCALE 20000

static void
test_scale (void)
{
  g_autoptr(GString) settings = g_string_new ("<settings><disable check=\"CX010\"/>");
  g_autoptr(GString) steps = g_string_new (NULL);
  const char *phases[CX_N_PHASES] = { NULL };
  g_autofree char *xml = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  guint counts[3], n_accepted = 0, n_stale = 0;

  for (guint i = 0; i < SCALE; i++)
    {
      g_string_append_printf (steps, "<step id=\"s%u\"><title>s%u</title></step>\n", i, i);
      /* every step's CX005 accepted, and as many accepts that match nothing */
      g_string_append_printf (settings, "<accept check=\"CX005\" ref=\"s%u\">r%u</accept>"
                              "<accept check=\"CX005\" ref=\"gone%u\">r</accept>", i, i, i);
    }
  g_string_append (settings, "</settings>");
  phases[CX_PHASE_DURING] = steps->str;
  xml = make_plan_full (settings->str, NULL, NULL, phases);
  plan = read_plan (xml);
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 2 * SCALE);

  findings = cx_check_plan (plan);
  cx_findings_count_full (findings, counts, &n_accepted);
  for (guint i = 0; i < findings->len; i++)
    n_stale += ((CxFinding *) g_ptr_array_index (findings, i))->check == CX_CHECK_STALE_ACCEPT;
  g_assert_cmpuint (n_accepted, ==, SCALE);
  g_assert_cmpuint (n_stale, ==, SCALE);
  assert_ordered (findings);
  for (guint i = findings->len; i-- > 0; )
    {
      CxFinding *f = g_ptr_array_index (findings, i);

      if (f->check == CX_CHECK_UNOWNED_STEP)
        {
          g_assert_cmpstr (f->step_id, ==, "s19999");
          g_assert_cmpstr (f->reason, ==, "r19999");
          break;
        }
    }
}

/* The model: getters, plain mutators, the changed signal, validation */
static void
on_changed (CxPlan       *plan,
            CxPlanChange  what,
            GObject      *object,
            guint        *count)
{
  g_assert_cmpint (what, ==, CX_PLAN_CHANGE_SETTINGS);
  g_assert_null (object);
  (*count)++;
}

static void
test_model (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &changes);
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 0);

  cx_plan_insert_accept (plan, -1, "CX005", "a", CX_ACCEPT_NO_PHASE, "Partner");
  cx_plan_insert_accept (plan, 0, "CX004", NULL, CX_PHASE_AFTER, "Elsewhere");
  cx_plan_insert_accept (plan, 99, "CX099", "b", CX_ACCEPT_NO_PHASE, "Newer");
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 3);

  g_assert_cmpstr (cx_plan_get_accept_check (plan, 0), ==, "CX004");
  g_assert_null (cx_plan_get_accept_ref (plan, 0));
  g_assert_cmpint (cx_plan_get_accept_phase (plan, 0), ==, CX_PHASE_AFTER);
  g_assert_cmpstr (cx_plan_get_accept_reason (plan, 0), ==, "Elsewhere");
  g_assert_cmpuint (cx_plan_get_accept_line (plan, 0), ==, 0);
  g_assert_cmpstr (cx_plan_get_accept_check (plan, 1), ==, "CX005");
  g_assert_cmpstr (cx_plan_get_accept_ref (plan, 1), ==, "a");
  g_assert_cmpint (cx_plan_get_accept_phase (plan, 1), ==, CX_ACCEPT_NO_PHASE);
  g_assert_cmpstr (cx_plan_get_accept_check (plan, 2), ==, "CX099");

  cx_plan_remove_accept (plan, 1);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpstr (cx_plan_get_accept_check (plan, 1), ==, "CX099");

  /* What a file cannot hold is refused, with a message for the user */
  g_assert_false (cx_validate_accept ("CX005", "a", CX_PHASE_AFTER, "Both", &error));
  g_assert_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cx_validate_accept ("CX005", NULL, CX_ACCEPT_NO_PHASE, "Neither", &error));
  g_clear_error (&error);
  g_assert_false (cx_validate_accept ("CX005", "a", CX_ACCEPT_NO_PHASE, " \n\t", &error));
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_false (cx_validate_accept ("CX005", "a", CX_ACCEPT_NO_PHASE, NULL, NULL));
  g_assert_false (cx_validate_accept ("CX5", "a", CX_ACCEPT_NO_PHASE, "x", NULL));
  g_assert_false (cx_validate_accept ("CX005", "", CX_ACCEPT_NO_PHASE, "x", NULL));
  g_assert_false (cx_validate_accept ("CX005", NULL, 7, "x", NULL));
  g_assert_true (cx_validate_accept ("CX005", NULL, CX_PHASE_RECOVERY, "x", NULL));

  if (g_test_undefined ())
    {
      g_test_expect_message ("cx-model", G_LOG_LEVEL_CRITICAL, "*cx_validate_accept*");
      cx_plan_insert_accept (plan, -1, "CX005", NULL, CX_ACCEPT_NO_PHASE, "x");
      g_test_assert_expected_messages ();
      g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 2);
      g_assert_cmpuint (changes, ==, 4);
    }

  g_signal_handlers_disconnect_by_func (plan, on_changed, &changes);
}

static char *
to_string (CxPlan *plan)
{
  g_autoptr(GBytes) bytes = cx_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

#define PLAN_1_0 \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\">\n" \
  "  <title>Old</title>\n" \
  "  <settings>\n" \
  "    <threshold name=\"rpn\" value=\"120\"/>\n" \
  "  </settings>\n" \
  "  <lanes/>\n" \
  "  <phases>\n" \
  "    <phase kind=\"before\"/>\n" \
  "    <phase kind=\"during\">\n" \
  "      <step id=\"a\">\n" \
  "        <title>A</title>\n" \
  "      </step>\n" \
  "    </phase>\n" \
  "    <phase kind=\"after\"/>\n" \
  "    <phase kind=\"recovery\"/>\n" \
  "  </phases>\n" \
  "</cxplan>\n"

/* A 1.0 plan stays 1.0, byte for byte, until it holds what 1.1 adds */
static void
test_version_rule (void)
{
  g_autoptr(CxPlan) plan = read_plan (PLAN_1_0);
  g_autoptr(CxPlan) fresh = cx_plan_new ();
  g_autofree char *same = to_string (plan);
  g_autofree char *with_accept = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with_threshold = NULL;
  g_autofree char *fresh_text = to_string (fresh);
  g_autoptr(CxPlan) reread = NULL;

  g_assert_cmpstr (same, ==, PLAN_1_0);
  g_assert_cmpstr (cx_plan_get_version (plan), ==, "1.0");

  cx_plan_insert_accept (plan, -1, "CX005", "a", CX_ACCEPT_NO_PHASE, "Run by a partner");
  with_accept = to_string (plan);
  g_assert_nonnull (strstr (with_accept, "version=\"1.1\""));
  g_assert_nonnull (strstr (with_accept,
                            "  <settings>\n"
                            "    <threshold name=\"rpn\" value=\"120\"/>\n"
                            "    <accept check=\"CX005\" ref=\"a\">Run by a partner</accept>\n"
                            "  </settings>\n"));

  /* and reads back equal, the version now 1.1 */
  reread = read_plan (with_accept);
  g_assert_cmpstr (cx_plan_get_version (reread), ==, "1.1");
  g_assert_cmpuint (cx_plan_get_n_accepts (reread), ==, 1);
  g_assert_cmpuint (cx_plan_get_accept_line (reread, 0), ==, 6);
  g_assert_cmpstr (cx_plan_get_accept_reason (reread, 0), ==, "Run by a partner");

  cx_plan_remove_accept (plan, 0);
  without = to_string (plan);
  g_assert_cmpstr (without, ==, PLAN_1_0);

  cx_plan_set_threshold (plan, "silent-detection", 6);
  with_threshold = to_string (plan);
  g_assert_nonnull (strstr (with_threshold, "version=\"1.1\""));
  g_assert_nonnull (strstr (with_threshold, "<threshold name=\"silent-detection\" value=\"6\"/>"));
  /* the default removes the entry, and the plan is 1.0 again */
  cx_plan_set_threshold (plan, "silent-detection", 8);
  g_free (without);
  without = to_string (plan);
  g_assert_cmpstr (without, ==, PLAN_1_0);

  /* a new plan is 1.1 */
  g_assert_cmpstr (cx_plan_get_version (fresh), ==, "1.1");
  g_assert_nonnull (strstr (fresh_text, "version=\"1.1\""));
}

/* The sample with accepts: CX009 at collect and CX010 at game-day
 * accepted, none stale, and the new checks at work (data/samples/README.md) */
static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CX_SOURCE_ROOT"), "data", "samples",
                                            "team-gear-store.cxplan", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  guint counts[3], n_accepted, per_check[CX_N_CHECKS] = { 0 };

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  plan = read_plan (contents);
  g_assert_cmpstr (cx_plan_get_version (plan), ==, "1.1");
  findings = cx_check_plan (plan);
  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *f = g_ptr_array_index (findings, i);

      per_check[f->check]++;
      if (f->accepted)
        g_assert_cmpstr (f->step_id, ==, f->check == CX_CHECK_UNASSESSED_STEP ? "game-day"
                                         : "collect");
    }
  cx_findings_count_full (findings, counts, &n_accepted);
  g_assert_cmpuint (n_accepted, ==, 2);
  g_assert_cmpuint (counts[CX_SEVERITY_WARNING], ==, 18);
  g_assert_cmpuint (counts[CX_SEVERITY_INFO], ==, 2);
  g_assert_cmpuint (per_check[CX_CHECK_STALE_ACCEPT], ==, 0);
  g_assert_cmpuint (per_check[CX_CHECK_UPSET_ARRIVAL], ==, 1);
  g_assert_cmpuint (per_check[CX_CHECK_SILENT_FAILURE], ==, 3);
  g_assert_cmpuint (per_check[CX_CHECK_MOMENT_OF_TRUTH_SHORTFALL], ==, 3);
  g_assert_cmpuint (per_check[CX_CHECK_HAND_OFF_DROP], ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], cx_test_check_case);

  g_test_add_func ("/accept/count", test_count);
  g_test_add_func ("/accept/stale-target", test_stale_target);
  g_test_add_func ("/accept/scale", test_scale);
  g_test_add_func ("/accept/model", test_model);
  g_test_add_func ("/accept/version-rule", test_version_rule);
  g_test_add_func ("/accept/sample", test_sample);

  return g_test_run ();
}
