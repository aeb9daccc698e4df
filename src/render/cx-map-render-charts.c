/* cx-map-render-charts.c — the lanes drawn from numbers, and the failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The emotion lane is a smooth curve through the step centres
 * (Catmull-Rom, drawn as Bézier segments), the neutral line drawn, the
 * area above it tinted for delight and below for distress. The curve of
 * an area is drawn through the visible steps and their neighbours (two
 * a side, for the tangents), so pieces drawn for different areas join up
 * exactly. The expectation lane puts expected (●) and delivered (○) on
 * one 1–5 scale in each column, with the shortfall between them a red
 * span and an exceeded expectation a green one.
 *
 * Under the lanes, the failures row: each failure a badge with its RPN on
 * a pill whose colour rises with it, a high-risk failure nobody answers
 * outlined in red with an alarm, and thin curves from a failure to the
 * recovery step that answers it (solid) or the step it leads to (dashed).
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cx-map-private.h"

typedef struct
{
  double x;
  double y;
} Point;

/* A size in map units that stays at least @min_px device pixels */
static double
at_least (CxMapPainter *painter,
          double        size,
          double        min_px,
          double        max)
{
  return MIN (MAX (size, min_px / painter->zoom), MAX (size, max));
}

static double
column_centre (CxMapLayout *layout,
               guint        index)
{
  return cx_map_layout_step_x (layout, index) + CX_MAP_COLUMN_WIDTH / 2;
}

/* The main journey is every column before recovery; recovery stands apart */
static void
journey_of (CxMapLayout *layout,
            guint        index,
            guint       *start,
            guint       *end)
{
  guint recovery = layout->phases[CX_PHASE_RECOVERY].first;

  if (index < recovery)
    {
      *start = 0;
      *end = recovery;
    }
  else
    {
      *start = recovery;
      *end = layout->steps->len;
    }
}

/* ------------------------------------------------------------------ */
/* Emotion                                                             */

static double
emotion_y (const CxMapRow *row,
           double          value)
{
  double top = row->y + 16;
  double bottom = row->y + row->height - 30;

  return (top + bottom) / 2 - value * (bottom - top) / (CX_EMOTION_MAX - CX_EMOTION_MIN);
}

static gboolean
emotion_point (CxMapLayout    *layout,
               const CxMapRow *row,
               guint           index,
               Point          *point)
{
  CxStep *step = g_ptr_array_index (layout->steps, index);

  if (!cx_step_get_has_emotion (step))
    return FALSE;

  point->x = column_centre (layout, index);
  point->y = emotion_y (row, cx_step_get_emotion (step));
  return TRUE;
}

/* The points of one journey's curve that an area of [a, b] needs: those
 * in it, and two more on each side for the tangents at its edges */
static GArray *
collect_points (CxMapLayout    *layout,
                const CxMapRow *row,
                guint           start,
                guint           end,
                guint           a,
                guint           b)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (Point));
  Point point;
  guint found = 0;

  for (guint i = a; i > start && found < 2; i--)
    {
      if (emotion_point (layout, row, i - 1, &point))
        {
          g_array_prepend_val (points, point);
          found++;
        }
    }

  for (guint i = a; i <= b; i++)
    {
      if (emotion_point (layout, row, i, &point))
        g_array_append_val (points, point);
    }

  found = 0;
  for (guint i = b + 1; i < end && found < 2; i++)
    {
      if (emotion_point (layout, row, i, &point))
        {
          g_array_append_val (points, point);
          found++;
        }
    }

  return points;
}

static void
curve_path (cairo_t     *cr,
            const Point *p,
            guint        n)
{
  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 0; i + 1 < n; i++)
    {
      const Point *p0 = &p[i > 0 ? i - 1 : i];
      const Point *p1 = &p[i];
      const Point *p2 = &p[i + 1];
      const Point *p3 = &p[i + 2 < n ? i + 2 : i + 1];

      cairo_curve_to (cr,
                      p1->x + (p2->x - p0->x) / 6, p1->y + (p2->y - p0->y) / 6,
                      p2->x - (p3->x - p1->x) / 6, p2->y - (p3->y - p1->y) / 6,
                      p2->x, p2->y);
    }
}

