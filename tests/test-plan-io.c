/* test-plan-io.c — reading and writing .cxplan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdlib.h>

#include <glib/gstdio.h>

#include "cx-check.h"
#include "cx-format.h"
#include "cx-model.h"
#include "cx-plan-io.h"

static CxPlan *
read_string (const char *xml)
{
  g_autoptr(GError) error = NULL;
  CxPlan *plan = cx_plan_read_from_data (xml, strlen (xml), "test.cxplan", NULL, NULL, NULL,
                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static char *
write_string (CxPlan *plan)
{
  g_autoptr(GBytes) bytes = cx_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every .cxplan file of a folder of the source tree */
static GPtrArray *
list_plans (const char *first_part,
            ...)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  va_list args;

  va_start (args, first_part);
  dir_path = g_build_filename_valist (first_part, &args);
  va_end (args);

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return paths;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, CX_FILE_SUFFIX))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);

  return paths;
}

static const char *
source_root (void)
{
  static char *root = NULL;

  if (root == NULL)
    root = g_canonicalize_filename (g_test_get_filename (G_TEST_DIST, "..", NULL), NULL);
  return root;
}

/* The bundled plans: samples and templates */
static GPtrArray *
bundled_plans (void)
{
  g_autoptr(GPtrArray) samples = list_plans (source_root (), "data", "samples", NULL);
  g_autoptr(GPtrArray) templates = list_plans (source_root (), "data", "templates", NULL);
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < samples->len; i++)
    g_ptr_array_add (all, g_strdup (g_ptr_array_index (samples, i)));
  for (guint i = 0; i < templates->len; i++)
    g_ptr_array_add (all, g_strdup (g_ptr_array_index (templates, i)));

  return all;
}

/* Read, write, read: the same plan; write again: the same bytes */
static void
assert_round_trip (const char *data,
                   gsize       length,
                   gboolean    expect_canonical)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) first = NULL;
  g_autoptr(CxPlan) second = NULL;
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;

  first = cx_plan_read_from_data (data, length, "first", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  once = cx_plan_to_bytes (first);

  second = cx_plan_read_from_data (g_bytes_get_data (once, NULL), g_bytes_get_size (once),
                                   "second", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cx_plan_equal (first, second));

  twice = cx_plan_to_bytes (second);
  g_assert_cmpmem (g_bytes_get_data (once, NULL), g_bytes_get_size (once),
                   g_bytes_get_data (twice, NULL), g_bytes_get_size (twice));

  if (expect_canonical)
    g_assert_cmpmem (data, length, g_bytes_get_data (once, NULL), g_bytes_get_size (once));
}

static void
test_bundled_round_trip (void)
{
  g_autoptr(GPtrArray) paths = bundled_plans ();

  g_assert_cmpuint (paths->len, >=, 6);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("%s", path);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      /* bundled plans are kept in canonical form, so fmt leaves them alone */
      assert_round_trip (contents, length, TRUE);
    }
}

static void
test_good_round_trip (void)
{
  g_autoptr(GPtrArray) paths = list_plans (source_root (), "tests", "data", "good", NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("%s", path);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      assert_round_trip (contents, length, FALSE);
    }
}

/* A 1.0 file and a 1.1 file, both canonical, are written back byte for
 * byte, each with its own version */
