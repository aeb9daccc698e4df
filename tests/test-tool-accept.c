/* test-tool-accept.c — cxplan-tool's accepted findings, explain and SARIF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What checks.md asks of the command line for format 1.1: accepted
 * findings left out of the text unless --show-accepted, counted apart in
 * the summary, marked in JSON, ignored by --fail-on; `explain` for every
 * check and its exit codes; the SARIF log's shape. (The log is validated
 * by Microsoft's validator in tests/sarif/test-sarif.sh.)
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cx-check.h"
#include "cx-test-tool-util.h"

/* Lines: 5–7 the accepts, 12 step call (CX002 and CX005, both accepted),
 * 19 step pay, 25 the empty after phase (CX004 warning, accepted), 26 the
 * empty recovery phase (CX004 info, not accepted) */
static const char plan_with_accepts[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.1\">\n"
  "  <title>Store</title>\n"
  "  <settings>\n"
  "    <accept check=\"CX005\" ref=\"call\">Run by the retailer's call centre</accept>\n"
  "    <accept check=\"CX002\" ref=\"call\">Known: the \"phone project\" fixes it</accept>\n"
  "    <accept check=\"CX004\" phase=\"after\">Mapped in the aftercare plan</accept>\n"
  "  </settings>\n"
  "  <lanes/>\n"
  "  <phases>\n"
  "    <phase kind=\"before\">\n"
  "      <step id=\"call\">\n"
  "        <title>Call the store</title>\n"
  "        <expected level=\"4\"/>\n"
  "        <delivered level=\"2\"/>\n"
  "      </step>\n"
  "    </phase>\n"
  "    <phase kind=\"during\">\n"
  "      <step id=\"pay\" owner=\"Staff\">\n"
  "        <title>Pay</title>\n"
  "        <expected level=\"3\"/>\n"
  "        <delivered level=\"3\"/>\n"
  "      </step>\n"
  "    </phase>\n"
  "    <phase kind=\"after\"/>\n"
  "    <phase kind=\"recovery\"/>\n"
  "  </phases>\n"
  "</cxplan>\n";

/* An error cannot be accepted: the CX008 stays, and CX022 flags the
 * accept (line 5); the accept of a disabled check is not looked at */
static const char plan_accepting_an_error[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.1\">\n"
  "  <title>Broken</title>\n"
  "  <settings>\n"
  "    <disable check=\"CX004\"/>\n"
  "    <accept check=\"CX008\" ref=\"a\">We will fix it later</accept>\n"
  "    <accept check=\"CX004\" phase=\"after\">Turned off anyway</accept>\n"
  "  </settings>\n"
  "  <lanes/>\n"
  "  <phases>\n"
  "    <phase kind=\"before\">\n"
  "      <step id=\"a\" owner=\"X\" persona=\"ghost\">\n"
  "        <title>A</title>\n"
  "        <expected level=\"3\"/>\n"
  "        <delivered level=\"3\"/>\n"
  "      </step>\n"
  "    </phase>\n"
  "    <phase kind=\"during\"/>\n"
  "    <phase kind=\"after\"/>\n"
  "    <phase kind=\"recovery\"/>\n"
  "  </phases>\n"
  "</cxplan>\n";

static void
test_text_hides_accepted (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = put_file (f, "store.cxplan", plan_with_accepts);

  run (f, "check", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "store.cxplan:26: info: phase 'recovery' has no step: nothing is planned "
                   "for when something goes wrong [CX004]\n");
  g_assert_cmpstr (f->err, ==, "store.cxplan: 1 info, 3 accepted\n");
}

static void
test_text_show_accepted (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = put_file (f, "store.cxplan", plan_with_accepts);
  g_auto(GStrv) lines = NULL;

  run (f, "check", "--show-accepted", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==,
                   "store.cxplan:12: accepted: step 'Call the store' promises level 4 but "
                   "delivers 2 (gap 2) [CX002]");
  g_assert_cmpstr (lines[1], ==,
                   "store.cxplan:12: accepted: step 'Call the store' has no owner [CX005]");
  g_assert_true (g_str_has_prefix (lines[2], "store.cxplan:25: accepted: phase 'after' "));
  g_assert_true (g_str_has_suffix (lines[2], " [CX004]"));
  g_assert_true (g_str_has_prefix (lines[3], "store.cxplan:26: info: phase 'recovery' "));
  g_assert_cmpstr (lines[4], ==, "");
  /* The summary is the same with or without the accepted lines */
  g_assert_cmpstr (f->err, ==, "store.cxplan: 1 info, 3 accepted\n");
}

/* --fail-on looks only at the findings that are not accepted: the
 * accepted warnings do not fail --fail-on=warning, the info fails info */
static void
test_fail_on_ignores_accepted (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = put_file (f, "store.cxplan", plan_with_accepts);
  g_autofree char *broken = put_file (f, "broken.cxplan", plan_accepting_an_error);

  run (f, "check", "--fail-on=warning", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "check", "--fail-on=info", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);
  run (f, "check", "--fail-on=info", "--format=json", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);

  /* the error stays an error; its accept is stale */
  run (f, "check", "broken.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_cmpstr (f->out, ==,
                   "broken.cxplan:6: info: the accept of CX008 at 'a' matches nothing: errors "
                   "cannot be accepted, only mended [CX022]\n"
                   "broken.cxplan:12: error: step 'A' names persona 'ghost', which does not "
                   "exist [CX008]\n");
  g_assert_cmpstr (f->err, ==, "broken.cxplan: 1 error, 1 info\n");
}

static void
test_json_accepted (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = put_file (f, "store.cxplan", plan_with_accepts);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *findings;
  JsonObject *finding;

  run (f, "check", "--format=json", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);

  findings = json_object_get_array_member (
    json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0),
    "findings");
  /* JSON lists every finding, accepted or not */
  g_assert_cmpuint (json_array_get_length (findings), ==, 4);

  finding = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "check"), ==, "CX002");
  g_assert_true (json_object_get_boolean_member (finding, "accepted"));
  g_assert_cmpstr (json_object_get_string_member (finding, "reason"), ==,
                   "Known: the \"phone project\" fixes it");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "warning");

  finding = json_array_get_object_element (findings, 2);
  g_assert_cmpstr (json_object_get_string_member (finding, "check"), ==, "CX004");
  g_assert_true (json_object_get_boolean_member (finding, "accepted"));
  g_assert_cmpstr (json_object_get_string_member (finding, "reason"), ==,
                   "Mapped in the aftercare plan");

  finding = json_array_get_object_element (findings, 3);
  g_assert_false (json_object_get_boolean_member (finding, "accepted"));
  g_assert_true (json_object_get_null_member (finding, "reason"));
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_sarif (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = put_file (f, "store plan é.cxplan", plan_with_accepts);
  g_autofree char *broken = put_file (f, "broken.cxplan", plan_accepting_an_error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *log, *run_object, *driver, *rule, *result, *location;
  JsonArray *runs, *rules, *results, *suppressions;

  run (f, "check", "--format=sarif", "store plan é.cxplan", "broken.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);   /* the error of broken.cxplan */
  g_assert_cmpstr (f->err, ==, "");

  log = parse_object (f->out, parser);
  g_assert_cmpstr (json_object_get_string_member (log, "version"), ==, "2.1.0");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (log, "$schema"),
                                   "sarif-2.1.0.json"));
  runs = json_object_get_array_member (log, "runs");
  g_assert_cmpuint (json_array_get_length (runs), ==, 1);
  run_object = json_array_get_object_element (runs, 0);

  driver = json_object_get_object_member (json_object_get_object_member (run_object, "tool"),
                                          "driver");
  g_assert_cmpstr (json_object_get_string_member (driver, "name"), ==, "cxplan-tool");
  g_assert_cmpstr (json_object_get_string_member (driver, "version"), ==, PACKAGE_VERSION);
  rules = json_object_get_array_member (driver, "rules");
  g_assert_cmpuint (json_array_get_length (rules), ==, CX_N_CHECKS);
  for (guint c = 0; c < CX_N_CHECKS; c++)
    {
      CxCheckExplanation texts;
      const char *level;

      cx_check_explain (c, &texts);
      rule = json_array_get_object_element (rules, c);
      g_assert_cmpstr (json_object_get_string_member (rule, "id"), ==, cx_check_info (c)->id);
      g_assert_cmpstr (json_object_get_string_member (rule, "name"), ==,
                       cx_check_info (c)->name);
      g_assert_cmpstr (json_object_get_string_member (
                         json_object_get_object_member (rule, "shortDescription"), "text"),
                       ==, texts.summary);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (
                                         json_object_get_object_member (rule, "fullDescription"),
                                         "text"),
                                       texts.rule));
      level = json_object_get_string_member (
        json_object_get_object_member (rule, "defaultConfiguration"), "level");
      g_assert_cmpstr (level, ==, cx_check_info (c)->severity == CX_SEVERITY_ERROR ? "error"
                                  : cx_check_info (c)->severity == CX_SEVERITY_WARNING
                                  ? "warning" : "note");
    }

  /* store: 4 findings, broken: 2 */
  results = json_object_get_array_member (run_object, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 6);

  result = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "ruleId"), ==, "CX002");
  g_assert_cmpstr (json_object_get_string_member (result, "level"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result,
                                                                                 "message"),
                                                  "text"),
                   ==, "step 'Call the store' promises level 4 but delivers 2 (gap 2)");
  location = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (result, "locations"), 0),
    "physicalLocation");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (location, "artifactLocation"), "uri"),
                   ==, "store%20plan%20%C3%A9.cxplan");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (location,
                                                                              "region"),
                                               "startLine"), ==, 12);
  suppressions = json_object_get_array_member (result, "suppressions");
  g_assert_cmpuint (json_array_get_length (suppressions), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (suppressions,
                                                                                 0),
                                                  "kind"), ==, "inSource");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (suppressions,
                                                                                 0),
                                                  "justification"),
                   ==, "Known: the \"phone project\" fixes it");

  /* info is "note"; a finding not accepted has no suppressions */
  result = json_array_get_object_element (results, 3);
  g_assert_cmpstr (json_object_get_string_member (result, "ruleId"), ==, "CX004");
  g_assert_cmpstr (json_object_get_string_member (result, "level"), ==, "note");
  g_assert_false (json_object_has_member (result, "suppressions"));

  result = json_array_get_object_element (results, 5);
  g_assert_cmpstr (json_object_get_string_member (result, "ruleId"), ==, "CX008");
  g_assert_cmpstr (json_object_get_string_member (result, "level"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (result, "ruleIndex"), ==,
                   CX_CHECK_BROKEN_REFERENCE);
}

