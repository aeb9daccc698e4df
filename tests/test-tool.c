/* test-tool.c — cxplan-tool end to end: output, JSON, exit codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cx-test-tool-util.h"

static const char plan_with_findings[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\">\n"
  "  <title>Store</title>\n"
  "  <lanes/>\n"
  "  <phases>\n"
  "    <phase kind=\"before\">\n"
  "      <step id=\"call\" owner=\"Staff\">\n"
  "        <title>Call the store</title>\n"
  "        <expected level=\"4\"/>\n"
  "        <delivered level=\"2\"/>\n"
  "        <failure id=\"voicemail\" severity=\"9\" occurrence=\"2\" detection=\"2\">\n"
  "          <mode>Calls go to voicemail</mode>\n"
  "        </failure>\n"
  "      </step>\n"
  "    </phase>\n"
  "    <phase kind=\"during\">\n"
  "      <step id=\"welcome\" owner=\"Staff\" wow=\"true\">\n"
  "        <title>Greeted by name at the door</title>\n"
  "        <expected level=\"3\"/>\n"
  "        <delivered level=\"5\"/>\n"
  "      </step>\n"
  "      <step id=\"pay\" owner=\"Staff\" persona=\"ghost\">\n"
  "        <title>Pay at the till</title>\n"
  "        <expected level=\"3\"/>\n"
  "        <delivered level=\"2\"/>\n"
  "      </step>\n"
  "    </phase>\n"
  "    <phase kind=\"after\">\n"
  "      <step id=\"home\" owner=\"Staff\">\n"
  "        <title>Home \"again\"</title>\n"
  "        <expected level=\"3\"/>\n"
  "        <delivered level=\"3\"/>\n"
  "      </step>\n"
  "    </phase>\n"
  "    <phase kind=\"recovery\"/>\n"
  "  </phases>\n"
  "</cxplan>\n";

/* Only info findings: an unowned step, and nothing worse */
static const char plan_info_only[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\">\n"
  "  <title>Quiet</title>\n"
  "  <lanes/>\n"
  "  <phases>\n"
  "    <phase kind=\"before\">\n"
  "      <step id=\"a\"><title>A</title><expected level=\"3\"/><delivered level=\"3\"/></step>\n"
  "    </phase>\n"
  "    <phase kind=\"during\">\n"
  "      <step id=\"b\" owner=\"X\"><title>B</title><expected level=\"3\"/>"
  "<delivered level=\"3\"/></step>\n"
  "    </phase>\n"
  "    <phase kind=\"after\">\n"
  "      <step id=\"c\" owner=\"X\"><title>C</title><expected level=\"3\"/>"
  "<delivered level=\"3\"/></step>\n"
  "    </phase>\n"
  "    <phase kind=\"recovery\"/>\n"
  "  </phases>\n"
  "</cxplan>\n";

static const char refused_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\">\n"
  "  <title>Bad</title>\n"
  "  <lanes/>\n"
  "  <phases>\n"
  "    <phase kind=\"before\">\n"
  "      <step id=\"a\"><title>A</title><expected level=\"9\"/></step>\n"
  "    </phase>\n"
  "  </phases>\n"
  "</cxplan>\n";

static void
test_check_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = put_file (f, "store.cxplan", plan_with_findings);
  g_auto(GStrv) lines = NULL;

  run (f, "check", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);   /* a CX008 error */

  lines = g_strsplit (f->out, "\n", -1);
  /* in document order: CX002 on line 7, CX003 and CX020 on 11, CX001 on 17,
   * CX008 on 22, CX004 on 35 (failures, but no recovery) */
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[0], ==,
                   "store.cxplan:7: warning: step 'Call the store' promises level 4 but "
                   "delivers 2 (gap 2) [CX002]");
  g_assert_true (g_str_has_prefix (lines[1], "store.cxplan:11: warning: "));
  g_assert_true (g_str_has_suffix (lines[1], " [CX003]"));
  g_assert_cmpstr (lines[2], ==,
                   "store.cxplan:11: info: failure 'Calls go to voicemail' (severity 9, "
                   "occurrence 2) is too severe for a recovery to mend: make it rarer [CX020]");
  g_assert_cmpstr (lines[3], ==,
                   "store.cxplan:17: warning: wow moment 'Greeted by name at the door' (level 5) "
                   "sets a bar that 2 later steps miss: 'Pay at the till' (2), "
                   "'Home \"again\"' (3) [CX001]");
  g_assert_true (g_str_has_prefix (lines[4], "store.cxplan:22: error: "));
  g_assert_true (g_str_has_suffix (lines[4], " [CX008]"));
  g_assert_true (g_str_has_prefix (lines[5], "store.cxplan:35: warning: "));
  g_assert_true (g_str_has_suffix (lines[5], " [CX004]"));
  g_assert_cmpstr (lines[6], ==, "");

  g_assert_cmpstr (f->err, ==, "store.cxplan: 1 error, 4 warnings, 1 info\n");
}

