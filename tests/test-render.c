/* test-render.c — the journey map: layout, drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The palettes and their contrast are in test-render-theme.c, cutting
 * into pages in test-render-pages.c, export to files and cxplan-tool
 * export in test-render-export.c.
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <math.h>

#include <cairo.h>

#include "cx-check.h"
#include "cx-map.h"
#include "cx-map-private.h"
#include "cx-model.h"
#include "cx-test-render-util.h"

/* ------------------------------------------------------------------ */
/* Layout                                                              */

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
      g_assert_true (cx_test_rect_inside (&bands[p], &map));
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
      g_assert_true (cx_test_rect_inside (&column, &map));
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
      g_assert_true (cx_test_rect_inside (&header, &column));
      g_assert_cmpfloat (header.y + header.height, <=, cx_map_layout_get_top_height (layout));

      for (guint l = 0; l < cx_plan_get_n_lanes (plan); l++)
        {
          CxLane *lane = cx_plan_get_lane (plan, l);
          cairo_rectangle_t row, cell;

          g_assert_true (cx_map_layout_get_lane_rect (layout, lane, &row));
          g_assert_true (cx_map_layout_get_cell_rect (layout, step, lane, &cell));
          g_assert_true (cx_test_rect_inside (&cell, &column));
          g_assert_true (cx_test_rect_inside (&cell, &row));
        }

      for (guint f = 0; f < cx_step_get_n_failures (step); f++)
        {
          cairo_rectangle_t badge;

          g_assert_true (cx_map_layout_get_failure_rect (layout, cx_step_get_failure (step, f),
                                                         &badge));
          g_assert_true (cx_test_rect_inside (&badge, &column));
        }
    }

  /* every lane has its row, below the top and none overlapping */
  for (guint l = 0; l < cx_plan_get_n_lanes (plan); l++)
    {
      CxLane *lane = cx_plan_get_lane (plan, l);
      cairo_rectangle_t row;

      g_assert_true (cx_map_layout_get_lane_rect (layout, lane, &row));
      g_assert_true (cx_test_rect_inside (&row, &map));
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
      g_assert_true (cx_test_rect_inside (&rect, &map));
    }
}

static void
test_layout_samples (void)
{
  for (guint s = 0; cx_test_samples[s] != NULL; s++)
    {
      g_autoptr(CxPlan) plan = cx_test_load_sample (cx_test_samples[s]);
      g_autoptr(GPtrArray) findings = cx_check_plan (plan);

      g_test_message ("%s", cx_test_samples[s]);
      g_assert_cmpuint (findings->len, >, 0);
      check_geometry (plan, findings);
    }
}

static void
test_layout_generated (void)
{
  g_autoptr(CxPlan) plan = cx_test_make_plan (120);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);

  check_geometry (plan, findings);
  check_geometry (plan, NULL);
}

static void
test_layout_step_at (void)
{
  for (guint s = 0; cx_test_samples[s] != NULL; s++)
    {
      g_autoptr(CxPlan) plan = cx_test_load_sample (cx_test_samples[s]);
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
  g_autoptr(CxPlan) plan = cx_test_load_sample ("telecom-upgrade");
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

/* A persona's journey: that persona's steps and every persona's, in
 * journey order, side by side as if the others were not there */
static void
test_layout_persona (gconstpointer data)
{
  const char *persona = data;
  g_autoptr(CxPlan) plan = cx_test_load_sample ("team-gear-store");
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  CxMapLayoutOptions options = { .phase = -1, .font_family = NULL, .persona = persona };
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, &options);
  g_autoptr(CxMapLayout) all = cx_map_layout_new (plan, findings, NULL);
  guint shown = 0, hidden = 0, index = 0;
  double all_width, width, height;

  g_assert_cmpstr (cx_map_layout_get_persona (layout), ==, persona);
  g_assert_null (cx_map_layout_get_persona (all));

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    {
      double previous_x = -1;

      for (guint i = 0; i < cx_plan_get_n_steps (plan, phase); i++)
        {
          CxStep *step = cx_plan_get_step (plan, phase, i);
          const char *own = cx_step_get_persona (step);
          gboolean in_journey = own == NULL || g_strcmp0 (own, persona) == 0;
          cairo_rectangle_t rect;

          g_assert_true (cx_map_layout_shows_step (all, step));
          g_assert_cmpint (cx_map_layout_shows_step (layout, step), ==, in_journey);
          g_assert_cmpint (cx_map_layout_get_step_rect (layout, step, &rect), ==, in_journey);
          if (!in_journey)
            {
              g_assert_cmpint (cx_map_layout_get_step_index (layout, step), ==, -1);
              hidden++;
              continue;
            }

          /* In journey order, and no gap where a hidden step was */
          g_assert_cmpint (cx_map_layout_get_step_index (layout, step), ==, index);
          g_assert_true (cx_map_layout_get_step (layout, index) == step);
          if (previous_x >= 0)
            g_assert_cmpfloat_with_epsilon (rect.x - previous_x, CX_MAP_PITCH, 1e-9);
          g_assert_true (cx_map_layout_step_at (layout, rect.x + 2, rect.y + rect.height / 2)
                         == step);
          previous_x = rect.x;
          index++;
          shown++;
        }
    }

  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), ==, shown);
  g_assert_cmpuint (cx_map_layout_get_n_steps (all), ==, shown + hidden);
  /* The sample has steps of each persona and shared ones */
  g_assert_cmpuint (hidden, >, 0);
  g_assert_cmpuint (shown, >, 0);

  cx_map_layout_get_size (all, &all_width, &height);
  cx_map_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, <, all_width);

  /* A line to or from a hidden step is not drawn */
  for (guint i = 0; i < layout->connections->len; i++)
    {
      const CxMapConnection *connection = &g_array_index (layout->connections,
                                                          CxMapConnection, i);

      g_assert_true (cx_map_layout_shows_step (layout,
                                               cx_failure_get_step (connection->failure)));
      g_assert_cmpuint (connection->target, <, shown);
    }
}

