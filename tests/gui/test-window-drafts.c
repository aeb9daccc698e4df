/* test-window-drafts.c — drafts, their recovery, and a file changed on disk, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft delay is set short ($CXPLAN_DRAFT_DELAY_MS) and the user's
 * data folder is the program's own (cx_gui_test_init()), so each test
 * sees its drafts in the store as the application writes them: after an
 * edit and the delay; gone when the plan is saved, undone to its saved
 * state, closed with Discard or replaced. Drafts put in the store are
 * offered on the welcome page and recovered or discarded through the
 * application's actions; a file written by someone else shows the bar,
 * whose Reload and Keep Mine are the window's actions.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cx-drafts.h"
#include "cx-edit.h"
#include "cx-gui-test.h"

#define DRAFT_DELAY_MS 150

static CxDraftStore *
default_store (void)
{
  return cx_draft_store_new_default ();
}

/* Whether the store holds the draft @id */
static gboolean
draft_exists (const char *id)
{
  g_autoptr(CxDraftStore) store = default_store ();
  g_autoptr(CxDraft) draft = NULL;

  if (id == NULL)
    return FALSE;
  draft = cx_draft_store_lookup (store, id, NULL, NULL);
  return draft != NULL;
}

static guint
count_drafts (void)
{
  g_autoptr(CxDraftStore) store = default_store ();
  g_autoptr(GPtrArray) drafts = cx_draft_store_list (store, NULL, NULL);

  return drafts != NULL ? drafts->len : 0;
}

/* Whether the draft @id holds @plan as it is now */
static gboolean
draft_holds (const char *id,
             CxPlan     *plan)
{
  g_autoptr(CxDraftStore) store = default_store ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) expected = cx_plan_to_bytes (plan);

  if (id == NULL)
    return FALSE;
  bytes = cx_draft_store_read (store, id, NULL, NULL);
  return bytes != NULL && g_bytes_equal (bytes, expected);
}

/* Waits until the document's draft is written and holds its plan now */
static void
wait_for_draft (CxDocument *document)
{
  WAIT_FOR (!cx_document_get_saving_draft (document) &&
            draft_holds (cx_document_get_draft_id (document), cx_document_get_plan (document)));
}

/* Lets the main loop run for @ms, long past what a draft waits for */
static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* A copy of a sample in a folder of the test's own */
static GFile *
copy_sample (const char *name,
             char      **dir)
{
  g_autofree char *path = cx_gui_test_sample_path (name);
  g_autoptr(GFile) sample = g_file_new_for_path (path);
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  *dir = g_dir_make_tmp ("cxplan-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  target = g_build_filename (*dir, name, NULL);
  file = g_file_new_for_path (target);
  g_file_copy (sample, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return file;
}

static void
remove_copy (GFile *file,
             char  *dir)
{
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
  g_free (dir);
}

static void
save_and_wait (CxWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR (!cx_document_get_busy (window->document) &&
            !cx_document_get_modified (window->document));
}

/* Closes @window as the user would, discarding what is not saved (a
 * window destroyed otherwise keeps its draft, as after a crash) */
static void
close_discarding (CxWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  cx_gui_test_settle ();
  if (cx_gui_test_find_message_dialog (window) != NULL)
    cx_gui_test_respond (cx_gui_test_find_message_dialog (window), "discard");
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (window)));
  cx_gui_test_destroy_window (window);
  WAIT_FOR (count_drafts () == 0);
}

/* ------------------------------------------------------------------ */
/* A document's draft                                                  */

