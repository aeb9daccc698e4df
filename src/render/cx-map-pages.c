/* cx-map-pages.c — cutting the map into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing and PDF export both put a map too large for a page on several:
 * cut between columns into spans across, and when the lanes are too tall,
 * between lanes into bands down; every page shows the lane names at its
 * left. The cuts are made here, once for both, in O(columns + lanes):
 * the geometry is the layout's arithmetic, no text is measured.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include "cx-map-private.h"

static void
add_span (GArray *spans,
          double  start,
          double  end)
{
  CxMapSpan span = { start, end };

  g_array_append_val (spans, span);
}

/**
 * cx_map_layout_paginate_columns:
 * @layout: a #CxMapLayout
 * @width: the room for columns on a page beside the lane names, in map
 *   units
 *
 * Cuts the map right of the lane-name column into spans, each as many
 * whole columns as fit in @width (one at least). A span begins at the
 * left edge of its first column (the first at the end of the lane-name
 * column) and runs on to where the next begins: past @width by at most
 * the gap after its last column, which is empty. The last ends at the
 * map's right edge. Columns are steps, and the place an empty phase
 * keeps: neither is ever cut.
 *
 * Returns: (transfer full) (element-type CxMapSpan): the spans, left to
 *   right, one at least
 */
GArray *
cx_map_layout_paginate_columns (CxMapLayout *layout,
                                double       width)
{
  GArray *columns;
  double start = CX_MAP_HEADER_WIDTH;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);

  columns = g_array_new (FALSE, FALSE, sizeof (CxMapSpan));
  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      const CxMapPhaseSpan *phase = &layout->phases[p];

      if (!phase->shown)
        continue;

      for (guint c = 0; c < phase->n_columns; c++)
        {
          double x = phase->x + c * CX_MAP_PITCH;

          if (x + CX_MAP_COLUMN_WIDTH - start > width && x > start)
            {
              add_span (columns, start, x);
              start = x;
            }
        }
    }
  add_span (columns, start, MAX (layout->width, start));

  return columns;
}

/**
 * cx_map_layout_paginate_bands:
 * @layout: a #CxMapLayout
 * @first_height: the room for the map on the first page (which may
 *   share it with a title), in map units
 * @height: the room on the pages after it
 *
 * Cuts the map's height into bands between lanes, only when it does not
 * fit: a map that fits in @first_height is one band. A band cut between
 * lanes runs on to the next lane's top: past its room by at most the gap
 * for a blueprint line above that lane. What lanes cannot settle (the
 * failures row, a lane taller than a page) is cut at the room's end.
 *
 * Returns: (transfer full) (element-type CxMapSpan): the bands, top to
 *   bottom, one at least
 */
GArray *
cx_map_layout_paginate_bands (CxMapLayout *layout,
                              double       first_height,
                              double       height)
{
  GArray *bands;
  double start = 0;
  double available = first_height;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (first_height > 0 && height > 0, NULL);

  bands = g_array_new (FALSE, FALSE, sizeof (CxMapSpan));
  for (guint i = 0; i < layout->rows->len && layout->height - start > available; i++)
    {
      const CxMapRow *row = &g_array_index (layout->rows, CxMapRow, i);

      if (row->y + row->height - start > available && row->y > start)
        {
          add_span (bands, start, row->y);
          start = row->y;
          available = height;
        }
    }
  while (layout->height - start > available)
    {
      add_span (bands, start, start + available);
      start += available;
      available = height;
    }
  add_span (bands, start, layout->height);

  return bands;
}

/**
 * cx_map_render_page:
 * @layout: a #CxMapLayout
 * @cr: where to draw, its transformation mapping map units to the device
 * @column: the columns to draw, from cx_map_layout_paginate_columns()
 * @band: the rows to draw, from cx_map_layout_paginate_bands()
 * @options: (nullable): theme, selected step and zoom
 *
 * Draws a page's part of the map with its top left at (0, 0): the lane
 * names of @band, and beside them @column's part of it, clipped to it.
 * It takes the lane-name column's width plus @column's, and @band's
 * height. Only the columns in @column are visited.
 */
void
cx_map_render_page (CxMapLayout              *layout,
                    cairo_t                  *cr,
                    const CxMapSpan          *column,
                    const CxMapSpan          *band,
                    const CxMapRenderOptions *options)
{
  double header_width = CX_MAP_HEADER_WIDTH;
  cairo_rectangle_t area;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (column != NULL && band != NULL);

  area.y = band->start;
  area.height = band->end - band->start;

  /* The lane names, on every page */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, header_width, area.height);
  cairo_clip (cr);
  cairo_translate (cr, 0, -area.y);
  area.x = 0;
  area.width = header_width;
  cx_map_render_lane_headers (layout, cr, &area, options);
  cairo_restore (cr);

  /* This page's columns, beside them */
  cairo_save (cr);
  cairo_rectangle (cr, header_width, 0, column->end - column->start, area.height);
  cairo_clip (cr);
  cairo_translate (cr, header_width - column->start, -area.y);
  area.x = column->start;
  area.width = column->end - column->start;
  cx_map_render (layout, cr, &area, options);
  cairo_restore (cr);
}