static void
render_curve (CxMapPainter   *painter,
              const CxMapRow *row,
              const Point    *p,
              guint           n)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  double neutral = emotion_y (row, 0);
  cairo_path_t *area;

  curve_path (cr, p, n);
  cairo_line_to (cr, p[n - 1].x, neutral);
  cairo_line_to (cr, p[0].x, neutral);
  cairo_close_path (cr);
  area = cairo_copy_path (cr);
  cairo_new_path (cr);

  /* delight above the neutral line, distress below */
  cairo_save (cr);
  cairo_rectangle (cr, p[0].x, row->y, p[n - 1].x - p[0].x, neutral - row->y);
  cairo_clip (cr);
  cairo_append_path (cr, area);
  cx_set_color (cr, &theme->delight);
  cairo_fill (cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, p[0].x, neutral, p[n - 1].x - p[0].x, row->y + row->height - neutral);
  cairo_clip (cr);
  cairo_append_path (cr, area);
  cx_set_color (cr, &theme->distress);
  cairo_fill (cr);
  cairo_restore (cr);

  cairo_path_destroy (area);

  curve_path (cr, p, n);
  cx_set_color_alpha (cr, &theme->foreground, theme->high_contrast ? 1.0 : 0.8);
  cairo_set_line_width (cr, at_least (painter, cx_map_theme_line_width (theme, 2), 1.5, 40));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static void
render_neutral_line (CxMapLayout    *layout,
                     CxMapPainter   *painter,
                     const CxMapRow *row,
                     gboolean        recovery)
{
  static const double dashes[] = { 2, 3 };
  cairo_t *cr = painter->cr;
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;
  double clip_left, clip_right, clip_top, clip_bottom;

  for (guint p = recovery ? CX_PHASE_RECOVERY : 0;
       p < (recovery ? CX_N_PHASES : CX_PHASE_RECOVERY); p++)
    {
      cairo_rectangle_t band;

      if (!cx_map_layout_get_phase_rect (layout, p, &band))
        continue;
      left = MIN (left, band.x);
      right = MAX (right, band.x + band.width);
    }
  /* a journey of thousands of steps: dash only the part in view */
  cairo_clip_extents (cr, &clip_left, &clip_top, &clip_right, &clip_bottom);
  left = MAX (left, floor (clip_left / 5) * 5);
  right = MIN (right, clip_right);
  if (left >= right)
    return;

  cx_set_color (cr, &painter->theme->line);
  cairo_set_line_width (cr, cx_map_theme_line_width (painter->theme, 1));
  cx_map_set_dash (cr, painter->theme, dashes, 2, FALSE);
  cairo_move_to (cr, left, emotion_y (row, 0));
  cairo_line_to (cr, right, emotion_y (row, 0));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
cx_map_render_emotion (CxMapLayout    *layout,
                       CxMapPainter   *painter,
                       const CxMapRow *row,
                       guint           first,
                       guint           last)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  CxColor delight = theme->delight, distress = theme->distress;
  double radius = at_least (painter, 4, 3, 40);
  guint i = first;

  delight.alpha = distress.alpha = 1;

  cairo_save (cr);
  cairo_rectangle (cr, layout->header_width, row->y, layout->width, row->height);
  cairo_clip (cr);

  /* each journey the area meets: its neutral line, then its curve */
  while (i <= last)
    {
      g_autoptr(GArray) points = NULL;
      guint start, end, b;

      journey_of (layout, i, &start, &end);
      b = MIN (last, end - 1);
      render_neutral_line (layout, painter, row,
                           layout->phases[CX_PHASE_RECOVERY].shown
                           && start == layout->phases[CX_PHASE_RECOVERY].first);

      points = collect_points (layout, row, start, end, i, b);
      if (points->len >= 2)
        render_curve (painter, row, (Point *) (gpointer) points->data, points->len);
      i = b + 1;
    }

  for (i = first; i <= last; i++)
    {
      CxStep *step = g_ptr_array_index (layout->steps, i);
      double x = cx_map_layout_step_x (layout, i);
      int value;
      Point point;

      if (!emotion_point (layout, row, i, &point))
        continue;

      value = cx_step_get_emotion (step);
      cairo_arc (cr, point.x, point.y, radius, 0, 2 * G_PI);
      cx_set_color (cr, &theme->card);
      cairo_set_line_width (cr, radius * 0.6);
      cairo_stroke_preserve (cr);
      cx_set_color (cr, value > 0 ? &delight : value < 0 ? &distress : &theme->dim_foreground);
      cairo_fill (cr);

      cx_map_draw_text (painter, cx_step_get_emotion_text (step),
                        &(cairo_rectangle_t) { x + 6, row->y + row->height - 24,
                                               CX_MAP_COLUMN_WIDTH - 12, 17 },
                        CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_CHART_DIM),
                        CX_TEXT_CENTER | CX_TEXT_MIDDLE | CX_TEXT_ITALIC);
    }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Expectation                                                         */

