/* test-render-print.c — the map on printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages as cx-map-print.c lays them out, on A4 in landscape and portrait
 * with GTK's default margins, at actual size and fitted to the width:
 * how many, what each holds (every column and lane once, spread evenly,
 * no page half empty, the title whole), and what each draws (the step
 * header row, the phase bands and the lane names on every page).
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "cx-check.h"
#include "cx-map.h"
#include "cx-map-private.h"
#include "cx-model.h"
#include "cx-test-render-util.h"

typedef struct
{
  const char *name;
  double      width;
  double      height;
} Paper;

/* A4's printable area with GTK's default margins */
static const Paper papers[] = {
  { "A4 landscape", 784, 559 },
  { "A4 portrait", 559, 784 },
};

static const CxMapPrintScale scales[] = { CX_MAP_PRINT_ACTUAL_SIZE, CX_MAP_PRINT_FIT_WIDTH };

static const char *
scale_name (CxMapPrintScale scale)
{
  return scale == CX_MAP_PRINT_FIT_WIDTH ? "fit to width" : "actual size";
}

/* How many columns (steps, and empty phases' places) start in @span */
static guint
count_columns (CxMapLayout     *layout,
               const CxMapSpan *span)
{
  guint n = 0;

  for (guint p = 0; p < CX_N_PHASES; p++)
    for (guint c = 0; layout->phases[p].shown && c < layout->phases[p].n_columns; c++)
      {
        double x = layout->phases[p].x + c * CX_MAP_PITCH;

        n += x >= span->start && x < span->end;
      }

  return n;
}

/* The right edge of the last column that starts in @span */
static double
last_column_end (CxMapLayout     *layout,
                 const CxMapSpan *span)
{
  double end = span->start;

  for (guint p = 0; p < CX_N_PHASES; p++)
    for (guint c = 0; layout->phases[p].shown && c < layout->phases[p].n_columns; c++)
      {
        double x = layout->phases[p].x + c * CX_MAP_PITCH;

        if (x >= span->start && x < span->end)
          end = MAX (end, x + CX_MAP_COLUMN_WIDTH);
      }

  return end;
}

/* What every layout of pages must hold, whatever the plan and paper */
static void
check_pages (CxMapLayout  *layout,
             CxMapPrint   *print,
             const Paper  *paper,
             CxMapPrintScale scale)
{
  double scale_pt = cx_map_print_get_scale (print);
  double map_width, map_height, top = cx_map_layout_get_top_height (layout);
  double covered_lanes = 0, covered_columns = 0;
  guint n = cx_map_print_get_n_pages (print), n_map_pages = 0, n_spans = 0;
  guint fewest = G_MAXUINT, most = 0, legends = 0;
  GHashTable *spans = g_hash_table_new (g_double_hash, g_double_equal);

  cx_map_layout_get_size (layout, &map_width, &map_height);
  g_assert_cmpuint (n, >=, 1);

  if (scale == CX_MAP_PRINT_FIT_WIDTH)
    g_assert_cmpfloat_with_epsilon (scale_pt, MIN (0.75, paper->width / map_width), 1e-9);
  else
    g_assert_cmpfloat (scale_pt, ==, 0.75);

  for (guint i = 0; i < n; i++)
    {
      const CxMapPrintPage *page = cx_map_print_get_page (print, i);

      /* the title block heads the first page, and only it */
      g_assert_cmpint (page->title, ==, i == 0);
      legends += page->legend_y >= 0;
      if (page->legend_y >= 0)
        g_assert_cmpfloat (page->legend_y, <, paper->height);

      if (!page->shows_map)
        {
          g_assert_cmpuint (i, ==, n - 1);
          continue;
        }
      n_map_pages++;

      /* within the page, across (to its last column's edge: what runs on
       * past it is the empty gap to the next) and down */
      g_assert_cmpfloat ((CX_MAP_HEADER_WIDTH + last_column_end (layout, &page->columns)
                          - page->columns.start) * scale_pt, <=, paper->width + 1e-6);
      g_assert_cmpfloat_with_epsilon (page->map_height,
                                      (top + page->lanes.end - page->lanes.start) * scale_pt,
                                      1e-6);
      g_assert_cmpfloat (page->map_y + page->map_height, <=, paper->height + 1e-6);

      /* every lane once in each span, every column once */
      if (page->lanes.start == top)
        {
          guint columns = count_columns (layout, &page->columns);

          g_assert_false (g_hash_table_contains (spans, &page->columns.start));
          g_hash_table_add (spans, (gpointer) &page->columns.start);
          covered_columns += page->columns.end - page->columns.start;
          fewest = MIN (fewest, columns);
          most = MAX (most, columns);
          n_spans++;
        }
      if (page->columns.start == CX_MAP_HEADER_WIDTH)
        covered_lanes += page->lanes.end - page->lanes.start;

      /* No page half empty: of many pages down, each at least half full;
       * of many across, each at least half as wide as the page */
      if (page->lanes.start > top || page->lanes.end < map_height)
        g_assert_cmpfloat (page->map_y + page->map_height, >=, paper->height / 2);
      if (page->columns.start > CX_MAP_HEADER_WIDTH || page->columns.end < map_width)
        g_assert_cmpfloat ((CX_MAP_HEADER_WIDTH + page->columns.end - page->columns.start)
                           * scale_pt, >=, paper->width / 2);
    }

  g_assert_cmpuint (legends, ==, 1);
  g_assert_cmpfloat_with_epsilon (covered_columns, map_width - CX_MAP_HEADER_WIDTH, 1e-6);
  g_assert_cmpfloat_with_epsilon (covered_lanes, map_height - top, 1e-6);
  /* spread evenly: one column more at most */
  g_assert_cmpuint (most - fewest, <=, 1);
  if (scale == CX_MAP_PRINT_FIT_WIDTH)
    g_assert_cmpuint (n_spans, ==, 1);

  g_test_message ("%s, %s: %u pages, %u across, at %.2f pt a unit", paper->name,
                  scale_name (scale), n, n_spans, scale_pt);
  g_hash_table_unref (spans);
}

