/* test-file-check.c — whether a file is still what was read or written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case writes a file, keeps its stamp as a document would, does
 * something to the file, and asks.
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "cx-file-check.h"

typedef struct
{
  char        *dir;
  GFile       *file;
  CxFileStamp  stamp;   /* of the file as first written */
} Fixture;

/* The stamp a document keeps after writing @text to @file: the etag the
 * file has then, the size and checksum of the bytes written */
static void
write_and_stamp (GFile       *file,
                 const char  *text,
                 CxFileStamp *stamp)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (g_file_peek_path (file), text, -1, &error);
  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  g_assert_no_error (error);

  cx_file_stamp_clear (stamp);
  stamp->etag = g_strdup (g_file_info_get_etag (info));
  stamp->size = strlen (text);
  stamp->checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Moves the file's modification time, as touch does: a new etag */
static void
touch (GFile  *file,
       gint64  seconds)
{
  struct utimbuf times = { seconds, seconds };

  g_assert_cmpint (g_utime (g_file_peek_path (file), &times), ==, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cx-file-check-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plan.cxplan", NULL);
  f->file = g_file_new_for_path (path);
  f->stamp.size = -1;
  write_and_stamp (f->file, "<cxplan>one</cxplan>\n", &f->stamp);

  /* A known time, which a later touch can put back */
  touch (f->file, 1700000000);
  info = g_file_query_info (f->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  g_assert_no_error (error);
  g_free (f->stamp.etag);
  f->stamp.etag = g_strdup (g_file_info_get_etag (info));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_file_delete (f->file, NULL, NULL);
  g_rmdir (f->dir);
  g_clear_object (&f->file);
  g_free (f->dir);
  cx_file_stamp_clear (&f->stamp);
}

static void
test_unchanged (Fixture       *f,
                gconstpointer  data)
{
  CxFileStamp now;

  g_assert_cmpint (cx_file_check (f->file, &f->stamp, NULL, NULL), ==, CX_FILE_CHECK_UNCHANGED);

  /* The stamp of the file now is the same, without reading it */
  g_assert_cmpint (cx_file_check (f->file, &f->stamp, &now, NULL), ==, CX_FILE_CHECK_UNCHANGED);
  g_assert_cmpstr (now.etag, ==, f->stamp.etag);
  g_assert_cmpint (now.size, ==, f->stamp.size);
  g_assert_cmpstr (now.checksum, ==, f->stamp.checksum);
  g_assert_true (cx_file_stamp_equal (&now, &f->stamp));
  cx_file_stamp_clear (&now);
  g_assert_null (now.etag);
  g_assert_cmpint (now.size, ==, -1);
}

/* A touch, or the same bytes copied back: another etag, the same bytes */
static void
test_touched (Fixture       *f,
              gconstpointer  data)
{
  CxFileStamp now;

  touch (f->file, 1700000500);
  g_assert_cmpint (cx_file_check (f->file, &f->stamp, &now, NULL), ==, CX_FILE_CHECK_UNCHANGED);
  g_assert_cmpstr (now.etag, !=, f->stamp.etag);
  g_assert_cmpstr (now.checksum, ==, f->stamp.checksum);
  cx_file_stamp_clear (&now);
}

/* Other bytes of the same length: the checksum decides */
static void
test_changed_same_size (Fixture       *f,
                        gconstpointer  data)
{
  CxFileStamp other = { NULL, -1, NULL };
  CxFileStamp now;

  write_and_stamp (f->file, "<cxplan>two</cxplan>\n", &other);
  g_assert_cmpint (cx_file_check (f->file, &f->stamp, NULL, NULL), ==, CX_FILE_CHECK_CHANGED);
  g_assert_cmpint (cx_file_check (f->file, &f->stamp, &now, NULL), ==, CX_FILE_CHECK_CHANGED);
  g_assert_cmpstr (now.checksum, ==, other.checksum);
  g_assert_false (cx_file_stamp_equal (&now, &f->stamp));

  /* What the new stamp says is unchanged */
  g_assert_cmpint (cx_file_check (f->file, &now, NULL, NULL), ==, CX_FILE_CHECK_UNCHANGED);
  cx_file_stamp_clear (&now);
  cx_file_stamp_clear (&other);
}

static void
test_changed_size (Fixture       *f,
                   gconstpointer  data)
{
  CxFileStamp other = { NULL, -1, NULL };
  CxFileStamp now;

  write_and_stamp (f->file, "<cxplan>a longer plan</cxplan>\n", &other);
  g_assert_cmpint (cx_file_check (f->file, &f->stamp, NULL, NULL), ==, CX_FILE_CHECK_CHANGED);

  /* Asking for the stamp now reads the bytes */
  g_assert_cmpint (cx_file_check (f->file, &f->stamp, &now, NULL), ==, CX_FILE_CHECK_CHANGED);
  g_assert_cmpint (now.size, ==, other.size);
  g_assert_cmpstr (now.checksum, ==, other.checksum);
  cx_file_stamp_clear (&now);
  cx_file_stamp_clear (&other);
}

static void
test_gone (Fixture       *f,
           gconstpointer  data)
{
  CxFileStamp now;

  g_assert_true (g_file_delete (f->file, NULL, NULL));
  g_assert_cmpint (cx_file_check (f->file, &f->stamp, &now, NULL), ==, CX_FILE_CHECK_GONE);
  g_assert_null (now.checksum);
  g_assert_cmpint (now.size, ==, -1);
}

/* Nothing to compare with: a stamp without a checksum */
static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  CxFileStamp none = { NULL, -1, NULL };
  CxFileStamp copy = { NULL, -1, NULL };

  g_assert_cmpint (cx_file_check (f->file, &none, NULL, NULL), ==, CX_FILE_CHECK_UNKNOWN);

  cx_file_stamp_copy (&copy, &f->stamp);
  g_assert_true (cx_file_stamp_equal (&copy, &f->stamp));
  g_assert_false (cx_file_stamp_equal (&none, &none));
  cx_file_stamp_clear (&copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/file-check/unchanged", test_unchanged);
  ADD ("/file-check/touched", test_touched);
  ADD ("/file-check/changed-same-size", test_changed_same_size);
  ADD ("/file-check/changed-size", test_changed_size);
  ADD ("/file-check/gone", test_gone);
  ADD ("/file-check/unknown", test_unknown);
#undef ADD

  return g_test_run ();
}