static double
level_y (const CxMapRow *row,
         int             level)
{
  double top = row->y + 16;
  double bottom = row->y + row->height - 16;

  return bottom - (level - CX_LEVEL_MIN) * (bottom - top) / (CX_LEVEL_MAX - CX_LEVEL_MIN);
}

void
cx_map_render_expectation (CxMapLayout    *layout,
                           CxMapPainter   *painter,
                           const CxMapRow *row,
                           guint           first,
                           guint           last)
{
  static const double dots[] = { 1, 3 };
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  CxColor shade = cx_map_theme_row_shade (theme);
  double radius = at_least (painter, 5, 3, 30);
  double span_width = at_least (painter, 8, 5, CX_MAP_COLUMN_WIDTH * 0.5);

  cairo_save (cr);
  for (guint i = first; i <= last; i++)
    {
      CxStep *step = g_ptr_array_index (layout->steps, i);
      double x = cx_map_layout_step_x (layout, i);
      double cx = x + CX_MAP_COLUMN_WIDTH / 2;
      int expected = cx_step_get_expected_level (step);
      int delivered = cx_step_get_delivered_level (step);

      /* the scale, one faint line a level */
      cx_set_color (cr, &theme->grid);
      cairo_set_line_width (cr, 1);
      cx_map_set_dash (cr, theme, dots, 2, FALSE);
      for (int level = CX_LEVEL_MIN; level <= CX_LEVEL_MAX; level++)
        {
          cairo_move_to (cr, x + 14, level_y (row, level));
          cairo_line_to (cr, x + CX_MAP_COLUMN_WIDTH - 14, level_y (row, level));
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (expected > 0 && delivered > 0 && expected != delivered)
        {
          double ye = level_y (row, expected), yd = level_y (row, delivered);
          char label[8];

          cx_set_color (cr, delivered < expected ? &theme->shortfall : &theme->exceeded);
          cairo_rectangle (cr, cx - span_width / 2, MIN (ye, yd), span_width, fabs (yd - ye));
          cairo_fill (cr);

          g_snprintf (label, sizeof label, "%s%d", delivered < expected ? "\u2212" : "+",
                      ABS (delivered - expected));
          cx_map_draw_text (painter, label,
                            &(cairo_rectangle_t) { cx + 12, (ye + yd) / 2 - 8, 40, 16 },
                            CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_CHART),
                            CX_TEXT_BOLD | CX_TEXT_MIDDLE);
        }

      cairo_set_line_width (cr, radius * 0.42);
      if (expected > 0)
        {
          cairo_arc (cr, cx, level_y (row, expected), radius, 0, 2 * G_PI);
          cx_set_color (cr, &theme->foreground);
          cairo_fill (cr);
        }
      if (delivered > 0)
        {
          /* a ring; around the dot when the two meet */
          double r = delivered == expected ? radius * 1.6 : radius;

          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, level_y (row, delivered), r, 0, 2 * G_PI);
          if (delivered != expected)
            {
              cx_set_color (cr, &shade);
              cairo_fill_preserve (cr);
            }
          cx_set_color (cr, &theme->foreground);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Findings                                                            */

/* The mark of findings a team accepted: a ring with a check in it, in the
 * ink of the count beside it, so that it reads as settled, not alarming */
static void
draw_accepted (CxMapPainter *painter,
               double        cx,
               double        cy,
               double        radius,
               CxMapInk      ink)
{
  cairo_t *cr = painter->cr;
  CxColor color = cx_map_theme_ink (painter->theme, ink);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cx_set_color (cr, &color);
  cairo_set_line_width (cr, MAX (1.2, radius * 0.2));
  cairo_arc (cr, cx, cy, radius * 0.9, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, cx - radius * 0.42, cy + radius * 0.02);
  cairo_line_to (cr, cx - radius * 0.1, cy + radius * 0.34);
  cairo_line_to (cr, cx + radius * 0.45, cy - radius * 0.32);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Badges for @findings from @x along @cy: one shape a severity present,
 * worst first, with a count when there are several; then, apart, the
 * findings the plan accepts */
void
cx_map_render_finding_badges (CxMapPainter *painter,
                              GPtrArray    *findings,
                              double        x,
                              double        cy,
                              double        max_width,
                              CxMapInk      count_ink)
{
  guint counts[3], n_accepted;
  double radius = at_least (painter, 7, 5, 60);
  double right = x + max_width;

  cx_findings_count_full (findings, counts, &n_accepted);

  for (int severity = CX_SEVERITY_ERROR; severity >= CX_SEVERITY_INFO; severity--)
    {
      char label[16];
      double width;

      if (counts[severity] == 0)
        continue;
      if (x + 2 * radius > right + radius)
        break;

      cx_map_draw_severity (painter->cr, painter->theme, severity, x + radius, cy, radius);
      x += 2 * radius + 3;
      if (counts[severity] > 1)
        {
          g_snprintf (label, sizeof label, "%u", counts[severity]);
          width = cx_map_measure_text (painter, label, CX_MAP_FONT_SMALL, CX_TEXT_BOLD, NULL);
          if (cx_map_draw_text (painter, label,
                                &(cairo_rectangle_t) { x, cy - 8, width + 2, 16 },
                                CX_MAP_FONT_SMALL, count_ink,
                                CX_TEXT_BOLD | CX_TEXT_MIDDLE) > 0)
            x += width + 2;
        }
      x += 5;
    }

  if (n_accepted > 0 && x + 2 * radius <= right + radius)
    {
      /* set apart from the findings that ask for attention */
      x += 3;
      draw_accepted (painter, x + radius, cy, radius, count_ink);
      x += 2 * radius + 3;
      if (n_accepted > 1)
        {
          char label[16];
          double width;

          g_snprintf (label, sizeof label, "%u", n_accepted);
          width = cx_map_measure_text (painter, label, CX_MAP_FONT_SMALL, 0, NULL);
          cx_map_draw_text (painter, label, &(cairo_rectangle_t) { x, cy - 8, width + 2, 16 },
                            CX_MAP_FONT_SMALL, count_ink, CX_TEXT_MIDDLE);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Failures                                                            */

static void
render_failure_item (CxMapLayout             *layout,
                     CxMapPainter            *painter,
                     CxFailure               *failure,
                     const cairo_rectangle_t *item)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  gboolean alarm = cx_map_layout_is_high_risk (layout, failure)
                   && !g_hash_table_contains (layout->answered, failure);
  CxColor fill = alarm ? cx_map_theme_alarm_fill (theme) : theme->card;
  GPtrArray *findings = g_hash_table_lookup (layout->failure_findings, failure);
  double pill_height = at_least (painter, 18, 5, CX_MAP_FAILURE_ITEM - 10);
  double pill_width, text_x, alarm_radius = at_least (painter, 8, 5, 50);

  cx_map_rounded_rect (cr, item->x + 0.5, item->y + 0.5, item->width - 1, item->height - 1, 6);
  cx_set_color (cr, &fill);
  cairo_fill_preserve (cr);
  cx_set_color (cr, alarm ? &theme->severity[CX_SEVERITY_ERROR]
                  : theme->high_contrast ? &theme->card_border : &theme->grid);
  cairo_set_line_width (cr, cx_map_theme_line_width (theme, alarm ? 2 : 1));
  cairo_stroke (cr);

  pill_width = cx_map_draw_rpn_pill (painter, cx_failure_get_rpn (failure), item->x + 8,
                                     item->y + 7, pill_height);
  if (findings != NULL)
    cx_map_render_finding_badges (painter, findings, item->x + 8, item->y + item->height - 13,
                                  pill_width, CX_INK (CX_MAP_TEXT_CARD));

  text_x = item->x + 8 + pill_width + 7;
  cx_map_draw_text (painter, cx_failure_get_mode (failure),
                    &(cairo_rectangle_t) { text_x, item->y + 6,
                                           item->x + item->width - text_x - (alarm ? 24 : 8),
                                           item->height - 12 },
                    CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_CARD), 0);

  if (alarm)
    cx_map_draw_alarm (cr, theme, item->x + item->width - 14, item->y + 15, alarm_radius);
}

static void
render_more_item (CxMapPainter            *painter,
                  guint                    n_more,
                  const cairo_rectangle_t *item)
{
  static const double dashes[] = { 4, 3 };
  cairo_t *cr = painter->cr;
  g_autofree char *label = NULL;

  cx_map_rounded_rect (cr, item->x + 0.5, item->y + 0.5, item->width - 1, item->height - 1, 6);
  cx_set_color (cr, &painter->theme->card_border);
  cairo_set_line_width (cr, cx_map_theme_line_width (painter->theme, 1));
  cx_map_set_dash (cr, painter->theme, dashes, 2, FALSE);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more failure",
                                        "+%u more failures", n_more), n_more);
  cx_map_draw_text (painter, label, item, CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_CANVAS_DIM),
                    CX_TEXT_CENTER | CX_TEXT_MIDDLE | CX_TEXT_ITALIC);
}

/* In a recovery step's failures cell: how many failures it answers */
static void
render_answers (CxMapLayout  *layout,
                CxMapPainter *painter,
                guint         index,
                guint         n_failures)
{
  g_autofree char *label = NULL;
  cairo_rectangle_t item;
  guint answers = layout->answers[index];

  if (answers == 0 || n_failures >= layout->failure_slots)
    return;

  cx_map_layout_failure_item_rect (layout, index, layout->failure_slots - 1, &item);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Answers %u failure",
                                        "Answers %u failures", answers), answers);
  cx_map_draw_text (painter, label,
                    &(cairo_rectangle_t) { item.x, item.y + item.height - 18, item.width, 18 },
                    CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_RECOVERY),
                    CX_TEXT_CENTER | CX_TEXT_BOLD);
}

