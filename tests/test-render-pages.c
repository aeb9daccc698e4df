/* test-render-pages.c — the map cut into pages, for print and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spans of columns and bands of lanes as cx-map-pages.c cuts them, a
 * page's part of the map as it draws it, and a PDF export too large for
 * one page (more than 14,400 points a side) written over several.
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>

#include "cx-check.h"
#include "cx-map.h"
#include "cx-map-private.h"
#include "cx-model.h"
#include "cx-test-render-util.h"

/* ------------------------------------------------------------------ */
/* Pages                                                               */

/* How many of @spans hold [start, end] whole */
static guint
count_spans_holding (GArray *spans,
                     double  start,
                     double  end)
{
  guint n = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const CxMapSpan *span = &g_array_index (spans, CxMapSpan, i);

      if (start >= span->start && end <= span->end)
        n++;
    }
  return n;
}

/* The spans follow one another from the lane names to the map's right
 * edge; every column, a step's or an empty phase's place, lies in
 * exactly one, and within the room given */
static void
check_columns (CxPlan      *plan,
               CxMapLayout *layout,
               GArray      *columns,
               double       width)
{
  double header_width = cx_map_layout_get_header_width (layout);
  double map_width, map_height;

  cx_map_layout_get_size (layout, &map_width, &map_height);
  g_assert_cmpuint (columns->len, >=, 1);
  g_assert_cmpfloat (g_array_index (columns, CxMapSpan, 0).start, ==, header_width);
  g_assert_cmpfloat (g_array_index (columns, CxMapSpan, columns->len - 1).end, ==, map_width);
  for (guint i = 0; i < columns->len; i++)
    {
      const CxMapSpan *span = &g_array_index (columns, CxMapSpan, i);

      g_assert_cmpfloat (span->end - span->start, <=, width + CX_MAP_RECOVERY_GAP);
      if (i > 0)
        g_assert_cmpfloat (span->start, ==, g_array_index (columns, CxMapSpan, i - 1).end);
    }

  for (guint i = 0; i < cx_map_layout_get_n_steps (layout); i++)
    {
      cairo_rectangle_t rect;

      g_assert_true (cx_map_layout_get_step_rect (layout, cx_map_layout_get_step (layout, i),
                                                  &rect));
      g_assert_cmpuint (count_spans_holding (columns, rect.x, rect.x + rect.width), ==, 1);
      for (guint c = 0; c < columns->len; c++)
        {
          const CxMapSpan *span = &g_array_index (columns, CxMapSpan, c);

          if (rect.x >= span->start && rect.x < span->end)
            g_assert_cmpfloat (rect.x + rect.width - span->start, <=, width);
        }
    }

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      cairo_rectangle_t place;

      if (cx_plan_get_n_steps (plan, p) == 0 && cx_map_layout_get_phase_rect (layout, p, &place))
        g_assert_cmpuint (count_spans_holding (columns, place.x, place.x + place.width), ==, 1);
    }
}

static void
test_pages_columns (void)
{
  static const double widths[] = { 250, 700, 1000, 5000, 14000 };
  g_autoptr(CxPlan) plan = cx_test_make_plan (120);

  for (int phase = -1; phase < CX_N_PHASES; phase++)
    {
      CxMapLayoutOptions options = { .phase = phase, .font_family = NULL };
      g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, &options);
      double header_width = cx_map_layout_get_header_width (layout);
      double map_width, map_height;

      cx_map_layout_get_size (layout, &map_width, &map_height);
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autoptr(GArray) columns = cx_map_layout_paginate_columns (layout, widths[w]);

          check_columns (plan, layout, columns, widths[w]);
          /* as few spans as the room allows: each next would have held
           * one more column */
          g_assert_cmpuint (columns->len, <=,
                            ceil ((map_width - header_width) / (widths[w] - CX_MAP_PITCH)));
        }

      /* a map that fits is one span */
      {
        g_autoptr(GArray) whole = cx_map_layout_paginate_columns (layout, map_width);

        g_assert_cmpuint (whole->len, ==, 1);
      }
    }
}

