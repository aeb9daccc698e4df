/* cx-map-pages.c — cutting the map into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing and PDF export both put a map too large for a page on several:
 * cut between columns into spans across, spread evenly, and when the
 * lanes are too tall, between lanes into bands down; every page shows
 * the lane names at its left, and a printed page the phase bands and
 * step headers at its top. The cuts are made here, once for both, in
 * O(columns + lanes): the geometry is the layout's arithmetic, no text
 * is measured.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>

#include "cx-map-private.h"

static void
add_span (GArray *spans,
          double  start,
          double  end)
{
  CxMapSpan span = { start, end };

  g_array_append_val (spans, span);
}

/* The left edges of the columns, in order: steps, and the place an
 * empty phase keeps */
static GArray *
column_starts (CxMapLayout *layout)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      const CxMapPhaseSpan *phase = &layout->phases[p];

      if (!phase->shown)
        continue;
      for (guint c = 0; c < phase->n_columns; c++)
        {
          double x = phase->x + c * CX_MAP_PITCH;

          g_array_append_val (starts, x);
        }
    }

  return starts;
}

/* Whether the columns [@first, @end) of @starts fit in @width from @from */
static gboolean
columns_fit (GArray *starts,
             guint   first,
             guint   end,
             double  from,
             double  width)
{
  return end == first + 1
         || g_array_index (starts, double, end - 1) + CX_MAP_COLUMN_WIDTH - from <= width;
}

/* Cuts @starts into spans of as many columns as fit, and then spreads the
 * columns evenly over that many spans where they still fit: a last page
 * of one column after pages of five reads badly. Returns the indices of
 * the first column of each span after the first. */
static GArray *
cut_columns (GArray *starts,
             double  header_width,
             double  width)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) even = NULL;
  double from = header_width;
  guint first = 0, n_spans;

  for (guint i = 1; i < starts->len; i++)
    if (!columns_fit (starts, first, i + 1, from, width))
      {
        g_array_append_val (cuts, i);
        first = i;
        from = g_array_index (starts, double, i);
      }

  n_spans = cuts->len + 1;
  if (n_spans == 1)
    return cuts;

  even = g_array_new (FALSE, FALSE, sizeof (guint));
  first = 0;
  from = header_width;
  for (guint k = 1; k <= n_spans; k++)
    {
      guint end = k < n_spans ? (guint) floor ((double) k * starts->len / n_spans + 0.5)
                              : starts->len;

      if (end <= first || !columns_fit (starts, first, end, from, width))
        return cuts;   /* the gaps between phases do not allow it */
      if (k < n_spans)
        g_array_append_val (even, end);
      first = end;
      from = end < starts->len ? g_array_index (starts, double, end) : 0;
    }

  g_array_unref (cuts);
  return g_steal_pointer (&even);
}

/**
 * cx_map_layout_paginate_columns:
 * @layout: a #CxMapLayout
 * @width: the room for columns on a page beside the lane names, in map
 *   units
 *
 * Cuts the map right of the lane-name column into spans of whole columns
 * that fit in @width (one at least): as few spans as they take, with the
 * columns spread evenly over them when they fit so. A span begins at the
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
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) cuts = NULL;
  GArray *columns;
  double start = layout->header_width;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);

  starts = column_starts (layout);
  cuts = cut_columns (starts, layout->header_width, width);
  columns = g_array_new (FALSE, FALSE, sizeof (CxMapSpan));
  for (guint i = 0; i < cuts->len; i++)
    {
      double x = g_array_index (starts, double, g_array_index (cuts, guint, i));

      add_span (columns, start, x);
      start = x;
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

/* How much of @column a page shows: all of it, but for the half of the
 * gutter that leads into the next page's first column, so that not a
 * hair of that column's cards shows at this page's edge */
static double
shown_width (CxMapLayout     *layout,
             const CxMapSpan *column)
{
  double width = column->end - column->start;

  return column->end < layout->width ? MAX (width - CX_MAP_GUTTER / 2, 0) : width;
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
  double header_width = layout->header_width;
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
  cairo_rectangle (cr, header_width, 0, shown_width (layout, column), area.height);
  cairo_clip (cr);
  cairo_translate (cr, header_width - column->start, -area.y);
  area.x = column->start;
  area.width = column->end - column->start;
  cx_map_render (layout, cr, &area, options);
  cairo_restore (cr);
}

/* The lanes as units that are never cut, top to bottom from the top
 * rows' end: each lane with the gap above it (where its blueprint line is
 * drawn), and the failures row with its connections and the margin */
static GArray *
lane_ends (CxMapLayout *layout)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CxMapRow *row = &g_array_index (layout->rows, CxMapRow, i);
      double end = row->y + row->height;

      if (i + 1 == layout->rows->len && layout->failures_height == 0)
        end = layout->height;
      g_array_append_val (ends, end);
    }
  if (layout->failures_height > 0 || layout->rows->len == 0)
    g_array_append_val (ends, layout->height);

  return ends;
}

/* Cuts [@from, the last of @ends] where it must, into as few bands as
 * fit @first_room and then @room each, cutting inside a unit only when it
 * alone is taller than its room; returns the bands' ends */
