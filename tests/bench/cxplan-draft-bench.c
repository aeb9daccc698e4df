/* cxplan-draft-bench.c — frames while drafts are written, in the real window
 *
 *   xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- \
 *     env GSK_RENDERER=cairo _build/tests/bench/cxplan-draft-bench [SECONDS]
 *
 * On a 10,000-step plan (and a 10-step one), in a real CxWindow under the
 * display, the map scrolls sideways a little every frame, so that every
 * frame is drawn, while a typist types into a step's title ten keys a
 * second, for SECONDS (default 10). Typing without a pause, the drafts
 * are written at their longest delay; here the delay is 300 ms, so the
 * longest is 1.5 s and several drafts are written in a run.
 *
 * It reports the frames, by their interval: the time from the end of one
 * frame's paint to the end of the next one's, which is what a stall of
 * the main loop between frames lengthens (a frame's own paint time would
 * not show a draft made between frames). A frame is "during a draft" when
 * its interval overlaps the time a draft was being made (in slices on the
 * main loop) or written (in a thread): CxDocument:saving-draft. The same
 * run without drafts is the baseline, and the time cx_plan_to_bytes()
 * takes for the whole plan on the main thread shows what one unsliced
 * draft would cost a frame.
 *
 * On a loaded machine frames wait for the processor whatever the
 * drafts do, so it also reports how long making the drafts held the main
 * loop: the longest slice and the longest last part (which writes the
 * plan's head and copies the steps' elements), by the wall clock and by
 * the main thread's own processor time, which other processes do not
 * lengthen.
 *
 * A benchmark, not a test: it asserts nothing about the figures.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include <time.h>

#include "cx-bench-gen.h"
#include "cx-document-private.h"
#include "cx-edit.h"
#include "cx-gui-test.h"

#define TYPING_INTERVAL_US (G_USEC_PER_SEC / 10)
#define DRAFT_DELAY        "300"
#define NO_DRAFT_DELAY     "600000"

typedef struct
{
  GArray *painted;      /* gint64: monotonic µs at the end of each paint */
  GArray *busy;         /* gint64 pairs: a draft made or written, from, to */
  gint64  busy_since;
  guint   n_drafts;
} Record;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
on_after_paint (GdkFrameClock *clock,
                Record        *record)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (record->painted, now);
}

static void
on_saving_draft (CxDocument *document,
                 GParamSpec *pspec,
                 Record     *record)
{
  gint64 now = g_get_monotonic_time ();

  if (cx_document_get_saving_draft (document))
    {
      record->busy_since = now;
      return;
    }
  if (record->busy_since == 0)
    return;

  g_array_append_val (record->busy, record->busy_since);
  g_array_append_val (record->busy, now);
  record->busy_since = 0;
  record->n_drafts++;
}

typedef struct
{
  CxHistory *history;
  CxStep    *step;
  gint64     next_key;
  guint      n_keys;
} Typist;

/* Every frame moves the map; ten times a second a key goes into the title */
static gboolean
tick (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       user_data)
{
  Typist *typist = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget));
  double value = gtk_adjustment_get_value (adjustment) + 7;
  gint64 now = g_get_monotonic_time ();

  if (value > gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
    value = 0;
  gtk_adjustment_set_value (adjustment, value);

  if (now >= typist->next_key)
    {
      g_autoptr(GError) error = NULL;
      const char *title = cx_step_get_title (typist->step);
      g_autofree char *typed = g_strdup_printf ("%s%c", title != NULL ? title : "",
                                                'a' + typist->n_keys % 26);

      /* A title that stays a title: start again past 60 characters */
      if (g_utf8_strlen (typed, -1) > 60)
        {
          g_free (typed);
          typed = g_strdup ("T");
        }
      cx_edit_set_text (typist->history, typist->step, "title", typed, CX_EDIT_MERGE, &error);
      typist->n_keys++;
      typist->next_key = now + TYPING_INTERVAL_US;
    }

  return G_SOURCE_CONTINUE;
}

/* Whether the interval (@from, @to] overlaps a time a draft was busy */
static gboolean
during_draft (Record *record,
              gint64  from,
              gint64  to)
{
  for (guint i = 0; i + 1 < record->busy->len; i += 2)
    if (g_array_index (record->busy, gint64, i) < to &&
        g_array_index (record->busy, gint64, i + 1) > from)
      return TRUE;

  return FALSE;
}

static double
percentile (GArray *sorted,
            guint   p)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, gint64, MIN (sorted->len - 1, sorted->len * p / 100)) / 1000.0;
}

static void
report (const char *what,
        guint       n_steps,
        GArray     *intervals)
{
  guint over = 0;

  for (guint i = 0; i < intervals->len; i++)
    over += g_array_index (intervals, gint64, i) > 33000;
  g_array_sort (intervals, compare_gint64);
  printf ("%-26s %6u steps  frames %5u  median %6.2f ms  p95 %6.2f ms  max %7.2f ms  "
          "over 33 ms %u\n", what, n_steps, intervals->len, percentile (intervals, 50),
          percentile (intervals, 95), percentile (intervals, 100), over);
  fflush (stdout);
}