/* A persona the plan lacks: only the steps of every persona */
static void
test_layout_persona_unknown (void)
{
  g_autoptr(CxPlan) plan = cx_test_load_sample ("team-gear-store");
  CxMapLayoutOptions options = { .phase = -1, .font_family = NULL, .persona = "nobody" };
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, &options);
  guint shared = 0;

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < cx_plan_get_n_steps (plan, phase); i++)
      shared += cx_step_get_persona (cx_plan_get_step (plan, phase, i)) == NULL;

  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), ==, shared);
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
                           &box, CX_MAP_FONT_TITLE, CX_INK (CX_MAP_TEXT_CARD), CX_TEXT_BOLD);
  g_assert_cmpfloat (used, >, 0);
  g_assert_cmpfloat (used, <=, box.height);
  g_assert_true (pango_layout_is_ellipsized (painter.text));
  g_assert_cmpint (pango_layout_get_line_count (painter.text), <=, 3);

  /* too small to read: not drawn at all */
  painter.zoom = 0.1;
  g_assert_cmpfloat (cx_map_draw_text (&painter, "Hidden", &box, CX_MAP_FONT_BODY,
                                       CX_INK (CX_MAP_TEXT_CARD), 0), ==, 0);

  cx_map_painter_clear (&painter);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_render_samples (void)
{
  for (guint s = 0; cx_test_samples[s] != NULL; s++)
    {
      g_autoptr(CxPlan) plan = cx_test_load_sample (cx_test_samples[s]);
      g_autoptr(GPtrArray) findings = cx_check_plan (plan);
      g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);
      CxStep *selected = cx_map_layout_get_step (layout, 2);

      for (guint style = 0; style < CX_MAP_N_STYLES; style++)
        {
          static const double zooms[] = { 1.0, 0.3, 0.05 };

          for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
            {
              cairo_surface_t *surface = render_whole (layout, cx_map_theme_get_for (style),
                                                       selected, zooms[z]);

              g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
              cairo_surface_destroy (surface);
            }
        }
    }
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              x0,
                   int              y0,
                   int              x1,
                   int              y1)
{
  const guchar *da = cairo_image_surface_get_data (a);
  const guchar *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint differ = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      differ += (*(const guint32 *) (gconstpointer) (da + y * stride + x * 4) & 0xffffff)
                != (*(const guint32 *) (gconstpointer) (db + y * stride + x * 4) & 0xffffff);

  return differ;
}

/* The top rows and the corner, drawn alone for the view to pin, are what
 * the whole map draws there, selection and all; and the whole map drawn
 * from below the top rows leaves them to them */