/* An empty phase keeps a column's place, which is not cut either */
static void
test_pages_empty_phase (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(CxLane) lane = cx_lane_new ("notes", CX_LANE_KIND_NOTES);
  g_autoptr(CxMapLayout) layout = NULL;
  guint n_cut_near = 0;

  cx_plan_add_lane (plan, lane);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);
      g_autoptr(CxStep) step = cx_step_new (id);

      cx_plan_insert_step (plan, i < 20 ? CX_PHASE_BEFORE : CX_PHASE_AFTER, -1, step);
    }
  layout = cx_map_layout_new (plan, NULL, NULL);

  for (double width = 250; width < 9000; width += 37)
    {
      g_autoptr(GArray) columns = cx_map_layout_paginate_columns (layout, width);
      cairo_rectangle_t place;

      check_columns (plan, layout, columns, width);

      /* the place begins a span where it would otherwise have been cut */
      g_assert_true (cx_map_layout_get_phase_rect (layout, CX_PHASE_DURING, &place));
      for (guint c = 0; c < columns->len; c++)
        if (g_array_index (columns, CxMapSpan, c).start == place.x)
          n_cut_near++;
    }
  g_assert_cmpuint (n_cut_near, >, 0);
}

/* A plan of many lanes, taller than a page */
static CxPlan *
make_tall_plan (guint n_lanes)
{
  CxPlan *plan = cx_plan_new ();

  for (guint i = 0; i < n_lanes; i++)
    {
      static const CxLaneKind kinds[] = {
        CX_LANE_KIND_ACTIONS, CX_LANE_KIND_FRONTSTAGE, CX_LANE_KIND_BACKSTAGE,
        CX_LANE_KIND_SUPPORT, CX_LANE_KIND_NOTES,
      };
      g_autofree char *id = g_strdup_printf ("lane-%u", i);
      g_autoptr(CxLane) lane = cx_lane_new (id, i == 3 ? CX_LANE_KIND_EMOTION
                                                       : kinds[i % G_N_ELEMENTS (kinds)]);

      cx_lane_set_name (lane, id);
      cx_plan_add_lane (plan, lane);
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);
      g_autofree char *failure_id = g_strdup_printf ("failure-%u", i);
      g_autoptr(CxStep) step = cx_step_new (id);
      g_autoptr(CxFailure) failure = cx_failure_new (failure_id);

      cx_step_set_title (step, id);
      cx_step_set_emotion (step, (int) (i % 7) - 3);
      cx_failure_set_mode (failure, "Something goes wrong");
      cx_step_add_failure (step, failure);
      cx_plan_insert_step (plan, (CxPhase) (i / 3), -1, step);
    }
  return plan;
}

/* The bands follow one another down the map, each cut at the top of a
 * lane (or, below the lanes, where the room ends) and within its room
 * but for a blueprint line's gap */
static void
check_bands (CxPlan      *plan,
             CxMapLayout *layout,
             GArray      *bands,
             double       first_height,
             double       height)
{
  double map_width, map_height, lanes_bottom;
  cairo_rectangle_t last;

  cx_map_layout_get_size (layout, &map_width, &map_height);
  g_assert_true (cx_map_layout_get_lane_rect (layout,
                                              cx_plan_get_lane (plan,
                                                                cx_plan_get_n_lanes (plan) - 1),
                                              &last));
  lanes_bottom = last.y + last.height;

  g_assert_cmpuint (bands->len, >=, 1);
  g_assert_cmpfloat (g_array_index (bands, CxMapSpan, 0).start, ==, 0);
  g_assert_cmpfloat (g_array_index (bands, CxMapSpan, bands->len - 1).end, ==, map_height);
  for (guint i = 0; i < bands->len; i++)
    {
      const CxMapSpan *band = &g_array_index (bands, CxMapSpan, i);

      g_assert_cmpfloat (band->end - band->start, <=,
                         (i == 0 ? first_height : height) + CX_MAP_LINE_GAP);
      if (i == 0)
        continue;

      g_assert_cmpfloat (band->start, ==, g_array_index (bands, CxMapSpan, i - 1).end);
      if (band->start < lanes_bottom)
        {
          CxLane *lane = cx_map_layout_lane_at (layout, band->start);
          cairo_rectangle_t row;

          g_assert_nonnull (lane);
          g_assert_true (cx_map_layout_get_lane_rect (layout, lane, &row));
          g_assert_cmpfloat (row.y, ==, band->start);
        }
    }
}

