/* test-render.c — the journey map: layout, drawing, export, cxplan-tool export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <dlfcn.h>
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cx-check.h"
#include "cx-map.h"
#include "cx-map-private.h"
#include "cx-model.h"
#include "cx-plan-io.h"

#ifndef CXPLAN_TOOL
#error "CXPLAN_TOOL must name the built cxplan-tool"
#endif

static const char *const samples[] = {
  "team-gear-store",
  "online-order-return",
  "telecom-upgrade",
};

static char *
sample_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".cxplan", NULL);

  return g_build_filename (CX_SOURCE_DATADIR, "samples", file, NULL);
}

static CxPlan *
load_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CxPlan *plan;

  plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* A plan of @n_steps steps over the four phases, built through the model:
 * every lane kind, emotions with holes, levels, failures answered and not */
static CxPlan *
make_plan (guint n_steps)
{
  static const CxLaneKind kinds[] = {
    CX_LANE_KIND_ACTIONS, CX_LANE_KIND_TOUCHPOINTS, CX_LANE_KIND_FRONTSTAGE,
    CX_LANE_KIND_BACKSTAGE, CX_LANE_KIND_SUPPORT, CX_LANE_KIND_PAINS, CX_LANE_KIND_IDEAS,
    CX_LANE_KIND_NOTES, CX_LANE_KIND_EMOTION, CX_LANE_KIND_EXPECTATION,
  };
  CxPlan *plan = cx_plan_new ();
  guint n_recovery = MAX (n_steps / 10, 1);
  guint n_main = n_steps - n_recovery;

  cx_plan_set_title (plan, "A long journey");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *id = g_strdup_printf ("lane-%u", i);
      g_autoptr(CxLane) lane = cx_lane_new (id, kinds[i]);

      cx_lane_set_name (lane, id);
      cx_plan_add_lane (plan, lane);
    }

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);
      g_autofree char *title = g_strdup_printf ("Step %u of a long journey", i);
      g_autoptr(CxStep) step = cx_step_new (id);
      CxPhase phase = i < n_main ? (CxPhase) (i * 3 / n_main) : CX_PHASE_RECOVERY;

      cx_step_set_title (step, title);
      cx_step_set_owner (step, "Team");
      cx_step_set_channel (step, CX_CHANNEL_WEB + i % 11);
      cx_step_set_evidence (step, CX_EVIDENCE_OBSERVED + i % 3);
      cx_step_set_wow (step, i % 17 == 0);
      cx_step_set_moment_of_truth (step, i % 13 == 0);
      cx_step_set_cell (step, "lane-0", "Does something that takes two lines to say");
      cx_step_set_cell (step, "lane-3", "Backstage work");
      if (i % 4 != 3)
        cx_step_set_emotion (step, (int) (i % 7) - 3);
      cx_step_set_expected_level (step, 1 + i % 5);
      cx_step_set_delivered_level (step, 1 + (i * 3) % 5);
      cx_plan_insert_step (plan, phase, -1, step);

      if (phase != CX_PHASE_RECOVERY && i % 5 == 0)
        {
          g_autofree char *failure_id = g_strdup_printf ("failure-%u", i);
          g_autoptr(CxFailure) failure = cx_failure_new (failure_id);

          cx_failure_set_mode (failure, "Something goes wrong here");
          cx_failure_set_severity (failure, 1 + i % 10);
          cx_failure_set_occurrence (failure, 1 + (i / 3) % 10);
          cx_failure_set_detection (failure, 1 + (i / 7) % 10);
          cx_step_add_failure (step, failure);
        }
      if (phase == CX_PHASE_RECOVERY)
        {
          g_autofree char *recovers = g_strdup_printf ("failure-%u", (i - n_main) * 10 % n_main
                                                                     / 5 * 5);

          cx_step_set_recovers (step, recovers);
        }
    }

  return plan;
}

/* ------------------------------------------------------------------ */
/* Theme                                                               */

static void
assert_readable (const CxColor *text,
                 const CxColor *background,
                 const char    *what)
{
  double contrast = cx_color_contrast (text, background);

  if (contrast < 4.5)
    g_error ("%s: contrast %.2f:1 is below 4.5:1", what, contrast);
}

