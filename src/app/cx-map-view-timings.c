/* cx-map-view-timings.c — how long the map takes to show and to scroll
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With CXPLAN_DEBUG_TIMINGS=1 in the environment, the map view reports on
 * standard error, for tests/bench/cxplan-gui-bench:
 *
 *   cxplan-timings: first-frame T steps=N
 *     T: g_get_monotonic_time() when the first frame showing a plan was
 *     painted (the benchmark compares it with its own clock at launch)
 *   cxplan-timings: scroll frames=F median-us=M p95-us=P max-us=X
 *     with CXPLAN_DEBUG_SCROLL_FRAMES=F: the map then scrolls sideways a
 *     step of 37 px every frame, F frames, and each whole frame is timed:
 *     from the frame clock's before-paint phase to the end of its paint
 *     phase, so it counts the scroll itself (update), size allocation
 *     (layout), snapshot, render and present.
 *
 * and then quits the application. Nothing of this runs otherwise.
 */

#define G_LOG_DOMAIN "cx-map-view"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cx-map-view-private.h"

typedef struct
{
  CxMapView *view;
  gboolean   first_reported;
  guint      frames_wanted;
  GArray    *durations;    /* gint64 µs */
  gint64     frame_start;
  gulong     before_paint_handler;
  gulong     after_paint_handler;
  guint      tick_id;
} Timings;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
timings_finish (Timings *t)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (t->view));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (t->view));

  if (t->durations->len > 0)
    {
      guint n = t->durations->len;

      g_array_sort (t->durations, compare_gint64);
      fprintf (stderr, "cxplan-timings: scroll frames=%u median-us=%" G_GINT64_FORMAT
               " p95-us=%" G_GINT64_FORMAT " max-us=%" G_GINT64_FORMAT "\n",
               n,
               g_array_index (t->durations, gint64, n / 2),
               g_array_index (t->durations, gint64, MIN (n - 1, (n * 95) / 100)),
               g_array_index (t->durations, gint64, n - 1));
    }
  fflush (stderr);

  if (clock != NULL)
    {
      g_clear_signal_handler (&t->before_paint_handler, clock);
      g_clear_signal_handler (&t->after_paint_handler, clock);
    }
  if (t->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (t->view), t->tick_id);
  t->tick_id = 0;

  if (GTK_IS_WINDOW (root))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (root));

      if (app != NULL)
        g_application_quit (G_APPLICATION (app));
    }
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  CxMapView *self = CX_MAP_VIEW (widget);
  GtkAdjustment *adjustment = self->hadjustment;
  double value = gtk_adjustment_get_value (adjustment) + 37;

  /* back to the start at the end, so every frame really moves */
  if (value > gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
    value = 0;
  gtk_adjustment_set_value (adjustment, value);

  return G_SOURCE_CONTINUE;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Timings       *t)
{
  t->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Timings       *t)
{
  gint64 now = g_get_monotonic_time ();

  if (cx_map_view_get_layout (t->view) == NULL)
    return;

  if (!t->first_reported)
    {
      t->first_reported = TRUE;
      fprintf (stderr, "cxplan-timings: first-frame %" G_GINT64_FORMAT " steps=%u\n",
               now, cx_map_layout_get_n_steps (cx_map_view_get_layout (t->view)));
      fflush (stderr);

      if (t->frames_wanted == 0)
        {
          timings_finish (t);
          return;
        }
      t->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (t->view), scroll_tick, NULL, NULL);
      return;
    }

  if (t->frame_start > 0)
    {
      gint64 duration = now - t->frame_start;

      g_array_append_val (t->durations, duration);
      t->frame_start = 0;
    }

  if (t->durations->len >= t->frames_wanted)
    timings_finish (t);
}

static void
timings_free (gpointer data)
{
  Timings *t = data;

  g_array_unref (t->durations);
  g_free (t);
}

static void
on_realize (GtkWidget *widget,
            Timings   *t)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  t->before_paint_handler = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), t);
  t->after_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), t);
}

void
_cx_map_view_timings_init (CxMapView *self)
{
  const char *frames = g_getenv ("CXPLAN_DEBUG_SCROLL_FRAMES");
  Timings *t;

  if (g_strcmp0 (g_getenv ("CXPLAN_DEBUG_TIMINGS"), "1") != 0)
    return;

  t = g_new0 (Timings, 1);
  t->view = self;
  t->frames_wanted = frames != NULL ? (guint) strtoul (frames, NULL, 10) : 0;
  t->durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_object_set_data_full (G_OBJECT (self), "cx-map-view-timings", t, timings_free);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), t);
}
