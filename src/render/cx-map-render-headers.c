/* cx-map-render-headers.c — the lane-name column and the map's corner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The column at the left that names the lanes (their kind, their name,
 * the scales of the chart lanes, the captions of the blueprint lines),
 * which the window keeps in view as the map scrolls sideways, and the
 * corner above it that names the two top rows and stays over both the
 * lane names and the pinned top rows when the map scrolls either way.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-map-private.h"

static const char *
lane_kind_label (CxLaneKind kind)
{
  switch (kind)
    {
    case CX_LANE_KIND_ACTIONS:
      return C_("lane kind", "ACTIONS");
    case CX_LANE_KIND_TOUCHPOINTS:
      return C_("lane kind", "TOUCHPOINTS");
    case CX_LANE_KIND_FRONTSTAGE:
      return C_("lane kind", "FRONTSTAGE");
    case CX_LANE_KIND_BACKSTAGE:
      return C_("lane kind", "BACKSTAGE");
    case CX_LANE_KIND_SUPPORT:
      return C_("lane kind", "SUPPORT");
    case CX_LANE_KIND_PAINS:
      return C_("lane kind", "PAINS");
    case CX_LANE_KIND_IDEAS:
      return C_("lane kind", "IDEAS");
    case CX_LANE_KIND_NOTES:
      return C_("lane kind", "NOTES");
    case CX_LANE_KIND_EMOTION:
      return C_("lane kind", "EMOTION");
    case CX_LANE_KIND_EXPECTATION:
      return C_("lane kind", "EXPECTATION");
    default:
      return "";
    }
}

static const char *
blueprint_line_label (CxMapLine line)
{
  switch (line)
    {
    case CX_MAP_LINE_INTERACTION:
      return _("line of interaction");
    case CX_MAP_LINE_VISIBILITY:
      return _("line of visibility");
    case CX_MAP_LINE_INTERNAL:
      return _("line of internal interaction");
    case CX_MAP_LINE_NONE:
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* The lane-name column                                                */

static void
render_scale (CxMapLayout    *layout,
              CxMapPainter   *painter,
              const CxMapRow *row)
{
  double right = layout->header_width - 10;

  if (row->kind == CX_LANE_KIND_EMOTION)
    {
      static const struct { int value; const char *label; } marks[] = {
        { 3, "+3" }, { 0, "0" }, { -3, "\u22123" },
      };
      double top = row->y + 16, bottom = row->y + row->height - 30;

      for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
        {
          double y = (top + bottom) / 2 - marks[i].value * (bottom - top) / 6;

          cx_map_draw_text (painter, marks[i].label,
                            &(cairo_rectangle_t) { right - 24, y - 8, 24, 16 },
                            CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_HEADER_DIM),
                            CX_TEXT_RIGHT | CX_TEXT_MIDDLE);
        }
    }
  else if (row->kind == CX_LANE_KIND_EXPECTATION)
    {
      double top = row->y + 16, bottom = row->y + row->height - 16;

      for (int level = CX_LEVEL_MIN; level <= CX_LEVEL_MAX; level += 2)
        {
          double y = bottom - (level - 1) * (bottom - top) / 4;
          char label[4];

          g_snprintf (label, sizeof label, "%d", level);
          cx_map_draw_text (painter, label, &(cairo_rectangle_t) { right - 24, y - 8, 24, 16 },
                            CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_HEADER_DIM),
                            CX_TEXT_RIGHT | CX_TEXT_MIDDLE);
        }
    }
}

/* The key under the expectation lane's name: ● expected ○ delivered */
static void
render_expectation_key (CxMapLayout  *layout,
                        CxMapPainter *painter,
                        double        x,
                        double        y)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  double width;

  if (!cx_map_painter_legible (painter, CX_MAP_FONT_SMALL))
    return;

  cx_set_color (cr, &theme->foreground);
  cairo_arc (cr, x + 4, y, 4, 0, 2 * G_PI);
  cairo_fill (cr);
  width = cx_map_measure_text (painter, _("expected"), CX_MAP_FONT_SMALL, 0, NULL);
  cx_map_draw_text (painter, _("expected"), &(cairo_rectangle_t) { x + 12, y - 8, width + 1, 16 },
                    CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_HEADER_DIM), CX_TEXT_MIDDLE);
  x += width + 22;
  cx_set_color (cr, &theme->foreground);
  cairo_set_line_width (cr, 1.6);
  cairo_arc (cr, x + 4, y, 3.4, 0, 2 * G_PI);
  cairo_stroke (cr);
  cx_map_draw_text (painter, _("delivered"),
                    &(cairo_rectangle_t) { x + 12, y - 8, layout->header_width - x - 50, 16 },
                    CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_HEADER_DIM), CX_TEXT_MIDDLE);
}

static void
render_row_header (CxMapLayout  *layout,
                   CxMapPainter *painter,
                   const char   *kind,
                   const char   *name,
                   double        y,
                   double        height,
                   double        scale_width)
{
  double used;

  used = cx_map_draw_text (painter, kind,
                           &(cairo_rectangle_t) { 16, y + 10, layout->header_width - 32, 14 },
                           9.5, CX_INK (CX_MAP_TEXT_HEADER_DIM), CX_TEXT_BOLD);
  cx_map_draw_text (painter, name,
                    &(cairo_rectangle_t) { 16, y + 12 + MAX (used, 12),
                                           layout->header_width - 28 - scale_width,
                                           height - 24 - MAX (used, 12) },
                    CX_MAP_FONT_BODY, CX_INK (CX_MAP_TEXT_HEADER), CX_TEXT_BOLD);
}