static void
test_theme_contrast (void)
{
  static const CxColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  g_assert_cmpfloat_with_epsilon (cx_color_contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cx_color_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cx_color_contrast (&white, &white), 1.0, 1e-9);

  for (int dark = 0; dark <= 1; dark++)
    {
      const CxMapTheme *theme = cx_map_theme_get (dark);
      CxColor proposed = cx_map_theme_proposed_fill (theme);
      CxColor alarm = cx_map_theme_alarm_fill (theme);
      CxColor shade = cx_map_theme_row_shade (theme);
      const CxColor *grounds[] = {
        &theme->background, &theme->card, &theme->header, &proposed, &shade,
      };

      g_assert_cmpint (theme->dark, ==, dark);
      g_assert_nonnull (theme->font_family);

      for (guint i = 0; i < G_N_ELEMENTS (grounds); i++)
        {
          assert_readable (&theme->foreground, grounds[i], "foreground");
          assert_readable (&theme->dim_foreground, grounds[i], "dim foreground");
        }
      assert_readable (&theme->foreground, &alarm, "foreground on a failure with no recovery");

      for (guint p = 0; p < CX_N_PHASES; p++)
        assert_readable (&theme->phase_text[p], &theme->phase[p], "phase label");
      assert_readable (&theme->phase_text[CX_PHASE_RECOVERY], &theme->background,
                       "recovery label under the failures");

      for (int rpn = 1; rpn <= 1000; rpn += 7)
        {
          CxColor fill = cx_map_theme_rpn_color (theme, rpn);
          CxColor ink = cx_map_theme_ink_on (theme, &fill);

          assert_readable (&ink, &fill, "RPN on its pill");
        }

      /* the phases are told apart by hue, light in light, deep in dark */
      for (guint p = 0; p < CX_N_PHASES; p++)
        {
          double band = cx_color_contrast (&theme->phase[p], &black);

          if (dark)
            g_assert_cmpfloat (band, <, 3.0);
          else
            g_assert_cmpfloat (band, >, 12.0);
        }
    }
}

