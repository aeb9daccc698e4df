/* test-bad-files.c — files the reader must refuse, and tricky ones it must accept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file in tests/data/bad/ is a valid plan with one defect. For each,
 * the table below gives the error code, the line the refusal must name and
 * a word its message must contain; every file is read both through
 * cx_plan_read_from_file() and cx_plan_read_from_data(), which must agree.
 * A file added to the folder without a row here fails /bad-files/listed.
 * Every file in tests/data/good/ must be read without an error.
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cx-format.h"
#include "cx-model.h"
#include "cx-plan-io.h"

typedef struct
{
  const char  *name;
  CxPlanError  code;
  guint        line;
  const char  *keyword;  /* lower case, found in the lower-cased message; "a|b": either */
} BadFile;

static const BadFile bad_files[] = {
  /* A DOCTYPE in any form is refused at its line, before an entity is declared */
  { "doctype-only.cxplan", CX_PLAN_ERROR_UNSAFE, 2, "doctype" },
  { "external-dtd.cxplan", CX_PLAN_ERROR_UNSAFE, 2, "doctype" },
  { "external-dtd-http.cxplan", CX_PLAN_ERROR_UNSAFE, 3, "doctype" },
  { "external-entity-passwd.cxplan", CX_PLAN_ERROR_UNSAFE, 3, "doctype" },
  { "external-entity-in-attribute.cxplan", CX_PLAN_ERROR_UNSAFE, 2, "doctype" },
  { "parameter-entity.cxplan", CX_PLAN_ERROR_UNSAFE, 2, "doctype" },
  { "entity-billion-laughs.cxplan", CX_PLAN_ERROR_UNSAFE, 2, "doctype" },
  { "entity-quadratic-blowup.cxplan", CX_PLAN_ERROR_UNSAFE, 3, "doctype" },

  /* XInclude elements, wherever they stand */
  { "xinclude.cxplan", CX_PLAN_ERROR_UNSAFE, 47, "xinclude" },
  { "xinclude-in-foreign.cxplan", CX_PLAN_ERROR_UNSAFE, 8, "xinclude" },
  { "xinclude-old-namespace.cxplan", CX_PLAN_ERROR_UNSAFE, 53, "xinclude" },

  /* Nesting beyond CX_MAX_DEPTH (64 levels, the root being level 1) */
  { "deep-nesting.cxplan", CX_PLAN_ERROR_TOO_LARGE, 47, "nested" },
  { "deep-nesting-100.cxplan", CX_PLAN_ERROR_TOO_LARGE, 107, "nested" },
  { "deep-nesting-newer-minor.cxplan", CX_PLAN_ERROR_TOO_LARGE, 113, "nested" },

  /* Not UTF-8: refused at the line of the first bad byte */
  { "invalid-utf8.cxplan", CX_PLAN_ERROR_ENCODING, 52, "utf-8" },
  { "invalid-utf8-overlong.cxplan", CX_PLAN_ERROR_ENCODING, 57, "utf-8" },
  { "invalid-utf8-surrogate.cxplan", CX_PLAN_ERROR_ENCODING, 36, "utf-8" },
  { "invalid-utf8-truncated-sequence.cxplan", CX_PLAN_ERROR_ENCODING, 4, "utf-8" },
  { "invalid-utf8-in-comment.cxplan", CX_PLAN_ERROR_ENCODING, 18, "utf-8" },
  { "latin1-declared.cxplan", CX_PLAN_ERROR_ENCODING, 3, "utf-8" },
  { "shift-jis-declared.cxplan", CX_PLAN_ERROR_ENCODING, 1, "shift_jis" },
  { "utf16.cxplan", CX_PLAN_ERROR_ENCODING, 1, "utf-8" },
  { "gzip-compressed.cxplan", CX_PLAN_ERROR_ENCODING, 1, "utf-8" },

  /* Not well-formed XML */
  { "not-xml.cxplan", CX_PLAN_ERROR_MALFORMED, 1, "start tag" },
  { "empty.cxplan", CX_PLAN_ERROR_MALFORMED, 1, "empty" },
  { "truncated.cxplan", CX_PLAN_ERROR_MALFORMED, 52, "premature end" },
  { "undefined-entity.cxplan", CX_PLAN_ERROR_MALFORMED, 46, "entity" },
  { "mismatched-tag.cxplan", CX_PLAN_ERROR_MALFORMED, 52, "mismatch" },
  { "duplicate-attribute.cxplan", CX_PLAN_ERROR_MALFORMED, 51, "redefined" },
  { "undeclared-prefix.cxplan", CX_PLAN_ERROR_MALFORMED, 53, "namespace" },
  { "char-ref-nul.cxplan", CX_PLAN_ERROR_MALFORMED, 58, "char" },
  { "xml-declaration-not-first.cxplan", CX_PLAN_ERROR_MALFORMED, 2, "declaration" },
  { "content-after-root.cxplan", CX_PLAN_ERROR_MALFORMED, 70, "extra content" },
  { "control-character.cxplan", CX_PLAN_ERROR_MALFORMED, 4, "char" },
  { "nul-byte.cxplan", CX_PLAN_ERROR_MALFORMED, 58, "nul" },

  /* Not a plan at all */
  { "wrong-namespace.cxplan", CX_PLAN_ERROR_NOT_A_PLAN, 3, "not a .cxplan plan" },
  { "no-namespace.cxplan", CX_PLAN_ERROR_NOT_A_PLAN, 2, "not a .cxplan plan" },
  { "wrong-root.cxplan", CX_PLAN_ERROR_NOT_A_PLAN, 2, "not a .cxplan plan" },
  { "svg.cxplan", CX_PLAN_ERROR_NOT_A_PLAN, 3, "not a .cxplan plan" },

  /* Versions */
  { "newer-major-version.cxplan", CX_PLAN_ERROR_NEWER_VERSION, 2, "newer version" },
  { "bad-version.cxplan", CX_PLAN_ERROR_INVALID, 2, "version" },
  { "missing-version.cxplan", CX_PLAN_ERROR_INVALID, 2, "version" },
  { "version-without-minor.cxplan", CX_PLAN_ERROR_INVALID, 2, "version" },
  { "newer-minor-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 37, "out of range" },

  /* Ids */
  { "duplicate-id-steps.cxplan", CX_PLAN_ERROR_INVALID, 51, "duplicate id" },
  { "duplicate-id-across-kinds.cxplan", CX_PLAN_ERROR_INVALID, 57, "duplicate id" },
  { "duplicate-id-lane-failure.cxplan", CX_PLAN_ERROR_INVALID, 37, "duplicate id" },
  { "bad-ncname-id.cxplan", CX_PLAN_ERROR_INVALID, 57, "thank:you" },
  { "id-starts-with-digit.cxplan", CX_PLAN_ERROR_INVALID, 57, "1st-survey" },
  { "step-missing-id.cxplan", CX_PLAN_ERROR_INVALID, 51, "id" },

  /* Unknown content of our namespace in a 1.0 file */
  { "unknown-element.cxplan", CX_PLAN_ERROR_INVALID, 53, "unknown element" },
  { "unknown-element-at-root.cxplan", CX_PLAN_ERROR_INVALID, 6, "unknown element" },
  { "unknown-attribute.cxplan", CX_PLAN_ERROR_INVALID, 51, "unknown attribute" },
  { "unknown-attribute-on-root.cxplan", CX_PLAN_ERROR_INVALID, 2, "unknown attribute" },

  /* Values out of range, unknown kinds, bad numbers, dates and names */
  { "level-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 47, "out of range" },
  { "level-zero.cxplan", CX_PLAN_ERROR_INVALID, 53, "out of range" },
  { "level-not-integer.cxplan", CX_PLAN_ERROR_INVALID, 48, "4.5" },
  { "level-trailing-garbage.cxplan", CX_PLAN_ERROR_INVALID, 33, "4x" },
  { "emotion-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 49, "out of range" },
  { "mood-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 13, "out of range" },
  { "severity-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 37, "out of range" },
  { "severity-overflow.cxplan", CX_PLAN_ERROR_INVALID, 37, "out of range" },
  { "detection-zero.cxplan", CX_PLAN_ERROR_INVALID, 37, "out of range" },
  { "unknown-lane-kind.cxplan", CX_PLAN_ERROR_INVALID, 19, "unknown" },
  { "unknown-channel.cxplan", CX_PLAN_ERROR_INVALID, 57, "unknown" },
  { "unknown-evidence.cxplan", CX_PLAN_ERROR_INVALID, 51, "unknown" },
  { "unknown-link-kind.cxplan", CX_PLAN_ERROR_INVALID, 59, "unknown" },
  { "bad-boolean.cxplan", CX_PLAN_ERROR_INVALID, 45, "yes" },
  { "unknown-threshold.cxplan", CX_PLAN_ERROR_INVALID, 9, "wow-dip" },
  { "threshold-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 9, "out of range" },
  { "threshold-wow-drop-too-large.cxplan", CX_PLAN_ERROR_INVALID, 9, "out of range" },
  { "bad-disable-check.cxplan", CX_PLAN_ERROR_INVALID, 10, "hello" },
  /* Format 1.1: settings/accept and the thresholds of 1.1 */
  { "accept-ref-and-phase.cxplan", CX_PLAN_ERROR_INVALID, 11, "both 'ref' and 'phase'" },
  { "accept-without-target.cxplan", CX_PLAN_ERROR_INVALID, 11, "needs 'ref'" },
  { "accept-empty-reason.cxplan", CX_PLAN_ERROR_INVALID, 11, "no reason" },
  { "accept-blank-reason.cxplan", CX_PLAN_ERROR_INVALID, 11, "no reason" },
  { "accept-empty-ref.cxplan", CX_PLAN_ERROR_INVALID, 11, "empty 'ref'" },
  { "accept-unknown-phase.cxplan", CX_PLAN_ERROR_INVALID, 11, "unknown phase 'checkout'" },
  { "accept-bad-check.cxplan", CX_PLAN_ERROR_INVALID, 11, "not a check id" },
  { "accept-before-disable.cxplan", CX_PLAN_ERROR_INVALID, 11, "out of place" },
  { "accept-with-child.cxplan", CX_PLAN_ERROR_INVALID, 11, "text only" },
  { "hand-off-drop-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 10, "from 1 to 4" },
  { "silent-detection-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 10, "from 1 to 10" },
  { "prevent-severity-out-of-range.cxplan", CX_PLAN_ERROR_INVALID, 10, "from 1 to 10" },
  { "threshold-unknown.cxplan", CX_PLAN_ERROR_INVALID, 10, "prevent-severity" },
  { "bad-date.cxplan", CX_PLAN_ERROR_INVALID, 6, "yesterday" },
  { "bad-date-impossible.cxplan", CX_PLAN_ERROR_INVALID, 6, "2026-02-30" },
  { "date-with-offset.cxplan", CX_PLAN_ERROR_INVALID, 6, "+02:00" },
  { "threshold-twice.cxplan", CX_PLAN_ERROR_INVALID, 10, "rpn" },
  { "date-without-time.cxplan", CX_PLAN_ERROR_INVALID, 7, "2026-11-23" },

  /* Lanes and phases */
  { "two-emotion-lanes.cxplan", CX_PLAN_ERROR_INVALID, 28, "emotion" },
  { "two-expectation-lanes.cxplan", CX_PLAN_ERROR_INVALID, 28, "expectation" },
  { "phase-missing.cxplan", CX_PLAN_ERROR_INVALID, 56, "phase" },
  { "phases-out-of-order.cxplan", CX_PLAN_ERROR_INVALID, 44, "phase" },
  { "phase-twice.cxplan", CX_PLAN_ERROR_INVALID, 56, "phase" },
  { "unknown-phase-kind.cxplan", CX_PLAN_ERROR_INVALID, 56, "unknown" },
  { "step-outside-phase.cxplan", CX_PLAN_ERROR_INVALID, 30, "step" },
  { "lanes-missing.cxplan", CX_PLAN_ERROR_INVALID, 18, "lanes" },

  /* Required content missing: refused at the element in its place, or that lacks it */
  { "missing-title.cxplan", CX_PLAN_ERROR_INVALID, 3, "title" },
  { "step-without-title.cxplan", CX_PLAN_ERROR_INVALID, 57, "title" },
  { "persona-without-name.cxplan", CX_PLAN_ERROR_INVALID, 13, "name" },
  { "lane-without-name.cxplan", CX_PLAN_ERROR_INVALID, 25, "name" },
  { "failure-without-mode.cxplan", CX_PLAN_ERROR_INVALID, 37, "mode" },
  { "empty-id.cxplan", CX_PLAN_ERROR_INVALID, 57, "id" },
  { "missing-required-attribute.cxplan", CX_PLAN_ERROR_INVALID, 37, "severity" },

  /* Order and placement */
  { "elements-out-of-order.cxplan", CX_PLAN_ERROR_INVALID, 5, "out of order|out of place" },
  { "delivered-before-expected.cxplan", CX_PLAN_ERROR_INVALID, 48, "out of order|out of place" },
  { "settings-after-personas.cxplan", CX_PLAN_ERROR_INVALID, 14, "out of order|out of place" },
  { "two-titles.cxplan", CX_PLAN_ERROR_INVALID, 53, "title" },
  { "element-in-text.cxplan", CX_PLAN_ERROR_INVALID, 52, "text" },
  { "text-in-element-only-content.cxplan", CX_PLAN_ERROR_INVALID, 51, "text" },
  { "text-at-root.cxplan", CX_PLAN_ERROR_INVALID, 12, "text" },
  { "cdata-in-structure.cxplan", CX_PLAN_ERROR_INVALID, 28, "text" },

  /* Line numbers past 65535 */
  { "line-beyond-65535.cxplan", CX_PLAN_ERROR_INVALID, 70033, "out of range" },
};

static const char *
error_code_name (int code)
{
  static const char *const names[] = {
    "IO", "TOO_LARGE", "ENCODING", "MALFORMED", "UNSAFE", "NOT_A_PLAN", "NEWER_VERSION", "INVALID",
  };

  if (code >= 0 && code < (int) G_N_ELEMENTS (names))
    return names[code];

  return "?";
}

static gboolean
message_has_keyword (const char *message,
                     const char *keyword)
{
  g_autofree char *folded = g_utf8_strdown (message, -1);
  g_auto (GStrv) alternatives = g_strsplit (keyword, "|", -1);

  for (guint i = 0; alternatives[i] != NULL; i++)
    {
      if (strstr (folded, alternatives[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The first line of the password file, to make sure no entity or XInclude
 * ever brought it into a message. */
static char *
passwd_first_line (void)
{
  g_autofree char *contents = NULL;
  char *newline;

  if (!g_file_get_contents ("/etc/passwd", &contents, NULL, NULL))
    return NULL;

  newline = strchr (contents, '\n');
  if (newline != NULL)
    *newline = '\0';

  if (*contents == '\0')
    return NULL;

  return g_steal_pointer (&contents);
}

/* Checks one reading of a bad file; on a mismatch, says what differed with
 * the file's name, and goes on to the next check where that is safe. */
static void
check_refusal (const BadFile *bad,
               const char    *how,
               CxPlan        *plan,
               CxDiagnostic  *refusal,
               GError        *error)
{
  g_autofree char *passwd = passwd_first_line ();
  g_autofree char *prefix = NULL;
  g_autofree char *expected_message = NULL;

  if (plan != NULL)
    {
      g_test_message ("%s (%s): a plan was returned", bad->name, how);
      g_test_fail ();
      return;
    }

  if (error == NULL || refusal == NULL)
    {
      g_test_message ("%s (%s): no %s", bad->name, how, error == NULL ? "GError" : "refusal");
      g_test_fail ();
      return;
    }

  g_test_message ("%s (%s): %s [%s]", bad->name, how, error->message,
                  error_code_name (error->code));

  if (error->domain != CX_PLAN_ERROR)
    {
      g_test_message ("%s (%s): error domain %s, expected %s", bad->name, how,
                      g_quark_to_string (error->domain), g_quark_to_string (CX_PLAN_ERROR));
      g_test_fail ();
    }
  else if (error->code != (int) bad->code)
    {
      g_test_message ("%s (%s): error code %s, expected %s", bad->name, how,
                      error_code_name (error->code), error_code_name (bad->code));
      g_test_fail ();
    }

  if (refusal->line != bad->line)
    {
      g_test_message ("%s (%s): line %u, expected %u", bad->name, how, refusal->line, bad->line);
      g_test_fail ();
    }

  if (refusal->message == NULL)
    {
      g_test_message ("%s (%s): the refusal has no message", bad->name, how);
      g_test_fail ();
      return;
    }
  if (!message_has_keyword (refusal->message, bad->keyword))
    {
      g_test_message ("%s (%s): message '%s' lacks '%s'", bad->name, how,
                      refusal->message, bad->keyword);
      g_test_fail ();
    }

  /* "NAME:LINE: WHAT", the parts of which @refusal holds apart */
  prefix = g_strdup_printf ("%s:%u: ", bad->name, bad->line);
  expected_message = g_strdup_printf ("%s:%u: %s", bad->name, refusal->line, refusal->message);
  if (!g_str_has_prefix (error->message, prefix))
    {
      g_test_message ("%s (%s): message '%s' does not start with '%s'", bad->name, how,
                      error->message, prefix);
      g_test_fail ();
    }
  g_assert_cmpstr (error->message, ==, expected_message);

  g_assert_null (strstr (error->message, "root:x:0:0"));
  if (passwd != NULL)
    g_assert_null (strstr (error->message, passwd));
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "bad", bad->name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) file_error = NULL;
  g_autoptr (CxDiagnostic) refusal = NULL;
  g_autoptr (CxDiagnostic) file_refusal = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GPtrArray) file_warnings = NULL;
  g_autoptr (CxPlan) plan = NULL;
  g_autoptr (CxPlan) file_plan = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_test_message ("%s: %s", bad->name, error->message);
      g_test_fail ();
      return;
    }

  plan = cx_plan_read_from_data (contents, length, bad->name, &warnings, &refusal, NULL, &error);
  check_refusal (bad, "data", plan, refusal, error);

  file_plan = cx_plan_read_from_file (file, &file_warnings, &file_refusal, NULL, &file_error);
  check_refusal (bad, "file", file_plan, file_refusal, file_error);

  /* Both ways of reading tell the same story */
  if (error != NULL && file_error != NULL)
    {
      g_assert_cmpint (file_error->code, ==, error->code);
      g_assert_cmpstr (file_error->message, ==, error->message);
    }
  if (refusal != NULL && file_refusal != NULL)
    {
      g_assert_cmpuint (file_refusal->line, ==, refusal->line);
      g_assert_cmpstr (file_refusal->message, ==, refusal->message);
    }
}

/* Every file of the folder has a row, every row a file, and README.md a line
 * for each: a file added without a row would otherwise go untested. */
static void
test_bad_files_listed (void)
{
  const char *dir_path = g_test_get_filename (G_TEST_DIST, "data", "bad", NULL);
  const char *readme_path = g_test_get_filename (G_TEST_DIST, "data", "bad", "README.md", NULL);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *readme = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_build_filename (dir_path, bad_files[i].name, NULL);

      if (!g_hash_table_add (listed, (gpointer) bad_files[i].name))
        {
          g_test_message ("%s is in the table twice", bad_files[i].name);
          g_test_fail ();
        }
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_test_message ("%s is in the table but not in %s", bad_files[i].name, dir_path);
          g_test_fail ();
        }
    }

  if (!g_file_get_contents (readme_path, &readme, NULL, &error) ||
      (dir = g_dir_open (dir_path, 0, &error)) == NULL)
    {
      g_test_message ("%s", error->message);
      g_test_fail ();
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry = NULL;

      if (strcmp (name, "README.md") == 0)
        continue;

      if (!g_hash_table_contains (listed, name))
        {
          g_test_message ("%s is in %s but not in the table of test-bad-files.c", name, dir_path);
          g_test_fail ();
        }

      entry = g_strdup_printf ("`%s`", name);
      if (strstr (readme, entry) == NULL)
        {
          g_test_message ("%s is not described in tests/data/bad/README.md", name);
          g_test_fail ();
        }
    }
}

/* Over CX_MAX_FILE_SIZE: refused on the length alone. The data is a sparse
 * file mapped into memory, so the test needs neither the memory nor the disk. */
static void
test_too_large (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CxDiagnostic) refusal = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (CxPlan) plan = NULL;
  g_autofree char *path = NULL;
  static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  int fd;

  fd = g_file_open_tmp ("cx-test-XXXXXX.cxplan", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  if (fd < 0)
    return;
  g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
  g_assert_cmpint (ftruncate (fd, (off_t) CX_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  if (mapped != NULL)
    {
      plan = cx_plan_read_from_data (g_mapped_file_get_contents (mapped),
                                     g_mapped_file_get_length (mapped),
                                     "huge.cxplan", NULL, &refusal, NULL, &error);
      g_assert_null (plan);
      g_assert_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_TOO_LARGE);
      g_assert_nonnull (refusal);
      if (error != NULL && refusal != NULL)
        {
          g_test_message ("%s", error->message);
          g_assert_true (g_str_has_prefix (error->message, "huge.cxplan:"));
          g_assert_true (message_has_keyword (refusal->message, "large"));
        }
    }

  g_unlink (path);
}

/* A file that cannot be read at all */
static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CxDiagnostic) refusal = NULL;
  g_autoptr (CxPlan) plan = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cx-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing.cxplan", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  plan = cx_plan_read_from_file (file, NULL, &refusal, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_IO);
  g_assert_nonnull (refusal);
  if (error != NULL)
    g_assert_true (g_str_has_prefix (error->message, "missing.cxplan:"));

  g_rmdir (dir);
}

static CxPlan *
read_good_file (const char  *name,
                GPtrArray  **warnings_out)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (CxDiagnostic) refusal = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GPtrArray) file_warnings = NULL;
  g_autoptr (CxPlan) plan = NULL;
  g_autoptr (CxPlan) file_plan = NULL;

  file_plan = cx_plan_read_from_file (file, &file_warnings, &refusal, NULL, &error);
  if (error != NULL || refusal != NULL || file_plan == NULL || file_warnings == NULL)
    {
      g_test_message ("%s (file): %s", name, error != NULL ? error->message : "no plan");
      g_test_fail ();
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_test_message ("%s: %s", name, error->message);
      g_test_fail ();
      return NULL;
    }

  plan = cx_plan_read_from_data (contents, length, name, &warnings, &refusal, NULL, &error);
  if (error != NULL || refusal != NULL || plan == NULL || warnings == NULL)
    {
      g_test_message ("%s (data): %s", name, error != NULL ? error->message : "no plan");
      g_test_fail ();
      return NULL;
    }

  g_assert_cmpuint (warnings->len, ==, file_warnings->len);
  for (guint i = 0; i < warnings->len; i++)
    {
      const CxDiagnostic *warning = g_ptr_array_index (warnings, i);

      g_test_message ("%s:%u: warning: %s", name, warning->line, warning->message);
      g_assert_cmpuint (warning->line, >, 0);
      g_assert_nonnull (warning->message);
      g_assert_cmpstr (warning->message, !=, "");
    }

  if (warnings_out != NULL)
    *warnings_out = g_steal_pointer (&warnings);

  return g_steal_pointer (&plan);
}

/* Each good file reads without an error; only a newer minor version warns */
static void
test_good_file (gconstpointer data)
{
  const char *name = data;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (CxPlan) plan = read_good_file (name, &warnings);

  if (plan == NULL)
    return;

  /* content of a newer version is kept, with a warning */
  if (strcmp (name, "newer-minor-version.cxplan") == 0 ||
      strcmp (name, "disable-unknown-check.cxplan") == 0)
    g_assert_cmpuint (warnings->len, >=, 1);
  else
    g_assert_cmpuint (warnings->len, ==, 0);
}

/* Unknown content of a newer minor version is kept, with a warning on its line */
static void
test_good_newer_minor (void)
{
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (CxPlan) plan = read_good_file ("newer-minor-version.cxplan", &warnings);
  gboolean summary_line_warned = FALSE;

  if (plan == NULL)
    return;

  g_assert_cmpuint (warnings->len, >=, 1);
  for (guint i = 0; i < warnings->len; i++)
    {
      const CxDiagnostic *warning = g_ptr_array_index (warnings, i);

      if (warning->line == 6) /* <summary> */
        summary_line_warned = TRUE;
    }
  g_assert_true (summary_line_warned);
  g_assert_cmpstr (cx_plan_get_title (plan), ==, "Game-day gear from a local store");
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_DURING), ==, 2);
}

/* Text is kept as written: white space, escapes, character references, CDATA */
static void
test_good_text (void)
{
  g_autoptr (CxPlan) plan = read_good_file ("text-and-escapes.cxplan", NULL);
  CxPersona *persona;
  CxStep *step;

  if (plan == NULL)
    return;

  g_assert_cmpstr (cx_plan_get_title (plan), ==,
                   "  Game-day gear & snacks: <fast> \"please\" 'now' \xf0\x9f\x8f\x88\t");
  g_assert_cmpstr (cx_plan_get_description (plan), ==,
                   "\n    A fan buys team gear 🏈🎉 the week before a big game.\n"
                   "    日本語のテキスト — עברית — العربية — café\n  ");
  g_assert_cmpstr (cx_plan_get_author (plan), ==, "R&D <CX> team");

  g_assert_cmpuint (cx_plan_get_n_personas (plan), ==, 1);
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_BEFORE), ==, 1);
  if (cx_plan_get_n_personas (plan) != 1 || cx_plan_get_n_steps (plan, CX_PHASE_BEFORE) != 1)
    return;

  persona = cx_plan_get_persona (plan, 0);
  g_assert_true (cx_persona_get_has_mood (persona));
  g_assert_cmpint (cx_persona_get_mood (persona), ==, 2);

  step = cx_plan_get_step (plan, CX_PHASE_BEFORE, 0);
  g_assert_cmpstr (cx_step_get_owner (step), ==, "  Store & staff \nnight shift ");
  g_assert_cmpstr (cx_step_lookup_cell (step, "actions"), ==,
                   "Calls <the number> on the website \xc3\xa9\xc3\xa9 ");
}

/* Line numbers past 65535 survive (XML_PARSE_BIG_LINES) */
static void
test_good_big_lines (void)
{
  g_autoptr (CxPlan) plan = read_good_file ("big-lines.cxplan", NULL);
  guint n_steps;
  CxStep *last;

  if (plan == NULL)
    return;

  n_steps = cx_plan_get_n_steps (plan, CX_PHASE_DURING);
  g_assert_cmpuint (n_steps, >, 17000);
  if (n_steps == 0)
    return;
  last = cx_plan_get_step (plan, CX_PHASE_DURING, n_steps - 1);
  g_assert_cmpuint (cx_step_get_line (last), >, 70000);
  g_assert_cmpuint (cx_plan_get_phase_line (plan, CX_PHASE_RECOVERY), >,
                    cx_step_get_line (last));
}

/* A title, empty lanes and four empty phases make a plan */
static void
test_good_empty_plan (void)
{
  g_autoptr (CxPlan) plan = read_good_file ("empty-plan.cxplan", NULL);

  if (plan == NULL)
    return;

  g_assert_null (cx_plan_get_title (plan));
  g_assert_cmpuint (cx_plan_get_n_personas (plan), ==, 0);
  g_assert_cmpuint (cx_plan_get_n_lanes (plan), ==, 0);
  for (CxPhase phase = CX_PHASE_BEFORE; phase <= CX_PHASE_RECOVERY; phase++)
    g_assert_cmpuint (cx_plan_get_n_steps (plan, phase), ==, 0);
}

/* References that do not resolve are kept as written, for check CX008 */
static void
test_good_dangling (void)
{
  g_autoptr (CxPlan) plan = read_good_file ("dangling-references.cxplan", NULL);
  CxStep *call, *pay, *survey, *callback;

  if (plan == NULL)
    return;

  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_BEFORE), ==, 1);
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_DURING), ==, 2);
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_AFTER), ==, 1);
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_RECOVERY), ==, 1);
  if (g_test_failed ())
    return;

  call = cx_plan_get_step (plan, CX_PHASE_BEFORE, 0);
  pay = cx_plan_get_step (plan, CX_PHASE_DURING, 1);
  survey = cx_plan_get_step (plan, CX_PHASE_AFTER, 0);
  callback = cx_plan_get_step (plan, CX_PHASE_RECOVERY, 0);

  g_assert_cmpstr (cx_step_get_persona (call), ==, "nobody");
  g_assert_cmpuint (cx_step_get_n_cells (call), ==, 4);
  g_assert_cmpuint (cx_step_get_n_failures (call), ==, 1);
  g_assert_cmpuint (cx_step_get_n_links (survey), ==, 1);
  if (g_test_failed ())
    return;

  g_assert_cmpstr (cx_step_get_cell_lane (call, 0), ==, "actions");
  g_assert_cmpstr (cx_step_get_cell_lane (call, 1), ==, "actions");
  g_assert_cmpstr (cx_step_get_cell_lane (call, 2), ==, "emotion");
  g_assert_cmpstr (cx_step_get_cell_lane (call, 3), ==, "no-such-lane");
  g_assert_cmpstr (cx_failure_get_leads_to (cx_step_get_failure (call, 0)), ==, "nowhere");
  g_assert_cmpstr (cx_step_get_recovers (pay), ==, "voicemail");
  g_assert_cmpstr (cx_step_get_link_step (survey, 0), ==, "voicemail");
  g_assert_cmpstr (cx_step_get_recovers (callback), ==, "voicemail pay ghost");
}

