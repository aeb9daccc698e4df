/* test-drafts.c — the store of drafts: write, list, read, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test has a store in a folder of its own, and the program a user
 * data folder of its own, where the default store is (not
 * G_TEST_OPTION_ISOLATE_DIRS, whose g_set_user_dirs() keeps the old
 * folders' names for ever, which LeakSanitizer reports). Besides the
 * round trip of a draft and its description, the store
 * must offer whatever holds the user's work after a crash at any moment:
 * a plan whose key file was never written, or is broken; and nothing for
 * what holds none (a key file alone, a write's temporary file).
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cx-drafts.h"
#include "cx-format.h"
#include "cx-plan-io.h"

typedef struct
{
  char         *home;       /* the test's folder */
  CxDraftStore *store;      /* in home/drafts */
  GFile        *directory;
  GBytes       *plan;       /* the bytes of a plan */
} Fixture;

/* Removes @path and what it holds, without following links */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "reference.cxplan",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *drafts = NULL;

  f->home = g_dir_make_tmp ("cx-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  drafts = g_build_filename (f->home, "drafts", NULL);
  f->directory = g_file_new_for_path (drafts);
  f->store = cx_draft_store_new (f->directory);
  f->plan = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->directory);
  g_clear_pointer (&f->plan, g_bytes_unref);
  remove_tree (f->home);
  g_free (f->home);
}

static GFile *
child (Fixture    *f,
       const char *id,
       const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (f->directory, name);
}

/* A draft of a saved plan, described as a document would */
static CxDraft *
new_saved_draft (const char *id,
                 GDateTime  *written)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/home/someone/Plans/store visit.cxplan");
  CxFileStamp stamp = {
    (char *) "1700000000:123456", 4242,
    (char *) "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  };
  CxDraft *draft = cx_draft_new (id);

  cx_draft_set_file (draft, file);
  cx_draft_set_source (draft, file);
  cx_draft_set_title (draft, "A store visit — “quoted” & <marked>");
  cx_draft_set_written (draft, written);
  cx_draft_set_file_stamp (draft, &stamp);

  return draft;
}