static void
test_theme_rpn_rises (void)
{
  const CxMapTheme *theme = cx_map_theme_get (FALSE);
  CxColor low = cx_map_theme_rpn_color (theme, 10);
  CxColor high = cx_map_theme_rpn_color (theme, 800);
  static const CxColor black = { 0, 0, 0, 1 };

  /* lighter for a trifle, darker and redder for the worst */
  g_assert_cmpfloat (cx_color_contrast (&low, &black), >, cx_color_contrast (&high, &black));
  g_assert_cmpfloat (high.red, >, high.green + 0.3);
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */

static gboolean
rect_inside (const cairo_rectangle_t *inner,
             const cairo_rectangle_t *outer)
{
  return inner->x >= outer->x - 1e-9 && inner->y >= outer->y - 1e-9
         && inner->x + inner->width <= outer->x + outer->width + 1e-9
         && inner->y + inner->height <= outer->y + outer->height + 1e-9;
}

static void
check_geometry (CxPlan    *plan,
                GPtrArray *findings)
{
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);
  cairo_rectangle_t map = { 0, 0, 0, 0 };
  cairo_rectangle_t previous = { 0, 0, 0, 0 };
  cairo_rectangle_t bands[CX_N_PHASES];
  guint n_steps = 0;

  cx_map_layout_get_size (layout, &map.width, &map.height);
  g_assert_cmpfloat (map.width, >, cx_map_layout_get_header_width (layout));
  g_assert_cmpfloat (map.height, >, cx_map_layout_get_top_height (layout));

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      n_steps += cx_plan_get_n_steps (plan, p);
      g_assert_true (cx_map_layout_get_phase_rect (layout, p, &bands[p]));
      g_assert_true (rect_inside (&bands[p], &map));
      g_assert_cmpfloat (bands[p].x, >=, cx_map_layout_get_header_width (layout));
      if (p > 0)
        g_assert_cmpfloat (bands[p].x, >, bands[p - 1].x + bands[p - 1].width);
    }
  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), ==, n_steps);

  /* recovery stands apart: a wider gap than between the other phases */
  g_assert_cmpfloat (bands[CX_PHASE_RECOVERY].x
                     - (bands[CX_PHASE_AFTER].x + bands[CX_PHASE_AFTER].width), >,
                     1.5 * (bands[CX_PHASE_DURING].x
                            - (bands[CX_PHASE_BEFORE].x + bands[CX_PHASE_BEFORE].width)));

  for (guint i = 0; i < n_steps; i++)
    {
      CxStep *step = cx_map_layout_get_step (layout, i);
      CxPhase phase = cx_step_get_phase (step);
      cairo_rectangle_t column, header;

      g_assert_cmpint (cx_map_layout_get_step_index (layout, step), ==, i);
      g_assert_true (cx_map_layout_get_step_rect (layout, step, &column));
      g_assert_true (rect_inside (&column, &map));
      g_assert_cmpfloat (column.x, >=, bands[phase].x);
      g_assert_cmpfloat (column.x + column.width, <=, bands[phase].x + bands[phase].width);
      g_assert_cmpfloat (column.y, >=, bands[phase].y + bands[phase].height);

      /* columns in journey order, none overlapping the one before */
      if (i > 0)
        {
          g_assert_cmpint (cx_step_get_phase (cx_map_layout_get_step (layout, i - 1)), <=, phase);
          g_assert_cmpfloat (column.x, >=, previous.x + previous.width);
        }
      previous = column;

      g_assert_true (cx_map_layout_get_step_header_rect (layout, step, &header));
      g_assert_true (rect_inside (&header, &column));
      g_assert_cmpfloat (header.y + header.height, <=, cx_map_layout_get_top_height (layout));

      for (guint l = 0; l < cx_plan_get_n_lanes (plan); l++)
        {
          CxLane *lane = cx_plan_get_lane (plan, l);
          cairo_rectangle_t row, cell;

          g_assert_true (cx_map_layout_get_lane_rect (layout, lane, &row));
          g_assert_true (cx_map_layout_get_cell_rect (layout, step, lane, &cell));
          g_assert_true (rect_inside (&cell, &column));
          g_assert_true (rect_inside (&cell, &row));
        }

      for (guint f = 0; f < cx_step_get_n_failures (step); f++)
        {
          cairo_rectangle_t badge;

          g_assert_true (cx_map_layout_get_failure_rect (layout, cx_step_get_failure (step, f),
                                                         &badge));
          g_assert_true (rect_inside (&badge, &column));
        }
    }

  /* every lane has its row, below the top and none overlapping */
  for (guint l = 0; l < cx_plan_get_n_lanes (plan); l++)
    {
      CxLane *lane = cx_plan_get_lane (plan, l);
      cairo_rectangle_t row;

      g_assert_true (cx_map_layout_get_lane_rect (layout, lane, &row));
      g_assert_true (rect_inside (&row, &map));
      g_assert_cmpfloat (row.y, >=, cx_map_layout_get_top_height (layout));
      g_assert_true (cx_map_layout_lane_at (layout, row.y + row.height / 2) == lane);
      if (l > 0)
        {
          cairo_rectangle_t above;

          cx_map_layout_get_lane_rect (layout, cx_plan_get_lane (plan, l - 1), &above);
          g_assert_cmpfloat (row.y, >=, above.y + above.height);
        }
      if (cx_lane_get_kind (lane) == CX_LANE_KIND_EMOTION)
        g_assert_cmpfloat (row.height, >, 96);
    }

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);
      cairo_rectangle_t rect;

      g_assert_true (cx_map_layout_get_finding_rect (layout, finding, &rect));
      g_assert_true (rect_inside (&rect, &map));
    }
}

static void
test_layout_samples (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(CxPlan) plan = load_sample (samples[s]);
      g_autoptr(GPtrArray) findings = cx_check_plan (plan);

      g_test_message ("%s", samples[s]);
      g_assert_cmpuint (findings->len, >, 0);
      check_geometry (plan, findings);
    }
}

static void
test_layout_generated (void)
{
  g_autoptr(CxPlan) plan = make_plan (120);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);

  check_geometry (plan, findings);
  check_geometry (plan, NULL);
}

static void
test_layout_step_at (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(CxPlan) plan = load_sample (samples[s]);
      g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, NULL);
      double width, height;

      cx_map_layout_get_size (layout, &width, &height);
      for (guint i = 0; i < cx_map_layout_get_n_steps (layout); i++)
        {
          CxStep *step = cx_map_layout_get_step (layout, i);
          cairo_rectangle_t r;

          g_assert_true (cx_map_layout_get_step_rect (layout, step, &r));
          g_assert_true (cx_map_layout_step_at (layout, r.x + r.width / 2,
                                                r.y + r.height / 2) == step);
          g_assert_true (cx_map_layout_step_at (layout, r.x + 0.5, r.y + 0.5) == step);
          g_assert_true (cx_map_layout_step_at (layout, r.x + r.width - 0.5,
                                                r.y + r.height - 0.5) == step);
          /* the gutter, the band above, the lane names */
          g_assert_null (cx_map_layout_step_at (layout, r.x + r.width + 1, r.y + r.height / 2));
          g_assert_null (cx_map_layout_step_at (layout, r.x + r.width / 2, r.y - 20));
          g_assert_null (cx_map_layout_step_at (layout, r.x + r.width / 2, height + 5));
        }
      g_assert_null (cx_map_layout_step_at (layout, 10, height / 2));
      g_assert_null (cx_map_layout_step_at (layout, -100, height / 2));
      g_assert_null (cx_map_layout_step_at (layout, width + 100, height / 2));
    }
}