/* The corner above the lanes names the two top rows */
static void
render_corner_labels (CxMapLayout  *layout,
                      CxMapPainter *painter)
{
  cx_map_draw_text (painter, C_("map corner", "PHASE"),
                    &(cairo_rectangle_t) { 16, layout->band_y, layout->header_width - 32,
                                           CX_MAP_BAND_HEIGHT },
                    9.5, CX_INK (CX_MAP_TEXT_HEADER_DIM), CX_TEXT_BOLD | CX_TEXT_MIDDLE);
  cx_map_draw_text (painter, C_("map corner", "STEP"),
                    &(cairo_rectangle_t) { 16, layout->head_y + 10, layout->header_width - 32, 14 },
                    9.5, CX_INK (CX_MAP_TEXT_HEADER_DIM), CX_TEXT_BOLD);
}

/* The edge between the names and the map, from @y0 to @y1 */
static void
render_edge (CxMapLayout      *layout,
             cairo_t          *cr,
             const CxMapTheme *theme,
             double            y0,
             double            y1)
{
  cx_set_color (cr, &theme->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, layout->header_width - 0.5, y0);
  cairo_line_to (cr, layout->header_width - 0.5, y1);
  cairo_stroke (cr);
}

/**
 * cx_map_render_lane_headers:
 * @layout: a #CxMapLayout
 * @cr: where to draw, as for cx_map_render()
 * @area: the rows to draw are those within its y range
 * @options: (nullable): theme and zoom
 *
 * Draws the lane-name column at x 0, on an opaque background, for the
 * rows within @area's y range: lane names and kinds, the scales of the
 * chart lanes, the labels of the blueprint lines, the failures row.
 */
void
cx_map_render_lane_headers (CxMapLayout              *layout,
                            cairo_t                  *cr,
                            const cairo_rectangle_t  *area,
                            const CxMapRenderOptions *options)
{
  const CxMapTheme *theme = cx_map_options_theme (options);
  CxMapPainter painter;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, area->y, layout->header_width, area->height);
  cairo_clip (cr);
  cx_set_color (cr, &theme->header);
  cairo_paint (cr);

  cx_map_painter_init (&painter, cr, theme, layout->font_family, cx_map_options_zoom (options));

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CxMapRow *row = &g_array_index (layout->rows, CxMapRow, i);
      const char *line = blueprint_line_label (row->line_above);
      gboolean chart = !cx_lane_kind_holds_text (row->kind);

      if (row->y > area->y + area->height || row->y + row->height < area->y - CX_MAP_LINE_GAP)
        continue;

      if (line != NULL)
        {
          double y = row->y - CX_MAP_LINE_GAP / 2;
          double width = cx_map_measure_text (&painter, line, 9.5, CX_TEXT_ITALIC, NULL);

          if (!cx_map_painter_legible (&painter, 9.5))
            width = -8;
          cx_map_draw_text (&painter, line,
                            &(cairo_rectangle_t) { 16, y - 7, layout->header_width - 20, 14 },
                            9.5, CX_INK (CX_MAP_TEXT_HEADER_DIM), CX_TEXT_ITALIC | CX_TEXT_MIDDLE);
          cx_map_set_blueprint_line_style (cr, theme);
          cairo_move_to (cr, MIN (16 + width + 6, layout->header_width), y);
          cairo_line_to (cr, layout->header_width, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else if (i > 0)
        {
          cx_set_color (cr, &theme->grid);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, 0, row->y);
          cairo_line_to (cr, layout->header_width, row->y);
          cairo_stroke (cr);
        }

      render_row_header (layout, &painter, lane_kind_label (row->kind), cx_lane_get_name (row->lane),
                         row->y, row->height - (row->kind == CX_LANE_KIND_EXPECTATION ? 18 : 0),
                         chart ? 30 : 0);
      render_scale (layout, &painter, row);
      if (row->kind == CX_LANE_KIND_EXPECTATION)
        render_expectation_key (layout, &painter, 16, row->y + row->height - 16);
    }

  if (layout->failures_height > 0)
    {
      cx_set_color (cr, &theme->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, layout->failures_y);
      cairo_line_to (cr, layout->header_width, layout->failures_y);
      cairo_stroke (cr);
      render_row_header (layout, &painter, C_("lane kind", "FAILURES"), _("What can go wrong (RPN)"),
                         layout->failures_y, layout->failures_height, 0);
    }

  render_corner_labels (layout, &painter);
  render_edge (layout, cr, theme, area->y, area->y + area->height);

  cx_map_painter_clear (&painter);
  cairo_restore (cr);
}

/**
 * cx_map_render_corner:
 * @layout: a #CxMapLayout
 * @cr: where to draw, as for cx_map_render()
 * @options: (nullable): theme and zoom
 *
 * Draws the corner where the lane-name column meets the top rows, from
 * (0, 0) to the header width and cx_map_layout_get_top_height(), on an
 * opaque background: what cx_map_render_lane_headers() draws there, for
 * the view to keep over both when they are pinned.
 */
void
cx_map_render_corner (CxMapLayout              *layout,
                      cairo_t                  *cr,
                      const CxMapRenderOptions *options)
{
  const CxMapTheme *theme = cx_map_options_theme (options);
  CxMapPainter painter;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->header_width, layout->lanes_y);
  cairo_clip (cr);
  cx_set_color (cr, &theme->header);
  cairo_paint (cr);

  cx_map_painter_init (&painter, cr, theme, layout->font_family, cx_map_options_zoom (options));
  render_corner_labels (layout, &painter);
  render_edge (layout, cr, theme, 0, layout->lanes_y);

  cx_map_painter_clear (&painter);
  cairo_restore (cr);
}