static void
test_written_and_saved (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("team-gear-store.cxplan", &dir);
  g_autoptr(CxDraftStore) store = default_store ();
  g_autoptr(CxDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  g_autofree char *id = NULL;

  document = cx_gui_test_open_and_wait (window, g_file_peek_path (file),
                                        CX_DOCUMENT_LOAD_DEFAULT);
  g_assert_null (cx_document_get_draft_id (document));

  /* Not at once: a few moments after the edit */
  cx_gui_test_edit_title (window, "Typed, not saved");
  g_assert_false (draft_exists (cx_document_get_draft_id (document)));
  wait_for_draft (document);
  id = g_strdup (cx_document_get_draft_id (document));
  g_assert_cmpuint (count_drafts (), ==, 1);

  /* What it belongs to */
  draft = cx_draft_store_lookup (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cx_draft_get_file (draft), file));
  g_assert_cmpstr (cx_draft_get_title (draft), ==, "Typed, not saved");
  g_assert_cmpstr (cx_draft_get_file_stamp (draft)->checksum, ==,
                   cx_document_get_checksum (document));
  g_assert_cmpstr (cx_draft_get_file_stamp (draft)->etag, ==, cx_document_get_etag (document));
  g_assert_cmpint (cx_draft_check_file (draft, NULL), ==, CX_FILE_CHECK_UNCHANGED);

  /* Another edit: the same draft, written again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-step", NULL));
  wait_for_draft (document);
  g_assert_cmpstr (cx_document_get_draft_id (document), ==, id);
  g_assert_cmpuint (count_drafts (), ==, 1);

  /* Saved: the draft goes */
  save_and_wait (window);
  WAIT_FOR (!draft_exists (id));
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* Nothing more is written for the saved plan */
  run_for (DRAFT_DELAY_MS * 3);
  g_assert_false (draft_exists (id));

  cx_gui_test_destroy_window (window);
  remove_copy (file, dir);
}