static void
test_versions_round_trip (void)
{
  static const char *const names[] = { "reference.cxplan", "accepts.cxplan" };
  static const char *const versions[] = { "version=\"1.0\"", "version=\"1.1\"" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (source_root (), "tests", "data", "good",
                                                names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_nonnull (strstr (contents, versions[i]));
      assert_round_trip (contents, length, TRUE);
    }
}

#define PLAN_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\">\n"
#define EMPTY_BODY \
  "  <lanes/>\n" \
  "  <phases>\n" \
  "    <phase kind=\"before\"/>\n" \
  "    <phase kind=\"during\"/>\n" \
  "    <phase kind=\"after\"/>\n" \
  "    <phase kind=\"recovery\"/>\n" \
  "  </phases>\n" \
  "</cxplan>\n"

static void
test_minimal_is_canonical (void)
{
  const char *xml = PLAN_HEAD "  <title/>\n" EMPTY_BODY;

  assert_round_trip (xml, strlen (xml), TRUE);
}

/* Text keeps its white space, its markup characters and CR; attributes
 * keep their tabs and newlines. */
static void
test_text_survives (void)
{
  const char *xml =
    PLAN_HEAD
    "  <title>  Two spaces &amp; &lt;markup&gt; \"quotes\" 'apostrophes'  </title>\n"
    "  <description>line one\n"
    "line two&#13;\n"
    "\ttabbed — ünïcödé 🙂 中文 עברית</description>\n"
    "  <lanes>\n"
    "    <lane id=\"n\" kind=\"notes\">\n"
    "      <name>Notes</name>\n"
    "    </lane>\n"
    "  </lanes>\n"
    "  <phases>\n"
    "    <phase kind=\"before\">\n"
    "      <step id=\"s\" owner=\"A &quot;team&quot;&#9;&#10;&lt;x&gt;\">\n"
    "        <title>S</title>\n"
    "        <cell lane=\"n\"> padded </cell>\n"
    "      </step>\n"
    "    </phase>\n"
    "    <phase kind=\"during\"/>\n"
    "    <phase kind=\"after\"/>\n"
    "    <phase kind=\"recovery\"/>\n"
    "  </phases>\n"
    "</cxplan>\n";
  g_autoptr(CxPlan) plan = read_string (xml);
  CxStep *step = cx_plan_get_step (plan, CX_PHASE_BEFORE, 0);

  g_assert_cmpstr (cx_plan_get_title (plan), ==,
                   "  Two spaces & <markup> \"quotes\" 'apostrophes'  ");
  g_assert_cmpstr (cx_plan_get_description (plan), ==,
                   "line one\nline two\r\n\ttabbed — ünïcödé 🙂 中文 עברית");
  g_assert_cmpstr (cx_step_get_owner (step), ==, "A \"team\"\t\n<x>");
  g_assert_cmpstr (cx_step_lookup_cell (step, "n"), ==, " padded ");

  assert_round_trip (xml, strlen (xml), TRUE);
}

/* Foreign attributes and elements stay where they stood, also in a file
 * that is not in canonical form to begin with. */
static void
test_foreign_survives (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- comments may go -->\n"
    "<cx:cxplan xmlns:cx=\"urn:cxplan:plan:1\" xmlns:ext=\"urn:example:ext\" version=\"1.0\""
    " ext:root=\"r\">\n"
    "  <ext:head a=\"1\"><ext:inner>text &amp; more</ext:inner></ext:head>\n"
    "  <cx:title ext:t=\"x\">T</cx:title>\n"
    "  <cx:lanes>\n"
    "    <cx:lane id=\"a\" kind=\"actions\" xmlns:o=\"urn:other\" o:color=\"red\">\n"
    "      <cx:name>A</cx:name>\n"
    "      <o:deep><o:deeper><o:deepest>1</o:deepest></o:deeper></o:deep>\n"
    "    </cx:lane>\n"
    "  </cx:lanes>\n"
    "  <cx:phases>\n"
    "    <cx:phase kind=\"before\">\n"
    "      <cx:step id=\"s1\" xml:lang=\"en\">\n"
    "        <cx:title>S</cx:title>\n"
    "        <ext:note>between title and cell</ext:note>\n"
    "        <cx:cell lane=\"a\">c</cx:cell>\n"
    "      </cx:step>\n"
    "    </cx:phase>\n"
    "    <cx:phase kind=\"during\"/>\n"
    "    <cx:phase kind=\"after\"/>\n"
    "    <cx:phase kind=\"recovery\"/>\n"
    "    <ext:tail/>\n"
    "  </cx:phases>\n"
    "</cx:cxplan>\n";
  g_autoptr(CxPlan) plan = read_string (xml);
  g_autofree char *out = write_string (plan);
  const char *head, *title, *note, *cell, *tail, *phases_end;

  g_assert_nonnull (strstr (out, "xmlns:ext=\"urn:example:ext\""));
  g_assert_nonnull (strstr (out, "ext:root=\"r\""));
  g_assert_nonnull (strstr (out, "<title ext:t=\"x\">T</title>"));
  g_assert_nonnull (strstr (out, "o:color=\"red\""));
  g_assert_nonnull (strstr (out, "<o:deepest>1</o:deepest>"));
  g_assert_nonnull (strstr (out, "xml:lang=\"en\""));
  g_assert_nonnull (strstr (out, "<ext:inner>text &amp; more</ext:inner>"));

  /* in their places */
  head = strstr (out, "<ext:head");
  title = strstr (out, "<title");
  note = strstr (out, "<ext:note");
  cell = strstr (out, "<cell");
  tail = strstr (out, "<ext:tail");
  phases_end = strstr (out, "</phases>");
  g_assert_true (head != NULL && title != NULL && head < title);
  g_assert_true (note != NULL && cell != NULL && strstr (out, "<title>S</title>") < note);
  g_assert_true (note < cell);
  g_assert_true (tail != NULL && tail < phases_end && tail > strstr (out, "<phase kind=\"recovery\""));

  assert_round_trip (xml, strlen (xml), FALSE);
}

/* An element in no namespace stays in no namespace, even where the file
 * had no default namespace and the written one has ours. */
/* What a 1.2 file adds beside the accepts and thresholds of 1.1 (a new
 * threshold, a new settings element, a new attribute on an accept) is
 * kept with a warning, as a 1.0 reader kept what 1.1 added */
static void
test_newer_minor_settings_kept (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.2\">\n"
    "  <title>T</title>\n"
    "  <settings>\n"
    "    <threshold name=\"hand-off-drop\" value=\"3\"/>\n"
    "    <threshold name=\"queue-minutes\" value=\"45\"/>\n"
    "    <disable check=\"CX023\"/>\n"
    "    <accept check=\"CX005\" ref=\"s\" until=\"2027-01-01\">Run by a partner</accept>\n"
    "    <accept check=\"CX024\" ref=\"s\">A check of 1.2</accept>\n"
    "    <waive check=\"CX001\"/>\n"
    "  </settings>\n"
    "  <lanes/>\n"
    "  <phases>\n"
    "    <phase kind=\"before\">\n"
    "      <step id=\"s\">\n"
    "        <title>S</title>\n"
    "      </step>\n"
    "    </phase>\n"
    "    <phase kind=\"during\"/>\n"
    "    <phase kind=\"after\"/>\n"
    "    <phase kind=\"recovery\"/>\n"
    "  </phases>\n"
    "</cxplan>\n";
  static const guint lines[] = { 2, 6, 7, 8, 9, 10 };
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *out = NULL;

  plan = cx_plan_read_from_data (xml, strlen (xml), "new.cxplan", &warnings, NULL, NULL, &error);
  g_assert_no_error (error);
  /* the version; the threshold; two checks unknown here; an attribute; an element */
  g_assert_cmpuint (warnings->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < warnings->len; i++)
    g_assert_cmpuint (((CxDiagnostic *) g_ptr_array_index (warnings, i))->line, ==, lines[i]);
  g_assert_cmpint (cx_plan_get_threshold (plan, "hand-off-drop"), ==, 3);
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 2);

  /* the accept this version knows still accepts; the other is not looked at */
  findings = cx_check_plan (plan);
  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpint (f->check, !=, CX_CHECK_STALE_ACCEPT);
      if (f->check == CX_CHECK_UNOWNED_STEP)
        g_assert_cmpstr (f->reason, ==, "Run by a partner");
    }

  out = write_string (plan);
  g_assert_cmpstr (out, ==, xml);
}

