/* test-mime.c — the .cxplan MIME type, as GIO sees it once installed
 *
 * Copyright 2026 The CX Planner developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/io.github.cxplan.Planner.mime.xml is copied into a temporary
 * $XDG_DATA_HOME/mime/packages, update-mime-database builds the database
 * there, and GIO is pointed at it (before anything in GIO has loaded a
 * MIME database) together with the system's. Then a plan must be
 * recognised by its name, and without a name by its content: GLib sniffs
 * through magic rules only, so this is the test of the magic rule.
 */

#define G_LOG_DOMAIN "cx-test-mime"

#include <gio/gio.h>
#include <glib/gstdio.h>

#define CXPLAN_MIME_TYPE "application/x-cxplan+xml"

static char *mime_home;   /* the temporary XDG_DATA_HOME, or NULL if not made */
static const char *skip_reason;

/* Run update-mime-database on DIR/mime after copying the package file in. */
static gboolean
build_mime_database (const char  *data_home,
                     const char **why_not)
{
  g_autofree char *program = g_find_program_in_path ("update-mime-database");
  g_autofree char *source = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *target = NULL;
  g_autofree char *mime_dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  int wait_status = 0;

  if (program == NULL)
    {
      *why_not = "update-mime-database not found (shared-mime-info is not installed)";
      return FALSE;
    }

  source = g_test_build_filename (G_TEST_DIST, "..", "data",
                                  "io.github.cxplan.Planner.mime.xml", NULL);
  mime_dir = g_build_filename (data_home, "mime", NULL);
  packages = g_build_filename (mime_dir, "packages", NULL);
  target = g_build_filename (packages, "io.github.cxplan.Planner.xml", NULL);

  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { program, mime_dir, NULL };
    g_autofree char *child_stderr = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, &child_stderr, &wait_status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (wait_status, &error))
      g_error ("update-mime-database %s: %s\n%s", mime_dir, error->message, child_stderr);
  }

  return TRUE;
}

/* Our database first, then the system's, as GIO would order them with
 * XDG_DATA_HOME set to DATA_HOME; set the environment too, for anything
 * that reads it rather than asking GIO. */
static void
use_mime_database (const char *data_home)
{
  const char *const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data_dirs = NULL;

  g_ptr_array_add (mime_dirs, g_build_filename (data_home, "mime", NULL));
  for (gsize i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (system_dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  data_dirs = g_strjoinv (":", (char **) system_dirs);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);

  /* The documented way for tests to choose the database, and effective
   * only before GIO first loads it. */
  g_content_type_set_mime_dirs ((const char *const *) mime_dirs->pdata);
}

static gboolean
need_database (void)
{
  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return FALSE;
    }
  return TRUE;
}

static void
assert_guess (const char   *filename,
              const guchar *data,
              gsize         length,
              const char   *expected)
{
  g_autofree char *type = NULL;
  gboolean uncertain = TRUE;

  type = g_content_type_guess (filename, data, length, &uncertain);
  g_test_message ("guess (%s, %" G_GSIZE_FORMAT " bytes) = %s%s",
                  filename ? filename : "no name", length, type,
                  uncertain ? " (uncertain)" : "");
  g_assert_cmpstr (type, ==, expected);
  g_assert_false (uncertain);
}

static void
test_mime_by_name (void)
{
  if (!need_database ())
    return;

  assert_guess ("plan.cxplan", NULL, 0, CXPLAN_MIME_TYPE);
  assert_guess ("/home/priya/Journeys/Espresso machine – return.cxplan", NULL, 0,
                CXPLAN_MIME_TYPE);
}

static void
test_mime_by_content (void)
{
  g_autofree char *sample = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!need_database ())
    return;

  sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                  "online-order-return.cxplan", NULL);
  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);

  /* The first bytes, as a file manager or a portal would sniff them, and
   * the whole file. */
  assert_guess (NULL, (const guchar *) contents, MIN (length, 256), CXPLAN_MIME_TYPE);
  assert_guess (NULL, (const guchar *) contents, length, CXPLAN_MIME_TYPE);

  /* Name and content agree */
  assert_guess ("online-order-return.cxplan", (const guchar *) contents, length,
                CXPLAN_MIME_TYPE);
}

/* The namespace is what makes a plan: another XML document is not one. */
static void
test_mime_other_xml (void)
{
  static const char other[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    "  <title>Not a plan</title>\n"
    "</feed>\n";
  g_autofree char *type = NULL;

  if (!need_database ())
    return;

  type = g_content_type_guess (NULL, (const guchar *) other, sizeof other - 1, NULL);
  g_test_message ("other XML: %s", type);
  g_assert_cmpstr (type, !=, CXPLAN_MIME_TYPE);
}

static void
test_mime_type_info (void)
{
  g_autofree char *description = NULL;
  g_autofree char *icon_name = NULL;

  if (!need_database ())
    return;

  g_assert_true (g_content_type_is_a (CXPLAN_MIME_TYPE, "application/xml"));
  g_assert_true (g_content_type_is_mime_type (CXPLAN_MIME_TYPE, "application/xml"));

  description = g_content_type_get_description (CXPLAN_MIME_TYPE);
  g_assert_cmpstr (description, ==, "CX Planner plan");

  icon_name = g_content_type_get_generic_icon_name (CXPLAN_MIME_TYPE);
  g_assert_cmpstr (icon_name, ==, "x-office-document");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR)
              && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Nothing in GIO has run yet: build the database and point GIO at it. */
  mime_home = g_dir_make_tmp ("cxplan-mime-XXXXXX", &error);
  g_assert_no_error (error);
  if (build_mime_database (mime_home, &skip_reason))
    use_mime_database (mime_home);

  g_test_add_func ("/cxplan/mime/by-name", test_mime_by_name);
  g_test_add_func ("/cxplan/mime/by-content", test_mime_by_content);
  g_test_add_func ("/cxplan/mime/other-xml", test_mime_other_xml);
  g_test_add_func ("/cxplan/mime/type-info", test_mime_type_info);

  status = g_test_run ();

  remove_tree (mime_home);
  g_clear_pointer (&mime_home, g_free);

  return status;
}
