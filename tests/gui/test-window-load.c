/* test-window-load.c — closing a window stops the read it started
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window reads its file in a thread. Closed while the read goes on, it
 * cancels the read's GCancellable, and the reader, which polls it, stops
 * there: the thread does not go on to the end of a big file, and no
 * message comes of it. The reader's poll hook (a test's, not the app's)
 * slows each poll down so that the read is still going when the window
 * closes, and counts the polls.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cx-gui-test.h"
#include "cx-plan-reader-private.h"

/* A wide plan: 2,000,000 foreign elements, 4,000 polls of the reader */
#define N_ELEMENTS 2000000
#define POLL_DELAY_US 2000

static gint polls;

static void
on_poll (guint64  n_events,
         gpointer user_data)
{
  g_atomic_int_inc (&polls);
  g_usleep (POLL_DELAY_US);
}

static char *
write_wide_plan (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "wide.cxplan", NULL);
  GString *text = g_string_new ("<cxplan xmlns=\"urn:cxplan:plan:1\" xmlns:x=\"urn:x\" "
                                "version=\"1.0\"><title>Wide</title><lanes/><phases>"
                                "<phase kind=\"before\"><step id=\"s\"><title>S</title>\n");

  for (guint i = 0; i < N_ELEMENTS; i++)
    g_string_append (text, "<x:e/>");
  g_string_append (text, "\n</step></phase><phase kind=\"during\"/><phase kind=\"after\"/>"
                         "<phase kind=\"recovery\"/></phases></cxplan>\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);

  return g_steal_pointer (&path);
}

static void
test_close_cancels_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cxplan-gui-XXXXXX", NULL);
  g_autofree char *path = write_wide_plan (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CxWindow *window = cx_gui_test_new_window ();
  guint polls_at_close;

  g_atomic_int_set (&polls, 0);
  cx_plan_reader_set_poll_func (on_poll, NULL);

  cx_window_open_file (window, file, CX_DOCUMENT_LOAD_DEFAULT);
  WAIT_FOR (g_atomic_int_get (&polls) >= 3);

  polls_at_close = g_atomic_int_get (&polls);
  gtk_window_close (GTK_WINDOW (window));

  /* The thread ends, with the read, long before it could have read it all */
  WAIT_FOR (window->loading == 0);
  cx_plan_reader_set_poll_func (NULL, NULL);
  g_test_message ("%u polls before the close, %d in all, of %u for the whole file",
                  polls_at_close, g_atomic_int_get (&polls), 2 * N_ELEMENTS / 1024);
  g_assert_cmpint (g_atomic_int_get (&polls), <, 2 * N_ELEMENTS / 1024 / 4);

  /* Cancelled is not refused: no message, no plan */
  g_assert_null (cx_gui_test_find_message_dialog (window));
  g_assert_null (cx_window_get_document (window));

  cx_gui_test_settle ();
  g_assert_finalize_object (window);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/window/close-cancels-read", test_close_cancels_read);

  return cx_gui_test_run ();
}