static void
test_pages_bands (void)
{
  static const struct { double first, next; } rooms[] = {
    { 600, 1000 }, { 1000, 600 }, { 3000, 3000 }, { 14000, 14400 },
  };
  g_autoptr(CxPlan) plan = make_tall_plan (160);
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, NULL);
  double map_width, map_height;

  cx_map_layout_get_size (layout, &map_width, &map_height);
  g_assert_cmpfloat (map_height, >, 14400);

  for (guint r = 0; r < G_N_ELEMENTS (rooms); r++)
    {
      g_autoptr(GArray) bands = cx_map_layout_paginate_bands (layout, rooms[r].first,
                                                              rooms[r].next);

      check_bands (plan, layout, bands, rooms[r].first, rooms[r].next);
      g_assert_cmpuint (bands->len, >, 1);
    }

  /* a map that fits is one band, however tall the pages after it */
  {
    g_autoptr(GArray) whole = cx_map_layout_paginate_bands (layout, map_height, 100);

    g_assert_cmpuint (whole->len, ==, 1);
  }
}

/* Every page shows the same lane names at its left, then its own
 * columns, and draws nothing past them */
static void
test_pages_lane_names (void)
{
  const double zoom = 0.25;
  g_autoptr(CxPlan) plan = cx_test_make_plan (60);
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, NULL);
  g_autoptr(GArray) columns = cx_map_layout_paginate_columns (layout, 3000);
  CxMapRenderOptions options = { cx_map_theme_get (FALSE), NULL, zoom };
  double header_width = cx_map_layout_get_header_width (layout);
  double map_width, map_height;
  cairo_surface_t *first = NULL;
  CxMapSpan band;
  int width, height, header_px;

  cx_map_layout_get_size (layout, &map_width, &map_height);
  band = (CxMapSpan) { 0, map_height };
  g_assert_cmpuint (columns->len, >=, 3);
  width = (int) ceil ((header_width + 3000 + CX_MAP_RECOVERY_GAP) * zoom);
  height = (int) ceil (map_height * zoom);
  header_px = (int) floor (header_width * zoom) - 1;

  for (guint c = 0; c < columns->len; c++)
    {
      const CxMapSpan *column = &g_array_index (columns, CxMapSpan, c);
      cairo_surface_t *page = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      int page_px = (int) ceil ((header_width + column->end - column->start) * zoom);
      cairo_t *cr = cairo_create (page);
      int stride = cairo_image_surface_get_stride (page);
      const guchar *data, *first_data;
      guint header_ink = 0, differs = 0;

      cairo_scale (cr, zoom, zoom);
      cx_map_render_page (layout, cr, column, &band, &options);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (page);
      data = cairo_image_surface_get_data (page);

      if (first == NULL)
        first = cairo_surface_reference (page);
      first_data = cairo_image_surface_get_data (first);

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
            guint32 on_first = *(const guint32 *) (gconstpointer) (first_data + y * stride + x * 4);

            if (x < header_px)
              {
                /* the lane names, as on the first page */
                g_assert_cmphex (pixel, ==, on_first);
                if (pixel != *(const guint32 *) (gconstpointer) (data + y * stride))
                  header_ink++;
              }
            else if (x >= page_px)
              g_assert_cmphex (pixel, ==, 0);
            else if (pixel != on_first)
              differs++;
          }
      g_assert_cmpuint (header_ink, >, 100);
      if (c > 0)
        g_assert_cmpuint (differs, >, 100);

      cairo_surface_destroy (page);
    }
  cairo_surface_destroy (first);
}

/* ------------------------------------------------------------------ */
/* A PDF over several pages                                            */

/* The file's pages are the ones cx_map_export_paginate_pdf() plans, each
 * within the limit; together their spans show every step exactly once,
 * each page beside the lane names; the title block heads the first, the
 * legend ends the last. Returns the number of pages. */