static void
test_layout_one_phase (void)
{
  g_autoptr(CxPlan) plan = load_sample ("telecom-upgrade");
  CxMapLayoutOptions options = { .phase = CX_PHASE_RECOVERY, .font_family = NULL };
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, &options);
  cairo_rectangle_t rect;

  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), ==,
                    cx_plan_get_n_steps (plan, CX_PHASE_RECOVERY));
  g_assert_cmpint (cx_map_layout_get_step_index (layout,
                                                 cx_plan_get_step (plan, CX_PHASE_BEFORE, 0)),
                   ==, -1);
  g_assert_false (cx_map_layout_get_step_rect (layout,
                                               cx_plan_get_step (plan, CX_PHASE_BEFORE, 0),
                                               &rect));
  g_assert_false (cx_map_layout_get_phase_rect (layout, CX_PHASE_BEFORE, &rect));
  g_assert_true (cx_map_layout_get_phase_rect (layout, CX_PHASE_RECOVERY, &rect));
  g_assert_cmpfloat (rect.x, <, cx_map_layout_get_header_width (layout) + 40);
}

static void
test_layout_empty_plan (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);
  g_autoptr(CxMapLayout) again = cx_map_layout_ref (layout);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  g_assert_true (again == layout);
  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), ==, 0);
  cx_map_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, >, 0);

  /* every empty phase has a place for its finding */
  for (guint i = 0; i < findings->len; i++)
    {
      cairo_rectangle_t rect;

      g_assert_true (cx_map_layout_get_finding_rect (layout, g_ptr_array_index (findings, i),
                                                     &rect));
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  cx_map_render (layout, cr, &(cairo_rectangle_t) { 0, 0, width, height }, NULL);
  cx_map_render_lane_headers (layout, cr, &(cairo_rectangle_t) { 0, 0, width, height }, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_true (G_TYPE_IS_BOXED (CX_TYPE_MAP_LAYOUT));
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static cairo_surface_t *
render_whole (CxMapLayout      *layout,
              const CxMapTheme *theme,
              CxStep           *selected,
              double            zoom)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  CxMapRenderOptions options = { .theme = theme, .selected = selected, .zoom = zoom };

  cx_map_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * zoom),
                                        (int) ceil (height * zoom));
  cr = cairo_create (surface);
  cairo_scale (cr, zoom, zoom);
  cx_map_render (layout, cr, &(cairo_rectangle_t) { 0, 0, width, height }, &options);
  cx_map_render_lane_headers (layout, cr, &(cairo_rectangle_t) { 0, 0, width, height },
                              &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Text never spills out of its cell: a map drawn with an overlong title
 * and cell differs from one drawn without only inside their cells */
static void
test_render_text_stays_in_cell (void)
{
  static const char *const long_texts[] = {
    "An exceedingly long title that goes on and on about every detail of the step, far "
    "beyond the three lines a step header has room for, and then some more words",
    "Averyveryverylongwordwithoutanyspacesthatcannotbewrappedatawordboundaryatall"
    "andkeepsgoingandgoingandgoing",
  };

  for (guint t = 0; t < G_N_ELEMENTS (long_texts); t++)
    {
      g_autoptr(CxPlan) plan = cx_plan_new ();
      g_autoptr(CxStep) step = cx_step_new ("only");
      g_autoptr(CxStep) next = cx_step_new ("next");
      g_autoptr(CxLane) lane = cx_lane_new ("notes", CX_LANE_KIND_NOTES);
      g_autoptr(CxMapLayout) layout = NULL;
      cairo_surface_t *plain, *busy;
      cairo_rectangle_t header, cell;
      guchar *a, *b;
      int stride, width, height;
      guint changed = 0;

      cx_plan_add_lane (plan, lane);
      cx_plan_insert_step (plan, CX_PHASE_BEFORE, -1, step);
      cx_step_set_title (next, "Short");
      cx_plan_insert_step (plan, CX_PHASE_BEFORE, -1, next);
      layout = cx_map_layout_new (plan, NULL, NULL);
      g_assert_true (cx_map_layout_get_step_header_rect (layout, step, &header));
      g_assert_true (cx_map_layout_get_cell_rect (layout, step, lane, &cell));

      cx_step_set_title (step, "T");
      cx_step_set_cell (step, "notes", "C");
      plain = render_whole (layout, cx_map_theme_get (FALSE), NULL, 1.0);
      cx_step_set_title (step, long_texts[t]);
      cx_step_set_cell (step, "notes", long_texts[t]);
      busy = render_whole (layout, cx_map_theme_get (FALSE), NULL, 1.0);

      a = cairo_image_surface_get_data (plain);
      b = cairo_image_surface_get_data (busy);
      stride = cairo_image_surface_get_stride (plain);
      width = cairo_image_surface_get_width (plain);
      height = cairo_image_surface_get_height (plain);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            guint32 pa = *(guint32 *) (gpointer) (a + y * stride + x * 4);
            guint32 pb = *(guint32 *) (gpointer) (b + y * stride + x * 4);
            gboolean in_header = x >= header.x && x < header.x + header.width
                                 && y >= header.y && y < header.y + header.height;
            gboolean in_cell = x >= cell.x && x < cell.x + cell.width
                               && y >= cell.y && y < cell.y + cell.height;

            if ((pa & 0xffffff) == (pb & 0xffffff))
              continue;
            changed++;
            if (!in_header && !in_cell)
              g_error ("text spilled out of its cell at (%d, %d)", x, y);
          }
      g_assert_cmpuint (changed, >, 500);

      cairo_surface_destroy (plain);
      cairo_surface_destroy (busy);
    }
}

