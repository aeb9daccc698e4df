/* cxplan-edit-bench.c — how quickly editing shows, in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- \
 *     env GSK_RENDERER=cairo _build/tests/bench/cxplan-edit-bench [ROUNDS]
 *
 * On a 10-step and a 10,000-step plan, in a real CxWindow under the
 * display, it measures:
 *
 *  - keystroke to frame: a character typed into the step's title in the
 *    side panel (the text inserted as a key press inserts it, then the
 *    edit, the map's redraw), until the end of the paint phase of the
 *    next frame that draws the map;
 *  - the same for a character typed in the map's editor in place;
 *  - findings: from an edit that changes them until the document has
 *    checked the plan again, and how long that check held the main loop
 *    (the time typing would wait);
 *  - undo and redo to frame;
 *  - the heap taken by 1,000 edits of history (mallinfo2), beyond the
 *    plan's.
 *
 * Prints medians and 95th percentiles in milliseconds. A benchmark, not a
 * test: it asserts nothing about the figures.
 */

#include "config.h"

#include <malloc.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "cx-bench-gen.h"
#include "cx-edit.h"
#include "cx-gui-test.h"

typedef struct
{
  gint64 painted;     /* monotonic µs of the last after-paint */
  guint  n_paints;
} Frames;

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->painted = g_get_monotonic_time ();
  frames->n_paints++;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        guint       n_steps,
        GArray     *ms)
{
  g_array_sort (ms, compare_double);
  printf ("%-28s %6u steps  median %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%u)\n", what, n_steps,
          g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, MIN (ms->len - 1, ms->len * 95 / 100)),
          g_array_index (ms, double, ms->len - 1), ms->len);
  fflush (stdout);
}

/* Runs the main loop until a frame is painted after @since, and returns
 * the milliseconds from @since to the end of its paint phase */
static double
wait_for_frame (Frames *frames,
                guint   n_paints,
                gint64  since)
{
  WAIT_FOR (frames->n_paints > n_paints);
  return (frames->painted - since) / 1000.0;
}

static void
settle_frames (Frames *frames)
{
  guint n = frames->n_paints;

  /* Nothing pending: two frames go by without anything asked of them */
  cx_gui_test_settle ();
  if (frames->n_paints == n)
    return;
  WAIT_FOR (frames->n_paints >= n + 1);
  cx_gui_test_settle ();
}

static gint64 check_started, check_ended;

/* A typist's pause between two keys: the frame clock goes idle, as it
 * does between real keystrokes (typing right after a frame would wait
 * for the next frame's slot, which is not the cost of the edit) */