static void
test_check_json (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = put_file (f, "store.cxplan", plan_with_findings);
  g_autofree char *quiet = put_file (f, "quiet.cxplan", plan_info_only);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *files, *findings;
  JsonObject *finding;

  run (f, "check", "--format=json", "store.cxplan", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_cmpstr (f->err, ==, "");

  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  files = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (files), ==, 2);

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 0), "file"),
                   ==, "store.cxplan");
  findings = json_object_get_array_member (json_array_get_object_element (files, 0), "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 6);
  finding = json_array_get_object_element (findings, 5);
  g_assert_cmpstr (json_object_get_string_member (finding, "check"), ==, "CX004");
  g_assert_true (json_object_get_null_member (finding, "step"));
  g_assert_cmpint (json_object_get_int_member (finding, "line"), ==, 35);

  /* the failure: step and failure named */
  finding = json_array_get_object_element (findings, 1);
  g_assert_cmpstr (json_object_get_string_member (finding, "check"), ==, "CX003");
  g_assert_cmpstr (json_object_get_string_member (finding, "name"), ==, "unrecovered-failure");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "warning");
  g_assert_cmpint (json_object_get_int_member (finding, "line"), ==, 11);
  g_assert_cmpstr (json_object_get_string_member (finding, "step"), ==, "call");
  g_assert_cmpstr (json_object_get_string_member (finding, "failure"), ==, "voicemail");

  /* the wow: a quote in a title survives JSON escaping */
  finding = json_array_get_object_element (findings, 3);
  g_assert_cmpstr (json_object_get_string_member (finding, "check"), ==, "CX001");
  g_assert_true (json_object_get_null_member (finding, "failure"));
  g_assert_nonnull (strstr (json_object_get_string_member (finding, "message"),
                            "'Home \"again\"' (3)"));
  g_assert_null (strstr (json_object_get_string_member (finding, "message"), "[CX001]"));

  /* an unowned step, and an empty recovery phase in a plan with no failure */
  findings = json_object_get_array_member (json_array_get_object_element (files, 1), "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 2);
  finding = json_array_get_object_element (findings, 1);
  g_assert_cmpstr (json_object_get_string_member (finding, "check"), ==, "CX004");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "info");
  g_assert_true (json_object_get_null_member (finding, "step"));
  finding = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "check"), ==, "CX005");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "info");
  g_assert_cmpstr (json_object_get_string_member (finding, "step"), ==, "a");
}

static void
test_check_fail_on (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *quiet = put_file (f, "quiet.cxplan", plan_info_only);

  run (f, "check", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "check", "--fail-on=warning", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "check", "--fail-on=info", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);
  run (f, "check", "--fail-on", "never", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
}

static void
test_check_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *bad = put_file (f, "bad.cxplan", refused_plan);
  g_autofree char *quiet = put_file (f, "quiet.cxplan", plan_info_only);

  run (f, "check", "bad.cxplan", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "bad.cxplan:7: error: "));
  g_assert_nonnull (strstr (f->err, "out of range"));
  /* the other file is still checked */
  g_assert_true (g_str_has_prefix (f->out, "quiet.cxplan:7: info: "));

  run (f, "check", "missing.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "missing.cxplan:0: error: "));
}

/* Every file of the refused corpus: exit 2 and FILE:LINE: error: WHAT,
 * whatever the tool is asked to do with it */
static void
test_refuses_bad_corpus (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *bad_dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (bad_dir, 0, NULL);
  g_autoptr(GRegex) shape = g_regex_new ("^[^:]+\\.cxplan:[0-9]+: error: \\S.*\n$", 0, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".cxplan"))
        continue;
      path = g_build_filename (bad_dir, name, NULL);

      run (f, "check", "--format=json", path, NULL);
      g_assert_cmpint (f->status, ==, 2);
      g_assert_true (g_regex_match (shape, f->err, 0, NULL));
      g_assert_null (strstr (f->err, "root:x:0:0"));
      g_assert_cmpstr (f->out, ==, "[]\n");

      run (f, "fmt", "--check", path, NULL);
      g_assert_cmpint (f->status, ==, 2);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 50);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *quiet = put_file (f, "quiet.cxplan", plan_info_only);

  run (f, NULL, NULL);
  g_assert_cmpint (f->status, ==, 64);
  run (f, "frobnicate", NULL);
  g_assert_cmpint (f->status, ==, 64);
  run (f, "check", NULL);
  g_assert_cmpint (f->status, ==, 64);
  run (f, "check", "--format=xml", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 64);
  run (f, "check", "--fail-on=sometimes", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 64);
  run (f, "check", "--no-such-option", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 64);
  g_assert_nonnull (strstr (f->err, "--help"));
  run (f, "fmt", NULL);
  g_assert_cmpint (f->status, ==, 64);
  run (f, "new", NULL);
  g_assert_cmpint (f->status, ==, 64);

  run (f, "--help", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Usage:"));
  run (f, "--version", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "cxplan-tool " PACKAGE_VERSION));
}

/* export runs a helper of its own, which alone loads cairo and pango; the
 * other commands start without them */