static void
write_draft (Fixture *f,
             CxDraft *draft)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cx_draft_store_write (f->store, draft, f->plan, NULL, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */

static void
test_ids (void)
{
  g_autofree char *a = cx_draft_new_id ();
  g_autofree char *b = cx_draft_new_id ();
  const char *not_ids[] = { "", "../../etc/passwd", "abc", "0123456789abcdef", a + 1 };

  g_assert_true (cx_draft_id_is_valid (a));
  g_assert_true (cx_draft_id_is_valid (b));
  g_assert_cmpstr (a, !=, b);
  g_assert_false (cx_draft_id_is_valid (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (not_ids); i++)
    g_assert_false (cx_draft_id_is_valid (not_ids[i]));
}

/* An id that is not one reaches no file */
static void
test_invalid_ids (Fixture       *f,
                  gconstpointer  data)
{
  const char *not_ids[] = { "../reference", "/tmp/x", "", "x/../y" };

  for (guint i = 0; i < G_N_ELEMENTS (not_ids); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (cx_draft_store_read (f->store, not_ids[i], NULL, &error));
      g_assert_error (error, CX_DRAFT_ERROR, CX_DRAFT_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_null (cx_draft_store_lookup (f->store, not_ids[i], NULL, &error));
      g_assert_error (error, CX_DRAFT_ERROR, CX_DRAFT_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (cx_draft_store_remove (f->store, not_ids[i], NULL, &error));
      g_assert_error (error, CX_DRAFT_ERROR, CX_DRAFT_ERROR_INVALID);
    }
}

/* No folder yet: no drafts, and no error */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "cxplan", "drafts", NULL);
  g_autoptr(CxDraftStore) user_store = cx_draft_store_new_default ();

  /* The user's store, in the user data folder (the program's own here) */
  g_assert_cmpstr (g_file_peek_path (cx_draft_store_get_directory (user_store)), ==, expected);
  g_assert_true (g_str_has_prefix (expected, g_getenv ("XDG_DATA_HOME")));

  g_assert_false (g_file_query_exists (f->directory, NULL));

  drafts = cx_draft_store_list (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = cx_draft_new_id ();
  g_autoptr(GDateTime) written = g_date_time_new_utc (2026, 3, 14, 15, 9, 26.535);
  g_autoptr(CxDraft) draft = new_saved_draft (id, written);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(CxDraft) found = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) info_file = child (f, id, CX_DRAFT_INFO_SUFFIX);
  const CxFileStamp *stamp;
  GStatBuf st;

  write_draft (f, draft);

  /* The folder and the descriptions are the user's alone */
  g_assert_cmpint (g_stat (g_file_peek_path (f->directory), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (g_file_peek_path (info_file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  drafts = cx_draft_store_list (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);

  found = cx_draft_store_lookup (f->store, id, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      CxDraft *d = i == 0 ? g_ptr_array_index (drafts, 0) : found;

      g_assert_cmpstr (cx_draft_get_id (d), ==, id);
      g_assert_true (g_file_equal (cx_draft_get_file (d), cx_draft_get_file (draft)));
      g_assert_true (g_file_equal (cx_draft_get_source (d), cx_draft_get_source (draft)));
      g_assert_cmpstr (cx_draft_get_title (d), ==, cx_draft_get_title (draft));
      g_assert_true (g_date_time_equal (cx_draft_get_written (d), written));
      stamp = cx_draft_get_file_stamp (d);
      g_assert_cmpstr (stamp->etag, ==, "1700000000:123456");
      g_assert_cmpint (stamp->size, ==, 4242);
      g_assert_cmpstr (stamp->checksum, ==, cx_draft_get_file_stamp (draft)->checksum);
    }

  bytes = cx_draft_store_read (f->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, f->plan));
}

/* A plan never saved: no file, nothing to check on disk */
static void
test_untitled (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = cx_draft_new_id ();
  g_autoptr(CxDraft) draft = cx_draft_new (id);
  g_autoptr(GFile) sample = g_file_new_for_path ("/usr/share/cxplan/samples/online.cxplan");
  g_autoptr(CxDraft) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();

  cx_draft_set_source (draft, sample);
  write_draft (f, draft);

  found = cx_draft_store_lookup (f->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cx_draft_get_file (found));
  g_assert_true (g_file_equal (cx_draft_get_source (found), sample));
  g_assert_null (cx_draft_get_title (found));
  g_assert_null (cx_draft_get_file_stamp (found)->checksum);
  g_assert_cmpint (cx_draft_get_file_stamp (found)->size, ==, -1);
  /* Written now, when the draft did not say */
  g_assert_cmpint (g_date_time_difference (cx_draft_get_written (found), before), >=, -1000000);
  g_assert_cmpint (cx_draft_check_file (found, NULL), ==, CX_FILE_CHECK_UNKNOWN);
}

/* Writing again replaces; the newest comes first */
static void
test_rewrite_and_order (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *old_id = cx_draft_new_id ();
  g_autofree char *new_id = cx_draft_new_id ();
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 3, 9, 10, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_utc (2026, 3, 10, 10, 0, 0);
  g_autoptr(CxDraft) old_draft = new_saved_draft (old_id, tuesday);
  g_autoptr(CxDraft) new_draft = new_saved_draft (new_id, monday);
  g_autoptr(GBytes) other = g_bytes_new_static ("<other/>\n", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GBytes) bytes = NULL;

  write_draft (f, old_draft);
  write_draft (f, new_draft);
  drafts = cx_draft_store_list (f->store, NULL, &error);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_cmpstr (cx_draft_get_id (g_ptr_array_index (drafts, 0)), ==, old_id);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* The other one written again, later, with other bytes */
  g_clear_object (&new_draft);
  {
    g_autoptr(GDateTime) wednesday = g_date_time_new_utc (2026, 3, 11, 10, 0, 0);

    new_draft = new_saved_draft (new_id, wednesday);
    cx_draft_set_title (new_draft, "Renamed");
  }
  g_assert_true (cx_draft_store_write (f->store, new_draft, other, NULL, &error));
  g_assert_no_error (error);

  drafts = cx_draft_store_list (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_cmpstr (cx_draft_get_id (g_ptr_array_index (drafts, 0)), ==, new_id);
  g_assert_cmpstr (cx_draft_get_title (g_ptr_array_index (drafts, 0)), ==, "Renamed");
  bytes = cx_draft_store_read (f->store, new_id, NULL, &error);
  g_assert_true (g_bytes_equal (bytes, other));
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = cx_draft_new_id ();
  g_autofree char *kept_id = cx_draft_new_id ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CxDraft) draft = new_saved_draft (id, now);
  g_autoptr(CxDraft) kept = new_saved_draft (kept_id, now);
  g_autoptr(GFile) plan_file = child (f, id, CX_FILE_SUFFIX);
  g_autoptr(GFile) info_file = child (f, id, CX_DRAFT_INFO_SUFFIX);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  write_draft (f, draft);
  write_draft (f, kept);
  g_assert_true (g_file_query_exists (plan_file, NULL));
  g_assert_true (g_file_query_exists (info_file, NULL));

  g_assert_true (cx_draft_store_remove (f->store, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (plan_file, NULL));
  g_assert_false (g_file_query_exists (info_file, NULL));

  /* What is not there is removed already */
  g_assert_true (cx_draft_store_remove (f->store, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (cx_draft_store_read (f->store, id, NULL, &error));
  g_assert_error (error, CX_DRAFT_ERROR, CX_DRAFT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cx_draft_store_lookup (f->store, id, NULL, &error));
  g_assert_error (error, CX_DRAFT_ERROR, CX_DRAFT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  drafts = cx_draft_store_list (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (cx_draft_get_id (g_ptr_array_index (drafts, 0)), ==, kept_id);
}

/* After a crash part-way: a plan without its key file, or with a broken
 * one, is offered; a key file alone, or a temporary file, is not */
static void
test_partial (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *lone_plan = cx_draft_new_id ();
  g_autofree char *broken = cx_draft_new_id ();
  g_autofree char *lone_info = cx_draft_new_id ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CxDraft) draft = new_saved_draft (lone_info, now);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *temp = NULL;
  const char *garbage = "[Draft\nTitle=\xff\xfe\nFileSize=many\nWritten=yesterday\n";

  /* A key file whose plan is gone */
  write_draft (f, draft);
  file = child (f, lone_info, CX_FILE_SUFFIX);
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_clear_object (&file);

  /* A plan whose key file was never written */
  file = child (f, lone_plan, CX_FILE_SUFFIX);
  g_assert_true (cx_save_bytes_to_file (f->plan, file, NULL, &error));
  g_clear_object (&file);

  /* A plan with a key file that is not one */
  file = child (f, broken, CX_FILE_SUFFIX);
  g_assert_true (cx_save_bytes_to_file (f->plan, file, NULL, &error));
  g_clear_object (&file);
  file = child (f, broken, CX_DRAFT_INFO_SUFFIX);
  g_assert_true (g_file_set_contents (g_file_peek_path (file), garbage, -1, &error));

  /* A write's temporary file, and a stranger */
  temp = g_build_filename (g_file_peek_path (f->directory), ".x.cxplan.ABC123", NULL);
  g_assert_true (g_file_set_contents (temp, "<", -1, &error));
  g_clear_pointer (&temp, g_free);
  temp = g_build_filename (g_file_peek_path (f->directory), "notes.cxplan", NULL);
  g_assert_true (g_file_set_contents (temp, "<", -1, &error));

  drafts = cx_draft_store_list (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 2);
  for (guint i = 0; i < drafts->len; i++)
    {
      CxDraft *d = g_ptr_array_index (drafts, i);

      g_assert_true (g_str_equal (cx_draft_get_id (d), lone_plan) ||
                     g_str_equal (cx_draft_get_id (d), broken));
      g_assert_null (cx_draft_get_file (d));
      g_assert_null (cx_draft_get_title (d));
      /* When: the plan's own time */
      g_assert_nonnull (cx_draft_get_written (d));
      g_assert_cmpint (cx_draft_get_file_stamp (d)->size, ==, -1);
    }
}

/* Whether the draft's file changed since the editor read it */
static void
test_check_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = cx_draft_new_id ();
  g_autofree char *path = g_build_filename (f->home, "plan.cxplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CxDraft) draft = cx_draft_new (id);
  g_autoptr(CxDraft) found = NULL;
  g_autoptr(GError) error = NULL;
  CxFileStamp stamp = { NULL, -1, NULL };

  g_assert_true (cx_save_bytes_to_file (f->plan, file, NULL, &error));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, &error);
  g_assert_no_error (error);
  stamp.etag = g_strdup (g_file_info_get_etag (info));
  stamp.size = g_bytes_get_size (f->plan);
  stamp.checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->plan);

  cx_draft_set_file (draft, file);
  cx_draft_set_file_stamp (draft, &stamp);
  write_draft (f, draft);
  found = cx_draft_store_lookup (f->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cx_draft_get_file_check (found), ==, CX_FILE_CHECK_UNKNOWN);
  g_assert_cmpint (cx_draft_check_file (found, NULL), ==, CX_FILE_CHECK_UNCHANGED);

  g_assert_true (g_file_set_contents (path, "<cxplan/>\n", -1, &error));
  g_assert_cmpint (cx_draft_check_file (found, NULL), ==, CX_FILE_CHECK_CHANGED);
  g_assert_cmpint (cx_draft_get_file_check (found), ==, CX_FILE_CHECK_CHANGED);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (cx_draft_check_file (found, NULL), ==, CX_FILE_CHECK_GONE);
  cx_file_stamp_clear (&stamp);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("cx-drafts-data-XXXXXX", NULL);
  int status;

  /* Before anything asks GLib for the folder */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafts/ids", test_ids);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/drafts/invalid-ids", test_invalid_ids);
  ADD ("/drafts/empty", test_empty);
  ADD ("/drafts/round-trip", test_round_trip);
  ADD ("/drafts/untitled", test_untitled);
  ADD ("/drafts/rewrite-and-order", test_rewrite_and_order);
  ADD ("/drafts/remove", test_remove);
  ADD ("/drafts/partial", test_partial);
  ADD ("/drafts/check-file", test_check_file);
#undef ADD

  status = g_test_run ();
  remove_tree (data_home);

  return status;
}