/* The 14-step sample and longer plans, on both papers, at both scales */
static void
test_print_pages (void)
{
  const char *const samples[] = { "telecom-upgrade", "team-gear-store", "online-order-return" };

  for (guint s = 0; s < G_N_ELEMENTS (samples) + 2; s++)
    {
      g_autoptr(CxPlan) plan = s < G_N_ELEMENTS (samples)
                               ? cx_test_load_sample (samples[s])
                               : cx_test_make_plan (s == G_N_ELEMENTS (samples) ? 60 : 400);
      g_autoptr(GPtrArray) findings = cx_check_plan (plan);
      g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);

      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        for (guint c = 0; c < G_N_ELEMENTS (scales); c++)
          {
            g_autoptr(CxMapPrint) print = cx_map_print_new (layout, cx_map_theme_get (FALSE),
                                                            papers[p].width, papers[p].height,
                                                            scales[c]);

            check_pages (layout, print, &papers[p], scales[c]);
          }
    }
}

/* The 14-step plan that printed on 7 pages, some half blank, now: how
 * many pages each choice gives, and how they run */
static void
test_print_fourteen_steps (void)
{
  g_autoptr(CxPlan) plan = cx_test_load_sample ("telecom-upgrade");
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);
  g_autoptr(CxMapPrint) landscape = NULL, portrait = NULL, fit = NULL, fit_portrait = NULL;
  const CxMapPrintPage *page;

  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), ==, 14);

  /* Actual size on A4 landscape: four spans of 3 or 4 steps, each down
   * its lanes in three pages, then the legend */
  landscape = cx_map_print_new (layout, cx_map_theme_get (FALSE), 784, 559,
                                CX_MAP_PRINT_ACTUAL_SIZE);
  g_assert_cmpuint (cx_map_print_get_n_pages (landscape), ==, 13);
  page = cx_map_print_get_page (landscape, 0);
  g_assert_true (page->title);
  g_assert_cmpuint (count_columns (layout, &page->columns), ==, 4);
  /* down first: the second page is the same steps, further down */
  g_assert_cmpfloat (cx_map_print_get_page (landscape, 1)->columns.start, ==,
                     page->columns.start);
  g_assert_cmpfloat (cx_map_print_get_page (landscape, 1)->lanes.start, ==, page->lanes.end);
  g_assert_false (cx_map_print_get_page (landscape, 12)->shows_map);

  /* Portrait: two steps a page */
  portrait = cx_map_print_new (layout, cx_map_theme_get (FALSE), 559, 784,
                               CX_MAP_PRINT_ACTUAL_SIZE);
  g_assert_cmpuint (count_columns (layout, &cx_map_print_get_page (portrait, 0)->columns), ==, 2);
  g_assert_cmpuint (cx_map_print_get_n_pages (portrait), ==, 15);

  /* Fitted to the width: the whole journey on the first page, the legend
   * on the second */
  fit = cx_map_print_new (layout, cx_map_theme_get (FALSE), 784, 559, CX_MAP_PRINT_FIT_WIDTH);
  g_assert_cmpuint (cx_map_print_get_n_pages (fit), ==, 2);
  page = cx_map_print_get_page (fit, 0);
  g_assert_cmpuint (count_columns (layout, &page->columns), ==, 14);
  g_assert_cmpfloat (page->lanes.end, ==, layout->height);

  fit_portrait = cx_map_print_new (layout, cx_map_theme_get (FALSE), 559, 784,
                                   CX_MAP_PRINT_FIT_WIDTH);
  g_assert_cmpuint (cx_map_print_get_n_pages (fit_portrait), <=, 2);
  g_assert_cmpfloat (cx_map_print_get_scale (fit_portrait), <, cx_map_print_get_scale (fit));
}

