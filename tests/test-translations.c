/* test-translations.c — cxplan-tool in another language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built tool with LANGUAGE and LANG of the language the test is
 * for (CX_TEST_LANGUAGE, CX_TEST_LOCALE) against the catalogues of the
 * build tree (CXPLAN_LOCALEDIR), and checks that what it says is that
 * language's, from the same catalogue read here, while what programs read
 * (the check ids, the severity keyword of the text form, the JSON keys and
 * values) stays as in every language. Without po/LANG.po in the source tree
 * the program reports a skip (a TAP plan of nothing: meson reads an exit
 * status of 77 from a TAP test as an error).
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cx-model.h"
#include "cx-plan-io.h"

#ifndef CXPLAN_TOOL
#error "CXPLAN_TOOL must name the built cxplan-tool"
#endif

static const char *language;
static const char *test_locale;
static const char *localedir;
static char *samples_dir;

#define SAMPLE "team-gear-store.cxplan"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Output;

static void
output_clear (Output *o)
{
  g_clear_pointer (&o->out, g_free);
  g_clear_pointer (&o->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Output, output_clear)

/* Runs the tool in the samples' folder, in @lang_locale (or in C when it is
 * NULL), with the arguments up to a NULL */
static void
run_tool (Output     *o,
          const char *lang_locale,
          const char *first_arg,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) CXPLAN_TOOL);
  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, samples_dir);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_setenv (launcher, "CXPLAN_LOCALEDIR", localedir, TRUE);
  if (lang_locale != NULL)
    {
      /* What a user of that language has: LC_ALL would override LANG */
      g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
      g_subprocess_launcher_setenv (launcher, "LANG", lang_locale, TRUE);
    }
  else
    {
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
      g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &o->out, &o->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  o->status = g_subprocess_get_exit_status (process);
}

/* The catalogue's translation of @msgid, asserted to be one */
static const char *translated (const char *msgid) G_GNUC_FORMAT (1);

static const char *
translated (const char *msgid)
{
  const char *text = g_dgettext (GETTEXT_PACKAGE, msgid);

  if (text == msgid || g_str_equal (text, msgid))
    g_error ("“%s” has no %s translation in %s", msgid, language, localedir);

  return text;
}

/* @text with every run of white space made one space, for wrapped text */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_strstrip (g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL));
}

/* ------------------------------------------------------------------ */

/* `check` in text form: the finding's message in the language, its line
 * and check id and the severity keyword as in C, the summary counted in
 * the language's plural */
static void
test_check_text (void)
{
  g_auto(Output) c = { NULL, NULL, 0 };
  g_auto(Output) o = { NULL, NULL, 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) c_lines = NULL;
  g_autoptr(GRegex) form = NULL;
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  g_autofree char *warnings = NULL;
  guint n_warnings = 0;

  run_tool (&c, NULL, "check", SAMPLE, NULL);
  run_tool (&o, test_locale, "check", SAMPLE, NULL);

  g_assert_cmpint (o.status, ==, c.status);
  g_assert_cmpstr (o.out, !=, c.out);

  /* Step stock-check promises 4 and delivers 2 */
  message = g_strdup_printf (translated ("step '%s' promises level %d but delivers %d (gap %d)"),
                             "Check stock on the store's website", 4, 2, 2);
  line = g_strdup_printf (SAMPLE ":53: warning: %s [CX002]\n", message);
  g_assert_nonnull (strstr (o.out, line));
  if (g_str_equal (language, "de"))
    g_assert_nonnull (strstr (o.out, ":53: warning: Der Schritt „Check stock on the store's "
                                     "website“ verspricht Niveau 4, liefert aber 2 (Lücke 2) "
                                     "[CX002]\n"));

  /* Every line as an editor parses it, with the places, severities and
   * ids of C's, and only the message in other words */
  form = g_regex_new ("^(" SAMPLE ":[0-9]+: (error|warning|info): )(.+)( \\[CX[0-9]{3}\\])$",
                      0, 0, NULL);
  lines = g_strsplit (g_strchomp (o.out), "\n", -1);
  c_lines = g_strsplit (g_strchomp (c.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length (c_lines));
  g_assert_cmpuint (g_strv_length (lines), >, 10);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GMatchInfo) c_match = NULL;
      g_autofree char *head = NULL, *c_head = NULL;
      g_autofree char *text = NULL, *c_text = NULL;
      g_autofree char *id = NULL, *c_id = NULL;

      g_assert_true (g_regex_match (form, lines[i], 0, &match));
      g_assert_true (g_regex_match (form, c_lines[i], 0, &c_match));
      head = g_match_info_fetch (match, 1);
      c_head = g_match_info_fetch (c_match, 1);
      text = g_match_info_fetch (match, 3);
      c_text = g_match_info_fetch (c_match, 3);
      id = g_match_info_fetch (match, 4);
      c_id = g_match_info_fetch (c_match, 4);
      g_assert_cmpstr (head, ==, c_head);
      g_assert_cmpstr (id, ==, c_id);
      g_assert_cmpstr (text, !=, c_text);
      if (strstr (head, ": warning: ") != NULL)
        n_warnings++;
    }

  /* The summary on standard error */
  g_assert_cmpuint (n_warnings, >, 1);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           n_warnings), n_warnings);
  g_assert_nonnull (strstr (o.err, warnings));
  g_assert_null (strstr (o.err, "warnings"));
  if (g_str_equal (language, "de"))
    g_assert_nonnull (strstr (o.err, " Warnungen, "));
}