void
cx_map_render_failures (CxMapLayout  *layout,
                        CxMapPainter *painter,
                        guint         first,
                        guint         last)
{
  if (layout->failure_slots == 0)
    return;

  cairo_save (painter->cr);
  for (guint i = first; i <= last; i++)
    {
      CxStep *step = g_ptr_array_index (layout->steps, i);
      guint n = cx_step_get_n_failures (step);

      for (guint slot = 0; slot < MIN (n, layout->failure_slots); slot++)
        {
          cairo_rectangle_t item;

          cx_map_layout_failure_item_rect (layout, i, slot, &item);
          if (slot == layout->failure_slots - 1 && n > layout->failure_slots)
            render_more_item (painter, n - slot, &item);
          else
            render_failure_item (layout, painter, cx_step_get_failure (step, slot), &item);
        }

      if (cx_map_layout_step_phase (layout, i) == CX_PHASE_RECOVERY)
        render_answers (layout, painter, i, n);
    }
  cairo_restore (painter->cr);
}

/* Where connections leave and arrive: under the stack of failure badges */
static double
ports_y (CxMapLayout *layout)
{
  return layout->failures_y + CX_MAP_ROW_GAP
         + layout->failure_slots * (CX_MAP_FAILURE_ITEM + CX_MAP_FAILURE_SPACING) - 2;
}