/* Text in a cell ends in an ellipsis when it does not fit */
static void
test_render_text_ellipsized (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (surface);
  CxMapPainter painter;
  cairo_rectangle_t box = { 10, 10, 160, 54 };
  double used;

  cx_map_painter_init (&painter, cr, cx_map_theme_get (FALSE), NULL, 1.0);
  used = cx_map_draw_text (&painter,
                           "A title much longer than three lines of a step column can hold, "
                           "so that it has to end in an ellipsis somewhere on the third line",
                           &box, CX_MAP_FONT_TITLE, &painter.theme->foreground, CX_TEXT_BOLD);
  g_assert_cmpfloat (used, >, 0);
  g_assert_cmpfloat (used, <=, box.height);
  g_assert_true (pango_layout_is_ellipsized (painter.text));
  g_assert_cmpint (pango_layout_get_line_count (painter.text), <=, 3);

  /* too small to read: not drawn at all */
  painter.zoom = 0.1;
  g_assert_cmpfloat (cx_map_draw_text (&painter, "Hidden", &box, CX_MAP_FONT_BODY,
                                       &painter.theme->foreground, 0), ==, 0);

  cx_map_painter_clear (&painter);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_render_samples (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(CxPlan) plan = load_sample (samples[s]);
      g_autoptr(GPtrArray) findings = cx_check_plan (plan);
      g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);
      CxStep *selected = cx_map_layout_get_step (layout, 2);

      for (int dark = 0; dark <= 1; dark++)
        {
          static const double zooms[] = { 1.0, 0.3, 0.05 };

          for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
            {
              cairo_surface_t *surface = render_whole (layout, cx_map_theme_get (dark), selected,
                                                       zooms[z]);

              g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
              cairo_surface_destroy (surface);
            }
        }
    }
}

/* A 10,000-step plan lays out, and a window's worth of it draws, anywhere */
static void
test_render_big_plan (void)
{
  g_autoptr(CxPlan) plan = make_plan (10000);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  static const double zooms[] = { 1.0, 0.25, 0.05 };
  static const double scrolls[] = { 0.0, 0.5, 0.95 };
  double width, height;

  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), ==, 10000);
  cx_map_layout_get_size (layout, &width, &height);

  for (guint i = 0; i < cx_map_layout_get_n_steps (layout); i++)
    {
      CxStep *step = cx_map_layout_get_step (layout, i);
      cairo_rectangle_t r;

      g_assert_cmpint (cx_map_layout_get_step_index (layout, step), ==, i);
      g_assert_true (cx_map_layout_get_step_rect (layout, step, &r));
      g_assert_true (cx_map_layout_step_at (layout, r.x + r.width / 2, r.y + 10) == step);
    }

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint s = 0; s < G_N_ELEMENTS (scrolls); s++)
      {
        cairo_t *cr = cairo_create (surface);
        cairo_rectangle_t area = { scrolls[s] * width, 0, 1280 / zooms[z], 800 / zooms[z] };
        CxMapRenderOptions options = { cx_map_theme_get (s == 1), NULL, zooms[z] };

        cairo_scale (cr, zooms[z], zooms[z]);
        cairo_translate (cr, -area.x, -area.y);
        cx_map_render (layout, cr, &area, &options);
        cairo_translate (cr, area.x, 0);
        cx_map_render_lane_headers (layout, cr, &area, &options);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
      }

  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cx-render-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The page is the map, at least this wide, with the title block and legend */
