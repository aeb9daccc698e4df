/* cx-map-print.c — the journey map laid out on printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages a person can read, one page size for all: the map at its actual
 * size (one map unit a CSS pixel, 0.75 pt: its body text prints at 9 pt)
 * or its whole width fitted to the page, never larger than that. Too wide
 * for a page, it is cut between steps into spans spread evenly over as
 * few pages across as it takes; too tall, between lanes into bands as
 * even as the lanes allow, each span's bands on pages that follow one
 * another. Every page shows the phase bands and the step headers of its
 * columns at its top and the lane names at its left, so each column says
 * which step it is and each row which lane. The first
 * page is headed by the title block, with the whole title; the others by
 * a running head with the title and the page's number. The legend ends
 * the last page, or has one of its own. The GtkPrintOperation of the
 * window (src/app/cx-print-operation.c) only draws these pages: they are
 * laid out and drawn here, without GTK, where they are tested.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cx-map-private.h"

/* A map unit is a pixel on screen at 100%: printed as CSS prints one */
#define ACTUAL_SCALE      0.75
/* Between the title block, the map and the legend, in points */
#define GAP               12.0
/* The running head of the pages after the first, in points */
#define RUNNING_HEAD      22.0
#define RUNNING_HEAD_SIZE 9.0
/* Text on paper is read closer than on a screen, and printers resolve
 * finer: text is left out only below a quarter of the screen's limit */
#define PAPER_LEGIBILITY  4.0

struct _CxMapPrint
{
  CxMapLayout      *layout;
  const CxMapTheme *theme;
  CxMapPrintScale   scale_mode;
  double            width;          /* the page's printable area, points */
  double            height;
  double            scale;          /* points a map unit */
  double            title_height;   /* points */
  double            legend_height;
  GArray           *pages;          /* CxMapPrintPage */
};

/* The largest scale at which the lane names, a column and the top rows
 * over the tallest lane fit on a page: below it nothing would fit */
static double
largest_workable_scale (CxMapLayout *layout,
                        double       width,
                        double       height)
{
  double tallest = 0;

  for (guint i = 0; i < layout->rows->len; i++)
    tallest = MAX (tallest, g_array_index (layout->rows, CxMapRow, i).height + CX_MAP_LINE_GAP);

  return MIN (width / (layout->header_width + CX_MAP_MARGIN + CX_MAP_COLUMN_WIDTH
                       + CX_MAP_RECOVERY_GAP),
              (height - RUNNING_HEAD) / (layout->lanes_y + MAX (tallest, 1)));
}

static void
add_map_pages (CxMapPrint      *self,
               const CxMapSpan *column,
               GArray          *bands)
{
  double top = self->layout->lanes_y * self->scale;

  for (guint b = 0; b < bands->len; b++)
    {
      CxMapPrintPage page = { 0, };

      page.shows_map = TRUE;
      page.columns = *column;
      page.lanes = g_array_index (bands, CxMapSpan, b);
      page.title = self->pages->len == 0;
      page.map_y = page.title ? self->title_height + GAP : RUNNING_HEAD;
      page.map_height = top + (page.lanes.end - page.lanes.start) * self->scale;
      page.legend_y = -1;
      g_array_append_val (self->pages, page);
    }
}

/* Down, then across: the steps of a span through all their lanes, then
 * the next span's, as a journey is read step by step */
static void
lay_out_pages (CxMapPrint *self)
{
  CxMapLayout *layout = self->layout;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GArray) first_bands = NULL;
  g_autoptr(GArray) bands = NULL;
  double top = layout->lanes_y * self->scale;
  double first_room, room, used;
  CxMapPrintPage *last;

  /* Across: what fits beside the lane names; a span may run on over the
   * empty gap after its last column, up to the recovery gap */
  columns = cx_map_layout_paginate_columns (layout, self->width / self->scale
                                                    - layout->header_width);

  /* Down: the lanes under the top rows, under the title block on the
   * first page and the running head on the others */
  first_room = (self->height - self->title_height - GAP - top) / self->scale;
  room = (self->height - RUNNING_HEAD - top) / self->scale;
  first_bands = cx_map_layout_paginate_lanes (layout, MAX (first_room, 1), MAX (room, 1));
  bands = cx_map_layout_paginate_lanes (layout, MAX (room, 1), MAX (room, 1));

  for (guint c = 0; c < columns->len; c++)
    add_map_pages (self, &g_array_index (columns, CxMapSpan, c), c == 0 ? first_bands : bands);

  /* The legend under the map on the last page, or on a page of its own */
  last = &g_array_index (self->pages, CxMapPrintPage, self->pages->len - 1);
  used = last->map_y + last->map_height;
  if (used + GAP + self->legend_height <= self->height)
    {
      last->legend_y = used + GAP;
    }
  else
    {
      CxMapPrintPage page = { 0, };

      page.shows_map = FALSE;
      page.title = FALSE;
      page.map_y = RUNNING_HEAD;
      page.legend_y = RUNNING_HEAD;
      g_array_append_val (self->pages, page);
    }
}

/**
 * cx_map_print_new:
 * @layout: a #CxMapLayout
 * @theme: the palette to print in
 * @width: the printable width of a page, in points
 * @height: the printable height of a page, in points
 * @scale: at the map's actual size, or fitted to the page's width
 *
 * Lays the map out over pages of @width × @height points.
 *
 * Returns: (transfer full): the pages, to count and draw
 */