/* The members of @node, an object, in order, with a "=" and the value for
 * each but the message; and the message in *message */
static char *
finding_shape (JsonNode    *node,
               const char **message)
{
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GString) shape = g_string_new (NULL);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      g_string_append_printf (shape, "%s=", (const char *) l->data);
      if (g_str_equal (l->data, "message"))
        *message = json_node_get_string (value);
      else if (JSON_NODE_HOLDS_VALUE (value))
        {
          g_autofree char *text = json_to_string (value, FALSE);

          g_string_append (shape, text);
        }
      g_string_append_c (shape, ';');
    }

  return g_string_free (g_steal_pointer (&shape), FALSE);
}

/* `check --format=json`: the same document as in C but for the messages */
static void
test_check_json (void)
{
  g_auto(Output) c = { NULL, NULL, 0 };
  g_auto(Output) o = { NULL, NULL, 0 };
  g_autoptr(JsonParser) c_parser = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *c_findings, *findings;
  g_autofree char *message = NULL;
  gboolean seen = FALSE;

  run_tool (&c, NULL, "check", "--format=json", SAMPLE, NULL);
  run_tool (&o, test_locale, "check", "--format=json", SAMPLE, NULL);
  g_assert_cmpint (o.status, ==, c.status);

  json_parser_load_from_data (c_parser, c.out, -1, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, o.out, -1, &error);
  g_assert_no_error (error);

  c_findings = json_object_get_array_member (
      json_array_get_object_element (json_node_get_array (json_parser_get_root (c_parser)), 0),
      "findings");
  findings = json_object_get_array_member (
      json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0),
      "findings");
  g_assert_nonnull (findings);
  g_assert_cmpuint (json_array_get_length (findings), ==, json_array_get_length (c_findings));
  g_assert_cmpuint (json_array_get_length (findings), >, 10);

  message = g_strdup_printf (translated ("step '%s' promises level %d but delivers %d (gap %d)"),
                             "Check stock on the store's website", 4, 2, 2);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      const char *c_text = NULL, *text = NULL;
      g_autofree char *c_shape = finding_shape (json_array_get_element (c_findings, i), &c_text);
      g_autofree char *shape = finding_shape (json_array_get_element (findings, i), &text);

      /* Keys, check ids and names, severities, lines, refs: as in C */
      g_assert_cmpstr (shape, ==, c_shape);
      g_assert_true (g_regex_match_simple ("severity=\"(error|warning|info)\";", shape, 0, 0));
      g_assert_cmpstr (text, !=, c_text);
      if (g_str_equal (text, message))
        {
          g_assert_nonnull (strstr (shape, "check=\"CX002\";name=\"over-promise\";"));
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

/* `explain CX001`: the headings and texts in the language, its id, name and
 * severity as in C */
static void
test_explain (void)
{
  g_auto(Output) c = { NULL, NULL, 0 };
  g_auto(Output) o = { NULL, NULL, 0 };
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  static const char *const headings[] = {
    "What it looks for, exactly:", "Why it matters:", "Where the idea comes from:",
    "How a plan answers it:",
  };

  run_tool (&c, NULL, "explain", "CX001", NULL);
  run_tool (&o, test_locale, "explain", "CX001", NULL);
  g_assert_cmpint (o.status, ==, 0);

  g_assert_true (g_str_has_prefix (o.out, "CX001 unsustainable-wow (warning)\n"));
  g_assert_true (g_str_has_prefix (c.out, "CX001 unsustainable-wow (warning)\n"));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *heading = g_strdup_printf ("\n%s\n", translated (headings[i]));

      g_assert_nonnull (strstr (o.out, heading));
      g_assert_null (strstr (o.out, headings[i]));
    }

  text = squeeze (o.out);
  summary = squeeze (translated ("A designed wow moment that the rest of the journey cannot "
                                 "live up to."));
  g_assert_nonnull (strstr (text, summary));
  if (g_str_equal (language, "de"))
    {
      g_assert_nonnull (strstr (o.out, "\nWonach sie genau sucht:\n"));
      g_assert_nonnull (strstr (text, "Ein gestalteter Wow-Moment, dem der Rest der Reise "
                                      "nicht gerecht werden kann."));
    }
}

/* `new --template`: the plan starts in the language, its title, persona,
 * lanes, steps and owners from the catalogue */