/* Another spelling of the same plan is the same plan */
static void
test_good_same_plan (gconstpointer data)
{
  g_autoptr (CxPlan) reference = read_good_file ("reference.cxplan", NULL);
  g_autoptr (CxPlan) plan = read_good_file (data, NULL);

  if (reference == NULL || plan == NULL)
    return;

  g_assert_true (cx_plan_equal (reference, plan));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *good_path = NULL;
  g_autoptr (GDir) good_dir = NULL;
  g_autoptr (GPtrArray) good_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);
  /* One run reports every file that fails, not just the first */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strconcat ("/bad-files/", bad_files[i].name, NULL);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/bad-files/listed", test_bad_files_listed);
  g_test_add_func ("/bad-files/too-large", test_too_large);
  g_test_add_func ("/bad-files/missing-file", test_missing_file);

  good_path = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  good_dir = g_dir_open (good_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (good_dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".cxplan"))
        g_ptr_array_add (good_names, g_strdup (name));
    }
  g_ptr_array_sort (good_names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (good_names->len, >, 0);
  for (guint i = 0; i < good_names->len; i++)
    {
      const char *good_name = g_ptr_array_index (good_names, i);
      g_autofree char *path = g_strconcat ("/good-files/", good_name, NULL);

      g_test_add_data_func (path, good_name, test_good_file);
    }
  g_test_add_func ("/good-files/newer-minor-warns", test_good_newer_minor);
  g_test_add_func ("/good-files/text-kept-as-written", test_good_text);
  g_test_add_func ("/good-files/big-lines", test_good_big_lines);
  g_test_add_func ("/good-files/empty-plan", test_good_empty_plan);
  g_test_add_func ("/good-files/dangling-references-kept", test_good_dangling);
  g_test_add_data_func ("/good-files/same-plan/prefixed-namespace",
                        "prefixed-namespace.cxplan", test_good_same_plan);
  g_test_add_data_func ("/good-files/same-plan/crlf-and-bom",
                        "crlf-and-bom.cxplan", test_good_same_plan);

  return g_test_run ();
}