static double
expected_width (CxPlan *plan,
                int     phase,
                double  scale)
{
  CxMapLayoutOptions options = { .phase = phase, .font_family = NULL };
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, &options);
  double width, height;

  cx_map_layout_get_size (layout, &width, &height);
  return ceil (MAX (width, 960.0) * scale);
}

static double
map_height (CxPlan *plan)
{
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, NULL);
  double width, height;

  cx_map_layout_get_size (layout, &width, &height);
  return height;
}

static void
check_png (const char *path,
           double      width,
           double      min_height)
{
  g_autofree char *contents = NULL;
  gsize length;
  cairo_surface_t *image;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) width);
  g_assert_cmpfloat (cairo_image_surface_get_height (image), >, min_height);
  cairo_surface_destroy (image);
}

static void
check_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  gboolean page = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  for (const char *p = contents; p < contents + length - 12; p++)
    {
      /* a page object, not the page tree */
      if (memcmp (p, "/Type /Page", 11) == 0 && p[11] != 's')
        page = TRUE;
    }
  g_assert_true (page);
}

static double
svg_length (xmlNode    *node,
            const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  double length;

  g_assert_nonnull (value);
  length = g_ascii_strtod ((const char *) value, NULL);
  xmlFree (value);
  return length;
}

static void
check_svg (const char *path,
           double      width,
           double      min_height)
{
  g_autofree char *contents = NULL;
  gsize length;
  xmlDoc *doc;
  xmlNode *root;

  /* from memory: the plan reader denies libxml2 every external load,
   * and a file name given to xmlReadFile() is one */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  doc = xmlReadMemory (contents, (int) length, path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  g_assert_cmpfloat_with_epsilon (svg_length (root, "width"), width, 0.5);
  g_assert_cmpfloat (svg_length (root, "height"), >, min_height);
  xmlFreeDoc (doc);
}

static void
test_export_samples (Fixture       *fixture,
                     gconstpointer  data)
{
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(CxPlan) plan = load_sample (samples[s]);
      g_autoptr(GPtrArray) findings = cx_check_plan (plan);
      double height = map_height (plan);

      for (int dark = 0; dark <= 1; dark++)
        {
          g_autofree char *png = g_strdup_printf ("%s/%s-%d.png", fixture->dir, samples[s], dark);
          g_autofree char *svg = g_strdup_printf ("%s/%s-%d.svg", fixture->dir, samples[s], dark);
          g_autofree char *pdf = g_strdup_printf ("%s/%s-%d.pdf", fixture->dir, samples[s], dark);
          CxExportOptions options = { .scale = 1.0, .phase = -1, .dark = dark };
          CxExportOptions half = { .scale = 0.5, .phase = -1, .dark = dark };
          CxExportFormat format;
          g_autoptr(GError) error = NULL;

          g_assert_true (cx_export_format_from_path (png, &format));
          g_assert_cmpint (format, ==, CX_EXPORT_PNG);
          g_assert_true (cx_map_export (plan, findings, png, format, &options, &error));
          g_assert_no_error (error);
          check_png (png, expected_width (plan, -1, 1.0), height);

          g_assert_true (cx_map_export (plan, findings, png, CX_EXPORT_PNG, &half, &error));
          g_assert_no_error (error);
          check_png (png, expected_width (plan, -1, 0.5), height / 2);

          g_assert_true (cx_map_export (plan, findings, svg, CX_EXPORT_SVG, &options, &error));
          g_assert_no_error (error);
          check_svg (svg, expected_width (plan, -1, 1.0), height);

          g_assert_true (cx_map_export (plan, findings, pdf, CX_EXPORT_PDF, &options, &error));
          g_assert_no_error (error);
          check_pdf (pdf);
        }
    }
}