static void
test_new_from_template (void)
{
  g_auto(Output) o = { NULL, NULL, 0 };
  g_autofree char *dir = g_dir_make_tmp ("cx-translations-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "visit.cxplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  CxStep *step;

  run_tool (&o, test_locale, "new", "-o", path, "--template", "retail-visit", NULL);
  g_assert_cmpint (o.status, ==, 0);
  plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);

  g_assert_cmpstr (cx_plan_get_title (plan), ==, translated ("A visit to our store"));
  g_assert_cmpstr (cx_persona_get_name (cx_plan_get_persona (plan, 0)), ==,
                   translated ("Shopper"));
  g_assert_cmpstr (cx_lane_get_name (cx_plan_get_lane (plan, 0)), ==,
                   translated ("Customer actions"));
  g_assert_cmpstr (cx_lane_get_name (cx_plan_get_lane (plan, 2)), ==,
                   translated ("Frontstage: staff on the shop floor"));
  step = cx_plan_get_step (plan, CX_PHASE_BEFORE, 0);
  g_assert_cmpstr (cx_step_get_title (step), ==,
                   translated ("Find the store and its opening hours"));
  /* (German keeps "Marketing": no translation asserted) */
  g_assert_cmpstr (cx_step_get_owner (step), ==, g_dgettext (GETTEXT_PACKAGE, "Marketing"));
  step = cx_plan_get_step (plan, CX_PHASE_RECOVERY, 0);
  g_assert_cmpstr (cx_step_get_owner (step), ==, translated ("Store manager"));
  if (g_str_equal (language, "de"))
    g_assert_cmpstr (cx_plan_get_title (plan), ==, "Ein Besuch in unserem Geschäft");
}

/* The desktop file and the metainfo this build merged carry the language */
static void
test_desktop_and_metainfo (void)
{
  const char *data_dir = g_getenv ("CX_BUILD_DATADIR");
  g_autofree char *desktop_path = NULL;
  g_autofree char *metainfo_path = NULL;
  g_autofree char *metainfo = NULL;
  g_autofree char *key = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (data_dir);
  desktop_path = g_build_filename (data_dir, "io.github.cxplan.Planner.desktop", NULL);
  metainfo_path = g_build_filename (data_dir, "io.github.cxplan.Planner.metainfo.xml", NULL);

  g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  /* The key of the language itself, not a fallback to the untranslated */
  key = g_strdup_printf ("Comment[%s]", language);
  comment = g_key_file_get_string (desktop, G_KEY_FILE_DESKTOP_GROUP, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==,
                   translated ("Map a customer journey and check it for design problems"));

  g_file_get_contents (metainfo_path, &metainfo, NULL, &error);
  g_assert_no_error (error);
  escaped = g_markup_escape_text (translated ("Map a customer journey and check it for design "
                                              "problems"), -1);
  summary = g_strdup_printf ("<summary xml:lang=\"%s\">%s</summary>", language, escaped);
  g_assert_nonnull (strstr (metainfo, summary));
}

/* A wrong command line: the message in the language, the exit status 64 */
static void
test_usage_error (void)
{
  g_auto(Output) o = { NULL, NULL, 0 };
  g_autofree char *message = NULL;

  run_tool (&o, test_locale, "frobnicate", NULL);
  g_assert_cmpint (o.status, ==, 64);
  message = g_strdup_printf (translated ("unknown command “%s”"), "frobnicate");
  g_assert_nonnull (strstr (o.err, message));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  int status;

  language = g_getenv ("CX_TEST_LANGUAGE");
  test_locale = g_getenv ("CX_TEST_LOCALE");
  localedir = g_getenv ("CXPLAN_LOCALEDIR");
  g_assert_nonnull (language);
  g_assert_nonnull (test_locale);
  g_assert_nonnull (localedir);
  g_assert_nonnull (g_getenv ("CX_SOURCE_ROOT"));

  po = g_strdup_printf ("%s/po/%s.po", g_getenv ("CX_SOURCE_ROOT"), language);
  if (!g_file_test (po, G_FILE_TEST_EXISTS))
    {
      g_print ("1..0 # SKIP po/%s.po is not in the tree yet: its translation makes this run\n",
               language);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  /* The language's own catalogue and locale: missing, the test fails */
  mo = g_build_filename (localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s was not built", mo);
  if (setlocale (LC_ALL, test_locale) == NULL)
    g_error ("the locale %s is not installed (build-aux/dev.sh installs locales-all)",
             test_locale);
  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  samples_dir = g_build_filename (g_getenv ("CX_SOURCE_ROOT"), "data", "samples", NULL);

  g_test_add_func ("/translations/check-text", test_check_text);
  g_test_add_func ("/translations/check-json", test_check_json);
  g_test_add_func ("/translations/explain", test_explain);
  g_test_add_func ("/translations/new-from-template", test_new_from_template);
  g_test_add_func ("/translations/desktop-and-metainfo", test_desktop_and_metainfo);
  g_test_add_func ("/translations/usage-error", test_usage_error);

  status = g_test_run ();
  g_free (samples_dir);

  return status;
}
