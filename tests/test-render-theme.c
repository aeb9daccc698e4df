/* test-render-theme.c — the map's palettes: contrast, and what they draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text the renderer draws names its role (CxMapText), and the theme
 * says, for each role, the colour and every ground it is drawn on: the
 * test walks that table, all of it, in all four styles, so a text added
 * to the map cannot escape it. Pixels of drawn maps then check that the
 * grounds the table names are the ones the map is drawn with, and that
 * high contrast draws solid, thicker lines but keeps the dashes that say
 * something.
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

static const char *
style_name (CxMapStyle style)
{
  static const char *const names[CX_MAP_N_STYLES] = {
    "light", "dark", "light high contrast", "dark high contrast",
  };

  return names[style];
}

static void
test_contrast_ratio (void)
{
  static const CxColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
  static const CxColor grey = { 0.5, 0.5, 0.5, 1 };

  g_assert_cmpfloat_with_epsilon (cx_color_contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cx_color_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cx_color_contrast (&white, &white), 1.0, 1e-9);
  /* sRGB 50% grey: luminance 0.214, so 5.28:1 on black, 3.98:1 on white */
  g_assert_cmpfloat_with_epsilon (cx_color_contrast (&grey, &black), 5.28, 0.01);
  g_assert_cmpfloat_with_epsilon (cx_color_contrast (&grey, &white), 3.98, 0.01);
}

static void
test_styles (void)
{
  for (guint style = 0; style < CX_MAP_N_STYLES; style++)
    {
      const CxMapTheme *theme = cx_map_theme_get_for (style);

      g_assert_cmpint (theme->dark, ==, (style & CX_MAP_STYLE_DARK) != 0);
      g_assert_cmpint (theme->high_contrast, ==, (style & CX_MAP_STYLE_HIGH_CONTRAST) != 0);
      g_assert_cmpfloat (theme->min_contrast, ==, theme->high_contrast ? 7.0 : 4.5);
      g_assert_cmpfloat (theme->line_scale, ==, theme->high_contrast ? 1.6 : 1.0);
      g_assert_nonnull (theme->font_family);
      g_assert_cmpfloat (theme->line.alpha, ==, theme->high_contrast ? 1.0 : 0.85);
    }

  /* the old entry point: the plain styles */
  g_assert_true (cx_map_theme_get (FALSE) == cx_map_theme_get_for (CX_MAP_STYLE_LIGHT));
  g_assert_true (cx_map_theme_get (TRUE) == cx_map_theme_get_for (CX_MAP_STYLE_DARK));
}

/* Every text on every ground it is drawn on, in every style: 4.5:1, and
 * 7:1 in high contrast (WCAG's AA and AAA for body text) */
static void
test_text_contrast (void)
{
  for (guint style = 0; style < CX_MAP_N_STYLES; style++)
    {
      const CxMapTheme *theme = cx_map_theme_get_for (style);
      double lowest = 21;
      const char *lowest_name = NULL;
      guint n_pairs = 0;

      for (CxMapText text = 0; text < CX_MAP_N_TEXTS; text++)
        for (guint v = 0; v < cx_map_text_n_variants (text); v++)
          {
            CxMapInk ink = CX_INK_OF (text, cx_map_text_variant (text, v));
            CxColor color, grounds[CX_MAP_MAX_GROUNDS];
            guint n = cx_map_theme_text (theme, ink, &color, grounds);
            CxColor drawn = cx_map_theme_ink (theme, ink);

            g_assert_cmpuint (n, >, 0);
            g_assert_cmpfloat (color.alpha, ==, 1.0);
            g_assert_true (memcmp (&drawn, &color, sizeof color) == 0);

            for (guint g = 0; g < n; g++)
              {
                double contrast = cx_color_contrast (&color, &grounds[g]);

                g_assert_cmpfloat (grounds[g].alpha, ==, 1.0);
                /* all of them told, then failed */
                if (contrast < theme->min_contrast)
                  {
                    g_test_message ("%s: %s text (variant %d) on its ground %u: %.2f:1, "
                                    "below %.1f:1", style_name (style), cx_map_text_name (text),
                                    ink.variant, g, contrast, theme->min_contrast);
                    g_test_fail ();
                  }
                if (contrast < lowest)
                  {
                    lowest = contrast;
                    lowest_name = cx_map_text_name (text);
                  }
                n_pairs++;
              }
          }

      g_test_message ("%s: %u pairs, the lowest %.2f:1 (%s)", style_name (style), n_pairs,
                      lowest, lowest_name);
    }
}