static void
test_export_format_from_path (void)
{
  CxExportFormat format;

  g_assert_true (cx_export_format_from_path ("map.PNG", &format));
  g_assert_cmpint (format, ==, CX_EXPORT_PNG);
  g_assert_true (cx_export_format_from_path ("/tmp/a.b/map.svg", &format));
  g_assert_cmpint (format, ==, CX_EXPORT_SVG);
  g_assert_true (cx_export_format_from_path ("map.Pdf", &format));
  g_assert_cmpint (format, ==, CX_EXPORT_PDF);
  g_assert_false (cx_export_format_from_path ("map.jpeg", &format));
  g_assert_false (cx_export_format_from_path ("png", &format));
}

static void
test_export_too_large (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CxPlan) plan = make_plan (200);
  g_autofree char *path = g_build_filename (fixture->dir, "huge.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "huge.svg", NULL);
  g_autoptr(GError) error = NULL;
  CxExportOptions options = { .scale = 1.0, .phase = -1, .dark = FALSE };

  g_assert_false (cx_map_export (plan, NULL, path, CX_EXPORT_PNG, &options, &error));
  g_assert_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* one phase at a smaller scale fits; a vector format has no such limit */
  options.phase = CX_PHASE_RECOVERY;
  g_assert_true (cx_map_export (plan, NULL, path, CX_EXPORT_PNG, &options, &error));
  g_assert_no_error (error);
  check_png (path, expected_width (plan, CX_PHASE_RECOVERY, 1.0), 100);
  options.phase = -1;
  g_assert_true (cx_map_export (plan, NULL, svg, CX_EXPORT_SVG, &options, &error));
  g_assert_no_error (error);
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CxPlan) plan = load_sample ("telecom-upgrade");
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-dir", "map.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cx_map_export (plan, NULL, path, CX_EXPORT_PDF, NULL, &error));
  g_assert_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
}