static double
source_x (CxMapLayout           *layout,
          const CxMapConnection *connection)
{
  return cx_map_layout_step_x (layout, connection->source) + 22 + connection->slot * 20;
}

/* The @i-th connection in @order (indices into the connections), or in
 * their own order for %NULL */
static const CxMapConnection *
nth_connection (CxMapLayout *layout,
                GArray      *order,
                guint        i)
{
  return &g_array_index (layout->connections, CxMapConnection,
                         order != NULL ? g_array_index (order, guint, i) : i);
}

/* The first position in @order (as for nth_connection()) whose end, given
 * by @end_x, is at or after @x0 */
static guint
first_end_at (CxMapLayout *layout,
              GArray      *order,
              double     (*end_x) (CxMapLayout *, const CxMapConnection *),
              double       x0)
{
  guint lo = 0, hi = layout->connections->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (end_x (layout, nth_connection (layout, order, mid)) < x0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static double
target_x (CxMapLayout           *layout,
          const CxMapConnection *connection)
{
  return column_centre (layout, connection->target);
}

static void
render_connection (CxMapLayout           *layout,
                   CxMapPainter          *painter,
                   const CxMapConnection *connection,
                   double                 line_width)
{
  static const double dashes[] = { 5, 3 };
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  double y = ports_y (layout);
  cairo_rectangle_t item;
  double xs = source_x (layout, connection);
  double xt = target_x (layout, connection);
  double reach = MIN (1.0, fabs (xt - xs) / (4 * (CX_MAP_COLUMN_WIDTH + CX_MAP_GUTTER)));
  double depth;

  /* long lines fan out a little, so that each can be followed */
  depth = 10 + (CX_MAP_ARC_BAND - 16) * reach
          - 5.0 * ((connection->source + connection->slot) % 3) * reach;

  /* from under the failure's badge (which is drawn over it), down to
   * the band under the failures, across, and up into the target */
  cx_map_layout_failure_item_rect (layout, connection->source, connection->slot, &item);
  cairo_move_to (cr, xs, item.y + item.height - 4);
  cairo_line_to (cr, xs, y);
  cairo_curve_to (cr, xs, y + depth, xt, y + depth, xt, y + 6);
  cairo_set_line_width (cr, line_width);
  if (connection->recovers)
    {
      cx_set_color (cr, &theme->phase_text[CX_PHASE_RECOVERY]);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      /* dashed: it leads on, it does not answer */
      cx_set_color (cr, &theme->dim_foreground);
      cx_map_set_dash (cr, theme, dashes, 2, TRUE);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cx_map_draw_arrow_head (cr, xt, y, -G_PI / 2, at_least (painter, 7, 4, 14));
}

/* A connection is drawn when one of its ends is in [@x0, @x1]: lines
 * passing through with both ends far away would bury a long map under
 * parallel lines. Both ends grow with their step's index, so the
 * connections to draw are found by a binary search on each end: in the
 * connections' own order for where they leave, in by_target for where
 * they arrive. */
void
cx_map_render_connections (CxMapLayout  *layout,
                           CxMapPainter *painter,
                           double        x0,
                           double        x1)
{
  cairo_t *cr = painter->cr;
  double line_width = at_least (painter, cx_map_theme_line_width (painter->theme, 1.6), 1, 4);

  if (layout->failure_slots == 0 || layout->connections->len == 0)
    return;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = first_end_at (layout, NULL, source_x, x0);
       i < layout->connections->len; i++)
    {
      const CxMapConnection *connection = nth_connection (layout, NULL, i);

      if (source_x (layout, connection) > x1)
        break;
      render_connection (layout, painter, connection, line_width);
    }
  for (guint i = first_end_at (layout, layout->by_target, target_x, x0);
       i < layout->by_target->len; i++)
    {
      const CxMapConnection *connection = nth_connection (layout, layout->by_target, i);
      double xs = source_x (layout, connection);

      if (target_x (layout, connection) > x1)
        break;
      /* drawn already, from its source */
      if (xs >= x0 && xs <= x1)
        continue;
      render_connection (layout, painter, connection, line_width);
    }
  cairo_restore (cr);
}