static void
test_export_helper (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *quiet = put_file (f, "quiet.cxplan", plan_info_only);
  g_autofree char *map = g_build_filename (f->dir, "map.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *suppressions = g_test_build_filename (G_TEST_DIST, "gui", "lsan.supp", NULL);
  g_autofree char *lsan = g_strconcat ("suppressions=", suppressions, NULL);

  /* In the sanitizer build: fontconfig keeps its cache for the life of
   * the process, which LeakSanitizer would take for a leak */
  g_setenv ("LSAN_OPTIONS", lsan, TRUE);
  run (f, "export", "quiet.cxplan", "-o", "map.svg", NULL);
  g_unsetenv ("LSAN_OPTIONS");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (map, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));

  /* its own usage errors, under its command's name */
  run (f, "export", "quiet.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 64);
  g_assert_nonnull (strstr (f->err, "export needs -o OUT"));

  /* a helper that is not there: said, with its path, and exit status 2 */
  g_setenv ("CXPLAN_LIBEXECDIR", f->dir, TRUE);
  run (f, "export", "quiet.cxplan", "-o", "map.png", NULL);
  g_unsetenv ("CXPLAN_LIBEXECDIR");
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "cannot run the map exporter"));
  g_assert_nonnull (strstr (f->err, "cxplan-tool-export"));

  /* glibc's loader lists what a check loads */
  g_setenv ("LD_DEBUG", "libs", TRUE);
  run (f, "check", "quiet.cxplan", NULL);
  g_unsetenv ("LD_DEBUG");
  if (strstr (f->err, "libglib-2.0") != NULL)
    {
      g_assert_null (strstr (f->err, "libcairo"));
      g_assert_null (strstr (f->err, "libpango"));
    }
}

static void
test_fmt (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = put_file (f, "store.cxplan", plan_info_only);
  g_autofree char *bad = put_file (f, "bad.cxplan", refused_plan);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *bad_after = NULL;

  run (f, "fmt", "--check", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_cmpstr (f->out, ==, "store.cxplan\n");

  run (f, "fmt", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_nonnull (strstr (first, "\n      <step id=\"a\">\n        <title>A</title>\n"));

  run (f, "fmt", "--check", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "");

  run (f, "fmt", "store.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  /* a refused file is left alone */
  run (f, "fmt", "bad.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "bad.cxplan:7: error: "));
  g_assert_true (g_file_get_contents (bad, &bad_after, NULL, NULL));
  g_assert_cmpstr (bad_after, ==, refused_plan);
}

static const char plan_with_extension[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<cxplan xmlns=\"urn:cxplan:plan:1\" xmlns:x=\"urn:x\" version=\"1.0\">"
  "<title>Ext</title>"
  "<x:board x:size=\"A3\"><x:pin at=\"1\">keep me</x:pin></x:board>"
  "<lanes x:order=\"2\"/>"
  "<phases><phase kind=\"before\"/><phase kind=\"during\"/><phase kind=\"after\"/>"
  "<phase kind=\"recovery\"/></phases></cxplan>\n";

static void
test_fmt_keeps_foreign (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = put_file (f, "ext.cxplan", plan_with_extension);
  g_autofree char *after = NULL;

  run (f, "fmt", "ext.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "  <title>Ext</title>\n"
                                   "  <x:board x:size=\"A3\">\n"
                                   "    <x:pin at=\"1\">keep me</x:pin>\n"
                                   "  </x:board>\n"
                                   "  <lanes x:order=\"2\"/>\n"));

  run (f, "fmt", "--check", "ext.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
}

static void
test_new (Fixture       *f,
          gconstpointer  data)
{
  run (f, "new", "-o", "blank.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "check", "--fail-on=warning", "blank.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 1);   /* empty phases are warnings */
  run (f, "fmt", "--check", "blank.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);

  /* never over an existing file unless asked */
  run (f, "new", "-o", "blank.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "new", "--force", "-o", "blank.cxplan", "--title", "Fresh", NULL);
  g_assert_cmpint (f->status, ==, 0);

  run (f, "new", "--list-templates", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "retail-visit\n"));

  run (f, "new", "-o", "retail.cxplan", "--template", "retail-visit", NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "check", "--fail-on=never", "retail.cxplan", NULL);
  g_assert_cmpint (f->status, ==, 0);

  run (f, "new", "-o", "x.cxplan", "--template", "no-such-template", NULL);
  g_assert_cmpint (f->status, ==, 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/tool/check/text", test_check_text);
  ADD ("/tool/check/json", test_check_json);
  ADD ("/tool/check/fail-on", test_check_fail_on);
  ADD ("/tool/check/refused", test_check_refused);
  ADD ("/tool/check/bad-corpus", test_refuses_bad_corpus);
  ADD ("/tool/usage", test_usage_errors);
  ADD ("/tool/export/helper", test_export_helper);
  ADD ("/tool/fmt/canonical", test_fmt);
  ADD ("/tool/fmt/foreign", test_fmt_keeps_foreign);
  ADD ("/tool/new", test_new);
#undef ADD

  return g_test_run ();
}