static guint
check_pdf_pages (const char            *path,
                 CxPlan                *plan,
                 GPtrArray             *findings,
                 const CxExportOptions *options)
{
  CxMapLayoutOptions layout_options = { .phase = options->phase, .font_family = NULL };
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, &layout_options);
  g_autoptr(GArray) planned = cx_map_export_paginate_pdf (layout,
                                                          cx_map_theme_get (options->dark),
                                                          options->scale);
  g_autoptr(GArray) pages = cx_test_read_pdf_pages (path);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (CxMapSpan));
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (CxMapSpan));
  double header_width = cx_map_layout_get_header_width (layout);
  double map_width, map_height;
  gboolean legend_alone = FALSE;

  cx_map_layout_get_size (layout, &map_width, &map_height);
  g_assert_cmpuint (pages->len, ==, planned->len);

  for (guint i = 0; i < pages->len; i++)
    {
      const CxTestPdfPage *page = &g_array_index (pages, CxTestPdfPage, i);
      const CxMapExportPage *plan_page = &g_array_index (planned, CxMapExportPage, i);
      double band_height = plan_page->band.end - plan_page->band.start;

      g_assert_cmpfloat (page->width, <=, CX_MAP_PDF_MAX_SIDE);
      g_assert_cmpfloat (page->height, <=, CX_MAP_PDF_MAX_SIDE);
      g_assert_cmpfloat (page->width, ==, plan_page->width_pt);
      g_assert_cmpfloat (page->height, ==, plan_page->height_pt);
      g_assert_cmpfloat (page->width, ==, ceil (plan_page->width * options->scale));
      g_assert_cmpfloat (page->height, ==, ceil (plan_page->height * options->scale));

      g_assert_cmpint (plan_page->title_height > 0, ==, i == 0);
      g_assert_cmpint (plan_page->legend_y >= 0, ==, i + 1 == pages->len);
      if (!plan_page->shows_map)
        {
          g_assert_cmpuint (i + 1, ==, pages->len);
          legend_alone = TRUE;
          continue;
        }

      /* room for the lane names, the columns beside them, the band under
       * the title block and over the legend */
      g_assert_cmpfloat (plan_page->width, >=,
                         header_width + plan_page->column.end - plan_page->column.start);
      g_assert_cmpfloat (plan_page->height, >=, plan_page->title_height + band_height);
      if (plan_page->legend_y >= 0)
        g_assert_cmpfloat (plan_page->legend_y, >=, plan_page->title_height + band_height);

      if (plan_page->band.start == 0)
        g_array_append_val (columns, plan_page->column);
      if (plan_page->column.start == header_width)
        g_array_append_val (bands, plan_page->band);
    }

  /* across first, then down */
  g_assert_cmpuint (columns->len * bands->len + (legend_alone ? 1 : 0), ==, pages->len);
  g_assert_cmpfloat (g_array_index (bands, CxMapSpan, bands->len - 1).end, ==, map_height);
  for (guint i = 0; i < pages->len - (legend_alone ? 1 : 0); i++)
    {
      const CxMapExportPage *plan_page = &g_array_index (planned, CxMapExportPage, i);
      const CxMapSpan *column = &g_array_index (columns, CxMapSpan, i % columns->len);
      const CxMapSpan *band = &g_array_index (bands, CxMapSpan, i / columns->len);

      g_assert_true (memcmp (&plan_page->column, column, sizeof (CxMapSpan)) == 0);
      g_assert_true (memcmp (&plan_page->band, band, sizeof (CxMapSpan)) == 0);
    }

  /* the spans follow one another, no step cut */
  check_columns (plan, layout, columns,
                 CX_MAP_PDF_MAX_SIDE / options->scale - header_width - CX_MAP_RECOVERY_GAP);

  return pages->len;
}