static void
test_render_top_rows (void)
{
  g_autoptr(CxPlan) plan = cx_test_load_sample ("team-gear-store");
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);
  double width, height, top = cx_map_layout_get_top_height (layout);
  double header = cx_map_layout_get_header_width (layout);

  cx_map_layout_get_size (layout, &width, &height);

  for (guint style = 0; style < CX_MAP_N_STYLES; style++)
    {
      CxMapRenderOptions options = {
        cx_map_theme_get_for (style), cx_map_layout_get_step (layout, 3), 1.0,
      };
      cairo_surface_t *whole = render_whole (layout, options.theme, options.selected, 1.0);
      cairo_surface_t *parts = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                           (int) ceil (width),
                                                           (int) ceil (height));
      cairo_t *cr = cairo_create (parts);
      cairo_rectangle_t below = { 0, top, width, height - top };
      guint drawn = 0;

      /* the map under the top rows, then the top rows, then the names and
       * the corner: as the view draws them scrolled down */
      cairo_set_source_rgb (cr, 1, 0, 1);
      cairo_paint (cr);
      cx_map_render (layout, cr, &below, &options);
      cx_map_render_lane_headers (layout, cr, &below, &options);
      cx_map_render_top_rows (layout, cr, &(cairo_rectangle_t) { header, 0, width - header, top },
                              &options);
      cx_map_render_corner (layout, cr, &options);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (parts);

      g_assert_cmpuint (count_differences (whole, parts, 0, 0, (int) width, (int) height), ==, 0);

      /* and they are not empty: the bands, cards and corner are there */
      {
        cairo_surface_t *blank = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                             (int) ceil (width),
                                                             (int) ceil (height));

        cr = cairo_create (blank);
        cx_set_color (cr, &options.theme->background);
        cairo_paint (cr);
        cairo_destroy (cr);
        cairo_surface_flush (blank);
        drawn = count_differences (whole, blank, (int) header, 0, (int) width, (int) top);
        g_assert_cmpuint (drawn, >, (guint) ((width - header) * top / 5));
        cairo_surface_destroy (blank);
      }

      cairo_surface_destroy (whole);
      cairo_surface_destroy (parts);
    }
}

/* The step's header with @findings, drawn alone */
static cairo_surface_t *
render_with_findings (CxPlan            *plan,
                      GPtrArray         *findings,
                      CxStep            *step,
                      cairo_rectangle_t *header)
{
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);

  g_assert_true (cx_map_layout_get_step_header_rect (layout, step, header));
  return render_whole (layout, cx_map_theme_get_for (CX_MAP_STYLE_LIGHT), NULL, 1.0);
}

/* A finding the plan accepts is marked on its step apart: neither left
 * out as if there were none, nor drawn as one asking for attention */
static void
test_render_accepted_badge (void)
{
  g_autoptr(CxPlan) plan = cx_test_load_sample ("team-gear-store");
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(GPtrArray) without = g_ptr_array_new ();
  g_autoptr(GPtrArray) active = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_finding_free);
  CxStep *step = CX_STEP (cx_plan_lookup_id (plan, "game-day"));
  cairo_surface_t *accepted, *none, *asking;
  cairo_rectangle_t header;
  gboolean found = FALSE;

  g_assert_nonnull (step);
  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *finding = g_ptr_array_index (findings, i);
      CxFinding *copy = cx_finding_copy (finding);

      if (finding->accepted && g_strcmp0 (finding->step_id, "game-day") == 0)
        {
          found = TRUE;
          copy->accepted = FALSE;
        }
      else
        g_ptr_array_add (without, finding);
      g_ptr_array_add (active, copy);
    }
  g_assert_true (found);

  accepted = render_with_findings (plan, findings, step, &header);
  none = render_with_findings (plan, without, step, &header);
  asking = render_with_findings (plan, active, step, &header);

  g_assert_cmpuint (count_differences (accepted, none, (int) header.x, (int) header.y,
                                       (int) (header.x + header.width),
                                       (int) (header.y + header.height)), >, 20);
  g_assert_cmpuint (count_differences (accepted, asking, (int) header.x, (int) header.y,
                                       (int) (header.x + header.width),
                                       (int) (header.y + header.height)), >, 20);

  cairo_surface_destroy (accepted);
  cairo_surface_destroy (none);
  cairo_surface_destroy (asking);
}

/* A 10,000-step plan lays out, and a window's worth of it draws, anywhere */
static void
test_render_big_plan (void)
{
  g_autoptr(CxPlan) plan = cx_test_make_plan (10000);
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/samples", test_layout_samples);
  g_test_add_func ("/render/layout/generated", test_layout_generated);
  g_test_add_func ("/render/layout/step-at", test_layout_step_at);
  g_test_add_func ("/render/layout/one-phase", test_layout_one_phase);
  g_test_add_func ("/render/layout/empty-plan", test_layout_empty_plan);
  g_test_add_data_func ("/render/layout/persona/coach", "coach", test_layout_persona);
  g_test_add_data_func ("/render/layout/persona/parent", "parent", test_layout_persona);
  g_test_add_func ("/render/layout/persona/unknown", test_layout_persona_unknown);
  g_test_add_func ("/render/draw/text-stays-in-cell", test_render_text_stays_in_cell);
  g_test_add_func ("/render/draw/text-ellipsized", test_render_text_ellipsized);
  g_test_add_func ("/render/draw/samples", test_render_samples);
  g_test_add_func ("/render/draw/top-rows", test_render_top_rows);
  g_test_add_func ("/render/draw/accepted-badge", test_render_accepted_badge);
  g_test_add_func ("/render/draw/big-plan", test_render_big_plan);

  return cx_test_render_run ();
}