/* Undone back to the state saved, the draft is stale */
static void
test_undo_to_saved (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("telecom-upgrade.cxplan", &dir);
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  g_autofree char *id = NULL;

  document = cx_gui_test_open_and_wait (window, g_file_peek_path (file),
                                        CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_edit_title (window, "To be undone");
  wait_for_draft (document);
  id = g_strdup (cx_document_get_draft_id (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (cx_document_get_modified (document));
  WAIT_FOR (!draft_exists (id));

  /* Redone, it needs one again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  wait_for_draft (document);

  close_discarding (window);
  remove_copy (file, dir);
}

/* The timer waits for the typing to pause, but not for ever: typing
 * without a pause as long as the delay, a draft is written by five
 * delays after the first key */
static void
test_delay (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("telecom-upgrade.cxplan", &dir);
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  const guint delay_ms = 400;
  g_autofree char *delay = g_strdup_printf ("%u", delay_ms);
  gint64 start, last, longest_pause = 0;
  guint n = 0;

  /* This document's delay, long beside the main loop's hiccups */
  g_setenv ("CXPLAN_DRAFT_DELAY_MS", delay, TRUE);
  document = cx_gui_test_open_and_wait (window, g_file_peek_path (file),
                                        CX_DOCUMENT_LOAD_DEFAULT);
  g_setenv ("CXPLAN_DRAFT_DELAY_MS", G_STRINGIFY (DRAFT_DELAY_MS), TRUE);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));
  run_for (300);

  /* A key every quarter of the delay */
  start = last = g_get_monotonic_time ();
  while (!draft_exists (cx_document_get_draft_id (document)))
    {
      g_autofree char *title = g_strdup_printf ("Typing %u", n++);
      gint64 now = g_get_monotonic_time ();

      g_assert_cmpint (now - start, <, G_USEC_PER_SEC * 20);
      longest_pause = MAX (longest_pause, now - last);
      last = now;
      cx_gui_test_edit_title (window, title);
      run_for (delay_ms / 4);
    }

  if (longest_pause >= delay_ms * 1000)
    {
      g_test_skip ("the main loop paused longer than the delay: nothing to tell");
    }
  else
    {
      /* Not before the delay; by five of them, and some time to write */
      g_assert_cmpint (last - start, >=, (delay_ms - delay_ms / 4) * 1000);
      g_assert_cmpint (last - start, <, (delay_ms * 5 + 3000) * (gint64) 1000);
    }

  /* and the last keys are in the draft once the typing stops */
  wait_for_draft (document);

  save_and_wait (window);
  cx_gui_test_destroy_window (window);
  remove_copy (file, dir);
}

/* Closing the window with Discard, or another plan in it, lets the draft go */
static void
test_discarded (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("team-gear-store.cxplan", &dir);
  g_autofree char *other = cx_gui_test_sample_path ("online-order-return.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  g_autofree char *id = NULL;

  /* Replaced by another plan, its changes discarded */
  document = cx_gui_test_open_and_wait (window, g_file_peek_path (file),
                                        CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_edit_title (window, "Replaced");
  wait_for_draft (document);
  id = g_strdup (cx_document_get_draft_id (document));
  {
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    cx_window_open_file (window, other_file, CX_DOCUMENT_LOAD_DEFAULT);
  }
  WAIT_FOR (cx_gui_test_find_message_dialog (window) != NULL);
  cx_gui_test_respond (cx_gui_test_find_message_dialog (window), "discard");
  WAIT_FOR (window->document != document);
  WAIT_FOR (!draft_exists (id));
  g_clear_pointer (&id, g_free);

  /* Closed with Discard */
  document = window->document;
  cx_gui_test_edit_title (window, "Closed");
  wait_for_draft (document);
  id = g_strdup (cx_document_get_draft_id (document));
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR (cx_gui_test_find_message_dialog (window) != NULL);
  cx_gui_test_respond (cx_gui_test_find_message_dialog (window), "discard");
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (window)));
  WAIT_FOR (!draft_exists (id));
  g_assert_cmpuint (count_drafts (), ==, 0);

  cx_gui_test_destroy_window (window);
  remove_copy (file, dir);
}

/* A copy of a sample, never saved: a draft once edited, with no file */
static void
test_untitled (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("online-order-return.cxplan");
  g_autoptr(GFile) sample = g_file_new_for_path (path);
  g_autoptr(CxDraftStore) store = default_store ();
  g_autoptr(CxDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  g_autofree char *id = NULL;

  document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  g_assert_true (cx_document_get_modified (document));

  /* As it was opened, it differs from nothing: no draft */
  run_for (DRAFT_DELAY_MS * 3);
  g_assert_null (cx_document_get_draft_id (document));
  g_assert_cmpuint (count_drafts (), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-step", NULL));
  wait_for_draft (document);
  id = g_strdup (cx_document_get_draft_id (document));
  draft = cx_draft_store_lookup (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cx_draft_get_file (draft));
  g_assert_true (g_file_equal (cx_draft_get_source (draft), sample));
  g_assert_null (cx_draft_get_file_stamp (draft)->checksum);

  /* Undone back to the sample: stale */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  WAIT_FOR (!draft_exists (id));

  /* A blank new plan, too */
  {
    g_autoptr(CxPlan) plan = cx_plan_new ();
    g_autoptr(CxDocument) blank = cx_document_new_for_plan (plan);
    g_autoptr(GError) edit_error = NULL;

    g_assert_nonnull (cx_edit_insert_step (cx_document_get_history (blank), CX_PHASE_DURING, -1,
                                           "The first step", &edit_error));
    g_assert_no_error (edit_error);
    wait_for_draft (blank);
    g_assert_cmpuint (count_drafts (), ==, 1);
    cx_document_discard_draft (blank);
    WAIT_FOR (count_drafts () == 0);
  }

  close_discarding (window);
}

/* ------------------------------------------------------------------ */
/* Recovery                                                            */

/* Puts a draft of @plan_path in the store, as a crashed editor of @file
 * (NULL: a plan never saved) left it, @minutes ago */
static CxDraft *
leave_draft (const char *plan_path,
             GFile      *file,
             const char *title,
             int         minutes)
{
  g_autoptr(CxDraftStore) store = default_store ();
  g_autoptr(GFile) plan_file = g_file_new_for_path (plan_path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cx_draft_new_id ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) written = g_date_time_add_minutes (now, -minutes);
  CxDraft *draft = cx_draft_new (id);

  bytes = g_file_load_bytes (plan_file, NULL, NULL, &error);
  g_assert_no_error (error);

  cx_draft_set_file (draft, file);
  cx_draft_set_title (draft, title);
  cx_draft_set_written (draft, written);
  if (file != NULL)
    {
      g_autoptr(GBytes) on_disk = g_file_load_bytes (file, NULL, NULL, &error);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL,
                                                     &error);
      g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, on_disk);
      CxFileStamp stamp = { (char *) g_file_info_get_etag (info), g_bytes_get_size (on_disk),
                            checksum };

      g_assert_no_error (error);
      cx_draft_set_file_stamp (draft, &stamp);
    }
  g_assert_true (cx_draft_store_write (store, draft, bytes, NULL, &error));
  g_assert_no_error (error);

  return draft;
}

static guint
n_offered (void)
{
  return g_list_model_get_n_items (cx_application_get_drafts (cx_gui_test_get_application ()));
}

static void
activate_app_action (const char *name,
                     const char *id)
{
  g_action_group_activate_action (G_ACTION_GROUP (cx_gui_test_get_application ()), name,
                                  g_variant_new_string (id));
}

static void
test_recover (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("team-gear-store.cxplan", &dir);
  g_autofree char *other_path = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autofree char *copy_path = cx_gui_test_sample_path ("online-order-return.cxplan");
  g_autoptr(CxDraft) saved = NULL;
  g_autoptr(CxDraft) untitled = NULL;
  g_autoptr(CxDraft) open = NULL;
  g_autoptr(CxPlan) expected = cx_gui_test_read_plan (other_path);
  CxWindow *window = cx_gui_test_new_window ();
  CxWindow *busy = cx_gui_test_new_window ();
  GtkWidget *row;

  /* A draft of a file, one of a plan never saved, and one of a plan open
   * in a window, which is that window's and not offered */
  saved = leave_draft (other_path, file, "Upgrade, edited", 5);
  untitled = leave_draft (copy_path, NULL, "Returns, never saved", 90);
  cx_gui_test_open_and_wait (busy, copy_path, CX_DOCUMENT_LOAD_DEFAULT);
  {
    g_autoptr(GFile) open_file = g_file_new_for_path (copy_path);

    open = leave_draft (copy_path, open_file, "Open elsewhere", 1);
  }

  cx_application_list_drafts (cx_gui_test_get_application ());
  WAIT_FOR (n_offered () == 2);

  /* On the welcome page: what plan, which file, when */
  WAIT_FOR (gtk_widget_get_visible (window->drafts_group));
  row = cx_gui_test_find_row (window->drafts_group, ADW_TYPE_ACTION_ROW, "Upgrade, edited");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "team-gear-store.cxplan · 5 minutes ago");
  row = cx_gui_test_find_row (window->drafts_group, ADW_TYPE_ACTION_ROW, "Returns, never saved");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Not saved yet · 1 hour ago");
  g_assert_null (cx_gui_test_find_row (window->drafts_group, ADW_TYPE_ACTION_ROW,
                                       "Open elsewhere"));

  /* Recovered: in the empty window, modified, its file the draft's */
  activate_app_action ("recover-draft", cx_draft_get_id (saved));
  WAIT_FOR (window->document != NULL);
  g_assert_true (cx_document_get_modified (window->document));
  g_assert_true (g_file_equal (cx_document_get_file (window->document), file));
  g_assert_cmpstr (cx_document_get_draft_id (window->document), ==, cx_draft_get_id (saved));
  g_assert_true (cx_plan_equal_as_written (cx_document_get_plan (window->document), expected));
  g_assert_cmpuint (n_offered (), ==, 1);
  g_assert_true (draft_exists (cx_draft_get_id (saved)));

  /* Discarded: gone from the list and the store */
  activate_app_action ("discard-draft", cx_draft_get_id (untitled));
  g_assert_cmpuint (n_offered (), ==, 0);
  WAIT_FOR (!draft_exists (cx_draft_get_id (untitled)));
  WAIT_FOR (!gtk_widget_get_visible (window->drafts_group));

  /* A live draft is no one's to recover or discard */
  activate_app_action ("discard-draft", cx_draft_get_id (open));
  activate_app_action ("recover-draft", "../not-an-id");
  run_for (100);
  g_assert_true (draft_exists (cx_draft_get_id (open)));

  /* Saved where it belongs, without a question: the file did not change */
  save_and_wait (window);
  cx_gui_test_assert_file_holds (file, expected);
  WAIT_FOR (!draft_exists (cx_draft_get_id (saved)));

  cx_gui_test_destroy_window (window);
  gtk_window_close (GTK_WINDOW (busy));
  cx_gui_test_destroy_window (busy);
  {
    g_autoptr(CxDraftStore) store = default_store ();

    cx_draft_store_remove (store, cx_draft_get_id (open), NULL, NULL);
  }
  remove_copy (file, dir);
}

/* The file changed since the draft: it says so, and saving asks */
static void
test_recover_changed_file (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("team-gear-store.cxplan", &dir);
  g_autofree char *other_path = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autoptr(CxDraft) draft = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  GtkWidget *row;
  const char *subtitle;

  draft = leave_draft (other_path, file, "Changed since", 0);
  g_assert_true (g_file_set_contents (g_file_peek_path (file), "<cxplan/>\n", -1, NULL));

  cx_application_list_drafts (cx_gui_test_get_application ());
  WAIT_FOR (n_offered () == 1);
  WAIT_FOR ((row = cx_gui_test_find_row (window->drafts_group, ADW_TYPE_ACTION_ROW,
                                         "Changed since")) != NULL);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_cmpstr (subtitle, ==, "team-gear-store.cxplan · just now · the file has changed since");

  activate_app_action ("recover-draft", cx_draft_get_id (draft));
  WAIT_FOR (window->document != NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR (cx_gui_test_find_message_dialog (window) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (cx_gui_test_find_message_dialog (window)), ==,
                   "The file has changed on disk");
  cx_gui_test_respond (cx_gui_test_find_message_dialog (window), "cancel");

  close_discarding (window);
  g_assert_false (draft_exists (cx_draft_get_id (draft)));
  remove_copy (file, dir);
}

/* ------------------------------------------------------------------ */
/* The file changed on disk                                            */

static void
write_other_plan (GFile *file)
{
  g_autofree char *other = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (other, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (g_file_peek_path (file), text, -1, NULL));
}

static void
test_monitor_reload (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("team-gear-store.cxplan", &dir);
  g_autofree char *other_path = cx_gui_test_sample_path ("telecom-upgrade.cxplan");
  g_autoptr(CxPlan) other = cx_gui_test_read_plan (other_path);
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;

  document = cx_gui_test_open_and_wait (window, g_file_peek_path (file),
                                        CX_DOCUMENT_LOAD_DEFAULT);
  g_assert_false (cx_banner_get_revealed (window->file_banner));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "reload"));

  write_other_plan (file);
  WAIT_FOR (cx_document_get_disk_state (document) == CX_DOCUMENT_DISK_CHANGED);
  g_assert_true (cx_banner_get_revealed (window->file_banner));
  g_assert_cmpstr (cx_banner_get_title (window->file_banner), ==,
                   "“team-gear-store.cxplan” was changed by another program");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "reload"));

  /* Reload: their version, unmodified, and the bar goes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  WAIT_FOR (window->document != document);
  g_assert_true (cx_plan_equal_as_written (cx_document_get_plan (window->document), other));
  g_assert_false (cx_document_get_modified (window->document));
  g_assert_false (cx_banner_get_revealed (window->file_banner));

  /* Removed: the bar says so, and keeps the plan open, modified */
  document = window->document;
  g_assert_true (g_file_delete (file, NULL, NULL));
  WAIT_FOR (cx_document_get_disk_state (document) == CX_DOCUMENT_DISK_GONE);
  g_assert_true (cx_banner_get_revealed (window->file_banner));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "reload"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_true (cx_document_get_modified (document));
  g_assert_false (cx_banner_get_revealed (window->file_banner));
  save_and_wait (window);
  cx_gui_test_assert_file_holds (file, other);

  cx_gui_test_destroy_window (window);
  remove_copy (file, dir);
}