/* High contrast is not the plain style again: darker (or lighter) text,
 * stronger borders */
static void
test_high_contrast_differs (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      const CxMapTheme *plain = cx_map_theme_get_for (dark ? CX_MAP_STYLE_DARK : 0);
      const CxMapTheme *high = cx_map_theme_get_for ((dark ? CX_MAP_STYLE_DARK : 0)
                                                     | CX_MAP_STYLE_HIGH_CONTRAST);

      g_assert_cmpfloat (cx_color_contrast (&high->foreground, &high->background), >,
                         cx_color_contrast (&plain->foreground, &plain->background));
      g_assert_cmpfloat (cx_color_contrast (&high->dim_foreground, &high->header), >,
                         cx_color_contrast (&plain->dim_foreground, &plain->header));
      g_assert_cmpfloat (cx_color_contrast (&high->card_border, &high->card), >,
                         cx_color_contrast (&plain->card_border, &plain->card));
      g_assert_cmpfloat (cx_color_contrast (&high->grid, &high->background), >,
                         cx_color_contrast (&plain->grid, &plain->background));
      for (guint p = 0; p < CX_N_PHASES; p++)
        g_assert_cmpfloat (cx_color_contrast (&high->phase_text[p], &high->phase[p]), >,
                           cx_color_contrast (&plain->phase_text[p], &plain->phase[p]));
    }
}

static void
test_rpn_rises (void)
{
  static const CxColor black = { 0, 0, 0, 1 };

  for (guint style = 0; style < CX_MAP_N_STYLES; style++)
    {
      const CxMapTheme *theme = cx_map_theme_get_for (style);
      CxColor low = cx_map_theme_rpn_color (theme, 10);
      CxColor high = cx_map_theme_rpn_color (theme, 800);

      /* lighter for a trifle, darker and redder for the worst */
      g_assert_cmpfloat (cx_color_contrast (&low, &black), >, cx_color_contrast (&high, &black));
      g_assert_cmpfloat (high.red, >, high.green + 0.3);
    }
}

/* The phases are told apart by hue: light tints in the light styles,
 * deep shades in the dark ones */
static void
test_phases_apart (void)
{
  static const CxColor black = { 0, 0, 0, 1 };

  for (guint style = 0; style < CX_MAP_N_STYLES; style++)
    {
      const CxMapTheme *theme = cx_map_theme_get_for (style);

      for (guint p = 0; p < CX_N_PHASES; p++)
        {
          double band = cx_color_contrast (&theme->phase[p], &black);

          if (theme->dark)
            g_assert_cmpfloat (band, <, 3.0);
          else
            g_assert_cmpfloat (band, >, 12.0);

          for (guint q = 0; q < p; q++)
            g_assert_false (memcmp (&theme->phase[p], &theme->phase[q], sizeof (CxColor)) == 0);
        }
    }
}

/* ------------------------------------------------------------------ */
/* What is drawn                                                       */

static cairo_surface_t *
render_map (CxMapLayout      *layout,
            const CxMapTheme *theme)
{
  CxMapRenderOptions options = { .theme = theme, .selected = NULL, .zoom = 1.0 };
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  cx_map_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width),
                                        (int) ceil (height));
  cr = cairo_create (surface);
  cx_map_render (layout, cr, &(cairo_rectangle_t) { 0, 0, width, height }, &options);
  cx_map_render_lane_headers (layout, cr, &(cairo_rectangle_t) { 0, 0, width, height },
                              &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static CxColor
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  g_assert_cmpint ((int) x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) y, <, cairo_image_surface_get_height (surface));
  pixel = *(const guint32 *) (gconstpointer) (data + (int) y * stride + (int) x * 4);

  return (CxColor) {
    ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0, 1,
  };
}

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              const CxColor   *expected,
              const char      *what)
{
  CxColor got = pixel_at (surface, x, y);

  if (fabs (got.red - expected->red) > 2.5 / 255 || fabs (got.green - expected->green) > 2.5 / 255
      || fabs (got.blue - expected->blue) > 2.5 / 255)
    g_error ("%s at (%.0f, %.0f): drawn #%02x%02x%02x, the theme says #%02x%02x%02x", what, x, y,
             (int) round (got.red * 255), (int) round (got.green * 255),
             (int) round (got.blue * 255), (int) round (expected->red * 255),
             (int) round (expected->green * 255), (int) round (expected->blue * 255));
}