static void
test_pdf_one_page (CxTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(CxPlan) plan = cx_test_make_plan (10);
  g_autoptr(CxPlan) wide = cx_test_make_plan (200);
  g_autofree char *path = g_build_filename (fixture->dir, "map.pdf", NULL);
  CxExportOptions options = { .scale = 1.0, .phase = -1, .dark = FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_true (cx_map_export (plan, NULL, path, CX_EXPORT_PDF, &options, &error));
  g_assert_no_error (error);
  cx_test_check_pdf (path, cx_test_expected_width (plan, -1, 1.0), cx_test_map_height (plan));

  /* wide, but small enough at this scale */
  options.scale = 0.25;
  g_assert_true (cx_map_export (wide, NULL, path, CX_EXPORT_PDF, &options, &error));
  g_assert_no_error (error);
  cx_test_check_pdf (path, cx_test_expected_width (wide, -1, 0.25),
                     cx_test_map_height (wide) * 0.25);
  g_assert_cmpfloat (cx_test_expected_width (wide, -1, 1.0), >, CX_MAP_PDF_MAX_SIDE);

  /* one phase of it, at full size */
  options.scale = 1.0;
  options.phase = CX_PHASE_DURING;
  g_assert_true (cx_map_export (wide, NULL, path, CX_EXPORT_PDF, &options, &error));
  g_assert_no_error (error);
  cx_test_check_pdf (path, cx_test_expected_width (wide, CX_PHASE_DURING, 1.0),
                     cx_test_map_height (wide));
}

static void
test_pdf_pages (CxTestDir     *fixture,
                gconstpointer  data)
{
  static const struct
  {
    guint           n_steps;
    CxExportOptions options;
    guint           min_pages;
  } cases[] = {
    { 200, { .scale = 1.0, .phase = -1, .dark = FALSE }, 3 },
    { 200, { .scale = 0.5, .phase = -1, .dark = TRUE }, 2 },
    { 200, { .scale = 16.0, .phase = CX_PHASE_RECOVERY, .dark = FALSE }, 7 },
    { 2000, { .scale = 1.0, .phase = -1, .dark = FALSE }, 28 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CxPlan) plan = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *path = g_strdup_printf ("%s/map-%u.pdf", fixture->dir, i);
      g_autoptr(GError) error = NULL;
      guint n_pages;

      /* Under memcheck the big plan takes minutes and finds nothing the
       * others do not: its pages are the same code, more times */
      if (cases[i].n_steps > 200 && g_getenv ("CX_UNDER_VALGRIND") != NULL)
        {
          g_test_message ("%u steps: left out under valgrind", cases[i].n_steps);
          continue;
        }

      plan = cx_test_make_plan (cases[i].n_steps);
      findings = cx_check_plan (plan);
      g_assert_true (cx_map_export (plan, findings, path, CX_EXPORT_PDF, &cases[i].options,
                                    &error));
      g_assert_no_error (error);
      n_pages = check_pdf_pages (path, plan, findings, &cases[i].options);
      g_test_message ("%u steps at %g: %u pages", cases[i].n_steps, cases[i].options.scale,
                      n_pages);
      g_assert_cmpuint (n_pages, >=, cases[i].min_pages);
    }
}

/* Lanes that do not fit a page's height are cut between lanes */
static void
test_pdf_tall (CxTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(CxPlan) plan = make_tall_plan (160);
  g_autofree char *path = g_build_filename (fixture->dir, "tall.pdf", NULL);
  CxExportOptions options = { .scale = 1.0, .phase = -1, .dark = FALSE };
  CxMapLayoutOptions layout_options = { .phase = -1, .font_family = NULL };
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, &layout_options);
  g_autoptr(GArray) planned = NULL;
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (CxMapSpan));
  g_autoptr(GError) error = NULL;

  g_assert_true (cx_map_export (plan, NULL, path, CX_EXPORT_PDF, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check_pdf_pages (path, plan, NULL, &options), >, 1);

  planned = cx_map_export_paginate_pdf (layout, cx_map_theme_get (FALSE), 1.0);
  for (guint i = 0; i < planned->len; i++)
    {
      const CxMapExportPage *page = &g_array_index (planned, CxMapExportPage, i);

      if (page->shows_map)
        g_array_append_val (bands, page->band);
    }
  g_assert_cmpuint (bands->len, >, 1);
  check_bands (plan, layout, bands, CX_MAP_PDF_MAX_SIDE - CX_MAP_LINE_GAP,
               CX_MAP_PDF_MAX_SIDE - CX_MAP_LINE_GAP);
}

/* Past a scale where a step and the lane names no longer fit on a page,
 * the export is refused, and nothing is written */
static void
test_pdf_scale_too_large (CxTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(CxPlan) plan = cx_test_make_plan (200);
  g_autofree char *path = g_build_filename (fixture->dir, "map.pdf", NULL);
  CxExportOptions options = { .scale = 30.0, .phase = -1, .dark = FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_false (cx_map_export (plan, NULL, path, CX_EXPORT_PDF, &options, &error));
  g_assert_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/pages/columns", test_pages_columns);
  g_test_add_func ("/render/pages/empty-phase", test_pages_empty_phase);
  g_test_add_func ("/render/pages/bands", test_pages_bands);
  g_test_add_func ("/render/pages/lane-names", test_pages_lane_names);
  g_test_add ("/render/pages/pdf-one-page", CxTestDir, NULL,
              cx_test_dir_set_up, test_pdf_one_page, cx_test_dir_tear_down);
  g_test_add ("/render/pages/pdf-pages", CxTestDir, NULL,
              cx_test_dir_set_up, test_pdf_pages, cx_test_dir_tear_down);
  g_test_add ("/render/pages/pdf-tall", CxTestDir, NULL,
              cx_test_dir_set_up, test_pdf_tall, cx_test_dir_tear_down);
  g_test_add ("/render/pages/pdf-scale-too-large", CxTestDir, NULL,
              cx_test_dir_set_up, test_pdf_scale_too_large, cx_test_dir_tear_down);

  return cx_test_render_run ();
}