/* The whole title, however long: it wraps, and the block grows with it */
static void
test_print_whole_title (void)
{
  static const char *const words =
    "Upgrading a mobile contract in the shop, moving the apps at home, and the first invoice "
    "that charged both plans and a fee nobody had mentioned, with the call that put it right";
  g_autoptr(CxPlan) plan = cx_test_load_sample ("telecom-upgrade");
  g_autoptr(CxMapLayout) layout = NULL;
  double short_height, long_height, portrait_height;

  cx_plan_set_title (plan, "Upgrade");
  layout = cx_map_layout_new (plan, NULL, NULL);
  short_height = cx_map_render_title_block (layout, NULL, 784, cx_map_theme_get (FALSE));
  g_clear_pointer (&layout, cx_map_layout_unref);

  cx_plan_set_title (plan, words);
  layout = cx_map_layout_new (plan, NULL, NULL);
  long_height = cx_map_render_title_block (layout, NULL, 784, cx_map_theme_get (FALSE));
  portrait_height = cx_map_render_title_block (layout, NULL, 559, cx_map_theme_get (FALSE));

  /* three lines more at least (26 pt type): it was cut at two */
  g_assert_cmpfloat (long_height, >, short_height + 3 * 26);
  /* narrower, it takes more lines, and the counts go under it */
  g_assert_cmpfloat (portrait_height, >, long_height);

  /* and the print's first page leaves room for all of it */
  {
    g_autoptr(CxMapPrint) print = cx_map_print_new (layout, cx_map_theme_get (FALSE), 559, 784,
                                                    CX_MAP_PRINT_ACTUAL_SIZE);

    g_assert_cmpfloat (cx_map_print_get_page (print, 0)->map_y, >=, portrait_height);
  }
}

/* Is the pixel at (@x, @y) of @surface @color? */
static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          const CxColor   *color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (gconstpointer)
    (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);

  return fabs (((pixel >> 16) & 0xff) / 255.0 - color->red) < 3 / 255.0
         && fabs (((pixel >> 8) & 0xff) / 255.0 - color->green) < 3 / 255.0
         && fabs ((pixel & 0xff) / 255.0 - color->blue) < 3 / 255.0;
}

/* Every page draws the phase bands and step headers over its columns
 * and the lane names at its left: read from the pixels, at 2 px a point */
static void
test_print_every_page_headed (void)
{
  g_autoptr(CxPlan) plan = cx_test_load_sample ("telecom-upgrade");
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, findings, NULL);
  const CxMapTheme *theme = cx_map_theme_get (FALSE);
  const double px = 2;

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(CxMapPrint) print = cx_map_print_new (layout, theme, papers[p].width,
                                                      papers[p].height,
                                                      CX_MAP_PRINT_ACTUAL_SIZE);
      double s = cx_map_print_get_scale (print);

      for (guint i = 0; i < cx_map_print_get_n_pages (print); i++)
        {
          const CxMapPrintPage *page = cx_map_print_get_page (print, i);
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                                 (int) (papers[p].width * px),
                                                                 (int) (papers[p].height * px));
          cairo_t *cr = cairo_create (surface);
          double band_y, lane_y, x, first_x;
          gboolean banded = FALSE;

          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_scale (cr, px, px);
          cx_map_print_draw_page (print, cr, i);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_flush (surface);

          if (page->shows_map)
            {
              /* the band of the phase of the page's first column, in its
               * colour, just right of the lane names */
              band_y = (page->map_y + (layout->band_y + CX_MAP_BAND_HEIGHT - 4) * s) * px;
              x = (CX_MAP_HEADER_WIDTH + CX_MAP_MARGIN / 2 + 4) * s * px;
              for (guint ph = 0; ph < CX_N_PHASES; ph++)
                for (double dx = 0; dx < 80 * s * px && !banded; dx += 4)
                  banded |= pixel_is (surface, x + dx, band_y, &theme->phase[ph]);
              g_assert_true (banded);

              /* the page's first step's header card under it, at its
               * bottom middle */
              first_x = page->columns.start == CX_MAP_HEADER_WIDTH
                        ? CX_MAP_HEADER_WIDTH + CX_MAP_MARGIN : page->columns.start;
              x = (CX_MAP_HEADER_WIDTH + first_x - page->columns.start + CX_MAP_COLUMN_WIDTH / 2)
                  * s * px;
              g_assert_true (pixel_is (surface, x,
                                       (page->map_y + (layout->head_y + CX_MAP_STEP_HEIGHT - 3)
                                                      * s) * px, &theme->card));

              /* the lane names' column beside the lanes */
              lane_y = (page->map_y + (layout->lanes_y + 4) * s) * px;
              g_assert_true (pixel_is (surface, 3 * px, lane_y, &theme->header));
            }
          cairo_surface_destroy (surface);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/print/pages", test_print_pages);
  g_test_add_func ("/render/print/fourteen-steps", test_print_fourteen_steps);
  g_test_add_func ("/render/print/whole-title", test_print_whole_title);
  g_test_add_func ("/render/print/every-page-headed", test_print_every_page_headed);

  return cx_test_render_run ();
}