/* The grounds the table names are what the map is drawn on */
static void
test_grounds_drawn (void)
{
  g_autoptr(CxPlan) plan = cx_test_load_sample ("team-gear-store");
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, NULL);

  for (guint style = 0; style < CX_MAP_N_STYLES; style++)
    {
      const CxMapTheme *theme = cx_map_theme_get_for (style);
      cairo_surface_t *surface = render_map (layout, theme);
      CxColor color, grounds[CX_MAP_MAX_GROUNDS];
      cairo_rectangle_t rect;
      CxStep *step = NULL;
      double width, height;
      gboolean chart_seen = FALSE;

      cx_map_layout_get_size (layout, &width, &height);

      cx_map_theme_text (theme, CX_INK (CX_MAP_TEXT_CANVAS), &color, grounds);
      assert_pixel (surface, width - 3, height - 3, &grounds[0], "the canvas");

      for (CxPhase p = 0; p < CX_N_PHASES; p++)
        {
          g_assert_true (cx_map_layout_get_phase_rect (layout, p, &rect));
          cx_map_theme_text (theme, CX_INK_OF (CX_MAP_TEXT_PHASE, p), &color, grounds);
          assert_pixel (surface, rect.x + rect.width - 4, rect.y + rect.height / 2, &grounds[0],
                        "a phase band");
        }

      /* an observed step's card: its ground is the card's fill */
      for (guint i = 0; i < cx_map_layout_get_n_steps (layout); i++)
        {
          step = cx_map_layout_get_step (layout, i);
          if (cx_step_get_evidence (step) != CX_EVIDENCE_PROPOSED)
            break;
        }
      g_assert_true (cx_map_layout_get_step_header_rect (layout, step, &rect));
      cx_map_theme_text (theme, CX_INK (CX_MAP_TEXT_CARD), &color, grounds);
      assert_pixel (surface, rect.x + rect.width / 2, rect.y + rect.height - 4, &grounds[0],
                    "a step card");

      for (guint i = 0; i < cx_plan_get_n_lanes (plan); i++)
        {
          CxLane *lane = cx_plan_get_lane (plan, i);

          g_assert_true (cx_map_layout_get_lane_rect (layout, lane, &rect));
          cx_map_theme_text (theme, CX_INK (CX_MAP_TEXT_HEADER), &color, grounds);
          assert_pixel (surface, 4, rect.y + rect.height - 4, &grounds[0], "the lane names");

          /* a chart lane's shade, in the gutter after the first column,
           * above where its curve can go */
          if (!cx_lane_kind_holds_text (cx_lane_get_kind (lane)))
            {
              cairo_rectangle_t column;

              g_assert_true (cx_map_layout_get_step_rect (layout,
                                                          cx_map_layout_get_step (layout, 0),
                                                          &column));
              cx_map_theme_text (theme, CX_INK (CX_MAP_TEXT_CHART), &color, grounds);
              assert_pixel (surface, column.x + column.width + CX_MAP_GUTTER / 2, rect.y + 4,
                            &grounds[0], "a chart lane");
              chart_seen = TRUE;
            }
        }
      g_assert_true (chart_seen);

      cairo_surface_destroy (surface);
    }
}

/* How much of a line's run from (@x0, @y) to @x1 is inked: how many
 * pixels differ from the canvas by more than a faint tint */
static double
inked_fraction (cairo_surface_t  *surface,
                const CxMapTheme *theme,
                double            x0,
                double            x1,
                double            y)
{
  guint inked = 0, n = 0;

  for (double x = x0; x < x1; x++, n++)
    {
      CxColor got = pixel_at (surface, x, y);

      if (cx_color_contrast (&got, &theme->background) > 1.5)
        inked++;
    }

  return (double) inked / n;
}

/* How heavy a line is where it is drawn: its ink summed across it */
static double
line_weight (cairo_surface_t  *surface,
             const CxMapTheme *theme,
             double            x,
             double            y)
{
  double weight = 0;

  for (double dy = -5; dy <= 5; dy++)
    {
      CxColor got = pixel_at (surface, x, y + dy);

      weight += fabs (got.red - theme->background.red) + fabs (got.green - theme->background.green)
                + fabs (got.blue - theme->background.blue);
    }

  return weight;
}

/* A plan with a line of interaction (above the frontstage) and one step
 * assumed, one observed */