/* One run: the window on @path, typing and scrolling for @seconds */
static void
run (const char *path,
     guint       n_steps,
     const char *delay,
     guint       seconds,
     gboolean    with_drafts)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) drafting = g_array_new (FALSE, FALSE, sizeof (gint64));
  Record record = { 0 };
  Typist typist = { 0 };
  CxWindow *window;
  CxDocument *document;
  GdkFrameClock *clock;
  guint tick_id;
  gint64 end;

  record.painted = g_array_new (FALSE, FALSE, sizeof (gint64));
  record.busy = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_setenv ("CXPLAN_DRAFT_DELAY_MS", delay, TRUE);
  window = cx_gui_test_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));
  cx_gui_test_settle ();

  typist.history = cx_document_get_history (document);
  typist.step = cx_plan_get_step (cx_document_get_plan (document), CX_PHASE_DURING, 0);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &record);
  g_signal_connect (document, "notify::saving-draft", G_CALLBACK (on_saving_draft), &record);
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window->map_view), tick, &typist, NULL);

  end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (GTK_WIDGET (window->map_view), tick_id);
  g_signal_handlers_disconnect_by_data (clock, &record);
  g_signal_handlers_disconnect_by_data (document, &record);

  /* The first frame's interval starts at the second paint */
  for (guint i = 1; i < record.painted->len; i++)
    {
      gint64 from = g_array_index (record.painted, gint64, i - 1);
      gint64 to = g_array_index (record.painted, gint64, i);
      gint64 interval = to - from;

      g_array_append_val (all, interval);
      if (during_draft (&record, from, to))
        g_array_append_val (drafting, interval);
    }

  if (with_drafts)
    {
      CxDraftTimings timings;

      _cx_document_draft_get_timings (document, &timings);
      printf ("%-26s %6u steps  %u keys typed, %u drafts written\n", "typing, drafts on", n_steps,
              typist.n_keys, record.n_drafts);
      report ("every frame", n_steps, all);
      report ("frames during a draft", n_steps, drafting);
      printf ("%-26s %6u steps  %u slices for %u drafts; longest slice %.2f ms (cpu %.2f ms), "
              "longest last part %.2f ms (cpu %.2f ms)\n", "main loop held by drafts", n_steps,
              timings.n_slices, timings.n_made, timings.longest_slice_us / 1000.0,
              timings.longest_slice_cpu_us / 1000.0, timings.longest_finish_us / 1000.0,
              timings.longest_finish_cpu_us / 1000.0);
    }
  else
    {
      printf ("%-26s %6u steps  %u keys typed, %u drafts written\n", "typing, drafts off",
              n_steps, typist.n_keys, record.n_drafts);
      report ("every frame (baseline)", n_steps, all);
    }

  /* Let it go without asking, and without a draft */
  g_object_ref (document);
  cx_document_discard_draft (document);
  while (cx_history_undo (typist.history))
    ;
  gtk_window_destroy (GTK_WINDOW (window));
  cx_gui_test_settle ();
  WAIT_FOR (!cx_document_get_saving_draft (document));
  g_object_unref (document);
  g_object_unref (window);
  g_array_unref (record.painted);
  g_array_unref (record.busy);
}

/* What one draft made in one go on the main thread would hold it for */
static void
time_whole_write (const char *text,
                  guint       n_steps)
{
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (gint64));

  plan = cx_plan_read_from_data (text, strlen (text), NULL, NULL, NULL, NULL, NULL);
  g_assert_nonnull (plan);
  g_autoptr(GArray) cpu_ms = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < 9; i++)
    {
      struct timespec c0, c1;
      gint64 t0, t, c;
      g_autoptr(GBytes) bytes = NULL;

      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &c0);
      t0 = g_get_monotonic_time ();
      bytes = cx_plan_to_bytes (plan);
      t = g_get_monotonic_time () - t0;
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &c1);
      c = (c1.tv_sec - c0.tv_sec) * G_USEC_PER_SEC + (c1.tv_nsec - c0.tv_nsec) / 1000;
      g_array_append_val (ms, t);
      g_array_append_val (cpu_ms, c);
    }
  g_array_sort (ms, compare_gint64);
  g_array_sort (cpu_ms, compare_gint64);
  printf ("%-26s %6u steps  cx_plan_to_bytes median %.2f ms (cpu %.2f ms), max %.2f ms\n",
          "a whole draft at once", n_steps, percentile (ms, 50), percentile (cpu_ms, 50),
          percentile (ms, 100));
  fflush (stdout);
}

static void
bench (guint n_steps,
       guint seconds)
{
  g_autofree char *text = cx_bench_generate_plan (n_steps, 7);
  g_autofree char *dir = g_dir_make_tmp ("cx-draft-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.cxplan", NULL);

  g_file_set_contents (path, text, -1, NULL);
  time_whole_write (text, n_steps);
  run (path, n_steps, NO_DRAFT_DELAY, seconds, FALSE);
  run (path, n_steps, DRAFT_DELAY, seconds, TRUE);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  guint seconds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10;

  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  bench (10, seconds);
  bench (10000, seconds);

  return cx_gui_test_run ();
}