static void
test_explain_list (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;

  run (f, "explain", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, CX_N_CHECKS + 1);
  for (guint c = 0; c < CX_N_CHECKS; c++)
    {
      const CxCheckInfo *info = cx_check_info (c);
      g_autofree char *prefix = g_strdup_printf ("%s  %s ", info->id, info->name);

      g_assert_true (g_str_has_prefix (lines[c], prefix));
      g_assert_nonnull (strstr (lines[c], info->severity == CX_SEVERITY_ERROR ? " error "
                                         : info->severity == CX_SEVERITY_WARNING ? " warning"
                                         : " info "));
    }
  g_assert_nonnull (strstr (lines[CX_CHECK_EMPTY_PHASE], " warning / info "));
}

/* Every check's page: its heading, every section, and the threshold names
 * its rule uses */
static void
test_explain_each (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { CxCheckId check; const char *threshold; } thresholds[] = {
    { CX_CHECK_UNSUSTAINABLE_WOW, "wow-drop" },
    { CX_CHECK_OVER_PROMISE, "expectation-gap" },
    { CX_CHECK_UNRECOVERED_FAILURE, "rpn" },
    { CX_CHECK_WEAK_LINK, "weak-link" },
    { CX_CHECK_HAND_OFF_DROP, "hand-off-drop" },
    { CX_CHECK_SILENT_FAILURE, "silent-detection" },
    { CX_CHECK_PREVENT_NOT_RECOVER, "prevent-severity" },
  };

  for (guint c = 0; c < CX_N_CHECKS; c++)
    {
      const CxCheckInfo *info = cx_check_info (c);
      g_autofree char *heading = g_strdup_printf ("%s %s (", info->id, info->name);
      g_autofree char *lower = g_ascii_strdown (info->id, -1);

      run (f, "explain", lower, NULL);
      g_assert_cmpint (f->status, ==, 0);
      g_assert_true (g_str_has_prefix (f->out, heading));
      g_assert_nonnull (strstr (f->out, "\nWhat it looks for, exactly:\n  "));
      g_assert_nonnull (strstr (f->out, "\nWhy it matters:\n  "));
      g_assert_nonnull (strstr (f->out, "\nWhere the idea comes from:\n  "));
      g_assert_nonnull (strstr (f->out, "\nHow a plan answers it:\n  "));

      /* wrapped at 78 columns */
      for (const char *line = f->out; *line != '\0'; )
        {
          const char *end = strchr (line, '\n');

          g_assert_nonnull (end);
          g_assert_cmpint (g_utf8_strlen (line, end - line), <=, 78);
          line = end + 1;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      CxCheckExplanation texts;

      cx_check_explain (thresholds[i].check, &texts);
      g_assert_nonnull (strstr (texts.rule, thresholds[i].threshold));
    }
}

/* The sources the texts must name */
static void
test_explain_sources (void)
{
  static const struct { CxCheckId check; const char *names[3]; } sources[] = {
    { CX_CHECK_PEAK_END, { "Kahneman", "Redelmeier", NULL } },
    { CX_CHECK_NEGATIVE_ENDING, { "Kahneman", "Redelmeier", NULL } },
    { CX_CHECK_MOMENT_OF_TRUTH_SHORTFALL, { "Carlzon", "Normann", NULL } },
    { CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH, { "Carlzon", "Normann", "FMEA" } },
    { CX_CHECK_ASSUMED_MOMENT, { "Zeithaml", "Parasuraman", "Berry" } },
    { CX_CHECK_OVER_PROMISE, { "Zeithaml", "Parasuraman", "Berry" } },
    { CX_CHECK_DOUBLE_DEVIATION, { "Bitner", "Booms", "Tetreault" } },
    { CX_CHECK_SILENT_FAILURE, { "FMEA", NULL, NULL } },
    { CX_CHECK_UNRECOVERED_FAILURE, { "FMEA", NULL, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      CxCheckExplanation texts;

      cx_check_explain (sources[i].check, &texts);
      for (guint n = 0; n < 3 && sources[i].names[n] != NULL; n++)
        g_assert_nonnull (strstr (texts.source, sources[i].names[n]));
    }

  /* Every text is there, a summary is one sentence, every answer says
   * when accepting is right (or that it is not possible) */
  for (guint c = 0; c < CX_N_CHECKS; c++)
    {
      CxCheckExplanation texts;

      cx_check_explain (c, &texts);
      g_assert_true (texts.summary[0] != '\0' && texts.rule[0] != '\0' &&
                     texts.why[0] != '\0' && texts.source[0] != '\0' &&
                     texts.answer[0] != '\0');
      g_assert_true (g_str_has_suffix (texts.summary, "."));
      g_assert_null (strchr (texts.summary, '\n'));
      g_assert_true (strstr (texts.answer, "ccept") != NULL);
    }
}

static void
test_explain_errors (Fixture       *f,
                     gconstpointer  data)
{
  run (f, "explain", "CX023", NULL);
  g_assert_cmpint (f->status, ==, 64);
  g_assert_cmpstr (f->out, ==, "");
  /* (quotes are “” in a UTF-8 locale; the tool runs in C here) */
  g_assert_nonnull (strstr (f->err, "unknown check "));
  g_assert_nonnull (strstr (f->err, "CX023"));
  g_assert_nonnull (strstr (f->err, "the checks are CX001 to CX022"));

  run (f, "explain", "peak-end", NULL);
  g_assert_cmpint (f->status, ==, 64);
  g_assert_nonnull (strstr (f->err, "unknown check"));

  run (f, "explain", "CX012", "CX013", NULL);
  g_assert_cmpint (f->status, ==, 64);
  g_assert_nonnull (strstr (f->err, "one check id at most"));

  run (f, "explain", "--nonsense", NULL);
  g_assert_cmpint (f->status, ==, 64);

  run (f, "check", "--format=xml", "x.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 64);
  g_assert_nonnull (strstr (f->err, "use text, json or sarif"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/tool/accept/text", test_text_hides_accepted);
  ADD ("/tool/accept/show-accepted", test_text_show_accepted);
  ADD ("/tool/accept/fail-on", test_fail_on_ignores_accepted);
  ADD ("/tool/accept/json", test_json_accepted);
  ADD ("/tool/sarif/shape", test_sarif);
  ADD ("/tool/explain/list", test_explain_list);
  ADD ("/tool/explain/each", test_explain_each);
  ADD ("/tool/explain/errors", test_explain_errors);
#undef ADD
  g_test_add_func ("/tool/explain/sources", test_explain_sources);

  return g_test_run ();
}