static void
pause_like_a_typist (void)
{
  gint64 until = g_get_monotonic_time () + 80 * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
on_findings_changed (CxDocument *document,
                     gint64     *when)
{
  *when = g_get_monotonic_time ();
}

static void
bench_plan (guint n_steps,
            guint rounds)
{
  g_autofree char *text = cx_bench_generate_plan (n_steps, 7);
  g_autofree char *dir = g_dir_make_tmp ("cx-edit-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.cxplan", NULL);
  g_autoptr(GArray) type_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cell_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) findings_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redo_ms = g_array_new (FALSE, FALSE, sizeof (double));
  CxWindow *window;
  CxDocument *document;
  CxHistory *history;
  CxPlan *plan;
  CxStep *step;
  GtkWidget *title, *editor;
  GdkFrameClock *clock;
  Frames frames = { 0 };
  gint64 findings_at = 0;
  struct mallinfo2 before, after;

  g_file_set_contents (path, text, -1, NULL);
  window = cx_gui_test_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  history = cx_document_get_history (document);
  plan = cx_document_get_plan (document);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  g_signal_connect (document, "findings-changed", G_CALLBACK (on_findings_changed), &findings_at);

  /* A step in view, its editor in the side panel */
  step = cx_plan_get_step (plan, CX_PHASE_DURING, 0);
  cx_map_view_set_selected_step (window->map_view, step);
  _cx_window_show_step (window, TRUE);
  title = cx_gui_test_find_row (GTK_WIDGET (window->step_panel), ADW_TYPE_ENTRY_ROW, "Title");
  cx_gui_test_wait_for_allocation (title);
  settle_frames (&frames);

  /* Keystrokes in the title */
  for (guint i = 0; i < rounds; i++)
    {
      guint n;
      gint64 t0;
      double ms;

      pause_like_a_typist ();
      n = frames.n_paints;
      t0 = g_get_monotonic_time ();
      cx_gui_test_type (GTK_EDITABLE (title), i % 2 == 0 ? "a" : "b");
      ms = wait_for_frame (&frames, n, t0);
      g_array_append_val (type_ms, ms);
    }
  report ("keystroke in title → frame", n_steps, type_ms);

  /* Findings after an edit that changes them: a level, set and reset */
  for (guint i = 0; i < MIN (rounds, 40u); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0;
      double ms;

      int level = cx_step_get_delivered_level (step) == 1 ? 5 : 1;

      settle_frames (&frames);
      findings_at = 0;
      t0 = g_get_monotonic_time ();
      cx_edit_set_delivered (history, step, level, NULL, 0, &error);
      WAIT_FOR (findings_at != 0);
      ms = (findings_at - t0) / 1000.0;
      g_array_append_val (findings_ms, ms);

      /* The check itself, as typing would wait for it */
      cx_edit_set_delivered (history, step, 6 - level, NULL, 0, &error);
      check_started = g_get_monotonic_time ();
      cx_document_check_now (document);
      check_ended = g_get_monotonic_time ();
      ms = (check_ended - check_started) / 1000.0;
      g_array_append_val (check_ms, ms);
    }
  report ("edit → findings updated", n_steps, findings_ms);
  report ("the check on the main loop", n_steps, check_ms);

  /* Undo and redo to frame */
  for (guint i = 0; i < MIN (rounds, 60u); i++)
    {
      guint n;
      gint64 t0;
      double ms;

      settle_frames (&frames);
      pause_like_a_typist ();
      n = frames.n_paints;
      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      ms = wait_for_frame (&frames, n, t0);
      g_array_append_val (undo_ms, ms);

      settle_frames (&frames);
      pause_like_a_typist ();
      n = frames.n_paints;
      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
      ms = wait_for_frame (&frames, n, t0);
      g_array_append_val (redo_ms, ms);
    }
  report ("undo → frame", n_steps, undo_ms);
  report ("redo → frame", n_steps, redo_ms);

  /* Keystrokes in the map's editor in place */
  cx_map_view_set_cursor_lane (window->map_view, cx_plan_get_lane (plan, 0));
  gtk_widget_grab_focus (GTK_WIDGET (window->map_view));
  cx_map_view_edit_cursor (window->map_view);
  editor = cx_map_view_get_editor (window->map_view);
  settle_frames (&frames);
  for (guint i = 0; editor != NULL && i < rounds; i++)
    {
      guint n;
      gint64 t0;
      double ms;

      pause_like_a_typist ();
      n = frames.n_paints;
      t0 = g_get_monotonic_time ();
      cx_gui_test_type (GTK_EDITABLE (editor), "c");
      ms = wait_for_frame (&frames, n, t0);
      g_array_append_val (cell_ms, ms);
    }
  if (editor != NULL)
    {
      g_signal_emit_by_name (editor, "activate");
      report ("keystroke in place → frame", n_steps, cell_ms);
    }

  /* The history of 1,000 edits: texts, levels, cells, steps in and out */
  settle_frames (&frames);
  cx_history_clear (history);
  malloc_trim (0);
  before = mallinfo2 ();
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GError) error = NULL;
      CxStep *s = cx_plan_get_step (plan, CX_PHASE_DURING, i % cx_plan_get_n_steps (plan, CX_PHASE_DURING));
      g_autofree char *words = g_strdup_printf ("Edit number %u of the plan", i);

      switch (i % 4)
        {
        case 0:
          cx_edit_set_text (history, s, "title", words, 0, &error);
          break;
        case 1:
          cx_edit_set_delivered (history, s, 1 + i % 5, NULL, 0, &error);
          break;
        case 2:
          cx_edit_set_cell (history, s, cx_plan_get_lane (plan, 0), words, 0, &error);
          break;
        default:
          cx_edit_insert_step (history, CX_PHASE_AFTER, 0, words, &error);
          break;
        }
    }
  malloc_trim (0);
  after = mallinfo2 ();
  printf ("%-28s %6u steps  %.2f MiB for %u steps of undo\n", "history of 1,000 edits", n_steps,
          ((double) after.uordblks - (double) before.uordblks) / (1024.0 * 1024.0),
          cx_history_get_n_undo (history));
  fflush (stdout);

  /* Let it go without asking about the edits */
  while (cx_history_get_can_undo (history))
    cx_history_undo (history);
  cx_history_clear (history);
  g_signal_handlers_disconnect_by_data (clock, &frames);
  gtk_window_destroy (GTK_WINDOW (window));
  cx_gui_test_settle ();
  g_object_unref (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100;

  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  bench_plan (10, rounds);
  bench_plan (10000, rounds);

  return cx_gui_test_run ();
}