static void
test_monitor_keep_mine (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("team-gear-store.cxplan", &dir);
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  CxPlan *plan;

  document = cx_gui_test_open_and_wait (window, g_file_peek_path (file),
                                        CX_DOCUMENT_LOAD_DEFAULT);
  plan = cx_document_get_plan (document);
  cx_gui_test_edit_title (window, "Mine");

  write_other_plan (file);
  WAIT_FOR (cx_banner_get_revealed (window->file_banner));
  g_assert_cmpstr (cx_banner_get_title (window->file_banner), ==,
                   "“team-gear-store.cxplan” was changed by another program: reloading it "
                   "discards your changes");

  /* Keep Mine: the plan stays, and the next save does not ask */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_false (cx_banner_get_revealed (window->file_banner));
  g_assert_true (window->document == document);
  g_assert_true (cx_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR (!cx_document_get_busy (document) &&
            (!cx_document_get_modified (document) ||
             cx_gui_test_find_message_dialog (window) != NULL));
  g_assert_null (cx_gui_test_find_message_dialog (window));
  cx_gui_test_assert_file_holds (file, plan);

  /* The app's own save does not bring the bar back */
  run_for (800);
  g_assert_cmpint (cx_document_get_disk_state (document), ==, CX_DOCUMENT_DISK_SAME);
  g_assert_false (cx_banner_get_revealed (window->file_banner));

  /* Kept, and undone to what it was when it was kept: still modified,
   * since the file holds another plan since */
  write_other_plan (file);
  WAIT_FOR (cx_banner_get_revealed (window->file_banner));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_true (cx_document_get_modified (document));
  wait_for_draft (document);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (cx_document_get_modified (document));
  wait_for_draft (document);

  close_discarding (window);
  remove_copy (file, dir);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* Saving many times in a row, as the user may: never the bar */
static void
test_monitor_own_saves (void)
{
  char *dir = NULL;
  g_autoptr(GFile) file = copy_sample ("telecom-upgrade.cxplan", &dir);
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  gulong handler;
  guint n_notified = 0;

  document = cx_gui_test_open_and_wait (window, g_file_peek_path (file),
                                        CX_DOCUMENT_LOAD_DEFAULT);
  handler = g_signal_connect_swapped (document, "notify::disk-state",
                                      G_CALLBACK (count_notify), &n_notified);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Saved %u times", i);

      cx_gui_test_edit_title (window, title);
      save_and_wait (window);
      run_for (i % 2 == 0 ? 0 : 250);
    }
  run_for (800);
  g_assert_cmpuint (n_notified, ==, 0);
  g_assert_false (cx_banner_get_revealed (window->file_banner));
  g_signal_handler_disconnect (document, handler);

  cx_gui_test_destroy_window (window);
  remove_copy (file, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *delay = g_strdup_printf ("%d", DRAFT_DELAY_MS);

  g_setenv ("CXPLAN_DRAFT_DELAY_MS", delay, TRUE);
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/drafts/written-and-saved", test_written_and_saved);
  g_test_add_func ("/drafts/undo-to-saved", test_undo_to_saved);
  g_test_add_func ("/drafts/delay", test_delay);
  g_test_add_func ("/drafts/discarded", test_discarded);
  g_test_add_func ("/drafts/untitled", test_untitled);
  g_test_add_func ("/drafts/recover", test_recover);
  g_test_add_func ("/drafts/recover-changed-file", test_recover_changed_file);
  g_test_add_func ("/drafts/monitor/reload", test_monitor_reload);
  g_test_add_func ("/drafts/monitor/keep-mine", test_monitor_keep_mine);
  g_test_add_func ("/drafts/monitor/own-saves", test_monitor_own_saves);

  return cx_gui_test_run ();
}