CxMapPrint *
cx_map_print_new (CxMapLayout      *layout,
                  const CxMapTheme *theme,
                  double            width,
                  double            height,
                  CxMapPrintScale   scale)
{
  CxMapPrint *self;
  double map_width, map_height;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (CxMapPrint, 1);
  self->layout = cx_map_layout_ref (layout);
  self->theme = theme;
  self->scale_mode = scale;
  self->width = width;
  self->height = height;
  self->pages = g_array_new (FALSE, TRUE, sizeof (CxMapPrintPage));

  cx_map_layout_get_size (layout, &map_width, &map_height);
  self->scale = ACTUAL_SCALE;
  if (scale == CX_MAP_PRINT_FIT_WIDTH)
    self->scale = MIN (ACTUAL_SCALE, width / map_width);
  self->scale = MIN (self->scale, largest_workable_scale (layout, width, height));

  /* The title block and legend print at the size of their type, whatever
   * the map's scale: they are for reading */
  self->title_height = MIN (cx_map_render_title_block (layout, NULL, width, theme),
                            height / 2);
  self->legend_height = cx_map_render_legend (layout, NULL, width, theme);

  lay_out_pages (self);

  g_debug ("Printing %s at %.2f on %.0f×%.0f pt: %u pages",
           scale == CX_MAP_PRINT_FIT_WIDTH ? "fitted to the width" : "at actual size",
           self->scale, width, height, self->pages->len);
  return self;
}

void
cx_map_print_free (CxMapPrint *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->layout, cx_map_layout_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self);
}

/**
 * cx_map_print_get_scale:
 * @self: a #CxMapPrint
 *
 * Returns: points a map unit
 */
double
cx_map_print_get_scale (CxMapPrint *self)
{
  g_return_val_if_fail (self != NULL, 1.0);

  return self->scale;
}

guint
cx_map_print_get_n_pages (CxMapPrint *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

/**
 * cx_map_print_get_page:
 * @self: a #CxMapPrint
 * @index: a page, from 0
 *
 * Returns: (transfer none): what the page holds, and where
 */
const CxMapPrintPage *
cx_map_print_get_page (CxMapPrint *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);

  return &g_array_index (self->pages, CxMapPrintPage, index);
}

/* The title and the page's number, a rule under them */
static void
draw_running_head (CxMapPrint *self,
                   cairo_t    *cr,
                   guint       index)
{
  const char *title = cx_plan_get_title (self->layout->plan);
  g_autofree char *number = NULL;
  CxMapPainter painter;
  double width;

  /* Translators: the head of a printed page after the first */
  number = g_strdup_printf (_("Page %u of %u"), index + 1, self->pages->len);

  cx_map_painter_init (&painter, cr, self->theme, self->layout->font_family, PAPER_LEGIBILITY);
  width = cx_map_measure_text (&painter, number, RUNNING_HEAD_SIZE, 0, NULL) + 2;
  cx_map_draw_text (&painter, number,
                    &(cairo_rectangle_t) { self->width - width, 0, width, RUNNING_HEAD - 8 },
                    RUNNING_HEAD_SIZE, CX_INK (CX_MAP_TEXT_CANVAS_DIM),
                    CX_TEXT_RIGHT | CX_TEXT_MIDDLE);
  cx_map_draw_text (&painter, title != NULL ? title : _("Untitled plan"),
                    &(cairo_rectangle_t) { 0, 0, MAX (self->width - width - 24, 1),
                                           RUNNING_HEAD - 8 },
                    RUNNING_HEAD_SIZE, CX_INK (CX_MAP_TEXT_CANVAS_DIM),
                    CX_TEXT_BOLD | CX_TEXT_MIDDLE);
  cx_map_painter_clear (&painter);

  cx_set_color (cr, &self->theme->grid);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, 0, RUNNING_HEAD - 4.5);
  cairo_line_to (cr, self->width, RUNNING_HEAD - 4.5);
  cairo_stroke (cr);
}

/**
 * cx_map_print_draw_page:
 * @self: a #CxMapPrint
 * @cr: where to draw, in points, the printable area's top left at (0, 0)
 * @index: the page, from 0
 *
 * Draws page @index: its head (the title block, or the running head),
 * its part of the map with the top rows and the lane names, and the
 * legend if it ends there.
 */
void
cx_map_print_draw_page (CxMapPrint *self,
                        cairo_t    *cr,
                        guint       index)
{
  const CxMapPrintPage *page;
  CxMapRenderOptions options;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < self->pages->len);

  page = &g_array_index (self->pages, CxMapPrintPage, index);
  options = (CxMapRenderOptions) {
    .theme = self->theme,
    .selected = NULL,
    .zoom = self->scale * PAPER_LEGIBILITY,
  };

  /* nothing past the printable area: a span's gap may run on to it */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);

  cairo_save (cr);
  if (page->title)
    {
      /* a title too long for half a page is cut there */
      cairo_rectangle (cr, 0, 0, self->width, self->title_height);
      cairo_clip (cr);
      cx_map_render_title_block (self->layout, cr, self->width, self->theme);
    }
  else
    {
      draw_running_head (self, cr, index);
    }
  cairo_restore (cr);

  if (page->shows_map)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, page->map_y);
      cairo_scale (cr, self->scale, self->scale);
      cx_map_render_headed_page (self->layout, cr, &page->columns, &page->lanes, &options);
      cairo_restore (cr);
    }

  if (page->legend_y >= 0)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, page->legend_y);
      cx_map_render_legend (self->layout, cr, self->width, self->theme);
      cairo_restore (cr);
    }

  cairo_restore (cr);
}

G_DEFINE_ENUM_TYPE (CxMapPrintScale, cx_map_print_scale,
  G_DEFINE_ENUM_VALUE (CX_MAP_PRINT_ACTUAL_SIZE, "actual-size"),
  G_DEFINE_ENUM_VALUE (CX_MAP_PRINT_FIT_WIDTH, "fit-width"))