static void
test_no_namespace_kept (void)
{
  const char *xml =
    "<cx:cxplan xmlns:cx=\"urn:cxplan:plan:1\" version=\"1.0\">"
    "<cx:title>T</cx:title><cx:lanes/><cx:phases>"
    "<cx:phase kind=\"before\"><cx:step id=\"s\"><cx:title>S</cx:title>"
    "<note by=\"me\"><inner/></note></cx:step></cx:phase>"
    "<cx:phase kind=\"during\"/><cx:phase kind=\"after\"/><cx:phase kind=\"recovery\"/>"
    "</cx:phases></cx:cxplan>";
  g_autoptr(CxPlan) plan = read_string (xml);
  g_autofree char *out = write_string (plan);

  g_assert_nonnull (strstr (out, "        <note xmlns=\"\" by=\"me\">\n          <inner/>\n"));
  assert_round_trip (xml, strlen (xml), FALSE);
}

/* Namespaces that kept content takes from the known elements around it
 * are declared once, on the written root; a default namespace not ours
 * gets a prefix there (the written default is ours); an element in no
 * namespace inside kept content says so. */
static void
test_foreign_namespaces_hoisted (void)
{
  const char *xml =
    "<cx:cxplan xmlns:cx=\"urn:cxplan:plan:1\" version=\"1.0\">"
    "<cx:title>T</cx:title><cx:lanes/><cx:phases xmlns:y=\"urn:y\">"
    "<cx:phase kind=\"before\">"
    "<cx:step id=\"s\" xmlns=\"urn:d\"><cx:title>S</cx:title><y:a><plain/></y:a><y:b/></cx:step>"
    "<cx:step id=\"t\"><cx:title>T</cx:title><y:c><bare/></y:c></cx:step></cx:phase>"
    "<cx:phase kind=\"during\"/><cx:phase kind=\"after\"/><cx:phase kind=\"recovery\"/>"
    "</cx:phases></cx:cxplan>";
  g_autoptr(CxPlan) plan = read_string (xml);
  g_autofree char *out = write_string (plan);

  g_assert_nonnull (strstr (out, "<cxplan xmlns=\"urn:cxplan:plan:1\" xmlns:y=\"urn:y\" "
                                 "xmlns:ns=\"urn:d\" version=\"1.0\">\n"));
  g_assert_nonnull (strstr (out, "        <y:a>\n          <ns:plain/>\n        </y:a>\n"
                                 "        <y:b/>\n"));
  g_assert_nonnull (strstr (out, "        <y:c>\n          <bare xmlns=\"\"/>\n        </y:c>\n"));
  assert_round_trip (xml, strlen (xml), FALSE);
}