/* A failed export leaves the file that was there before */
static void
test_export_keeps_old_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CxPlan) plan = make_plan (200);
  g_autofree char *path = g_build_filename (fixture->dir, "kept.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (cx_map_export (plan, NULL, path, CX_EXPORT_PNG, NULL, &error));
  g_assert_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_TOO_LARGE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

/* ------------------------------------------------------------------ */
/* cxplan-tool export                                                  */

static int
run_tool (const char *const *argv,
          char              **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (args, (gpointer) CXPLAN_TOOL);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* In the sanitizer build: fontconfig and pango keep their caches for the
   * life of the process, which LeakSanitizer would take for leaks */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_tool_export (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sample = sample_path ("team-gear-store");
  g_autofree char *png = g_build_filename (fixture->dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "map.pdf", NULL);
  g_autoptr(CxPlan) plan = load_sample ("team-gear-store");
  char *err = NULL;

  g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", png, NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  check_png (png, expected_width (plan, -1, 1.0), map_height (plan));

  g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", png, "--scale", "0.5",
                                                "--dark", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  check_png (png, expected_width (plan, -1, 0.5), map_height (plan) / 2);

  g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", svg, "--phase", "during",
                                                NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  check_svg (svg, expected_width (plan, CX_PHASE_DURING, 1.0), 100);

  g_assert_cmpint (run_tool ((const char *[]) { "export", "--dark", sample, "-o", pdf, NULL },
                             &err), ==, 0);
  g_clear_pointer (&err, g_free);
  check_pdf (pdf);
}

static void
test_tool_export_errors (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *sample = sample_path ("telecom-upgrade");
  g_autofree char *png = g_build_filename (fixture->dir, "map.png", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "map.txt", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.cxplan", NULL);
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.cxplan", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.cxplan", NULL);
  g_autofree char *unwritable = g_build_filename (fixture->dir, "no-dir", "map.png", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(CxPlan) big = make_plan (200);
  g_autoptr(GBytes) bytes = cx_plan_to_bytes (big);
  char *err = NULL;
  static const struct
  {
    const char *args[6];
  } usage[] = {
    { { "export", NULL } },
    { { "export", "@SAMPLE@", NULL } },
    { { "export", "@SAMPLE@", "-o", "@TXT@", NULL } },
    { { "export", "@SAMPLE@", "-o", "@PNG@", "--phase", "later" } },
    { { "export", "@SAMPLE@", "-o", "@PNG@", "--scale", "0" } },
    { { "export", "@SAMPLE@", "-o", "@PNG@", "--scale", "many" } },
    { { "export", "@SAMPLE@", "@SAMPLE@", "-o", "@PNG@", NULL } },
    { { "export", "@SAMPLE@", "-o", "@PNG@", "--bogus", NULL } },
  };

  /* usage errors: 64, and nothing written */
  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      const char *argv[7] = { NULL, };

      for (guint a = 0; a < G_N_ELEMENTS (usage[i].args) && usage[i].args[a] != NULL; a++)
        {
          const char *arg = usage[i].args[a];

          argv[a] = g_str_equal (arg, "@SAMPLE@") ? sample
                    : g_str_equal (arg, "@PNG@") ? png
                    : g_str_equal (arg, "@TXT@") ? txt : arg;
        }
      g_assert_cmpint (run_tool (argv, &err), ==, 64);
      g_assert_nonnull (strstr (err, "cxplan-tool"));
      g_clear_pointer (&err, g_free);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
    }

  /* a plan that is refused: FILE:LINE: error: WHAT, exit 2 */
  g_assert_true (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<cxplan xmlns=\"urn:cxplan:"
                                      "plan:1\" version=\"1.0\">\n  <title>x</title>\n"
                                      "  <oops/>\n</cxplan>\n", -1, NULL));
  g_assert_cmpint (run_tool ((const char *[]) { "export", bad, "-o", png, NULL }, &err), ==, 2);
  expected = g_strdup_printf ("%s:", bad);
  g_assert_true (g_str_has_prefix (err, expected));
  g_assert_nonnull (strstr (err, ": error: "));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_tool ((const char *[]) { "export", missing, "-o", png, NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, missing));
  g_clear_pointer (&err, g_free);

  /* the map cannot be written: exit 2, the message names the file */
  g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", unwritable, NULL }, &err),
                   ==, 2);
  g_assert_nonnull (strstr (err, unwritable));
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (huge, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (run_tool ((const char *[]) { "export", huge, "-o", png, NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, png));
  g_assert_nonnull (strstr (err, "too large"));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  /* the help names the command */
  g_assert_cmpint (run_tool ((const char *[]) { "--help", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
}

int
main (int    argc,
      char **argv)
{
  void (*fc_fini) (void);
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/theme/contrast", test_theme_contrast);
  g_test_add_func ("/render/theme/rpn-rises", test_theme_rpn_rises);
  g_test_add_func ("/render/layout/samples", test_layout_samples);
  g_test_add_func ("/render/layout/generated", test_layout_generated);
  g_test_add_func ("/render/layout/step-at", test_layout_step_at);
  g_test_add_func ("/render/layout/one-phase", test_layout_one_phase);
  g_test_add_func ("/render/layout/empty-plan", test_layout_empty_plan);
  g_test_add_func ("/render/draw/text-stays-in-cell", test_render_text_stays_in_cell);
  g_test_add_func ("/render/draw/text-ellipsized", test_render_text_ellipsized);
  g_test_add_func ("/render/draw/samples", test_render_samples);
  g_test_add_func ("/render/draw/big-plan", test_render_big_plan);
  g_test_add_func ("/render/export/format-from-path", test_export_format_from_path);
  g_test_add ("/render/export/samples", Fixture, NULL,
              fixture_set_up, test_export_samples, fixture_tear_down);
  g_test_add ("/render/export/too-large", Fixture, NULL,
              fixture_set_up, test_export_too_large, fixture_tear_down);
  g_test_add ("/render/export/unwritable", Fixture, NULL,
              fixture_set_up, test_export_unwritable, fixture_tear_down);
  g_test_add ("/render/export/keeps-old-file", Fixture, NULL,
              fixture_set_up, test_export_keeps_old_file, fixture_tear_down);
  g_test_add ("/render/tool/export", Fixture, NULL,
              fixture_set_up, test_tool_export, fixture_tear_down);
  g_test_add ("/render/tool/export-errors", Fixture, NULL,
              fixture_set_up, test_tool_export_errors, fixture_tear_down);

  status = g_test_run ();

  /* Let go of the fonts, so that memcheck sees only what we leak. The
   * renderer does not link fontconfig itself: its FcFini() is looked up
   * in the process, where pango brought it. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  fc_fini = (void (*) (void)) dlsym (RTLD_DEFAULT, "FcFini");
  if (fc_fini != NULL)
    fc_fini ();

  return status;
}