static GArray *
cut_lanes_greedy (GArray *ends,
                  double  from,
                  double  first_room,
                  double  room)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (double));
  double start = from, available = first_room, previous = from;

  for (guint i = 0; i < ends->len; i++)
    {
      double end = g_array_index (ends, double, i);

      if (end - start > available && previous > start)
        {
          g_array_append_val (cuts, previous);
          start = previous;
          available = room;
        }
      while (end - start > available)
        {
          start += available;
          g_array_append_val (cuts, start);
          available = room;
        }
      previous = end;
    }
  g_array_append_val (cuts, previous);

  return cuts;
}

/* [@from, @to] cut into @n bands at the ends of lanes nearest to even
 * shares, or %NULL when one of them would not fit its room (@first_room
 * for the first, @room for the others); returns the bands' ends */
static GArray *
even_lanes (GArray *ends,
            double  from,
            double  to,
            guint   n,
            double  first_room,
            double  room)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (double));
  double start = from;

  for (guint k = 1; k < n; k++)
    {
      double target = from + (to - from) * k / n, best = -1;

      for (guint i = 0; i < ends->len; i++)
        {
          double end = g_array_index (ends, double, i);

          if (end > start && end < to && (best < 0 || fabs (end - target) < fabs (best - target)))
            best = end;
        }
      if (best < 0 || best - start > (k == 1 ? first_room : room))
        return NULL;
      g_array_append_val (cuts, best);
      start = best;
    }
  if (to - start > (n == 1 ? first_room : room))
    return NULL;
  g_array_append_val (cuts, to);

  return g_steal_pointer (&cuts);
}

/**
 * cx_map_layout_paginate_lanes:
 * @layout: a #CxMapLayout
 * @first_room: the room for lanes on the first page, under the top rows
 *   (and whatever heads that page), in map units
 * @room: the room on the pages after it
 *
 * Cuts the map below its top rows into bands of whole lanes, for pages
 * that each repeat the top rows above their band (see
 * cx_map_render_headed_page()): as few bands as fit, their heights made
 * as even as the lanes allow. The failures row, with its connections,
 * is cut from the lanes but never within itself, unless it, or a lane,
 * is taller than a page: then at the room's end.
 *
 * Returns: (transfer full) (element-type CxMapSpan): the bands, top to
 *   bottom, one at least; the first starts at
 *   cx_map_layout_get_top_height(), the last ends at the map's bottom
 */
GArray *
cx_map_layout_paginate_lanes (CxMapLayout *layout,
                              double       first_room,
                              double       room)
{
  g_autoptr(GArray) ends = NULL;
  g_autoptr(GArray) cuts = NULL;
  GArray *bands;
  double start = layout->lanes_y;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (first_room > 0 && room > 0, NULL);

  ends = lane_ends (layout);
  cuts = cut_lanes_greedy (ends, layout->lanes_y, first_room, room);

  /* As many bands, as even as the lanes allow: the first as full as its
   * room when that is the smaller (it shares its page with the title),
   * the others even */
  if (cuts->len > 1)
    {
      gboolean first_full = first_room < room;
      double from = first_full ? g_array_index (cuts, double, 0) : layout->lanes_y;
      g_autoptr(GArray) even = even_lanes (ends, from, layout->height,
                                           cuts->len - (first_full ? 1 : 0),
                                           first_full ? room : first_room, room);

      if (even != NULL)
        {
          if (first_full)
            g_array_prepend_val (even, from);
          g_array_unref (cuts);
          cuts = g_steal_pointer (&even);
        }
    }

  bands = g_array_new (FALSE, FALSE, sizeof (CxMapSpan));
  for (guint i = 0; i < cuts->len; i++)
    {
      double end = g_array_index (cuts, double, i);

      add_span (bands, start, end);
      start = end;
    }

  return bands;
}

/**
 * cx_map_render_headed_page:
 * @layout: a #CxMapLayout
 * @cr: where to draw, its transformation mapping map units to the device
 * @column: the columns to draw, from cx_map_layout_paginate_columns()
 * @lanes: the lanes to draw, from cx_map_layout_paginate_lanes()
 * @options: (nullable): theme, selected step and zoom
 *
 * Draws a printed page's part of the map with its top left at (0, 0):
 * the corner, and the phase bands and step headers of @column beside
 * it; under them the lane names of @lanes, and @column's part of them.
 * Every page so says which step each column is and which lane each row.
 * It takes the lane-name column's width plus @column's, and the top
 * rows' height plus @lanes'.
 */
void
cx_map_render_headed_page (CxMapLayout              *layout,
                           cairo_t                  *cr,
                           const CxMapSpan          *column,
                           const CxMapSpan          *lanes,
                           const CxMapRenderOptions *options)
{
  double header_width = layout->header_width;
  double top = layout->lanes_y;
  double width;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (column != NULL && lanes != NULL);

  width = shown_width (layout, column);

  cx_map_render_corner (layout, cr, options);

  cairo_save (cr);
  cairo_rectangle (cr, header_width, 0, width, top);
  cairo_clip (cr);
  cairo_translate (cr, header_width - column->start, 0);
  cx_map_render_top_rows (layout, cr, &(cairo_rectangle_t) { column->start, 0, width, top },
                          options);
  cairo_restore (cr);

  /* The lanes under them, from their own place on the map */
  cairo_save (cr);
  cairo_translate (cr, 0, top);
  cx_map_render_page (layout, cr, column, lanes, options);
  cairo_restore (cr);
}