/* A file of a newer minor version keeps what this version does not know */
static void
test_newer_minor_kept (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.4\" colour-scheme=\"warm\">\n"
    "  <title>T</title>\n"
    "  <journey-goal>Buy before Sunday</journey-goal>\n"
    "  <lanes/>\n"
    "  <phases>\n"
    "    <phase kind=\"before\">\n"
    "      <step id=\"s\" effort=\"3\">\n"
    "        <title>S</title>\n"
    "        <sentiment score=\"0.4\"/>\n"
    "      </step>\n"
    "    </phase>\n"
    "    <phase kind=\"during\"/>\n"
    "    <phase kind=\"after\"/>\n"
    "    <phase kind=\"recovery\"/>\n"
    "  </phases>\n"
    "</cxplan>\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autofree char *out = NULL;

  plan = cx_plan_read_from_data (xml, strlen (xml), "new.cxplan", &warnings, NULL, NULL, &error);
  g_assert_no_error (error);
  /* the version, two attributes and two elements */
  g_assert_cmpuint (warnings->len, ==, 5);
  g_assert_cmpuint (((CxDiagnostic *) g_ptr_array_index (warnings, 1))->line, ==, 2);

  out = write_string (plan);
  g_assert_cmpstr (out, ==, xml);
}

static void
test_big_line_numbers (void)
{
  g_autoptr(GString) xml = g_string_new (PLAN_HEAD "  <title>T</title>\n  <lanes/>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(CxDiagnostic) refusal = NULL;
  guint line;

  g_string_append (xml, "  <phases>\n    <phase kind=\"before\">\n");
  for (guint i = 0; i < 70000; i++)
    g_string_append (xml, "\n");
  line = 7 + 70000;  /* six lines of head, then the empty ones */
  g_string_append (xml, "      <step id=\"late\"><title>Late</title></step>\n");
  g_string_append (xml, "    </phase>\n    <phase kind=\"during\"/>\n"
                   "    <phase kind=\"after\"/>\n    <phase kind=\"recovery\"/>\n"
                   "  </phases>\n</cxplan>\n");

  plan = cx_plan_read_from_data (xml->str, xml->len, "big", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cx_step_get_line (cx_plan_get_step (plan, CX_PHASE_BEFORE, 0)), ==, line);

  findings = cx_check_plan (plan);
  g_assert_cmpuint (findings->len, >, 0);
  g_assert_cmpuint (((CxFinding *) g_ptr_array_index (findings, 0))->line, ==, line);

  /* and a refusal far down names its line too */
  g_string_replace (xml, "<title>Late</title>", "<title>Late</title><bogus/>", 1);
  g_clear_object (&plan);
  plan = cx_plan_read_from_data (xml->str, xml->len, "big", NULL, &refusal, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_INVALID);
  g_assert_cmpuint (refusal->line, ==, line);
}

/* Edits through the model are written; a new id never clashes */
static void
test_edit_and_write (void)
{
  g_autoptr(CxPlan) plan = read_string (PLAN_HEAD "  <title>T</title>\n" EMPTY_BODY);
  g_autoptr(CxStep) step = NULL;
  g_autoptr(CxPlan) again = NULL;
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;

  id = cx_plan_make_id (plan, "step");
  step = cx_step_new (id);
  cx_step_set_title (step, "Pay at the till");
  cx_step_set_expected_level (step, 4);
  cx_step_set_delivered_level (step, 2);
  cx_step_set_owner (step, "Store staff");
  cx_plan_insert_step (plan, CX_PHASE_DURING, -1, step);
  cx_plan_set_threshold (plan, "expectation-gap", 3);

  out = write_string (plan);
  g_assert_nonnull (strstr (out, "<threshold name=\"expectation-gap\" value=\"3\"/>"));
  g_assert_nonnull (strstr (out, "<step id=\"step\" owner=\"Store staff\">"));
  g_assert_nonnull (strstr (out, "<expected level=\"4\"/>"));

  again = read_string (out);
  g_assert_true (cx_plan_equal (plan, again));
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} SaveFixture;

static const char original_bytes[] = PLAN_HEAD "  <title>Original</title>\n" EMPTY_BODY;

static void
save_fixture_set_up (SaveFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cx-save-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.cxplan", NULL);
  g_assert_true (g_file_set_contents (f->path, original_bytes, -1, NULL));
  f->file = g_file_new_for_path (f->path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
save_fixture_tear_down (SaveFixture   *f,
                        gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_clear_object (&f->file);
}

static CxPlan *
edited_plan (void)
{
  CxPlan *plan = read_string (original_bytes);

  cx_plan_set_title (plan, "Edited");
  return plan;
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

static void
test_save_replaces (SaveFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(CxPlan) plan = edited_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = write_string (plan);
  g_autoptr(GDir) dir = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  g_assert_true (cx_plan_save_to_file (plan, f->file, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (f->path, expected);

  /* the permissions are kept, and no temporary file is left behind */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  dir = g_dir_open (f->dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "plan.cxplan");
  g_assert_null (g_dir_read_name (dir));
}

static void
test_save_new_file (SaveFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(CxPlan) plan = edited_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.cxplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = write_string (plan);

  g_assert_true (cx_plan_save_to_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, expected);
}

static void
test_save_through_symlink (SaveFixture   *f,
                           gconstpointer  data)
{
  g_autoptr(CxPlan) plan = edited_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *link = g_build_filename (f->dir, "link.cxplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autofree char *expected = write_string (plan);

  g_assert_cmpint (symlink ("plan.cxplan", link), ==, 0);
  g_assert_true (cx_plan_save_to_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_file_is (f->path, expected);
}

/* Runs as an ordinary user: root may write into a read-only folder */
static void
save_into_read_only_dir (void)
{
  g_autoptr(CxPlan) plan = edited_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cx-ro-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.cxplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (path, original_bytes, -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  g_assert_false (cx_plan_save_to_file (plan, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "plan.cxplan"));
  assert_file_is (path, original_bytes);

  g_chmod (dir, 0700);
  remove_tree (dir);
}

static void
test_save_read_only_dir (void)
{
  if (geteuid () != 0)
    {
      save_into_read_only_dir ();
      return;
    }

  /* As root (as in CI), do it in a child that has become nobody */
  if (g_test_subprocess ())
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        {
          g_test_message ("cannot become nobody");
          exit (77);
        }
      save_into_read_only_dir ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_save_full_disk (SaveFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(CxPlan) plan = edited_plan ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");

  /* /dev/full is not a regular file: refused before anything is written */
  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  g_assert_false (cx_plan_save_to_file (plan, file, NULL, &error));
  g_assert_nonnull (error);
}

static void
test_save_target_is_directory (SaveFixture   *f,
                               gconstpointer  data)
{
  g_autoptr(CxPlan) plan = edited_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (f->dir, "folder.cxplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sub);

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_false (cx_plan_save_to_file (plan, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  assert_file_is (f->path, original_bytes);
}

static void
test_save_cancelled (SaveFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(CxPlan) plan = edited_plan ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_false (cx_plan_save_to_file (plan, f->file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_is (f->path, original_bytes);
}

static void
test_read_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/plan.cxplan");
  g_autoptr(CxDiagnostic) refusal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;

  plan = cx_plan_read_from_file (file, NULL, &refusal, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "plan.cxplan:0: "));
  g_assert_cmpuint (refusal->line, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-io/round-trip/bundled", test_bundled_round_trip);
  g_test_add_func ("/plan-io/round-trip/good-corpus", test_good_round_trip);
  g_test_add_func ("/plan-io/round-trip/versions", test_versions_round_trip);
  g_test_add_func ("/plan-io/round-trip/minimal", test_minimal_is_canonical);
  g_test_add_func ("/plan-io/round-trip/text", test_text_survives);
  g_test_add_func ("/plan-io/round-trip/foreign", test_foreign_survives);
  g_test_add_func ("/plan-io/round-trip/newer-minor", test_newer_minor_kept);
  g_test_add_func ("/plan-io/round-trip/newer-minor-settings", test_newer_minor_settings_kept);
  g_test_add_func ("/plan-io/round-trip/no-namespace", test_no_namespace_kept);
  g_test_add_func ("/plan-io/round-trip/namespaces-hoisted", test_foreign_namespaces_hoisted);
  g_test_add_func ("/plan-io/read/big-line-numbers", test_big_line_numbers);
  g_test_add_func ("/plan-io/read/missing-file", test_read_missing_file);
  g_test_add_func ("/plan-io/write/edit", test_edit_and_write);

  g_test_add ("/plan-io/save/replaces", SaveFixture, NULL,
              save_fixture_set_up, test_save_replaces, save_fixture_tear_down);
  g_test_add ("/plan-io/save/new-file", SaveFixture, NULL,
              save_fixture_set_up, test_save_new_file, save_fixture_tear_down);
  g_test_add ("/plan-io/save/through-symlink", SaveFixture, NULL,
              save_fixture_set_up, test_save_through_symlink, save_fixture_tear_down);
  g_test_add_func ("/plan-io/save/read-only-dir", test_save_read_only_dir);
  g_test_add ("/plan-io/save/not-a-regular-file", SaveFixture, NULL,
              save_fixture_set_up, test_save_full_disk, save_fixture_tear_down);
  g_test_add ("/plan-io/save/target-is-directory", SaveFixture, NULL,
              save_fixture_set_up, test_save_target_is_directory, save_fixture_tear_down);
  g_test_add ("/plan-io/save/cancelled", SaveFixture, NULL,
              save_fixture_set_up, test_save_cancelled, save_fixture_tear_down);

  return g_test_run ();
}