static CxPlan *
make_blueprint_plan (void)
{
  CxPlan *plan = cx_plan_new ();
  g_autoptr(CxLane) actions = cx_lane_new ("actions", CX_LANE_KIND_ACTIONS);
  g_autoptr(CxLane) front = cx_lane_new ("front", CX_LANE_KIND_FRONTSTAGE);
  g_autoptr(CxStep) observed = cx_step_new ("observed");
  g_autoptr(CxStep) assumed = cx_step_new ("assumed");

  cx_plan_add_lane (plan, actions);
  cx_plan_add_lane (plan, front);
  cx_step_set_evidence (observed, CX_EVIDENCE_OBSERVED);
  cx_step_set_evidence (assumed, CX_EVIDENCE_ASSUMED);
  cx_plan_insert_step (plan, CX_PHASE_BEFORE, -1, observed);
  cx_plan_insert_step (plan, CX_PHASE_BEFORE, -1, assumed);

  return plan;
}

/* The blueprint line is dashed, and solid and heavier in high contrast;
 * an assumed step's dashed border keeps its dashes in both */
static void
test_high_contrast_lines (void)
{
  g_autoptr(CxPlan) plan = make_blueprint_plan ();
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, NULL);
  CxLane *front = cx_plan_get_lane (plan, 1);
  CxStep *observed = cx_plan_get_step (plan, CX_PHASE_BEFORE, 0);
  CxStep *assumed = cx_plan_get_step (plan, CX_PHASE_BEFORE, 1);
  cairo_rectangle_t lane, card;
  double weights[2] = { 0, 0 };

  g_assert_true (cx_map_layout_get_lane_rect (layout, front, &lane));

  for (int high = 0; high <= 1; high++)
    {
      const CxMapTheme *theme = cx_map_theme_get_for (high ? CX_MAP_STYLE_HIGH_CONTRAST : 0);
      cairo_surface_t *surface = render_map (layout, theme);
      double line_y = lane.y - CX_MAP_LINE_GAP / 2;
      double x0 = CX_MAP_HEADER_WIDTH + 40, x1 = x0 + 300;
      double fraction = inked_fraction (surface, theme, x0, x1, line_y);
      double border_observed, border_assumed;

      /* the line of interaction, between the lanes */
      if (high)
        g_assert_cmpfloat (fraction, >, 0.98);
      else
        g_assert_cmpfloat_with_epsilon (fraction, 0.6, 0.2);

      /* its weight where it is inked */
      for (double x = x0; x < x1 && weights[high] == 0; x++)
        if (inked_fraction (surface, theme, x, x + 1, line_y) == 1)
          weights[high] = line_weight (surface, theme, x, line_y);

      /* the left edge of each card: solid when observed, dashed when
       * assumed, in either style */
      g_assert_true (cx_map_layout_get_step_header_rect (layout, observed, &card));
      border_observed = 0;
      for (double y = card.y + 20; y < card.y + card.height - 20; y++)
        border_observed += inked_fraction (surface, theme, card.x, card.x + 1, y);
      border_observed /= card.height - 40;
      g_assert_true (cx_map_layout_get_step_header_rect (layout, assumed, &card));
      border_assumed = 0;
      for (double y = card.y + 20; y < card.y + card.height - 20; y++)
        border_assumed += inked_fraction (surface, theme, card.x, card.x + 1, y);
      border_assumed /= card.height - 40;

      g_test_message ("%s: blueprint line inked %.2f, card edges observed %.2f assumed %.2f",
                      high ? "high contrast" : "plain", fraction, border_observed,
                      border_assumed);
      g_assert_cmpfloat (border_observed, >, 0.98);
      g_assert_cmpfloat (border_assumed, <, 0.85);
      g_assert_cmpfloat (border_assumed, >, 0.3);

      cairo_surface_destroy (surface);
    }

  g_assert_cmpfloat (weights[0], >, 0);
  g_assert_cmpfloat (weights[1], >, weights[0] * 1.3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/theme/contrast-ratio", test_contrast_ratio);
  g_test_add_func ("/render/theme/styles", test_styles);
  g_test_add_func ("/render/theme/text-contrast", test_text_contrast);
  g_test_add_func ("/render/theme/high-contrast-differs", test_high_contrast_differs);
  g_test_add_func ("/render/theme/rpn-rises", test_rpn_rises);
  g_test_add_func ("/render/theme/phases-apart", test_phases_apart);
  g_test_add_func ("/render/theme/grounds-drawn", test_grounds_drawn);
  g_test_add_func ("/render/theme/high-contrast-lines", test_high_contrast_lines);

  return cx_test_render_run ();
}
